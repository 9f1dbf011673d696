// Test helpers: load scenarios from strings, find diagnostics by code and location, run the real CLI.
#pragma once

#include "catalogue.hpp"
#include "diagnostics.hpp"
#include "loader.hpp"
#include "validator.hpp"
#include "workshop.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace measured::test {

// The bundled catalogue, loaded once.
const Catalogue& catalogue();

// Paths into the source tree.
std::string source_path(const std::string& relative);
std::string data_path(const std::string& relative);

// A fresh temporary folder, removed when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::string& path() const { return path_; }
    // Writes a file inside the folder and returns its full path.
    std::string write(const std::string& name, const std::string& content) const;

private:
    std::string path_;
};

struct Loaded {
    std::optional<Scenario> scenario;
    Diagnostics diags;
};

// Loads TOML text as if it were the file `path` (default "test.toml"); loader only.
Loaded load_text(const std::string& toml, const std::string& path = "test.toml");
// Loads and validates against the bundled catalogue, writing the text to a temporary folder.
Loaded lint_text(const std::string& toml);

// Diagnostics with this code.
std::vector<Diagnostic> with_code(const Diagnostics& d, const std::string& code);
// True when a diagnostic with this code sits at this line and column.
bool has_diagnostic(const Diagnostics& d, const std::string& code, unsigned line, unsigned column);
// Line and column (1-based, code points) of the first occurrence of `needle` in `text`, plus
// `offset` bytes into it: where a diagnostic about that text should point.
struct Pos {
    unsigned line = 0;
    unsigned column = 0;
};
Pos find_pos(const std::string& text, const std::string& needle, std::size_t offset = 0);
// All diagnostics, one per line, for failure messages.
std::string dump(const Diagnostics& d);

// `text` with the first occurrence of `from` replaced by `to`; throws when `from` is missing, so a
// test whose fixture changed fails loudly instead of testing the unchanged text.
std::string replace_first(std::string text, const std::string& from, const std::string& to);

// A minimal valid scenario; tests splice their variations into it.
std::string minimal_scenario(const std::string& variables = "", const std::string& extra_scene_keys = "",
                             const std::string& extra_choice_keys = "");

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
// Runs measured-cli with the arguments (no shell), feeding `input` to its standard input.
CliResult run_cli(const std::vector<std::string>& args, const std::string& input = "", double timeout_seconds = 20);
// Runs any program (found on PATH when the name has no slash) the same way.
CliResult run_program(const std::string& program, const std::vector<std::string>& args, const std::string& input = "",
                      double timeout_seconds = 20);

// A program left running, for tests that talk to it step by step or kill it: pipes to its standard
// input and output; its standard error goes to a file (or nowhere).
class Child {
public:
    Child(const std::string& program, const std::vector<std::string>& args, const std::string& stderr_path = "/dev/null");
    ~Child();   // kills and reaps it if it still runs
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    void send(const std::string& text);
    // Reads its standard output until it has written more and all it wrote ends with `suffix`
    // (true), or until the output closes or the time runs out (false).
    bool read_until(const std::string& suffix, double timeout_seconds);
    [[nodiscard]] const std::string& output() const { return out_; }
    void kill_now();   // SIGKILL, then reaps it
    // Waits for it to exit: its exit code, 128 + the signal, or -1 when the time ran out (then it is killed).
    int wait(double timeout_seconds);
    [[nodiscard]] bool running() const { return pid_ > 0; }

private:
    int pid_ = -1;
    int in_ = -1;
    int out_fd_ = -1;
    std::string out_;
};

std::string read_file(const std::string& path);

// "1\n" n times: always the first choice shown, as standard input for `play`.
std::string first_choices(std::size_t n);
// The history of a session file, read and replayed on the scenario (the test fails if it does not).
std::vector<Decision> history_of(const std::string& session_file, const Scenario& scenario);
// Same scenes, choices, outcomes and time-outs (the seconds aside).
bool same_choices(const std::vector<Decision>& a, const std::vector<Decision>& b);
// Every scenario in the bundled library, played by `play --seed 3` always taking the first choice
// shown: the reference that crash-safety trials compare with.
struct PlayReference {
    std::string path;
    Scenario scenario;
    std::vector<Decision> plan;
};
std::vector<PlayReference> library_references(const TempDir& scratch);

// A strict JSON syntax check (RFC 8259 grammar, no extensions), so "valid JSON" is tested rather than assumed.
bool valid_json(const std::string& s);

// tests/data/golden/scenario.toml, loaded and linted once (the test fails if it has any diagnostic).
const Scenario& golden_scenario();
// Compares with tests/data/golden/NAME; MEASURED_UPDATE_GOLDEN=1 rewrites it (review the diff before committing).
void check_golden(const std::string& name, const std::string& actual);

// One decision of a workshop, played for real: the choice id ("timeout" lets the clock run out), the
// group's votes, the time on the clock and since the start, and the trainer's reason when the
// choice overrides the vote.
struct WorkshopStep {
    WorkshopStep(std::string choice_id, std::vector<VoteCount> step_votes = {}, double clock = 0, double since_start = 0, std::string reason = {})
        : choice(std::move(choice_id)), votes(std::move(step_votes)), seconds(clock), at(since_start), override_reason(std::move(reason)) {}
    std::string choice;
    std::vector<VoteCount> votes;
    double seconds = 0;
    double at = 0;
    std::string override_reason;
};
// Votes for a step, given the session just before it (for steps that list none).
using VotesFor = std::function<std::vector<VoteCount>(const Session& before, const WorkshopStep& step)>;
// Plays the steps from the start on a new Session and records them as a main-line branch, with the
// ending reached; the test fails if a step cannot be made.
WorkshopBranch play_branch(const Scenario& s, std::uint64_t seed, const std::vector<WorkshopStep>& steps, const VotesFor& votes_for = {});
// The workshop of the golden group debrief (tests/data/golden/workshop.*), played on the golden
// scenario: the group talks at the door as it voted; in the hall it votes for the baton but the
// trainer overrides and plays distance (ending 'calm'), with a flag before the hall; a what-if from
// the hall then plays the strike, which draws 'falls' and ends in 'hurt', flagged there.
WorkshopRecord golden_workshop();

}  // namespace measured::test
