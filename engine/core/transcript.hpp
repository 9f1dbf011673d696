// Scripted transcripts (`*.test.toml` beside a scenario): cases of a seed and a choice sequence with
// the scenes, variables, ending, outcome and ratings the author expects. Running them turns every
// difference into a located diagnostic; recording writes one case per ending not yet covered.
#pragma once

#include "catalogue.hpp"
#include "diagnostics.hpp"
#include "model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace measured {

template <typename T>
struct Expected {
    std::string key;   // principle or variable id; empty for single values
    T value{};
    Span span;
};

struct TranscriptCase {
    std::string name;
    Span span;
    std::uint64_t seed = 1;
    std::vector<Expected<std::string>> choices;
    std::optional<Expected<std::vector<std::string>>> scenes;
    std::optional<Expected<std::string>> ending;
    std::optional<Expected<std::string>> outcome;
    std::vector<Expected<std::int64_t>> variables;   // booleans as 0/1 (the scenario says which)
    std::vector<Expected<Rating>> ratings;
    std::vector<Expected<std::int64_t>> percent;
    std::optional<Expected<std::int64_t>> critical;
};

struct Transcript {
    std::string path;
    std::string scenario_path;   // resolved against the transcript's folder
    Span scenario_span;
    std::vector<TranscriptCase> cases;
};

// The scenario a transcript belongs to when it does not say: "x.test.toml" → "x.toml".
[[nodiscard]] std::string default_scenario_for(const std::string& transcript_path);
// The transcript a scenario's recorder writes: "x.toml" → "x.test.toml".
[[nodiscard]] std::string transcript_path_for(const std::string& scenario_path);

// E001–E013 for the file, E100–E102 and W100 for its shape.
[[nodiscard]] std::optional<Transcript> load_transcript(const std::string& path, Diagnostics& diags);

struct CaseOutcome {
    std::string name;
    bool passed = false;
};

// Plays each case. E901 when a scripted choice cannot be made, E902 for each expectation not met,
// E202/E203 for a variable or principle the scenario does not have.
[[nodiscard]] std::vector<CaseOutcome> run_transcript(const Transcript& t, const Scenario& s, const Catalogue* catalogue,
                                                      Diagnostics& diags);

// TOML text of one [[case]] per reachable ending that no existing case expects (all of them when
// `covered` is empty): the shortest route there, a seed that draws its random outcomes, and what
// the run produces. `missing` receives the endings that could not be recorded, with the reason.
[[nodiscard]] std::string record_cases(const Scenario& s, const Catalogue* catalogue, const std::vector<std::string>& covered,
                                       std::vector<std::string>& missing);

}  // namespace measured
