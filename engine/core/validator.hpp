// The validator: checks that need the whole scenario, the file system or the standards catalogue —
// the graph (reachability, dead ends, loops, never-offered choices), images, principles and citations.
#pragma once

#include "catalogue.hpp"
#include "diagnostics.hpp"
#include "model.hpp"

namespace measured {

struct ValidateOptions {
    const Catalogue* catalogue = nullptr;   // null: citations and principles are not checked
    std::size_t max_states = 200000;        // for the state-space walk
};

void validate(const Scenario& s, Diagnostics& diags, const ValidateOptions& options);

// Load + validate in one call: what `lint` and the runner do for every file.
struct LintResult {
    std::optional<Scenario> scenario;
    Diagnostics diagnostics;
};
[[nodiscard]] LintResult lint_scenario(const std::string& path, const ValidateOptions& options);

}  // namespace measured
