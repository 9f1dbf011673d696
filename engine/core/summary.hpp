// The summary across workshops and sessions: what many groups and trainees did with the same
// scenarios. Every record (a session file or a workshop record) is replayed on its scenario and
// scored from it, never trusted from the file; records that cannot be read or replayed are
// reported as diagnostics and left out, and the summary says how many. Workshops count the path the
// group played (branch 0); their "what if" branches are only counted.
#pragma once

#include "catalogue.hpp"
#include "diagnostics.hpp"
#include "model.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace measured {

// The scenario a record names, by id; nullptr when there is none (or it does not load).
using ScenarioLookup = std::function<const Scenario*(const std::string& scenario_id)>;

struct OptionTally {
    std::string choice;        // id, or "timeout"
    std::string label;         // as shown
    int votes = 0;             // workshop votes for it, summed
    int majorities = 0;        // workshop decisions where it had the most votes (ties count for none)
    int played = 0;            // sessions and workshop paths that took it
};

struct OverrideNote {
    std::string record;        // the group and date, or the file's name
    std::string played;        // label of the option the trainer played
    std::string majority;      // label of the option with most votes, "" on a tie
    std::string reason;
};

struct DecisionTally {
    std::string scene;
    std::string scene_title;
    int reached = 0;           // decisions made at this scene (twice on one path counts twice)
    int in_sessions = 0;
    int in_workshops = 0;
    int votes_taken = 0;       // workshop decisions with a vote
    int votes = 0;             // votes cast
    std::vector<OptionTally> options;     // the scene's choices in file order, then the timeout
    std::vector<OverrideNote> overrides;
};

struct PrincipleTally {
    std::string principle;
    std::string name;
    int records = 0;           // records that rated it
    double mean_percent = 0;
    int min_percent = 0;
    int max_percent = 0;
};

// A violation (or a critical rating) of one principle by one choice at one scene.
struct ViolationTally {
    std::string principle;
    std::string principle_name;
    std::string scene;
    std::string scene_title;
    std::string choice;
    std::string label;
    bool critical = false;
    int records = 0;           // records in which it happened
};

struct EndingTally {
    std::string ending;
    std::string title;
    std::string outcome;
    int records = 0;
};

struct TimeStats {
    int count = 0;
    double mean = 0;
    double median = 0;
    double min = 0;
    double max = 0;
};

struct ScenarioSummary {
    std::string id;
    std::string title;
    std::string version;
    int sessions = 0;
    int workshops = 0;
    int what_if_branches = 0;
    int unfinished = 0;
    std::vector<EndingTally> endings;            // every ending, in file order
    std::vector<DecisionTally> decisions;        // the scenes reached, in file order
    std::vector<std::string> not_reached;        // ids of the scenes no record reached
    std::vector<PrincipleTally> principles;      // catalogue order
    std::vector<ViolationTally> violations;      // most frequent first, at most 10
    int violation_kinds = 0;                     // how many different ones there were in all
    TimeStats clock;                             // clock seconds of the path played, records that finished
    TimeStats workshop_duration;                 // seconds from start to end of the workshops
    [[nodiscard]] int records() const { return sessions + workshops; }
};

struct Summary {
    std::size_t read = 0;                        // records given
    std::vector<std::string> skipped;            // paths of those left out (the diagnostics say why)
    std::vector<ScenarioSummary> scenarios;      // by id
    [[nodiscard]] std::size_t summarized() const { return read - skipped.size(); }
};

inline constexpr std::size_t summary_top_violations = 10;

// Reads and replays every record; E704 when the record's scenario is not found, and the errors of
// reading (E700, E710) and replaying (E701–E703) a record.
[[nodiscard]] Summary summarize(const std::vector<std::string>& paths, const ScenarioLookup& find_scenario, const Catalogue* catalogue,
                                Diagnostics& diags);

// E704: the scenario a record names is not in the library (or does not load).
void unknown_scenario(Diagnostics& diags, const std::string& path, const std::string& scenario_id);

[[nodiscard]] std::string summary_markdown(const Summary& s);
[[nodiscard]] std::string summary_json(const Summary& s);

}  // namespace measured
