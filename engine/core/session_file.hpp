// Session files: a session's seed and decision history as TOML, tied to the exact scenario it was
// played against. Restoring replays the history, so a save from another version of the scenario is
// detected and reported, never misapplied.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"
#include "schema.hpp"
#include "session.hpp"

#include <optional>
#include <string>

namespace measured {

inline constexpr int session_file_version = 1;

[[nodiscard]] std::string session_to_toml(const Session& s);

// Writes atomically; returns "" or the reason.
[[nodiscard]] std::string save_session(const Session& s, const std::string& path);

// What a session file says, before it is matched with a scenario.
struct SessionRecord {
    std::string scenario_id;
    std::string scenario_version;
    std::string scenario_fingerprint;
    std::string scenario_path;
    std::uint64_t seed = 0;
    double timer_scale = 1.0;
    std::string mode;              // "learn", "assess" or "" (terminal play)
    std::vector<Decision> decisions;
};

// E700 malformed session file.
[[nodiscard]] std::optional<SessionRecord> read_session_file(const std::string& path, Diagnostics& diags);
// The same from bytes already read (the fuzzer's entry point; no size limit).
[[nodiscard]] std::optional<SessionRecord> read_session_source(const SourceFile& file, Diagnostics& diags);

// E701 another scenario, E702 another version of it, E703 the history no longer replays.
[[nodiscard]] std::optional<Session> restore_session(const Scenario& scenario, const SessionRecord& record,
                                                     const std::string& path, Diagnostics& diags);

// The fields session files and workshop records share, written and read alike by both. `code` is
// the file kind's code for a malformed value (E700, E710).
[[nodiscard]] std::string toml_decimal(double value);   // "12.500": seconds, the timer scale
// scene, choice, outcome (when drawn), seconds, timed_out: one line each.
void append_decision_fields(std::string& out, const Decision& d);
[[nodiscard]] Decision read_decision_fields(const SourceFile& file, Diagnostics& diags, TableReader& t, std::string_view code);
// A number of seconds from 0 up to (not including) `max`; reported under `code` when it is not.
[[nodiscard]] std::optional<double> read_seconds(const SourceFile& file, Diagnostics& diags, TableReader& t, std::string_view key,
                                                 std::string_view code, double max);
// The seed, a whole number written in quotes (64 bits do not fit TOML's integers).
void read_seed(Diagnostics& diags, TableReader& t, std::string_view code, std::uint64_t& seed);
// The timer scale, 0 (timers off) to 4.
void read_timer_scale(const SourceFile& file, Diagnostics& diags, TableReader& t, std::string_view code, double& scale);

}  // namespace measured
