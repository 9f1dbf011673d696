// The lowest and highest result a trainee can reach on each principle, found exactly by walking every
// (scene, variables, score so far) state from the start to the endings. A loop that keeps rating a
// principle makes that space endless, so the walk has a bound; the result says when it was hit.
#pragma once

#include "model.hpp"
#include "paths.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace measured {

struct PrincipleBounds {
    std::string principle;
    bool reached = false;              // some playthrough that rates it reached an ending in the walk
    bool rated_on_every_path = true;   // false: some endings can be reached without rating it
    int low_percent = 0;               // as the debrief rounds it
    int high_percent = 0;
    Rating best_worst = Rating::exemplary;    // the best "worst rating" a playthrough can keep
    Rating worst_worst = Rating::violation;   // the worst rating a playthrough can collect
    std::vector<PathStep> low_route;   // a shortest playthrough with the lowest result
    std::vector<PathStep> high_route;  // and with the highest
};

struct BoundsResult {
    std::vector<PrincipleBounds> principles;   // in order of first appearance in the file
    bool exact = true;                         // false when the state bound was hit
    std::size_t states = 0;                    // the most states any principle's walk needed
    std::size_t limit = 0;
};

[[nodiscard]] BoundsResult compute_bounds(const Scenario& s, std::size_t max_states = 1'000'000);

}  // namespace measured
