// The scenario map and its Graphviz and Mermaid forms.
#include "graph.hpp"

#include "analysis.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace measured {

namespace {

// Rating colours as in the runner's dark theme; readable on white too.
const char* rating_hex(const std::optional<Rating>& r) {
    if (!r) return "#8A8F98";
    switch (*r) {
        case Rating::exemplary: return "#2E9E77";
        case Rating::compliant: return "#3D8FD1";
        case Rating::concern: return "#D9912B";
        case Rating::violation: return "#D14B44";
    }
    return "#8A8F98";
}

const char* severity_hex(int severity) {
    static const char* const fill[] = {"#BFE8D8", "#CFE3F6", "#F7DDB5", "#F4C4C1"};
    return fill[std::clamp(severity, 0, 3)];
}

std::string shorten(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;   // not inside a UTF-8 sequence
    return std::string(s.substr(0, cut)) + "…";
}

std::string dot_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string mermaid_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '"') out += "#quot;";
        else if (c == '<') out += "#lt;";
        else if (c == '>') out += "#gt;";
        else if (c == '\n') out += ' ';
        else out += c;
    }
    return out;
}

const Choice& edge_choice(const Scenario& s, const MapEdge& e) {
    const Scene& sc = s.scene(e.from);
    return e.choice < 0 ? *sc.timeout : sc.choices[static_cast<std::size_t>(e.choice)];
}

// Marks the edges that close a loop: depth-first from the start, an edge to a node still on the
// stack goes backwards. Iterative, so 100 000 scenes in a chain cannot overflow the stack.
std::vector<bool> back_edges(const Scenario& s, const std::vector<Edge>& edges, const std::vector<std::vector<int>>& out) {
    std::vector<bool> back(edges.size(), false);
    const int start = s.start_node();
    if (start < 0) return back;
    enum : char { unseen, open, done };
    std::vector<char> state(static_cast<std::size_t>(s.node_count()), unseen);
    std::vector<std::pair<int, std::size_t>> stack{{start, 0}};
    state[static_cast<std::size_t>(start)] = open;
    while (!stack.empty()) {
        auto& [v, next] = stack.back();
        const auto& list = out[static_cast<std::size_t>(v)];
        if (next == list.size()) {
            state[static_cast<std::size_t>(v)] = done;
            stack.pop_back();
            continue;
        }
        const int ei = list[next++];
        const int w = edges[static_cast<std::size_t>(ei)].to;
        if (state[static_cast<std::size_t>(w)] == open) back[static_cast<std::size_t>(ei)] = true;
        else if (state[static_cast<std::size_t>(w)] == unseen) {
            state[static_cast<std::size_t>(w)] = open;
            stack.push_back({w, 0});
        }
    }
    return back;
}

}  // namespace

std::optional<Rating> worst_rating(const Choice& c) {
    std::optional<Rating> worst;
    for (const auto& a : c.assessments)
        if (!worst || static_cast<int>(a.rating) > static_cast<int>(*worst)) worst = a.rating;
    return worst;
}

