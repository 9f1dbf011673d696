// measured-cli test: run scripted transcripts (*.test.toml), or record them.
#include "cli_common.hpp"
#include "commands.hpp"

#include "files.hpp"
#include "toml_source.hpp"
#include "transcript.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace measured::cli {

namespace fs = std::filesystem;

namespace {
const char* const help =
    "Usage: measured-cli test [--strict] [--record] [--standards DIR] PATH...\n"
    "\n"
    "Runs scripted transcripts: files named *.test.toml beside a scenario (x.test.toml tests x.toml).\n"
    "Each [[case]] gives a seed and the choice ids to take (\"timeout\" lets a timer run out) and, under\n"
    "[case.expect], what the run must produce: the scenes visited, the ending, its outcome, variable\n"
    "values, the worst rating and the percentage per principle, the number of critical violations.\n"
    "Every difference is reported at its line and column (E901 a choice cannot be made, E902 an\n"
    "expectation is not met). PATH is a transcript, a scenario (its transcript is run) or a folder\n"
    "(every transcript under it).\n"
    "\n"
    "  --strict   also fail when an ending has no case (W903) or a scenario has no transcript (W904)\n"
    "  --record   instead of running: for each scenario under PATH, add a case for every reachable\n"
    "             ending that no case expects yet — its shortest route, a seed that draws its random\n"
    "             outcomes, and what the run produces now. Existing cases are kept unchanged.\n"
    "             Read what it wrote: it records what the scenario does, not what it should do.\n"
    "\n"
    "Exit codes: 0 every case passed; 1 a case failed or a file has errors; 2 usage or I/O error.\n";

struct Work {
    std::vector<std::string> transcripts;
    std::vector<std::string> scenarios;   // for --strict coverage and --record
};

std::string collect(const std::string& path, Work& w) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec) && it->path().string().ends_with(".test.toml")) found.push_back(it->path().string());
        if (ec) return "cannot read the folder " + path + ": " + ec.message();
        std::sort(found.begin(), found.end());
        w.transcripts.insert(w.transcripts.end(), found.begin(), found.end());
        std::vector<std::string> scenarios;
        if (auto err = find_toml_files(path, scenarios); !err.empty()) return err;
        for (auto& s : scenarios)
            if (!looks_like_catalogue_file(s)) w.scenarios.push_back(s);
        return {};
    }
    if (!fs::exists(path, ec)) return "no such file or folder: " + path;
    if (path.ends_with(".test.toml")) {
        w.transcripts.push_back(path);
    } else {
        w.scenarios.push_back(path);
        if (fs::exists(transcript_path_for(path), ec)) w.transcripts.push_back(transcript_path_for(path));
    }
    return {};
}

int record(const Work& w, const std::optional<std::string>& standards) {
    int exit = Exit::ok;
    for (const auto& path : w.scenarios) {
        const Checked checked = load_checked(path, standards);
        if (!checked.ok()) {
            exit = std::max(exit, checked.exit);
            continue;
        }
        const Scenario& s = *checked.lint.scenario;
        const std::string out = transcript_path_for(path);
        std::vector<std::string> covered;
        std::string existing;
        std::error_code ec;
        if (fs::exists(out, ec)) {
            Diagnostics d;
            auto t = load_transcript(out, d);
            if (!t) {
                print_diagnostics(d, stderr);
                std::fprintf(stderr, "measured-cli test: %s: fix the transcript before recording into it\n", out.c_str());
                exit = Exit::found_errors;
                continue;
            }
            for (const auto& c : t->cases)
                if (c.ending) covered.push_back(c.ending->value);
            auto bytes = read_source_file(out, d);
            if (!bytes) {
                print_diagnostics(d, stderr);
                exit = Exit::found_errors;
                continue;
            }
            existing = std::move(bytes->text);
        } else {
            existing = "# Transcripts for '" + s.id + "': 'measured-cli test' plays every case and checks what it expects;\n"
                       "# 'measured-cli test --record' adds a case for each ending that no case reaches yet.\n"
                       "# Recorded from what the scenario did; rename the cases and keep only the expectations you mean.\n";
        }
        std::vector<std::string> missing;
        const std::string cases = record_cases(s, checked.cat(), covered, missing);
        for (const auto& m : missing) std::fprintf(stderr, "%s: cannot record ending %s\n", path.c_str(), m.c_str());
        if (!missing.empty()) exit = std::max<int>(exit, Exit::found_errors);
        if (cases.empty()) {
            std::printf("%s: every reachable ending already has a case\n", out.c_str());
            continue;
        }
        if (auto err = write_file_atomic(out, existing + cases); !err.empty()) {
            std::fprintf(stderr, "measured-cli test: cannot write %s: %s\n", out.c_str(), err.c_str());
            return Exit::usage;
        }
        std::size_t added = 0;
        for (std::size_t at = cases.find("[[case]]"); at != std::string::npos; at = cases.find("[[case]]", at + 1)) ++added;
        std::printf("%s: added %zu case%s\n", out.c_str(), added, added == 1 ? "" : "s");
    }
    return exit;
}
}  // namespace

