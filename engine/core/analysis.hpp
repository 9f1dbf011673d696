// Graph and state-space analysis of a loaded scenario: edges, reachability, loops, the longest path,
// and an exhaustive walk of (scene, variables) states that finds dead ends and choices that can never
// be offered. Used by the validator, `stats` and (later) the author tools.
#pragma once

#include "model.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace measured {

struct Edge {
    int from = -1;
    int to = -1;
    int choice = -1;    // index into the scene's choices; -1 = the timeout
    int outcome = -1;   // index into the choice's outcomes; -1 = its target
};

// Every resolved edge, scene by scene.
[[nodiscard]] std::vector<Edge> scenario_edges(const Scenario& s);

// Nodes reachable from the start ignoring conditions.
[[nodiscard]] std::vector<bool> structurally_reachable(const Scenario& s, const std::vector<Edge>& edges);

// Strongly connected components with no way out and no ending: the player would be stuck for ever.
[[nodiscard]] std::vector<std::vector<int>> closed_loops(const Scenario& s, const std::vector<Edge>& edges);

// The number of decisions on the longest loop-free path from the start to an ending, ignoring
// conditions. `exact` is false when the search had to stop early (very large, cyclic graphs).
struct LongestPath {
    int decisions = 0;
    bool exact = true;
};
[[nodiscard]] LongestPath longest_path(const Scenario& s, const std::vector<Edge>& edges);

struct DeadEnd {
    int node = -1;
    std::vector<std::int64_t> values;
};

struct Exploration {
    bool complete = true;            // false when the state limit was hit
    std::size_t states = 0;
    std::size_t limit = 0;           // the state limit that applied (smaller with many variables)
    std::vector<bool> node_reached;  // per node
    std::vector<std::vector<bool>> choice_offered;   // per scene, per choice
    std::vector<DeadEnd> dead_ends;  // first few states where nothing can be chosen
    // Per variable: whether any condition depends on it (directly, or through the effects that set
    // the variables a condition reads). Without routes, the walk tracks only these: the others
    // cannot change which scenes and choices are reached, so their values are left at the start's.
    std::vector<bool> relevant;
};

// The variables conditions depend on (see Exploration::relevant).
[[nodiscard]] std::vector<bool> condition_variables(const Scenario& s);


// One step of a route: the choice (index into the scene's choices, -1 for the timeout) and the random
// outcome it must draw (-1 when the choice has none).
struct RouteStep {
    int choice = -1;
    int outcome = -1;
};

// For each ending (in order), the shortest sequence of decisions that reaches it from the start,
// taking conditions and random outcomes into account; empty with `reached[i] == false` when it
// cannot be reached (or not within the state limit).
struct Routes {
    std::vector<std::vector<RouteStep>> to_ending;
    std::vector<bool> reached;
    bool complete = true;
};
[[nodiscard]] Routes shortest_routes(const Scenario& s, std::size_t max_states = 200000);

// Walks every reachable (node, variables) state, following every choice, outcome and timeout; with
// `routes`, also finds the shortest route to each ending in the same walk.
[[nodiscard]] Exploration explore(const Scenario& s, std::size_t max_states = 200000, Routes* routes = nullptr);

}  // namespace measured