ScenarioMap build_map(const Scenario& s) {
    ScenarioMap m;
    const auto n = static_cast<std::size_t>(s.node_count());
    m.nodes.resize(n);
    for (std::size_t i = 0; i < n; ++i) m.nodes[i].node = static_cast<int>(i);
    const auto edges = scenario_edges(s);
    std::vector<std::vector<int>> out(n);
    for (std::size_t i = 0; i < edges.size(); ++i) out[static_cast<std::size_t>(edges[i].from)].push_back(static_cast<int>(i));
    const auto back = back_edges(s, edges, out);
    const auto reach = structurally_reachable(s, edges);

    // Longest-path columns over the forward edges, in topological order (Kahn).
    std::vector<int> indegree(n, 0);
    for (std::size_t i = 0; i < edges.size(); ++i)
        if (!back[i] && reach[static_cast<std::size_t>(edges[i].from)]) ++indegree[static_cast<std::size_t>(edges[i].to)];
    std::vector<int> order;
    const int start = s.start_node();
    if (start >= 0) order.push_back(start);
    for (std::size_t head = 0; head < order.size(); ++head) {
        const int v = order[head];
        for (int ei : out[static_cast<std::size_t>(v)]) {
            if (back[static_cast<std::size_t>(ei)]) continue;
            const int w = edges[static_cast<std::size_t>(ei)].to;
            auto& col = m.nodes[static_cast<std::size_t>(w)].column;
            col = std::max(col, m.nodes[static_cast<std::size_t>(v)].column + 1);
            if (--indegree[static_cast<std::size_t>(w)] == 0) order.push_back(w);
        }
    }
    int last = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (reach[i]) last = std::max(last, m.nodes[i].column);
    m.columns = last + 1;
    bool any_unreachable = false;
    for (std::size_t i = 0; i < n; ++i) {
        m.nodes[i].reachable = reach[i];
        if (!reach[i]) {
            m.nodes[i].column = m.columns;
            any_unreachable = true;
        }
    }
    if (any_unreachable) ++m.columns;

    for (std::size_t i = 0; i < edges.size(); ++i) {
        const Edge& e = edges[i];
        MapEdge me{e.from, e.to, e.choice, e.outcome, {}, false, false};
        const Scene& sc = s.scene(e.from);
        const Choice& c = e.choice < 0 ? *sc.timeout : sc.choices[static_cast<std::size_t>(e.choice)];
        me.worst = worst_rating(c);
        me.conditional = c.condition.has_value();
        me.backward = back[i] || m.nodes[static_cast<std::size_t>(e.to)].column <= m.nodes[static_cast<std::size_t>(e.from)].column;
        m.edges.push_back(me);
    }

    // Rows: start in file order (scenes, then endings), then a few sweeps that sort each column by
    // the mean row of its neighbours in the column before (down) or after (up).
    std::vector<std::vector<int>> columns(static_cast<std::size_t>(m.columns));
    for (std::size_t i = 0; i < n; ++i) columns[static_cast<std::size_t>(m.nodes[i].column)].push_back(static_cast<int>(i));
    auto number = [&] {
        for (auto& col : columns)
            for (std::size_t r = 0; r < col.size(); ++r) m.nodes[static_cast<std::size_t>(col[r])].row = static_cast<int>(r);
    };
    number();
    std::vector<double> sum(n), count(n);
    for (int sweep = 0; sweep < 4; ++sweep) {
        const bool down = sweep % 2 == 0;
        std::fill(sum.begin(), sum.end(), 0.0);
        std::fill(count.begin(), count.end(), 0.0);
        for (const auto& e : m.edges) {
            if (e.backward) continue;
            const int key = down ? e.to : e.from;
            const int other = down ? e.from : e.to;
            sum[static_cast<std::size_t>(key)] += m.nodes[static_cast<std::size_t>(other)].row;
            count[static_cast<std::size_t>(key)] += 1;
        }
        for (auto& col : columns) {
            std::stable_sort(col.begin(), col.end(), [&](int a, int b) {
                const auto ka = count[static_cast<std::size_t>(a)] > 0 ? sum[static_cast<std::size_t>(a)] / count[static_cast<std::size_t>(a)]
                                                                       : m.nodes[static_cast<std::size_t>(a)].row;
                const auto kb = count[static_cast<std::size_t>(b)] > 0 ? sum[static_cast<std::size_t>(b)] / count[static_cast<std::size_t>(b)]
                                                                       : m.nodes[static_cast<std::size_t>(b)].row;
                return ka < kb;
            });
        }
        number();
    }
    for (const auto& col : columns) m.rows = std::max(m.rows, static_cast<int>(col.size()));
    return m;
}

std::string edge_label(const Scenario& s, const MapEdge& e) {
    const Scene& sc = s.scene(e.from);
    const Choice& c = edge_choice(s, e);
    std::string label = e.choice < 0 ? "timeout (" + std::to_string(sc.time_limit) + " s)" : c.id;
    if (e.outcome >= 0) {
        int total = 0;
        for (const auto& o : c.outcomes) total += o.weight;
        const auto& o = c.outcomes[static_cast<std::size_t>(e.outcome)];
        label += " → " + o.id + " (" + std::to_string(o.weight) + " in " + std::to_string(total) + ")";
    }
    if (c.condition) label += " if " + shorten(c.condition_text, 40);
    return label;
}

