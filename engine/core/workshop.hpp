// Workshop records: what a group did with a scenario in Workshop mode. The path the group played,
// how it voted at each decision and what the trainer played (an override of the vote is logged with
// its reason), the flags set during the session, and every "what if" branch explored. A record is
// TOML like a session file; each branch replays exactly, so a report is recomputed from the
// scenario, never trusted from the file.
#pragma once

#include "catalogue.hpp"
#include "debrief.hpp"
#include "diagnostics.hpp"
#include "model.hpp"
#include "session.hpp"
#include "toml_source.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace measured {

inline constexpr int workshop_file_version = 1;

// The votes for one option, by choice id ("timeout" for letting the time run out).
struct VoteCount {
    std::string choice;
    int votes = 0;
};

struct WorkshopDecision {
    Decision decision;                 // scene, choice, outcome, clock seconds, timed_out
    std::vector<VoteCount> votes;      // the options offered, in the order shown; empty: no vote taken
    bool overridden = false;           // the trainer played something other than the vote's plurality
    std::string reason;                // why (required when overridden)
    double at = 0;                     // seconds since the workshop began, when it was played
};

// The option with the most votes, or "" when no votes were cast or the top is a tie.
[[nodiscard]] std::string plurality(const std::vector<VoteCount>& votes);
[[nodiscard]] int total_votes(const std::vector<VoteCount>& votes);

struct WorkshopFlag {
    std::size_t branch = 0;
    std::size_t decisions = 0;         // decisions made on that branch when it was set
    std::string node;                  // the scene or ending on screen
    double at = 0;                     // seconds since the workshop began
    std::string note;                  // may be empty
};

struct WorkshopBranch {
    int parent = -1;                   // the branch it was forked from; -1 for the main line
    std::size_t fork = 0;              // decisions it shares with its parent
    std::vector<WorkshopDecision> decisions;   // the whole playthrough, the shared part included
    std::string ending;                // the ending reached, or ""
};

struct WorkshopRecord {
    std::string scenario_id;
    std::string scenario_version;
    std::string scenario_fingerprint;
    std::string scenario_path;
    std::string scenario_title;
    std::uint64_t seed = 0;
    double timer_scale = 1.0;
    std::string started;               // local date and time given by the app: "2026-11-23 14:05"
    std::string group;                 // the trainer's label for the group, may be empty
    double duration = 0;               // seconds from the start to the last thing recorded
    bool ended = false;                // the trainer ended it (else the runner stopped mid-way: resumable)
    std::vector<WorkshopBranch> branches;   // [0] is the path the group played
    std::vector<WorkshopFlag> flags;
};

// A new record for a scenario (one empty main branch).
[[nodiscard]] WorkshopRecord new_workshop_record(const Scenario& s, std::uint64_t seed, std::string started);

[[nodiscard]] std::string workshop_to_toml(const WorkshopRecord& r);
// Writes atomically; "" or the reason.
[[nodiscard]] std::string save_workshop(const WorkshopRecord& r, const std::string& path);

// E710 malformed workshop record (with the line and column of the problem).
[[nodiscard]] std::optional<WorkshopRecord> read_workshop_file(const std::string& path, Diagnostics& diags);
// The same from bytes already read (the fuzzer's entry point; no size limit).
[[nodiscard]] std::optional<WorkshopRecord> read_workshop_source(const SourceFile& file, Diagnostics& diags);

// Replays one branch on the scenario: E701 another scenario, E702 another version, E703 the
// decisions no longer replay.
[[nodiscard]] std::optional<Session> replay_branch(const Scenario& scenario, const WorkshopRecord& r, std::size_t branch,
                                                   const std::string& path, Diagnostics& diags);

// True when a file starts like a workshop record (`measured_workshop = …`), so tools reading a mix
// of session files and workshop records can tell them apart before parsing.
[[nodiscard]] bool looks_like_workshop_file(const std::string& path);

// The group debrief: the record and, for each branch, its debrief (scored from the scenario).
struct GroupDebrief {
    WorkshopRecord record;
    std::vector<Debrief> branches;     // same order as record.branches
};

// Replays every branch (the errors of replay_branch when one does not replay).
[[nodiscard]] std::optional<GroupDebrief> make_group_debrief(const Scenario& scenario, const Catalogue* catalogue,
                                                             WorkshopRecord record, const std::string& path, Diagnostics& diags);

}  // namespace measured
