// Shared pieces of measured-cli: argument parsing, exit codes, locating the bundled catalogue,
// printing diagnostics.
#pragma once

#include "catalogue.hpp"
#include "diagnostics.hpp"
#include "validator.hpp"

#include <cstdint>

#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace measured::cli {

enum Exit : int { ok = 0, found_errors = 1, usage = 2, incomplete = 3 };

// Options of the form --name VALUE or --name=VALUE, flags (--strict), and positional arguments.
struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::vector<std::string> flags;
    std::string error;   // non-empty when parsing failed

    [[nodiscard]] bool has(const std::string& flag) const;
    [[nodiscard]] std::optional<std::string> get(const std::string& option) const;
};

// `valued` names the options that take a value; `flags` those that do not. Anything else is an error.
[[nodiscard]] Args parse_args(int argc, char** argv, int first, const std::vector<std::string>& valued,
                              const std::vector<std::string>& flags);

// The standards folder: --standards DIR, else $MEASURED_STANDARDS, else assets/standards next to the
// executable's install or build tree, else the source tree this binary was built from.
[[nodiscard]] std::string find_standards_dir(const std::optional<std::string>& override_dir);

// The scenario library: --scenarios DIR, else $MEASURED_SCENARIOS, else scenarios/ next to the
// install or build tree, else the source tree. "" when none is found.
[[nodiscard]] std::string find_scenarios_dir(const std::optional<std::string>& override_dir);

// The starter templates of `new`: $MEASURED_TEMPLATES, else assets/templates as above.
[[nodiscard]] std::string find_templates_dir();

// Loads the catalogue; its problems go to `diags`. Returns nullopt when no folder was found.
[[nodiscard]] std::optional<Catalogue> load_standards(const std::optional<std::string>& override_dir, Diagnostics& diags);

void print_diagnostics(const Diagnostics& diags, std::FILE* out);

// One scenario linted against the catalogue, as the analysis commands need it.
struct Checked {
    std::optional<Catalogue> catalogue;
    LintResult lint;
    int exit = Exit::ok;   // when not ok(): usage (cannot read it) or found_errors; already printed
    [[nodiscard]] bool ok() const { return exit == Exit::ok; }
    [[nodiscard]] const Catalogue* cat() const { return catalogue ? &*catalogue : nullptr; }
};
// Prints the diagnostics to stderr when the catalogue or the scenario has errors.
[[nodiscard]] Checked load_checked(const std::string& path, const std::optional<std::string>& standards);

// The principle's name from the catalogue, or its id when there is none.
[[nodiscard]] std::string principle_name(const Catalogue* catalogue, const std::string& id);

// A whole number from 0 to 2^64-1, all of the text.
[[nodiscard]] std::optional<std::uint64_t> parse_u64(const std::string& s);

// Usage error: prints "measured-cli CMD: message" and the hint to --help; returns Exit::usage.
int usage_error(const std::string& command, const std::string& message);

// Sets the program path (argv[0]) used to find assets.
void set_program_path(const char* argv0);

}  // namespace measured::cli
