// The session runtime.
#include "session.hpp"

#include "interpolate.hpp"
#include "text.hpp"

namespace measured {

namespace {
std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
}  // namespace

std::uint64_t outcome_draw(std::uint64_t seed, std::size_t decision_index, std::string_view scene_id, std::string_view choice_id) {
    std::uint64_t h = fnv1a64(scene_id);
    h = fnv1a64("/", h);
    h = fnv1a64(choice_id, h);
    return splitmix64(seed ^ splitmix64(static_cast<std::uint64_t>(decision_index) + 1) ^ h);
}

Session::Session(const Scenario& scenario, std::uint64_t seed)
    : scenario_(&scenario), seed_(seed), infos_(scenario.variable_infos()), node_(scenario.start_node()),
      values_(scenario.initial_values()) {}

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
    std::string error;
    auto replayed = replay(*scenario_, seed_, keep, &error);
    if (!replayed) return {false, error};
    const double scale = timer_scale;
    *this = std::move(*replayed);
    timer_scale = scale;
    return {true, {}};
}

std::string Session::render(std::string_view text) const { return interpolate(text, infos_, values_); }

std::optional<Session> Session::replay(const Scenario& scenario, std::uint64_t seed, const std::vector<Decision>& history,
                                       std::string* error) {
    Session s(scenario, seed);
    if (s.node_ < 0) {
        if (error) *error = "the scenario has no start scene";
        return std::nullopt;
    }
    for (std::size_t i = 0; i < history.size(); ++i) {
        const Decision& d = history[i];
        const std::string where = "decision " + std::to_string(i + 1);
        if (s.finished()) {
            if (error) *error = where + " comes after the scenario ended";
            return std::nullopt;
        }
        if (d.scene != s.scene()->id) {
            if (error) *error = where + " was made in scene '" + d.scene + "', but the replay is in scene '" + s.scene()->id + "'";
            return std::nullopt;
        }
        const StepResult r = d.timed_out ? s.time_out(d.seconds) : s.choose_id(d.choice, d.seconds);
        if (!r.ok) {
            if (error) *error = where + ": " + r.error;
            return std::nullopt;
        }
        if (s.history_.back().outcome != d.outcome) {
            if (error) *error = where + " drew outcome '" + s.history_.back().outcome + "', but the record says '" + d.outcome + "'";
            return std::nullopt;
        }
    }
    return s;
}

}  // namespace measured
