// The scenario loader: TOML file → Scenario plus every problem found on the way (syntax, schema,
// ids, references, expressions, interpolation). Semantic checks that need the whole graph or the
// catalogue live in validator.hpp.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"
#include "toml_source.hpp"

#include <optional>
#include <string>

namespace measured {

struct ScenarioLimits {
    std::size_t max_nodes = 2000;        // scenes + endings
    std::size_t max_choices = 9;         // per scene, keys 1–9
    std::size_t max_text = 20000;        // code points per text
    std::size_t max_variables = 200;
    std::size_t max_outcomes = 20;
};

// Returns the scenario when the file could be read and parsed, even if it has errors (so tools can
// show as much as possible); callers check diags.has_errors() before running it.
[[nodiscard]] std::optional<Scenario> load_scenario(const std::string& path, Diagnostics& diags, ScenarioLimits limits = {});
[[nodiscard]] std::optional<Scenario> load_scenario_source(const SourceFile& file, Diagnostics& diags, ScenarioLimits limits = {});

}  // namespace measured
