// Shared pieces of measured-cli: argument parsing, exit codes, locating the bundled catalogue,
// printing diagnostics.
#pragma once

#include "catalogue.hpp"
#include "diagnostics.hpp"

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

// Loads the catalogue; its problems go to `diags`. Returns nullopt when no folder was found.
[[nodiscard]] std::optional<Catalogue> load_standards(const std::optional<std::string>& override_dir, Diagnostics& diags);

void print_diagnostics(const Diagnostics& diags, std::FILE* out);

// Usage error: prints "measured-cli CMD: message" and the hint to --help; returns Exit::usage.
int usage_error(const std::string& command, const std::string& message);

// Sets the program path (argv[0]) used to find assets.
void set_program_path(const char* argv0);

}  // namespace measured::cli
