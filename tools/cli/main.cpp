// measured-cli: the headless tools over the core. Dispatches to one subcommand.
#include "cli_common.hpp"
#include "commands.hpp"

#include <cstdio>
#include <cstring>
#include <string>

namespace {

const char* const usage_text =
    "measured-cli — headless tools for Measured scenarios\n"
    "\n"
    "Usage: measured-cli COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Commands:\n"
    "  lint       check scenario and catalogue files; print every problem with its location\n"
    "  play       play a scenario in the terminal, or scripted with --choose; print the debrief\n"
    "  standards  browse the standards catalogue (list, show)\n"
    "  stats      counts per scenario: scenes, choices, endings, longest path…\n"
    "  graph      the map of scenes and choices for Graphviz (dot) or Markdown (Mermaid)\n"
    "  paths      the shortest way to each ending, or why it cannot be reached; choices never taken\n"
    "  simulate   many playthroughs: endings, results per principle, coverage\n"
    "  bounds     the lowest and highest result reachable on each principle, exactly\n"
    "  test       run scripted transcripts (*.test.toml), or record one case per ending\n"
    "  new        start a scenario from a commented template (use-of-force, assembly, custody)\n"
    "  workshop   a workshop's group debrief (report); votes, results and time across records (summarize)\n"
    "\n"
    "Options:\n"
    "  --help     show this help (also after any command: measured-cli play --help)\n"
    "  --version  print the version\n"
    "\n"
    "Exit codes: 0 success, 1 problems found in the input (or a failed test), 2 usage or I/O error,\n"
    "3 (play) the decisions ran out before an ending; the session was saved.\n";

}  // namespace

int main(int argc, char** argv) {
    measured::cli::set_program_path(argc > 0 ? argv[0] : nullptr);
    if (argc < 2) {
        std::fputs(usage_text, stderr);
        return measured::cli::Exit::usage;
    }
    const std::string command = argv[1];
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(usage_text, stdout);
        return 0;
    }
    if (command == "--version") {
        std::printf("measured-cli %s\n", MEASURED_VERSION);
        return 0;
    }
    if (command == "lint") return measured::cli::run_lint(argc, argv, 2);
    if (command == "play") return measured::cli::run_play(argc, argv, 2);
    if (command == "standards") return measured::cli::run_standards(argc, argv, 2);
    if (command == "stats") return measured::cli::run_stats(argc, argv, 2);
    if (command == "graph") return measured::cli::run_graph(argc, argv, 2);
    if (command == "paths") return measured::cli::run_paths(argc, argv, 2);
    if (command == "simulate") return measured::cli::run_simulate(argc, argv, 2);
    if (command == "bounds") return measured::cli::run_bounds(argc, argv, 2);
    if (command == "test") return measured::cli::run_test(argc, argv, 2);
    if (command == "new") return measured::cli::run_new(argc, argv, 2);
    if (command == "workshop") return measured::cli::run_workshop(argc, argv, 2);
    std::fprintf(stderr, "measured-cli: unknown command '%s'\n\n%s", command.c_str(), usage_text);
    return measured::cli::Exit::usage;
}
