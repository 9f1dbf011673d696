// Shortest routes to endings and choices that can never be taken, with reasons.
#include "paths.hpp"

#include "text.hpp"

namespace measured {

namespace {

const Choice& step_choice(const Scenario& s, int scene, int choice) {
    const Scene& sc = s.scene(scene);
    return choice < 0 ? *sc.timeout : sc.choices[static_cast<std::size_t>(choice)];
}

std::string list_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < 5; ++i) out += (i ? ", '" : "'") + ids[i] + "'";
    if (ids.size() > 5) out += " and " + std::to_string(ids.size() - 5) + " more";
    return out;
}

// Why nothing reaches `node` although the walk was complete.
std::string unreachable_reason(const Scenario& s, int node, const std::vector<Edge>& edges, const std::vector<bool>& structural,
                               const Exploration& ex) {
    std::vector<std::string> never_offered, unreached_from;
    bool any = false;
    for (const auto& e : edges) {
        if (e.to != node) continue;
        any = true;
        const Scene& sc = s.scene(e.from);
        if (!ex.node_reached[static_cast<std::size_t>(e.from)]) unreached_from.push_back(sc.id);
        else if (e.choice >= 0 && !ex.choice_offered[static_cast<std::size_t>(e.from)][static_cast<std::size_t>(e.choice)])
            never_offered.push_back(sc.choices[static_cast<std::size_t>(e.choice)].id + "' in scene '" + sc.id + "' (`" +
                                    sc.choices[static_cast<std::size_t>(e.choice)].condition_text + "`)");
    }
    if (!any) return "no choice leads to it";
    if (!structural[static_cast<std::size_t>(node)]) return "only scenes that cannot be reached lead to it: " + list_ids(unreached_from);
    std::string why;
    if (!never_offered.empty()) {
        why = "the choices that lead to it are never offered: ";
        for (std::size_t i = 0; i < never_offered.size(); ++i) why += (i ? ", '" : "'") + never_offered[i];
    }
    if (!unreached_from.empty()) why += std::string(why.empty() ? "" : "; ") + "scenes that lead to it are never reached given the conditions: " + list_ids(unreached_from);
    return why.empty() ? "no state of the walk reaches it" : why;
}

}  // namespace

std::string describe_step(const Scenario& s, const PathStep& step) {
    const Scene& sc = s.scene(step.scene);
    std::string out = sc.id + " → " + (step.choice < 0 ? std::string("timeout") : sc.choices[static_cast<std::size_t>(step.choice)].id);
    if (step.outcome >= 0) out += " (" + step_choice(s, step.scene, step.choice).outcomes[static_cast<std::size_t>(step.outcome)].id + ")";
    return out;
}

std::vector<std::string> route_choice_ids(const Scenario& s, const std::vector<PathStep>& steps) {
    std::vector<std::string> out;
    for (const auto& st : steps)
        out.push_back(st.choice < 0 ? std::string("timeout") : s.scene(st.scene).choices[static_cast<std::size_t>(st.choice)].id);
    return out;
}

PathsReport find_paths(const Scenario& s, std::size_t max_states) {
    PathsReport report;
    Routes routes;
    const Exploration ex = explore(s, max_states, &routes);
    const auto edges = scenario_edges(s);
    const auto structural = structurally_reachable(s, edges);
    report.complete = ex.complete;
    report.states = ex.states;

    for (std::size_t e = 0; e < s.endings.size(); ++e) {
        EndingPath p;
        p.ending = static_cast<int>(s.scenes.size() + e);
        p.reached = routes.reached[e];
        if (p.reached) {
            int at = s.start_node();
            for (const auto& r : routes.to_ending[e]) {
                p.steps.push_back({at, r.choice, r.outcome});
                const Choice& c = step_choice(s, at, r.choice);
                at = r.outcome >= 0 ? c.outcomes[static_cast<std::size_t>(r.outcome)].target.node : c.target.node;
            }
        } else if (!ex.complete) {
            p.reason = "not found among the first " + std::to_string(ex.states) + " states (the search stopped there; narrow the variables' ranges)";
        } else {
            p.reason = unreachable_reason(s, p.ending, edges, structural, ex);
        }
        report.endings.push_back(std::move(p));
    }

    if (!ex.complete) return report;   // "never" cannot be claimed from a partial walk
    for (std::size_t i = 0; i < s.scenes.size(); ++i) {
        const Scene& sc = s.scenes[i];
        const bool reached = ex.node_reached[i];
        for_each_choice(sc, [&](const Choice& c, int index) {
            if (!reached) {
                report.never_taken.push_back({static_cast<int>(i), index, "scene '" + sc.id + "' is never reached"});
            } else if (index >= 0 && !ex.choice_offered[i][static_cast<std::size_t>(index)]) {
                report.never_taken.push_back(
                    {static_cast<int>(i), index, "its condition `" + c.condition_text + "` is false every time scene '" + sc.id + "' is reached"});
            }
        });
    }
    return report;
}

}  // namespace measured
