// The session runtime.
#include "session.hpp"

#include "interpolate.hpp"
#include "text.hpp"

#include <algorithm>

namespace measured {

std::uint64_t outcome_draw(std::uint64_t seed, std::size_t decision_index, std::string_view scene_id, std::string_view choice_id) {
    std::uint64_t h = fnv1a64(scene_id);
    h = fnv1a64("/", h);
    h = fnv1a64(choice_id, h);
    return splitmix64(seed ^ splitmix64(static_cast<std::uint64_t>(decision_index) + 1) ^ h);
}

Session::Session(const Scenario& scenario, std::uint64_t seed)
    : scenario_(&scenario), seed_(seed), infos_(scenario.variable_infos()), start_(scenario.start_node()),
      start_values_(scenario.initial_values()), node_(start_), values_(start_values_) {}

Session::Session(const Scenario& scenario, std::uint64_t seed, int start_node, std::vector<std::int64_t> values)
    : scenario_(&scenario), seed_(seed), infos_(scenario.variable_infos()), start_(start_node), start_values_(std::move(values)) {
    if (start_ < 0 || start_ >= scenario.node_count()) start_ = scenario.start_node();
    start_values_.resize(infos_.size());
    for (std::size_t i = 0; i < infos_.size(); ++i) start_values_[i] = std::clamp(start_values_[i], infos_[i].min, infos_[i].max);
    node_ = start_;
    values_ = start_values_;
}

std::vector<int> Session::available_choices() const {
    std::vector<int> out;
    const Scene* sc = scene();
    if (!sc) return out;
    for (std::size_t i = 0; i < sc->choices.size(); ++i) {
        const auto& c = sc->choices[i];
        if (!c.condition || evaluate(*c.condition, values_)) out.push_back(static_cast<int>(i));
    }
    return out;
}

int Session::draw_outcome(const Choice& c) const {
    std::uint64_t total = 0;
    for (const auto& o : c.outcomes) total += static_cast<std::uint64_t>(o.weight);
    if (total == 0) return 0;
    std::uint64_t r = outcome_draw(seed_, history_.size(), scene()->id, c.id) % total;
    for (std::size_t i = 0; i < c.outcomes.size(); ++i) {
        const auto w = static_cast<std::uint64_t>(c.outcomes[i].weight);
        if (r < w) return static_cast<int>(i);
        r -= w;
    }
    return static_cast<int>(c.outcomes.size()) - 1;
}

StepResult Session::apply(const Choice& c, std::string choice_id, double seconds, bool timed_out) {
    Decision d{scene()->id, std::move(choice_id), "", seconds < 0 ? 0 : seconds, timed_out};
    before_.push_back(values_);
    int target = c.target.node;
    std::string narration = c.narration;
    for (const auto& e : c.effects) apply_effect(e, infos_, values_);
    if (!c.outcomes.empty()) {
        const int o = draw_outcome(c);
        const auto& out = c.outcomes[static_cast<std::size_t>(o)];
        d.outcome = out.id;
        for (const auto& e : out.effects) apply_effect(e, infos_, values_);
        target = out.target.node;
        if (!out.narration.empty()) narration += (narration.empty() ? "" : "\n\n") + out.narration;
    }
    if (target < 0) {
        before_.pop_back();
        return {false, "the choice leads nowhere (the scenario has errors)"};
    }
    history_.push_back(std::move(d));
    node_ = target;
    narration_ = render(narration);
    return {true, {}};
}

StepResult Session::choose(int choice_index, double seconds) {
    const Scene* sc = scene();
    if (!sc) return {false, "the scenario has ended"};
    if (choice_index < 0 || static_cast<std::size_t>(choice_index) >= sc->choices.size())
        return {false, "scene '" + sc->id + "' has no choice number " + std::to_string(choice_index + 1)};
    const Choice& c = sc->choices[static_cast<std::size_t>(choice_index)];
    if (c.condition && !evaluate(*c.condition, values_)) return {false, "choice '" + c.id + "' is not available now"};
    return apply(c, c.id, seconds, false);
}

StepResult Session::choose_id(std::string_view choice_id, double seconds) {
    const Scene* sc = scene();
    if (!sc) return {false, "the scenario has ended"};
    for (std::size_t i = 0; i < sc->choices.size(); ++i)
        if (sc->choices[i].id == choice_id) return choose(static_cast<int>(i), seconds);
    return {false, "scene '" + sc->id + "' has no choice '" + std::string(choice_id) + "'"};
}

StepResult Session::time_out(double seconds) {
    const Scene* sc = scene();
    if (!sc) return {false, "the scenario has ended"};
    if (!sc->timeout) return {false, "scene '" + sc->id + "' has no time limit"};
    return apply(*sc->timeout, "timeout", seconds, true);
}

StepResult Session::rewind(std::size_t decisions) {
    if (decisions > history_.size())
        return {false, "cannot rewind to decision " + std::to_string(decisions) + "; only " + std::to_string(history_.size()) + " were made"};
    std::vector<Decision> keep(history_.begin(), history_.begin() + static_cast<std::ptrdiff_t>(decisions));
    std::vector<ValueOverride> edits;
    for (const auto& o : overrides_)
        if (o.at <= decisions) edits.push_back(o);
    Session fresh(*scenario_, seed_, start_, start_values_);
    std::string error;
    if (fresh.replay_steps(keep, edits, &error) != keep.size()) return {false, error};
    fresh.timer_scale = timer_scale;
    fresh.mode = mode;
    *this = std::move(fresh);
    return {true, {}};
}

StepResult Session::set_value(std::string_view variable, std::int64_t value) {
    for (std::size_t i = 0; i < infos_.size(); ++i) {
        if (infos_[i].id != variable) continue;
        values_[i] = std::clamp(value, infos_[i].min, infos_[i].max);
        overrides_.push_back({history_.size(), infos_[i].id, values_[i]});
        return {true, {}};
    }
    return {false, "the scenario has no variable '" + std::string(variable) + "'"};
}

std::size_t Session::replay_steps(const std::vector<Decision>& history, const std::vector<ValueOverride>& overrides, std::string* error) {
    std::size_t next_edit = 0;
    auto apply_edits = [&] {
        for (; next_edit < overrides.size() && overrides[next_edit].at <= history_.size(); ++next_edit)
            (void)set_value(overrides[next_edit].variable, overrides[next_edit].value);
    };
    apply_edits();
    for (std::size_t i = 0; i < history.size(); ++i) {
        const Decision& d = history[i];
        const std::string where = "decision " + std::to_string(i + 1);
        std::string why;
        if (finished()) {
            why = where + " comes after the scenario ended";
        } else if (d.scene != scene()->id) {
            why = where + " was made in scene '" + d.scene + "', but the replay is in scene '" + scene()->id + "'";
        } else if (d.timed_out != (d.choice == "timeout")) {
            why = where + (d.timed_out ? " says the time ran out but names the choice '" + d.choice + "'"
                                       : " names the choice 'timeout' but says the time did not run out");
        } else {
            const StepResult r = d.timed_out ? time_out(d.seconds) : choose_id(d.choice, d.seconds);
            if (!r.ok) why = where + ": " + r.error;
            else if (history_.back().outcome != d.outcome) {
                why = where + " drew outcome '" + history_.back().outcome + "', but the record says '" + d.outcome + "'";
                (void)rewind(i);   // undo the step that drew differently
            }
        }
        if (!why.empty()) {
            if (error) *error = why;
            return i;
        }
        apply_edits();
    }
    return history.size();
}

Session Session::replay_on(const Scenario& other, std::size_t* kept, std::string* error) const {
    const int start = other.find_node(scenario_->node_id(start_));
    std::vector<std::int64_t> values = other.initial_values();
    for (std::size_t i = 0; i < other.variables.size(); ++i)
        for (std::size_t j = 0; j < infos_.size(); ++j)
            if (infos_[j].id == other.variables[i].info.id) values[i] = start_values_[j];
    Session fresh(other, seed_, start, std::move(values));
    fresh.timer_scale = timer_scale;
    fresh.mode = mode;
    std::string why;
    const std::size_t n = fresh.replay_steps(history_, overrides_, &why);
    if (kept) *kept = n;
    if (error) *error = why;
    return fresh;
}

std::string Session::render(std::string_view text) const { return interpolate(text, infos_, values_); }

std::optional<Session> Session::replay(const Scenario& scenario, std::uint64_t seed, const std::vector<Decision>& history,
                                       std::string* error) {
    Session s(scenario, seed);
    if (s.node_ < 0) {
        if (error) *error = "the scenario has no start scene";
        return std::nullopt;
    }
    if (s.replay_steps(history, {}, error) != history.size()) return std::nullopt;
    return s;
}

}  // namespace measured
