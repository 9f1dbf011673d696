// Graph and state-space analysis.
#include "analysis.hpp"

#include "state_set.hpp"
#include "text.hpp"

#include <algorithm>
#include <functional>

namespace measured {

std::vector<Edge> scenario_edges(const Scenario& s) {
    std::vector<Edge> out;
    for (std::size_t i = 0; i < s.scenes.size(); ++i) {
        const auto& sc = s.scenes[i];
        auto add = [&](const Choice& c, int choice_index) {
            if (c.outcomes.empty()) {
                if (c.target.node >= 0) out.push_back({static_cast<int>(i), c.target.node, choice_index, -1});
            } else {
                for (std::size_t o = 0; o < c.outcomes.size(); ++o)
                    if (c.outcomes[o].target.node >= 0)
                        out.push_back({static_cast<int>(i), c.outcomes[o].target.node, choice_index, static_cast<int>(o)});
            }
        };
        for_each_choice(sc, add);
    }
    return out;
}

namespace {
std::vector<std::vector<int>> adjacency(const Scenario& s, const std::vector<Edge>& edges) {
    std::vector<std::vector<int>> adj(static_cast<std::size_t>(s.node_count()));
    for (const auto& e : edges) adj[static_cast<std::size_t>(e.from)].push_back(e.to);
    for (auto& a : adj) {
        std::sort(a.begin(), a.end());
        a.erase(std::unique(a.begin(), a.end()), a.end());
    }
    return adj;
}
}  // namespace

std::vector<bool> structurally_reachable(const Scenario& s, const std::vector<Edge>& edges) {
    std::vector<bool> seen(static_cast<std::size_t>(s.node_count()), false);
    const int start = s.start_node();
    if (start < 0) return seen;
    const auto adj = adjacency(s, edges);
    std::vector<int> stack{start};
    seen[static_cast<std::size_t>(start)] = true;
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        for (int m : adj[static_cast<std::size_t>(n)])
            if (!seen[static_cast<std::size_t>(m)]) {
                seen[static_cast<std::size_t>(m)] = true;
                stack.push_back(m);
            }
    }
    return seen;
}

namespace {
// Tarjan's algorithm, iterative so a long chain of scenes cannot overflow the stack.
std::vector<int> components(const std::vector<std::vector<int>>& adj, int& count) {
    const std::size_t n = adj.size();
    std::vector<int> index(n, -1), low(n, 0), comp(n, -1);
    std::vector<bool> on_stack(n, false);
    std::vector<int> stack;
    int next_index = 0;
    count = 0;
    for (std::size_t root = 0; root < n; ++root) {
        if (index[root] >= 0) continue;
        std::vector<std::pair<int, std::size_t>> work{{static_cast<int>(root), 0}};
        while (!work.empty()) {
            auto& [v, child] = work.back();
            const auto uv = static_cast<std::size_t>(v);
            if (child == 0 && index[uv] < 0) {
                index[uv] = low[uv] = next_index++;
                stack.push_back(v);
                on_stack[uv] = true;
            }
            if (child < adj[uv].size()) {
                const int w = adj[uv][child++];
                const auto uw = static_cast<std::size_t>(w);
                if (index[uw] < 0) work.push_back({w, 0});
                else if (on_stack[uw]) low[uv] = std::min(low[uv], index[uw]);
                continue;
            }
            if (low[uv] == index[uv]) {
                int w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[static_cast<std::size_t>(w)] = false;
                    comp[static_cast<std::size_t>(w)] = count;
                } while (w != v);
                ++count;
            }
            const int done = v;
            work.pop_back();
            if (!work.empty()) {
                const auto up = static_cast<std::size_t>(work.back().first);
                low[up] = std::min(low[up], low[static_cast<std::size_t>(done)]);
            }
        }
    }
    return comp;
}
}  // namespace

std::vector<std::vector<int>> closed_loops(const Scenario& s, const std::vector<Edge>& edges) {
    const auto adj = adjacency(s, edges);
    int count = 0;
    const auto comp = components(adj, count);
    std::vector<std::vector<int>> members(static_cast<std::size_t>(count));
    for (std::size_t v = 0; v < comp.size(); ++v) members[static_cast<std::size_t>(comp[v])].push_back(static_cast<int>(v));
    std::vector<std::vector<int>> out;
    for (auto& m : members) {
        bool has_exit = false, cyclic = m.size() > 1, has_ending = false;
        for (int v : m) {
            if (s.is_ending(v)) has_ending = true;
            for (int w : adj[static_cast<std::size_t>(v)]) {
                if (comp[static_cast<std::size_t>(w)] != comp[static_cast<std::size_t>(v)]) has_exit = true;
                if (w == v) cyclic = true;
            }
        }
        if (cyclic && !has_exit && !has_ending) out.push_back(m);
    }
    return out;
}

