// The session runtime: a deterministic state machine over a loaded scenario. Explicit seed, time
// passed in by the caller (the core never reads a clock), rewind by replay, and a history that is
// all a save file needs.
#pragma once

#include "model.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace measured {

struct Decision {
    std::string scene;     // scene id
    std::string choice;    // choice id, or "timeout"
    std::string outcome;   // random outcome id, or ""
    double seconds = 0;    // time the trainee took
    bool timed_out = false;
};

struct StepResult {
    bool ok = false;
    std::string error;     // why the step was refused
};

// An author's edit of a variable in the inspector, made after `at` decisions; kept through rewind
// and reload.
struct ValueOverride {
    std::size_t at = 0;
    std::string variable;
    std::int64_t value = 0;
};

class Session {
public:
    Session(const Scenario& scenario, std::uint64_t seed);
    // Starts at any scene with the given values (the author's "start from here"); values are
    // clamped to the declared ranges.
    Session(const Scenario& scenario, std::uint64_t seed, int start_node, std::vector<std::int64_t> values);

    [[nodiscard]] const Scenario& scenario() const { return *scenario_; }
    [[nodiscard]] std::uint64_t seed() const { return seed_; }
    [[nodiscard]] int node() const { return node_; }
    [[nodiscard]] bool finished() const { return scenario_->is_ending(node_); }
    [[nodiscard]] const Scene* scene() const { return finished() ? nullptr : &scenario_->scene(node_); }
    [[nodiscard]] const Ending* ending() const { return finished() ? &scenario_->ending(node_) : nullptr; }
    [[nodiscard]] std::span<const std::int64_t> values() const { return values_; }
    [[nodiscard]] const std::vector<Decision>& history() const { return history_; }
    // Variable values just before decision i (0-based) was made.
    [[nodiscard]] std::span<const std::int64_t> values_before(std::size_t decision) const { return before_[decision]; }

    // Indices (into the scene's choices) of the choices offered now, in the order shown.
    [[nodiscard]] std::vector<int> available_choices() const;

    // Makes the choice with this index in the scene's choice list.
    StepResult choose(int choice_index, double seconds);
    StepResult choose_id(std::string_view choice_id, double seconds);
    // The scene's timer ran out.
    StepResult time_out(double seconds);

    // Keeps the first `decisions` decisions and replays them; everything after is undone.
    StepResult rewind(std::size_t decisions);

    // Sets a variable now (clamped to its range); recorded, so rewind and replay keep it.
    StepResult set_value(std::string_view variable, std::int64_t value);
    [[nodiscard]] const std::vector<ValueOverride>& overrides() const { return overrides_; }
    [[nodiscard]] int start() const { return start_; }
    [[nodiscard]] const std::vector<std::int64_t>& start_values() const { return start_values_; }

    // The same start, edits and decisions replayed on another version of the scenario, as far as
    // they still fit: `kept` is how many decisions replayed; `error` says why the next one did not.
    [[nodiscard]] Session replay_on(const Scenario& other, std::size_t* kept, std::string* error) const;

    // What the last step narrated (the choice's and the outcome's narration), interpolated.
    [[nodiscard]] const std::string& narration() const { return narration_; }

    // Interpolates `{variable}` with the current values.
    [[nodiscard]] std::string render(std::string_view text) const;

    // Timer scale chosen by the trainee (1, 1.5, 2; 0 = no timers): an accessibility need, recorded.
    double timer_scale = 1.0;
    // How the runner presents it: "learn" (feedback after each decision, rewind allowed) or
    // "assess" (feedback at the end); "" for terminal play. Recorded in saves.
    std::string mode;

    // Replays a recorded history; fails with the reason when a decision no longer fits the scenario.
    static std::optional<Session> replay(const Scenario& scenario, std::uint64_t seed, const std::vector<Decision>& history,
                                         std::string* error);

private:
    StepResult apply(const Choice& c, std::string choice_id, double seconds, bool timed_out);
    // Replays decisions one by one, applying the overrides where they were made; stops at the first
    // decision that does not fit and says why in `error`.
    std::size_t replay_steps(const std::vector<Decision>& history, const std::vector<ValueOverride>& overrides, std::string* error);
    int draw_outcome(const Choice& c) const;

    const Scenario* scenario_;
    std::uint64_t seed_;
    std::vector<VariableInfo> infos_;
    int start_ = -1;
    std::vector<std::int64_t> start_values_;
    std::vector<ValueOverride> overrides_;
    int node_ = -1;
    std::vector<std::int64_t> values_;
    std::vector<Decision> history_;
    std::vector<std::vector<std::int64_t>> before_;
    std::string narration_;
};

// The deterministic draw behind random outcomes: a pure function of its inputs.
[[nodiscard]] std::uint64_t outcome_draw(std::uint64_t seed, std::size_t decision_index, std::string_view scene_id,
                                         std::string_view choice_id);

}  // namespace measured
