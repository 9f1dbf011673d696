// measured-cli lint: check scenario and catalogue files.
#include "cli_common.hpp"
#include "commands.hpp"

#include "catalogue.hpp"
#include "files.hpp"
#include "json.hpp"
#include "validator.hpp"

#include <cstdio>

namespace measured::cli {

namespace {

const char* const help =
    "Usage: measured-cli lint [--strict] [--format text|json] [--standards DIR] PATH...\n"
    "\n"
    "Checks scenario files (and standards catalogue files) and prints every problem as\n"
    "  path:line:col: error|warning[CODE]: message\n"
    "PATH may be a file or a folder; folders are searched recursively for *.toml files\n"
    "(transcripts, *.test.toml, are skipped). The codes are explained in scenarios/README.md.\n"
    "\n"
    "Options:\n"
    "  --strict          warnings count as errors\n"
    "  --format FORMAT   text (default) or json\n"
    "  --standards DIR   the standards catalogue to check citations against\n"
    "                    (default: the bundled assets/standards)\n"
    "\n"
    "Linting catalogue files together with scenarios (lint assets/standards scenarios) also warns\n"
    "about provisions that ground no principle or hard-fail rule and that no scenario cites.\n"
    "\n"
    "Exit codes: 0 no errors (and, with --strict, no warnings); 1 problems found; 2 usage or I/O error.\n";

struct FileReport {
    std::string path;
    Diagnostics diags;
};

}  // namespace

int run_lint(int argc, char** argv, int first) {
    Args args = parse_args(argc, argv, first, {"--format", "--standards"}, {"--strict", "--help"});
    if (args.has("--help")) {
        std::fputs(help, stdout);
        return Exit::ok;
    }
    if (!args.error.empty()) return usage_error("lint", args.error);
    const std::string format = args.get("--format").value_or("text");
    if (format != "text" && format != "json") return usage_error("lint", "--format must be text or json");
    if (args.positional.empty()) return usage_error("lint", "give at least one file or folder");

    std::vector<std::string> files;
    for (const auto& p : args.positional) {
        if (auto err = find_toml_files(p, files); !err.empty()) {
            std::fprintf(stderr, "measured-cli lint: %s\n", err.c_str());
            return Exit::usage;
        }
    }

    std::vector<FileReport> reports;
    // Catalogue files given on the command line are checked together, so cross-references resolve.
    Catalogue given;
    std::vector<std::string> scenario_files;
    for (const auto& f : files) {
        if (looks_like_catalogue_file(f)) {
            FileReport r{f, Diagnostics()};
            given.load_file(f, r.diags);
            reports.push_back(std::move(r));
        } else {
            scenario_files.push_back(f);
        }
    }
    const std::size_t catalogue_reports = reports.size();
    auto attribute = [&](const Diagnostics& cross) {
        for (const auto& d : cross.items())
            for (std::size_t i = 0; i < catalogue_reports; ++i)
                if (reports[i].path == d.span.path) reports[i].diags.add(d);
    };
    if (catalogue_reports) {
        given.index();
        Diagnostics cross;
        given.check(cross);
        attribute(cross);
    }

    std::vector<std::string> cited;
    if (!scenario_files.empty()) {
        Diagnostics cat_diags;
        auto catalogue = load_standards(args.get("--standards"), cat_diags);
        if (!catalogue) {
            std::fprintf(stderr, "measured-cli lint: cannot find the standards catalogue; give it with --standards DIR\n");
            return Exit::usage;
        }
        if (cat_diags.has_errors()) {
            std::fprintf(stderr, "measured-cli lint: the standards catalogue has errors:\n");
            print_diagnostics(cat_diags, stderr);
            return Exit::found_errors;
        }
        ValidateOptions options;
        options.catalogue = &*catalogue;
        for (const auto& f : scenario_files) {
            auto result = lint_scenario(f, options);
            if (result.scenario)
                for (const auto& sc : result.scenario->scenes)
                    for_each_choice(sc, [&](const Choice& c, int) {
                        for (const auto& a : c.assessments)
                            for (const auto& ci : a.cites) cited.push_back(ci.id);
                    });
            reports.push_back({f, std::move(result.diagnostics)});
        }
    }
    // Catalogue files linted together with scenarios: which provisions nothing uses.
    if (catalogue_reports && !given.principles.empty() && !scenario_files.empty()) {
        Diagnostics unused;
        given.check_unused(cited, unused);
        attribute(unused);
    }

    std::size_t errors = 0, warnings = 0;
    for (auto& r : reports) {
        r.diags.sort();
        errors += r.diags.error_count();
        warnings += r.diags.warning_count();
    }
    const bool failed = errors > 0 || (args.has("--strict") && warnings > 0);

    if (format == "json") {
        JsonWriter j;
        j.begin_object().field("tool", "measured-cli lint").field("version", 1).field("strict", args.has("--strict"));
        j.field("files_checked", reports.size()).field("errors", errors).field("warnings", warnings).field("ok", !failed);
        j.key("files").begin_array();
        for (const auto& r : reports) {
            j.begin_object().field("path", r.path).field("errors", r.diags.error_count()).field("warnings", r.diags.warning_count());
            j.field("not_shown", r.diags.suppressed());
            j.key("diagnostics").begin_array();
            for (const auto& d : r.diags.items()) {
                j.begin_object().field("severity", std::string(severity_name(d.severity))).field("code", d.code).field("message", d.message);
                j.field("path", d.span.path).field("line", static_cast<int>(d.span.line)).field("column", static_cast<int>(d.span.column));
                j.end_object();
            }
            j.end_array().end_object();
        }
        j.end_array().end_object();
        std::fputs(j.str().c_str(), stdout);
    } else {
        for (const auto& r : reports) print_diagnostics(r.diags, stdout);
        std::fprintf(stderr, "%zu file%s checked: %zu error%s, %zu warning%s%s\n", reports.size(), reports.size() == 1 ? "" : "s", errors,
                     errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                     args.has("--strict") && warnings > 0 && errors == 0 ? " (--strict: warnings fail)" : "");
    }
    return failed ? Exit::found_errors : Exit::ok;
}

}  // namespace measured::cli