LongestPath longest_path(const Scenario& s, const std::vector<Edge>& edges) {
    LongestPath result;
    const int start = s.start_node();
    if (start < 0) return result;
    const auto adj = adjacency(s, edges);
    int count = 0;
    const auto comp = components(adj, count);
    const bool acyclic = count == s.node_count() &&
                         std::none_of(edges.begin(), edges.end(), [](const Edge& e) { return e.from == e.to; });
    if (acyclic) {
        // Tarjan numbers components in reverse topological order: successors come first.
        std::vector<int> order(static_cast<std::size_t>(s.node_count()));
        for (std::size_t v = 0; v < order.size(); ++v) order[static_cast<std::size_t>(comp[v])] = static_cast<int>(v);
        std::vector<int> best(order.size(), -1);
        for (int v : order) {
            const auto uv = static_cast<std::size_t>(v);
            if (s.is_ending(v)) { best[uv] = 0; continue; }
            for (int w : adj[uv])
                if (best[static_cast<std::size_t>(w)] >= 0) best[uv] = std::max(best[uv], best[static_cast<std::size_t>(w)] + 1);
        }
        result.decisions = std::max(0, best[static_cast<std::size_t>(start)]);
        return result;
    }
    // With loops: depth-first search over simple paths, with a budget.
    std::size_t budget = 2'000'000;
    std::vector<bool> on_path(adj.size(), false);
    std::function<void(int, int)> dfs = [&](int v, int depth) {
        if (budget == 0) { result.exact = false; return; }
        --budget;
        if (s.is_ending(v)) { result.decisions = std::max(result.decisions, depth); return; }
        on_path[static_cast<std::size_t>(v)] = true;
        for (int w : adj[static_cast<std::size_t>(v)])
            if (!on_path[static_cast<std::size_t>(w)]) dfs(w, depth + 1);
        on_path[static_cast<std::size_t>(v)] = false;
    };
    if (s.node_count() <= 5000) dfs(start, 0);
    else result.exact = false;
    return result;
}


namespace {

// The breadth-first walk over (node, values) states that explore() and shortest_routes() share.
// For each state taken from the queue, `on_state(head, node, values)` is called first; returning
// false stops the walk. Scenes are then expanded: `on_offered(node, choice)` for each choice whose
// condition holds, `on_added(head, step)` for each new state found, and `on_stuck(node, values)`
// when nothing can be chosen and there is no timer. Returns what the walk looked at.
struct WalkResult {
    bool complete = true;
    std::size_t states = 0;
    std::size_t limit = 0;
};

template <typename OnState, typename OnOffered, typename OnAdded, typename OnStuck>
WalkResult walk_states(const Scenario& s, std::size_t max_states, const std::vector<bool>& relevant, OnState on_state,
                       OnOffered on_offered, OnAdded on_added, OnStuck on_stuck) {
    WalkResult result;
    const int start = s.start_node();
    if (start < 0) return result;
    const auto vars = s.variable_infos();
    StateSet states;
    states.width = 1 + vars.size();
    // Memory stays bounded whatever the number of variables: at most 4 million stored values.
    result.limit = std::min(max_states, std::max<std::size_t>(1000, 4'000'000 / states.width));
    std::vector<std::int64_t> first{start};
    const auto init = s.initial_values();
    first.insert(first.end(), init.begin(), init.end());
    states.add(first);
    std::vector<std::int64_t> st, after, next;
    // The arena is also the queue, in the order states were found.
    for (std::size_t head = 0; head < states.size(); ++head) {
        st.assign(states.arena.begin() + static_cast<std::ptrdiff_t>(head * states.width),
                  states.arena.begin() + static_cast<std::ptrdiff_t>((head + 1) * states.width));
        const int node = static_cast<int>(st[0]);
        const std::span<const std::int64_t> values(st.data() + 1, st.size() - 1);
        if (!on_state(head, node, values)) break;
        if (s.is_ending(node)) continue;
        const Scene& sc = s.scene(node);
        auto push = [&](std::vector<std::int64_t>& candidate, RouteStep step) {
            if (states.size() >= result.limit) {
                result.complete = false;
                return;
            }
            // Variables no condition depends on keep their starting value, so states that differ
            // only there are one state.
            for (std::size_t i = 0; i < relevant.size(); ++i)
                if (!relevant[i]) candidate[1 + i] = init[i];
            const std::size_t before = states.size();
            states.add(candidate);
            if (states.size() > before) on_added(head, step);
        };
        const bool any = for_each_successor(
            sc, vars, st, after, next, [&](int choice) { on_offered(node, choice); },
            [&](std::vector<std::int64_t>& candidate, const Choice&, int choice, int outcome) { push(candidate, {choice, outcome}); });
        if (!any && !sc.timeout) on_stuck(node, values);
    }
    result.states = states.size();
    return result;
}

}  // namespace

