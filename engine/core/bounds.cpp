// Exact score bounds per principle by breadth-first search over augmented states.
#include "bounds.hpp"

#include "state_set.hpp"

#include <algorithm>
#include <cmath>

namespace measured {

namespace {

struct Parent {
    std::size_t state;
    int choice;
    int outcome;
};

// Points and count of the principle's ratings in a choice, and its lowest rating (as points).
struct Scored {
    int points = 0;
    int count = 0;
    int low = 3;
};

Scored score_of(const Choice& c, const std::string& principle) {
    Scored out;
    for (const auto& a : c.assessments) {
        if (a.principle != principle) continue;
        out.points += rating_points(a.rating);
        ++out.count;
        out.low = std::min(out.low, rating_points(a.rating));
    }
    return out;
}

std::vector<PathStep> route_to(const StateSet& set, const std::vector<Parent>& parents, std::size_t state) {
    std::vector<PathStep> steps;
    for (std::size_t at = state; at != 0; at = parents[at].state) {
        const int scene = static_cast<int>(set.arena[parents[at].state * set.width]);
        steps.push_back({scene, parents[at].choice, parents[at].outcome});
    }
    std::reverse(steps.begin(), steps.end());
    return steps;
}

// One principle's walk. A state is [node, values…, points, count, low].
PrincipleBounds bound_one(const Scenario& s, const std::string& principle, std::size_t max_states, bool& exact, std::size_t& states_used) {
    PrincipleBounds b;
    b.principle = principle;
    const auto vars = s.variable_infos();
    const std::size_t nv = vars.size();
    StateSet set;
    set.width = nv + 4;
    std::vector<Parent> parents{{0, -1, -1}};
    std::vector<std::int64_t> first{s.start_node()};
    const auto init = s.initial_values();
    first.insert(first.end(), init.begin(), init.end());
    first.insert(first.end(), {0, 0, 3});
    set.add(first);

    // Best and worst fractions found so far at an ending (points / (3 * count)).
    bool found = false;
    std::int64_t low_p = 0, low_c = 1, high_p = 0, high_c = 1;
    std::size_t low_state = 0, high_state = 0;
    int best_low = -1, worst_low = 4;
    std::vector<std::int64_t> st, after, next;
    for (std::size_t head = 0; head < set.size(); ++head) {
        st.assign(set.arena.begin() + static_cast<std::ptrdiff_t>(head * set.width),
                  set.arena.begin() + static_cast<std::ptrdiff_t>((head + 1) * set.width));
        const int node = static_cast<int>(st[0]);
        const std::int64_t points = st[nv + 1], count = st[nv + 2], low = st[nv + 3];
        if (s.is_ending(node)) {
            if (count == 0) {
                b.rated_on_every_path = false;
                continue;
            }
            if (!found || points * low_c < low_p * count) low_p = points, low_c = count, low_state = head;
            if (!found || points * high_c > high_p * count) high_p = points, high_c = count, high_state = head;
            found = true;
            best_low = std::max(best_low, static_cast<int>(low));
            worst_low = std::min(worst_low, static_cast<int>(low));
            continue;
        }
        auto push = [&](std::vector<std::int64_t>& candidate, const Choice& c, int choice, int outcome) {
            if (set.size() >= max_states) {
                exact = false;
                return;
            }
            const Scored add = score_of(c, principle);
            candidate[nv + 1] += add.points;
            candidate[nv + 2] += add.count;
            candidate[nv + 3] = std::min<std::int64_t>(candidate[nv + 3], add.low);
            const std::size_t before = set.size();
            set.add(candidate);
            if (set.size() > before) parents.push_back({head, choice, outcome});
        };
        (void)for_each_successor(s.scene(node), vars, st, after, next, [](int) {}, push);
    }
    states_used = std::max(states_used, set.size());
    b.reached = found;
    if (found) {
        b.low_percent = static_cast<int>(std::lround(100.0 * static_cast<double>(low_p) / (3.0 * static_cast<double>(low_c))));
        b.high_percent = static_cast<int>(std::lround(100.0 * static_cast<double>(high_p) / (3.0 * static_cast<double>(high_c))));
        b.best_worst = static_cast<Rating>(3 - best_low);
        b.worst_worst = static_cast<Rating>(3 - worst_low);
        b.low_route = route_to(set, parents, low_state);
        b.high_route = route_to(set, parents, high_state);
    }
    return b;
}

}  // namespace

BoundsResult compute_bounds(const Scenario& s, std::size_t max_states) {
    BoundsResult result;
    result.limit = max_states;
    if (s.start_node() < 0) return result;
    std::vector<std::string> principles;
    for (const auto& sc : s.scenes)
        for_each_choice(sc, [&](const Choice& c, int) {
            for (const auto& a : c.assessments)
                if (std::find(principles.begin(), principles.end(), a.principle) == principles.end()) principles.push_back(a.principle);
        });
    for (const auto& p : principles) result.principles.push_back(bound_one(s, p, max_states, result.exact, result.states));
    return result;
}

}  // namespace measured
