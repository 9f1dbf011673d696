// Many playthroughs at once: the distribution of endings and per-principle results, and which scenes
// and choices the runs covered. Each run picks among the choices on offer by a policy (uniformly at
// random, or the best- or worst-rated one with random tie-breaks) and draws random outcomes by their
// weights. Compiled to flat tables so it runs millions of decisions per second.
#pragma once

#include "model.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace measured {

enum class Policy { random, best, worst };
[[nodiscard]] std::string_view policy_name(Policy p);

struct SimulateOptions {
    std::uint64_t runs = 1000;
    std::uint64_t seed = 1;
    Policy policy = Policy::random;
    // A run that has made this many decisions without ending (a loop the policy keeps taking) stops
    // and is counted as unfinished.
    int max_decisions = 1000;
};

struct PrincipleStats {
    std::string principle;
    std::uint64_t runs_assessed = 0;      // runs that rated it at least once
    double mean_percent = 0;              // over those runs
    int min_percent = 100;
    int max_percent = 0;
    std::array<std::uint64_t, 4> worst{}; // runs whose worst rating of it was exemplary … violation
};

struct SimulateResult {
    std::uint64_t runs = 0;
    std::uint64_t decisions = 0;
    std::uint64_t unfinished = 0;                  // runs stopped at max_decisions
    std::uint64_t critical_runs = 0;               // runs with at least one critical violation
    std::vector<std::uint64_t> ending_counts;      // per ending
    std::vector<std::uint64_t> scene_visits;       // per scene
    std::vector<std::vector<std::uint64_t>> choice_counts;   // per scene: per choice, then the timeout last
    std::vector<PrincipleStats> principles;        // in order of first appearance in the file
};

[[nodiscard]] SimulateResult simulate(const Scenario& s, const SimulateOptions& options);

}  // namespace measured
