// Scoring.
#include "debrief.hpp"

#include <algorithm>
#include <cmath>

namespace measured {

std::vector<RatedPrinciple> rate_choice(const Choice& c, const Catalogue* cat) {
    std::vector<RatedPrinciple> out;
    for (const auto& a : c.assessments) {
        RatedPrinciple r;
        r.principle = a.principle;
        const Principle* p = cat ? cat->find_principle(a.principle) : nullptr;
        r.principle_name = p ? p->name : a.principle;
        r.rating = a.rating;
        r.feedback = a.feedback;
        for (const auto& c2 : a.cites) r.cites.push_back(c2.id);
        r.critical = a.critical;
        r.hard_fail = a.hard_fail;
        out.push_back(std::move(r));
    }
    return out;
}

Debrief make_debrief(const Session& session, const Catalogue* cat) {
    const Scenario& s = session.scenario();
    Debrief d;
    d.scenario_id = s.id;
    d.scenario_title = s.title;
    d.scenario_version = s.version;
    d.seed = session.seed();
    d.timer_scale = session.timer_scale;
    d.complete = session.finished();
    if (const Ending* e = session.ending()) {
        d.ending = e->id;
        d.ending_title = session.render(e->title);
        d.outcome = e->outcome;
        d.ending_text = session.render(e->text);
        d.summary = session.render(e->debrief);
        d.discussion = e->discussion;
    }
    d.discussion.insert(d.discussion.end(), s.discussion.begin(), s.discussion.end());

    // Replay step by step so labels and narration read as the trainee saw them.
    Session replay(s, session.seed());
    const auto& history = session.history();
    for (std::size_t i = 0; i < history.size(); ++i) {
        const Decision& h = history[i];
        const Scene* sc = replay.scene();
        if (!sc) break;
        DecisionReport r;
        r.number = static_cast<int>(i) + 1;
        r.scene = sc->id;
        r.scene_title = replay.render(sc->title);
        r.choice = h.choice;
        r.timed_out = h.timed_out;
        r.seconds = h.seconds;
        const Choice* chosen = nullptr;
        if (h.timed_out) {
            chosen = sc->timeout ? &*sc->timeout : nullptr;
            r.label = "(time ran out)";
        }
        for (int idx : replay.available_choices()) {
            const Choice& c = sc->choices[static_cast<std::size_t>(idx)];
            Alternative alt{c.id, replay.render(c.label), !h.timed_out && c.id == h.choice, rate_choice(c, cat)};
            if (alt.chosen) {
                chosen = &c;
                r.label = alt.label;
            }
            r.alternatives.push_back(std::move(alt));
        }
        if (sc->timeout) r.alternatives.push_back({"timeout", "(let the time run out)", h.timed_out, rate_choice(*sc->timeout, cat)});
        if (chosen) r.ratings = rate_choice(*chosen, cat);
        const StepResult step = h.timed_out ? replay.time_out(h.seconds) : replay.choose_id(h.choice, h.seconds);
        if (!step.ok) break;
        r.outcome = replay.history().back().outcome;
        r.narration = replay.narration();
        d.total_seconds += h.seconds;
        d.decisions.push_back(std::move(r));
    }

    // Per-principle results, in catalogue order (then first-seen order for unknown ones).
    std::vector<std::string> order;
    if (cat)
        for (const auto& p : cat->principles) order.push_back(p.id);
    for (const auto& dr : d.decisions)
        for (const auto& r : dr.ratings)
            if (std::find(order.begin(), order.end(), r.principle) == order.end()) order.push_back(r.principle);
    for (const auto& pid : order) {
        PrincipleResult pr;
        pr.principle = pid;
        for (const auto& dr : d.decisions) {
            for (const auto& r : dr.ratings) {
                if (r.principle != pid) continue;
                pr.name = r.principle_name;
                ++pr.assessed;
                pr.points += rating_points(r.rating);
                pr.max_points += 3;
                pr.counts[static_cast<std::size_t>(r.rating)]++;
                if (static_cast<int>(r.rating) > static_cast<int>(pr.worst)) pr.worst = r.rating;
                pr.decisions.push_back(dr.number);
                if (r.critical) {
                    std::string title;
                    if (cat)
                        for (const auto& h : cat->hard_fails)
                            if (h.id == r.hard_fail) title = h.title;
                    d.critical.push_back({dr.number, r.principle, r.principle_name, r.hard_fail, title, r.feedback, r.cites});
                }
            }
        }
        if (pr.assessed == 0) continue;
        pr.percent = static_cast<int>(std::lround(100.0 * pr.points / pr.max_points));
        d.principles.push_back(std::move(pr));
    }
    std::stable_sort(d.critical.begin(), d.critical.end(), [](const auto& a, const auto& b) { return a.decision < b.decision; });
    return d;
}

}  // namespace measured
