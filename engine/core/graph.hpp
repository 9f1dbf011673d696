// The scenario map: scenes and endings as nodes, choices (and their random outcomes and timeouts) as
// edges, laid out in columns from the start. The runner draws it; `measured-cli graph` writes it for
// Graphviz (dot) and Markdown (Mermaid).
#pragma once

#include "model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace measured {

struct MapNode {
    int node = -1;            // scenario node index
    int column = 0;           // distance from the start along the longest loop-free path
    int row = 0;              // position within its column, top to bottom
    bool reachable = true;    // on the map from the start (ignoring conditions)
};

struct MapEdge {
    int from = -1;
    int to = -1;
    int choice = -1;          // index into the scene's choices; -1 = the timeout
    int outcome = -1;         // index into the choice's outcomes; -1 = none
    std::optional<Rating> worst;   // the choice's worst rating; none when unscored
    bool conditional = false; // the choice has a condition
    bool backward = false;    // leads back to an earlier column (a loop)
};

struct ScenarioMap {
    std::vector<MapNode> nodes;   // by node index
    std::vector<MapEdge> edges;
    int columns = 0;
    int rows = 0;                 // the tallest column
};

// Columns by longest path from the start (loops broken where they close); rows ordered to keep
// edges short (a few median sweeps). Unreachable nodes get a last column of their own.
[[nodiscard]] ScenarioMap build_map(const Scenario& s);

// The worst rating among a choice's assessments.
[[nodiscard]] std::optional<Rating> worst_rating(const Choice& c);

// The label of an edge: "choice-id", "choice-id → outcome-id (1 in 3)", "timeout (30 s)".
[[nodiscard]] std::string edge_label(const Scenario& s, const MapEdge& e);

// Graphviz: scenes as boxes (timed ones say so), endings as rounded boxes filled by outcome,
// random outcomes dashed, choices coloured by their worst rating.
[[nodiscard]] std::string map_to_dot(const Scenario& s, const ScenarioMap& m);
// Mermaid flowchart for Markdown; the same marks as classes and link styles.
[[nodiscard]] std::string map_to_mermaid(const Scenario& s, const ScenarioMap& m);

}  // namespace measured