std::string map_to_dot(const Scenario& s, const ScenarioMap& m) {
    std::string out = "// " + dot_escape(s.title) + " — measured-cli graph\n";
    out += "digraph \"" + dot_escape(s.id) + "\" {\n";
    out += "  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11, shape=box];\n  edge [fontname=\"Helvetica\", fontsize=9];\n";
    const int start = s.start_node();
    for (const auto& node : m.nodes) {
        const int i = node.node;
        std::string attrs;
        if (s.is_ending(i)) {
            const Ending& e = s.ending(i);
            attrs = "label=\"" + dot_escape(e.id) + "\\n" + dot_escape(shorten(e.title, 40)) + "\\n(" + e.outcome +
                    ")\", style=\"rounded,filled\", fillcolor=\"" + severity_hex(outcome_severity(e.outcome)) + "\"";
        } else {
            const Scene& sc = s.scene(i);
            std::string label = dot_escape(sc.id) + "\\n" + dot_escape(shorten(sc.title, 40));
            if (sc.time_limit > 0) label += "\\ntimed: " + std::to_string(sc.time_limit) + " s";
            attrs = "label=\"" + label + "\"";
            if (sc.time_limit > 0) attrs += ", shape=hexagon";
        }
        if (i == start) attrs += ", penwidth=2.5";
        if (!node.reachable) attrs += ", color=\"#8A8F98\", fontcolor=\"#8A8F98\", style=dashed";
        out += "  \"" + dot_escape(s.node_id(i)) + "\" [" + attrs + "];\n";
    }
    for (const auto& e : m.edges) {
        std::string attrs = "label=\"" + dot_escape(edge_label(s, e)) + "\", color=\"" + rating_hex(e.worst) + "\"";
        if (e.outcome >= 0) attrs += ", style=dashed";
        else if (e.choice < 0) attrs += ", style=dotted";
        out += "  \"" + dot_escape(s.node_id(e.from)) + "\" -> \"" + dot_escape(s.node_id(e.to)) + "\" [" + attrs + "];\n";
    }
    out += "}\n";
    return out;
}

std::string map_to_mermaid(const Scenario& s, const ScenarioMap& m) {
    std::string out = "%% " + mermaid_escape(s.title) + " — measured-cli graph\nflowchart LR\n";
    const int start = s.start_node();
    auto name = [](int i) { return "n" + std::to_string(i); };
    for (const auto& node : m.nodes) {
        const int i = node.node;
        if (s.is_ending(i)) {
            const Ending& e = s.ending(i);
            out += "  " + name(i) + "([\"" + mermaid_escape(e.id) + "<br/>" + mermaid_escape(shorten(e.title, 40)) + "<br/>(" + e.outcome + ")\"])\n";
        } else {
            const Scene& sc = s.scene(i);
            std::string label = mermaid_escape(sc.id) + "<br/>" + mermaid_escape(shorten(sc.title, 40));
            if (sc.time_limit > 0) out += "  " + name(i) + "{{\"" + label + "<br/>timed: " + std::to_string(sc.time_limit) + " s\"}}\n";
            else out += "  " + name(i) + "[\"" + label + "\"]\n";
        }
    }
    for (const auto& e : m.edges) {
        const std::string arrow = e.outcome >= 0 || e.choice < 0 ? " -.->|\"" : " -->|\"";
        out += "  " + name(e.from) + arrow + mermaid_escape(edge_label(s, e)) + "\"| " + name(e.to) + "\n";
    }
    out += "  classDef good fill:" + std::string(severity_hex(0)) + ",color:#000\n";
    out += "  classDef mixed fill:" + std::string(severity_hex(1)) + ",color:#000\n";
    out += "  classDef harmful fill:" + std::string(severity_hex(2)) + ",color:#000\n";
    out += "  classDef grave fill:" + std::string(severity_hex(3)) + ",color:#000\n";
    out += "  classDef unreachable stroke-dasharray:4 3,color:#8A8F98\n";
    static const char* const severity_class[] = {"good", "mixed", "harmful", "grave"};
    for (const auto& node : m.nodes) {
        const int i = node.node;
        if (s.is_ending(i)) out += "  class " + name(i) + " " + severity_class[outcome_severity(s.ending(i).outcome)] + "\n";
        if (!node.reachable) out += "  class " + name(i) + " unreachable\n";
    }
    if (start >= 0) out += "  style " + name(start) + " stroke-width:3px\n";
    for (std::size_t i = 0; i < m.edges.size(); ++i)
        out += "  linkStyle " + std::to_string(i) + " stroke:" + rating_hex(m.edges[i].worst) + "\n";
    return out;
}

}  // namespace measured