std::vector<bool> condition_variables(const Scenario& s) {
    std::vector<bool> relevant(s.variables.size(), false);
    auto reads = [&](const Expr& e, std::vector<bool>& into) {
        for (const auto& n : e.nodes)
            if (n.op == ExprNode::Op::variable) into[static_cast<std::size_t>(n.value)] = true;
    };
    // Which variables each variable's effects read.
    std::vector<std::vector<bool>> feeds(s.variables.size(), std::vector<bool>(s.variables.size(), false));
    auto note_effects = [&](const std::vector<Effect>& effects) {
        for (const auto& e : effects) {
            auto& into = feeds[static_cast<std::size_t>(e.variable)];
            reads(e.value, into);
            if (e.op != Effect::Op::assign) into[static_cast<std::size_t>(e.variable)] = true;
        }
    };
    for (const auto& scene : s.scenes) {
        for_each_choice(scene, [&](const Choice& c, int) {
            if (c.condition) reads(*c.condition, relevant);
            note_effects(c.effects);
            for (const auto& o : c.outcomes) note_effects(o.effects);
        });
    }
    // What a relevant variable is computed from is relevant too.
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t v = 0; v < relevant.size(); ++v) {
            if (!relevant[v]) continue;
            for (std::size_t w = 0; w < relevant.size(); ++w)
                if (feeds[v][w] && !relevant[w]) relevant[w] = grew = true;
        }
    }
    return relevant;
}

Exploration explore(const Scenario& s, std::size_t max_states, Routes* routes) {
    Exploration ex;
    // Routes are read back step by step and must stay those of the full walk.
    ex.relevant = routes ? std::vector<bool>(s.variables.size(), true) : condition_variables(s);
    ex.node_reached.assign(static_cast<std::size_t>(s.node_count()), false);
    ex.choice_offered.resize(s.scenes.size());
    for (std::size_t i = 0; i < s.scenes.size(); ++i) ex.choice_offered[i].assign(s.scenes[i].choices.size(), false);
    // With routes: each state's parent and the step from it, so the first (shortest, breadth-first)
    // way to each ending can be read back.
    struct Parent {
        std::size_t state;
        RouteStep step;
    };
    std::vector<Parent> parents;
    if (routes) {
        routes->to_ending.assign(s.endings.size(), {});
        routes->reached.assign(s.endings.size(), false);
        parents.push_back({0, {}});
    }
    const auto walk = walk_states(
        s, max_states, ex.relevant,
        [&](std::size_t head, int node, std::span<const std::int64_t>) {
            ex.node_reached[static_cast<std::size_t>(node)] = true;
            if (routes && s.is_ending(node)) {
                const auto e = static_cast<std::size_t>(node) - s.scenes.size();
                if (!routes->reached[e]) {
                    routes->reached[e] = true;
                    for (std::size_t at = head; at != 0; at = parents[at].state) routes->to_ending[e].push_back(parents[at].step);
                    std::reverse(routes->to_ending[e].begin(), routes->to_ending[e].end());
                }
            }
            return true;
        },
        [&](int node, int choice) { ex.choice_offered[static_cast<std::size_t>(node)][static_cast<std::size_t>(choice)] = true; },
        [&](std::size_t head, RouteStep step) {
            if (routes) parents.push_back({head, step});
        },
        [&](int node, std::span<const std::int64_t> values) {
            if (ex.dead_ends.size() < 5) ex.dead_ends.push_back({node, std::vector<std::int64_t>(values.begin(), values.end())});
        });
    ex.complete = walk.complete;
    ex.states = walk.states;
    ex.limit = walk.limit;
    if (routes) routes->complete = walk.complete;
    return ex;
}

Routes shortest_routes(const Scenario& s, std::size_t max_states) {
    Routes routes;
    (void)explore(s, max_states, &routes);
    return routes;
}

}  // namespace measured
