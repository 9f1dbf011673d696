// Shared pieces of measured-cli.
#include "cli_common.hpp"

#include "files.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>

namespace measured::cli {

namespace fs = std::filesystem;

namespace {
std::string program_path;
}

void set_program_path(const char* argv0) { program_path = argv0 ? argv0 : ""; }

bool Args::has(const std::string& flag) const { return std::find(flags.begin(), flags.end(), flag) != flags.end(); }

std::optional<std::string> Args::get(const std::string& option) const {
    auto it = options.find(option);
    if (it == options.end()) return std::nullopt;
    return it->second;
}

Args parse_args(int argc, char** argv, int first, const std::vector<std::string>& valued, const std::vector<std::string>& flags) {
    Args a;
    bool only_positional = false;
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        if (only_positional || arg.size() < 2 || arg[0] != '-' || arg == "-") {
            a.positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_positional = true;
            continue;
        }
        std::string name = arg, value;
        bool has_value = false;
        if (auto eq = arg.find('='); eq != std::string::npos) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
            has_value = true;
        }
        if (std::find(valued.begin(), valued.end(), name) != valued.end()) {
            if (!has_value) {
                if (i + 1 >= argc) {
                    a.error = name + " needs a value";
                    return a;
                }
                value = argv[++i];
            }
            a.options[name] = value;
        } else if (std::find(flags.begin(), flags.end(), name) != flags.end() && !has_value) {
            a.flags.push_back(name);
        } else {
            a.error = "unknown option " + name;
            return a;
        }
    }
    return a;
}

namespace {
std::string find_bundled(const std::optional<std::string>& override_dir, const char* env_name, const std::string& relative) {
    if (override_dir) return *override_dir;
    return find_bundled_dir(relative, env_name, MEASURED_SOURCE_DIR, program_path);
}
}  // namespace

std::string find_standards_dir(const std::optional<std::string>& override_dir) {
    return find_bundled(override_dir, "MEASURED_STANDARDS", "assets/standards");
}

std::string find_scenarios_dir(const std::optional<std::string>& override_dir) {
    return find_bundled(override_dir, "MEASURED_SCENARIOS", "scenarios");
}

std::string find_templates_dir() { return find_bundled(std::nullopt, "MEASURED_TEMPLATES", "assets/templates"); }

std::optional<Catalogue> load_standards(const std::optional<std::string>& override_dir, Diagnostics& diags) {
    const std::string dir = find_standards_dir(override_dir);
    if (dir.empty()) return std::nullopt;
    if (!fs::is_directory(dir)) {
        diags.error("E001", {dir, 0, 0}, "the standards folder does not exist");
        return std::nullopt;
    }
    return load_catalogue(dir, diags);
}

void print_diagnostics(const Diagnostics& diags, std::FILE* out) {
    for (const auto& d : diags.items()) std::fprintf(out, "%s\n", format_diagnostic(d).c_str());
    if (diags.suppressed())
        std::fprintf(out, "… and %zu more problems not shown (the first %zu are listed)\n", diags.suppressed(), diags.items().size());
}

Checked load_checked(const std::string& path, const std::optional<std::string>& standards) {
    Checked c;
    Diagnostics cat_diags;
    c.catalogue = load_standards(standards, cat_diags);
    if (cat_diags.has_errors()) {
        print_diagnostics(cat_diags, stderr);
        c.exit = c.catalogue ? Exit::found_errors : Exit::usage;
        return c;
    }
    ValidateOptions options;
    options.catalogue = c.cat();
    c.lint = lint_scenario(path, options);
    if (!c.lint.scenario || c.lint.diagnostics.has_errors()) {
        print_diagnostics(c.lint.diagnostics, stderr);
        const auto& items = c.lint.diagnostics.items();
        c.exit = items.size() == 1 && items[0].code == "E001" ? Exit::usage : Exit::found_errors;
    }
    return c;
}

std::string principle_name(const Catalogue* catalogue, const std::string& id) {
    const Principle* p = catalogue ? catalogue->find_principle(id) : nullptr;
    return p ? p->name : id;
}

std::optional<std::uint64_t> parse_u64(const std::string& s) {
    std::uint64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

int usage_error(const std::string& command, const std::string& message) {
    std::fprintf(stderr, "measured-cli %s: %s\nRun 'measured-cli %s --help' for usage.\n", command.c_str(), message.c_str(),
                 command.c_str());
    return Exit::usage;
}

}  // namespace measured::cli
