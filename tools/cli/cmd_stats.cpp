// measured-cli stats: counts per scenario, as text or JSON.
#include "cli_common.hpp"
#include "commands.hpp"

#include "analysis.hpp"
#include "files.hpp"
#include "json.hpp"
#include "validator.hpp"

#include <cstdio>
#include <set>

namespace measured::cli {

namespace {

const char* const help =
    "Usage: measured-cli stats [--format text|json] [--standards DIR] PATH...\n"
    "\n"
    "For each scenario under PATH: scenes, decision points, choices, endings (and how many can be\n"
    "reached), timed decisions, random events, variables, citations and the longest path (the most\n"
    "decisions on a loop-free path from the start to an ending).\n"
    "\n"
    "Exit codes: 0 all scenarios loaded; 1 some have errors (they are listed with their diagnostics);\n"
    "2 usage or I/O error.\n";

struct Stats {
    std::string path, id, title;
    std::vector<std::string> topics;
    std::size_t scenes = 0, decision_points = 0, choices = 0, endings = 0, reachable_endings = 0, timed = 0, random = 0,
                variables = 0, citations = 0, provisions = 0;
    int longest = 0;
    bool longest_exact = true;
    bool exact_reachability = true;
};

Stats compute(const Scenario& s) {
    Stats st;
    st.path = s.path;
    st.id = s.id;
    st.title = s.title;
    st.topics = s.topics;
    st.scenes = s.scenes.size();
    st.endings = s.endings.size();
    st.variables = s.variables.size();
    std::set<std::string> distinct;
    auto count_choice = [&](const Choice& c, int) {
        if (!c.outcomes.empty()) ++st.random;
        for (const auto& a : c.assessments) {
            st.citations += a.cites.size();
            for (const auto& ci : a.cites) distinct.insert(ci.id);
        }
    };
    for (const auto& sc : s.scenes) {
        if (!sc.choices.empty()) ++st.decision_points;
        st.choices += sc.choices.size();
        if (sc.time_limit > 0) ++st.timed;
        for_each_choice(sc, count_choice);
    }
    st.provisions = distinct.size();
    const auto edges = scenario_edges(s);
    const auto lp = longest_path(s, edges);
    st.longest = lp.decisions;
    st.longest_exact = lp.exact;
    const Exploration ex = explore(s);
    st.exact_reachability = ex.complete;
    const auto structural = structurally_reachable(s, edges);
    for (int n = static_cast<int>(s.scenes.size()); n < s.node_count(); ++n)
        if (ex.complete ? ex.node_reached[static_cast<std::size_t>(n)] : structural[static_cast<std::size_t>(n)]) ++st.reachable_endings;
    return st;
}

}  // namespace

int run_stats(int argc, char** argv, int first) {
    Args args = parse_args(argc, argv, first, {"--format", "--standards"}, {"--help"});
    if (args.has("--help")) {
        std::fputs(help, stdout);
        return Exit::ok;
    }
    if (!args.error.empty()) return usage_error("stats", args.error);
    const std::string format = args.get("--format").value_or("text");
    if (format != "text" && format != "json") return usage_error("stats", "--format must be text or json");
    if (args.positional.empty()) return usage_error("stats", "give at least one file or folder");
    std::vector<std::string> files;
    for (const auto& p : args.positional) {
        if (auto err = find_toml_files(p, files); !err.empty()) {
            std::fprintf(stderr, "measured-cli stats: %s\n", err.c_str());
            return Exit::usage;
        }
    }
    Diagnostics cat_diags;
    auto catalogue = load_standards(args.get("--standards"), cat_diags);
    ValidateOptions options;
    options.catalogue = catalogue && !cat_diags.has_errors() ? &*catalogue : nullptr;

    std::vector<Stats> all;
    bool failed = false;
    for (const auto& f : files) {
        if (looks_like_catalogue_file(f)) continue;
        auto r = lint_scenario(f, options);
        if (!r.scenario || r.diagnostics.has_errors()) {
            print_diagnostics(r.diagnostics, stderr);
            failed = true;
            continue;
        }
        all.push_back(compute(*r.scenario));
    }

    if (format == "json") {
        JsonWriter j;
        j.begin_array();
        for (const auto& st : all) {
            j.begin_object().field("path", st.path).field("id", st.id).field("title", st.title).key("topics").strings(st.topics);
            j.field("scenes", st.scenes).field("decision_points", st.decision_points).field("choices", st.choices).field("endings", st.endings);
            j.field("reachable_endings", st.reachable_endings).field("timed_decisions", st.timed).field("random_events", st.random);
            j.field("variables", st.variables).field("citations", st.citations).field("provisions_cited", st.provisions);
            j.field("longest_path", st.longest).field("longest_path_exact", st.longest_exact).end_object();
        }
        j.end_array();
        std::fputs(j.str().c_str(), stdout);
    } else {
        std::printf("%-34s %6s %6s %7s %9s %5s %6s %4s %9s %7s\n", "scenario", "scenes", "choices", "endings", "reachable", "timed",
                    "random", "vars", "citations", "longest");
        for (const auto& st : all) {
            std::printf("%-34s %6zu %6zu %7zu %9zu %5zu %6zu %4zu %9zu %7d%s\n", st.id.substr(0, 34).c_str(), st.scenes, st.choices, st.endings,
                        st.reachable_endings, st.timed, st.random, st.variables, st.citations, st.longest, st.longest_exact ? "" : "+");
        }
    }
    return failed ? Exit::found_errors : Exit::ok;
}

}  // namespace measured::cli