int run_test(int argc, char** argv, int first) {
    Args args = parse_args(argc, argv, first, {"--standards"}, {"--help", "--strict", "--record"});
    if (args.has("--help")) {
        std::fputs(help, stdout);
        return Exit::ok;
    }
    if (!args.error.empty()) return usage_error("test", args.error);
    if (args.positional.empty()) return usage_error("test", "give at least one transcript, scenario or folder");
    Work w;
    for (const auto& p : args.positional)
        if (auto err = collect(p, w); !err.empty()) {
            std::fprintf(stderr, "measured-cli test: %s\n", err.c_str());
            return Exit::usage;
        }
    if (args.has("--record")) return record(w, args.get("--standards"));

    std::size_t passed = 0, failed = 0, warnings = 0;
    bool broken = false;
    std::set<std::string> tested;
    for (const auto& path : w.transcripts) {
        Diagnostics d;
        auto t = load_transcript(path, d);
        if (!t) {
            d.sort();
            print_diagnostics(d, stderr);
            std::printf("FAIL %s: the transcript cannot be read (its problems are listed above)\n", path.c_str());
            broken = true;
            continue;
        }
        std::error_code ec;
        tested.insert(fs::weakly_canonical(t->scenario_path, ec).string());
        const Checked checked = load_checked(t->scenario_path, args.get("--standards"));
        if (!checked.ok()) {
            d.error("E900", t->scenario_span, "the scenario '" + t->scenario_path + "' of this transcript cannot be used (its problems are listed above)");
            print_diagnostics(d, stderr);
            broken = true;
            continue;
        }
        const Scenario& s = *checked.lint.scenario;
        const auto results = run_transcript(*t, s, checked.cat(), d);
        std::set<std::string> expected_endings;
        for (const auto& c : t->cases)
            if (c.ending) expected_endings.insert(c.ending->value);
        for (const auto& e : s.endings)
            if (!expected_endings.count(e.id)) d.warning("W903", e.span, "ending '" + e.id + "' of '" + s.id + "' has no case in " + path);
        d.sort();
        print_diagnostics(d, stderr);
        std::size_t ok = 0;
        for (const auto& r : results) ok += r.passed ? 1 : 0;
        passed += ok;
        failed += results.size() - ok;
        warnings += d.warning_count();
        std::printf("%s %s: %zu of %zu cases passed\n", ok == results.size() ? "PASS" : "FAIL", path.c_str(), ok, results.size());
    }
    for (const auto& s : w.scenarios) {
        std::error_code ec;
        if (tested.count(fs::weakly_canonical(s, ec).string())) continue;
        const Diagnostic w{Severity::warning, "W904", "this scenario has no transcript; 'measured-cli test --record " + s + "' writes one", {s, 0, 0}};
        std::fprintf(stderr, "%s\n", format_diagnostic(w).c_str());
        ++warnings;
    }
    const std::string warned = warnings ? ", " + std::to_string(warnings) + " warning" + (warnings == 1 ? "" : "s") : "";
    std::printf("%zu case%s in %zu transcript%s: %zu passed, %zu failed%s\n", passed + failed, passed + failed == 1 ? "" : "s", w.transcripts.size(),
                w.transcripts.size() == 1 ? "" : "s", passed, failed, warned.c_str());
    if (failed || broken) return Exit::found_errors;
    if (args.has("--strict") && warnings) return Exit::found_errors;
    if (w.transcripts.empty() && !w.scenarios.empty() && args.has("--strict")) return Exit::found_errors;
    return Exit::ok;
}

}  // namespace measured::cli
