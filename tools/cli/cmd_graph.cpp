// measured-cli graph: the scenario map for Graphviz or Mermaid.
#include "cli_common.hpp"
#include "commands.hpp"

#include "graph.hpp"

namespace measured::cli {

namespace {
const char* const help =
    "Usage: measured-cli graph [--format dot|mermaid] [--standards DIR] SCENARIO\n"
    "\n"
    "Writes the map of scenes and choices to standard output: Graphviz dot (default; render with\n"
    "'dot -Tsvg') or a Mermaid flowchart (paste into Markdown between ```mermaid fences).\n"
    "Scenes are boxes, timed scenes hexagons with their time limit, the start is drawn bold; endings\n"
    "are rounded and filled by outcome (green good, blue mixed, amber harmful, red grave). Each\n"
    "choice is an arrow labelled with its id and coloured by its worst rating (grey: unscored);\n"
    "random outcomes are dashed with their odds, timeouts dotted, conditions follow 'if'.\n"
    "\n"
    "Exit codes: 0 written; 1 the scenario has errors (listed); 2 usage or I/O error.\n";
}  // namespace

int run_graph(int argc, char** argv, int first) {
    Args args = parse_args(argc, argv, first, {"--format", "--standards"}, {"--help"});
    if (args.has("--help")) {
        std::fputs(help, stdout);
        return Exit::ok;
    }
    if (!args.error.empty()) return usage_error("graph", args.error);
    const std::string format = args.get("--format").value_or("dot");
    if (format != "dot" && format != "mermaid") return usage_error("graph", "--format must be dot or mermaid");
    if (args.positional.size() != 1) return usage_error("graph", "give one scenario file");
    const Checked checked = load_checked(args.positional[0], args.get("--standards"));
    if (!checked.ok()) return checked.exit;
    const Scenario& s = *checked.lint.scenario;
    const ScenarioMap map = build_map(s);
    std::fputs((format == "dot" ? map_to_dot(s, map) : map_to_mermaid(s, map)).c_str(), stdout);
    return Exit::ok;
}

}  // namespace measured::cli
