// Session files: a session's seed and decision history as TOML, tied to the exact scenario it was
// played against. Restoring replays the history, so a save from another version of the scenario is
// detected and reported, never misapplied.
#pragma once

#include "diagnostics.hpp"
#include "model.hpp"
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

// E701 another scenario, E702 another version of it, E703 the history no longer replays.
[[nodiscard]] std::optional<Session> restore_session(const Scenario& scenario, const SessionRecord& record,
                                                     const std::string& path, Diagnostics& diags);

}  // namespace measured
