// What an author asks of a scenario's structure: for each ending, the shortest sequence of decisions
// that reaches it (conditions and random outcomes included) or why none does, and each choice that
// can never be taken, with the reason. Behind `measured-cli paths` and the transcripts' recorder.
#pragma once

#include "analysis.hpp"
#include "model.hpp"

#include <string>
#include <vector>

namespace measured {

// A route step with the scene it is taken in.
struct PathStep {
    int scene = -1;
    int choice = -1;    // index into the scene's choices; -1 = let the timer run out
    int outcome = -1;   // the random outcome it must draw; -1 when none
};

struct EndingPath {
    int ending = -1;                // node index
    bool reached = false;
    std::vector<PathStep> steps;    // when reached
    std::string reason;             // when not
};

struct NeverTaken {
    int scene = -1;
    int choice = -1;
    std::string reason;
};

struct PathsReport {
    std::vector<EndingPath> endings;       // in file order
    std::vector<NeverTaken> never_taken;   // in file order
    bool complete = true;                  // false when the state limit was hit
    std::size_t states = 0;
};

[[nodiscard]] PathsReport find_paths(const Scenario& s, std::size_t max_states = 200000);

// "scene-id → choice-id" or "scene-id → timeout", with " (outcome-id)" for a random draw.
[[nodiscard]] std::string describe_step(const Scenario& s, const PathStep& step);

// The choice ids of a route, as `play --choose` and transcripts take them ("timeout" for a timeout).
[[nodiscard]] std::vector<std::string> route_choice_ids(const Scenario& s, const std::vector<PathStep>& steps);

}  // namespace measured
