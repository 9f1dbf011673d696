// measured-cli workshop: the group debrief of one workshop record (report), and the summary across
// many session files and workshop records (summarize). Both replay the records on the scenarios of
// the library, so nothing in a report is taken from the file on trust.
#include "cli_common.hpp"
#include "commands.hpp"

#include "files.hpp"
#include "library.hpp"
#include "summary.hpp"
#include "workshop.hpp"
#include "workshop_report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace measured::cli {

namespace {

const char* const help =
    "Usage: measured-cli workshop summarize [--format md|json] [--library DIR] [--standards DIR] [--out FILE] FILE...\n"
    "       measured-cli workshop report [--format md|html|json] [--library DIR] [--standards DIR] [--out FILE] FILE\n"
    "\n"
    "summarize  Reads session files (written by 'play --session-out' and saved by the runner) and\n"
    "           workshop records, replays each on its scenario and reports, per scenario: the endings\n"
    "           reached; per decision, how the groups voted, what was played and the trainer's\n"
    "           overrides with their reasons; the mean result per principle; the most frequent\n"
    "           violations; the time taken. A folder stands for every *.toml in it and its subfolders\n"
    "           (sorted): measured-cli workshop summarize ~/.local/share/measured\n"
    "report     The group debrief of one workshop record: the path played with the votes and\n"
    "           overrides, the flags, the what-if branches, the results per principle, the critical\n"
    "           moments and the questions for discussion. Trainer notes are left out.\n"
    "\n"
    "  --format FORMAT  md (default), json, or html (report only: one self-contained, printable file)\n"
    "  --library DIR    the scenarios the records were played on (default: the bundled library);\n"
    "                   a record is matched to its scenario by id, version and content\n"
    "  --standards DIR  the standards catalogue (default: the bundled assets/standards)\n"
    "  --out FILE       write the report to FILE (atomically) instead of standard output\n"
    "\n"
    "Exit codes: 0 done; 1 a record could not be read or replayed, or its scenario is not in the\n"
    "library (its problems are listed on standard error; summarize leaves it out and summarizes\n"
    "the others); 2 usage or I/O error.\n";

int io_error(const std::string& message) {
    std::fprintf(stderr, "measured-cli workshop: %s\n", message.c_str());
    return Exit::usage;
}

// The catalogue and the library, loaded once; the scenarios that load without errors, by id.
struct Sources {
    std::optional<Catalogue> catalogue;
    Library library;
    std::map<std::string, const Scenario*, std::less<>> by_id;
    [[nodiscard]] const Catalogue* cat() const { return catalogue ? &*catalogue : nullptr; }
    [[nodiscard]] const Scenario* find(const std::string& id) const {
        auto it = by_id.find(id);
        return it == by_id.end() ? nullptr : it->second;
    }
};

// Loads both; on failure prints why and returns the exit code in `exit`.
std::optional<Sources> load_sources(const Args& args, int& exit) {
    Sources s;
    Diagnostics cat_diags;
    s.catalogue = load_standards(args.get("--standards"), cat_diags);
    if (cat_diags.has_errors()) {
        print_diagnostics(cat_diags, stderr);
        exit = s.catalogue ? Exit::found_errors : Exit::usage;
        return std::nullopt;
    }
    const std::string dir = find_scenarios_dir(args.get("--library"));
    if (dir.empty()) {
        exit = usage_error("workshop", "cannot find the scenario library; give it with --library DIR");
        return std::nullopt;
    }
    s.library = load_library(dir, s.cat());
    if (!s.library.error.empty()) {
        exit = io_error(s.library.error);
        return std::nullopt;
    }
    for (const auto& e : s.library.entries)
        if (e.usable() && !s.by_id.count(e.scenario->id)) s.by_id.emplace(e.scenario->id, &*e.scenario);
    return s;
}

int write_out(const Args& args, const std::string& content) {
    if (auto out = args.get("--out")) {
        if (auto err = write_file_atomic(*out, content); !err.empty()) return io_error("cannot write the report: " + err);
        return Exit::ok;
    }
    std::fputs(content.c_str(), stdout);
    return Exit::ok;
}

// Exit code for diagnostics about records: 2 when the only problem is that a file cannot be read.
int exit_for(const Diagnostics& d) {
    const auto& items = d.items();
    const bool io_only = !items.empty() && std::all_of(items.begin(), items.end(), [](const Diagnostic& x) { return x.code == "E001"; });
    return io_only ? Exit::usage : Exit::found_errors;
}

int summarize_command(const Args& args) {
    const std::string format = args.get("--format").value_or("md");
    if (format != "md" && format != "json") return usage_error("workshop", "--format must be md or json for summarize");
    if (args.positional.size() < 2) return usage_error("workshop", "summarize: give at least one record file or folder");
    std::vector<std::string> files;
    for (std::size_t i = 1; i < args.positional.size(); ++i) {
        std::vector<std::string> found;
        if (auto err = find_toml_files(args.positional[i], found); !err.empty()) return io_error(err);
        for (auto& f : found)
            if (std::find(files.begin(), files.end(), f) == files.end()) files.push_back(std::move(f));
    }
    int exit = Exit::ok;
    const auto sources = load_sources(args, exit);
    if (!sources) return exit;
    Diagnostics diags(1000);
    const Summary summary = summarize(files, [&](const std::string& id) { return sources->find(id); }, sources->cat(), diags);
    print_diagnostics(diags, stderr);
    if (!summary.skipped.empty())
        std::fprintf(stderr, "measured-cli workshop summarize: %zu of %zu records skipped\n", summary.skipped.size(), summary.read);
    if (const int w = write_out(args, format == "json" ? summary_json(summary) : summary_markdown(summary)); w != Exit::ok) return w;
    return summary.skipped.empty() ? Exit::ok : Exit::found_errors;
}

int report_command(const Args& args) {
    const std::string format = args.get("--format").value_or("md");
    if (format != "md" && format != "html" && format != "json") return usage_error("workshop", "--format must be md, html or json for report");
    if (args.positional.size() != 2) return usage_error("workshop", "report: give one workshop record");
    const std::string path = args.positional[1];
    Diagnostics diags;
    auto record = read_workshop_file(path, diags);
    if (!record) {
        print_diagnostics(diags, stderr);
        return exit_for(diags);
    }
    int exit = Exit::ok;
    const auto sources = load_sources(args, exit);
    if (!sources) return exit;
    const Scenario* scenario = sources->find(record->scenario_id);
    if (!scenario) {
        unknown_scenario(diags, path, record->scenario_id);
        print_diagnostics(diags, stderr);
        return Exit::found_errors;
    }
    auto g = make_group_debrief(*scenario, sources->cat(), std::move(*record), path, diags);
    print_diagnostics(diags, stderr);
    if (!g) return Exit::found_errors;
    const std::string content = format == "json" ? workshop_json(*g, sources->cat())
                                : format == "html" ? workshop_html(*g, sources->cat())
                                                   : workshop_markdown(*g, sources->cat());
    return write_out(args, content);
}

}  // namespace

int run_workshop(int argc, char** argv, int first) {
    Args args = parse_args(argc, argv, first, {"--format", "--library", "--standards", "--out"}, {"--help"});
    if (args.has("--help")) {
        std::fputs(help, stdout);
        return Exit::ok;
    }
    if (!args.error.empty()) return usage_error("workshop", args.error);
    if (args.positional.empty()) return usage_error("workshop", "give an action: summarize or report");
    const std::string action = args.positional[0];
    if (action == "summarize") return summarize_command(args);
    if (action == "report") return report_command(args);
    return usage_error("workshop", "unknown action '" + action + "' (summarize or report)");
}

}  // namespace measured::cli
