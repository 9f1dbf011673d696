// measured-cli new: a new scenario from a commented starter template.
#include "cli_common.hpp"
#include "commands.hpp"

#include "files.hpp"
#include "text.hpp"
#include "toml_source.hpp"

#include <algorithm>
#include <filesystem>

namespace measured::cli {

namespace fs = std::filesystem;

namespace {
const char* const help =
    "Usage: measured-cli new --template use-of-force|assembly|custody [--dir DIR] ID\n"
    "\n"
    "Creates DIR/ID/scenario.toml (DIR defaults to the current folder) from a starter: a small,\n"
    "complete, lint-clean scenario with a comment on every part explaining what it does, what is\n"
    "required and the usual mistakes. Play it, then rewrite it into yours:\n"
    "\n"
    "  measured-cli lint --strict ID/scenario.toml    check it\n"
    "  measured-cli play ID/scenario.toml             play it in the terminal\n"
    "  tools/run --author ID/scenario.toml            edit with live reload, map and variables\n"
    "  measured-cli test --record ID/scenario.toml    write a transcript per ending, then 'test'\n"
    "\n"
    "ID is the scenario's id: lowercase letters, digits, '-' and '_'. Nothing is overwritten.\n"
    "\n"
    "Exit codes: 0 created; 2 usage error, the folder exists, or I/O error.\n";

const std::string_view templates[] = {"use-of-force", "assembly", "custody"};
}  // namespace

int run_new(int argc, char** argv, int first) {
    Args args = parse_args(argc, argv, first, {"--template", "--dir"}, {"--help"});
    if (args.has("--help")) {
        std::fputs(help, stdout);
        return Exit::ok;
    }
    if (!args.error.empty()) return usage_error("new", args.error);
    const auto name = args.get("--template");
    if (!name) return usage_error("new", "choose a --template: use-of-force, assembly or custody");
    if (std::find(std::begin(templates), std::end(templates), *name) == std::end(templates))
        return usage_error("new", "unknown template '" + *name + "'; choose use-of-force, assembly or custody");
    if (args.positional.size() != 1) return usage_error("new", "give the new scenario's id");
    const std::string id = args.positional[0];
    if (!is_valid_id(id)) return usage_error("new", "'" + id + "' is not a valid id: use lowercase letters, digits, '-' and '_'");

    const std::string dir = find_templates_dir();
    const fs::path source = fs::path(dir) / (*name + ".toml");
    Diagnostics unread;
    auto file = dir.empty() ? std::nullopt : read_source_file(source.string(), unread);
    if (!file) {
        std::fprintf(stderr, "measured-cli new: the template %s cannot be read; set MEASURED_TEMPLATES to the assets/templates folder\n",
                     source.string().c_str());
        return Exit::usage;
    }
    std::string text = std::move(file->text);
    const std::string marker = "id = \"template-" + *name + "\"";
    const auto at = text.find("\n" + marker + "\n");
    if (at == std::string::npos) {
        std::fprintf(stderr, "measured-cli new: the template %s has no line '%s'\n", source.string().c_str(), marker.c_str());
        return Exit::usage;
    }
    text.replace(at + 1, marker.size(), "id = " + toml_quote(id));

    const fs::path folder = fs::path(args.get("--dir").value_or(".")) / id;
    std::error_code ec;
    if (fs::exists(folder, ec)) {
        std::fprintf(stderr, "measured-cli new: %s already exists; choose another id or folder (nothing was changed)\n", folder.string().c_str());
        return Exit::usage;
    }
    fs::create_directories(folder, ec);
    const std::string out = (folder / "scenario.toml").string();
    if (ec) {
        std::fprintf(stderr, "measured-cli new: cannot create %s: %s\n", folder.string().c_str(), ec.message().c_str());
        return Exit::usage;
    }
    if (auto err = write_file_atomic(out, text); !err.empty()) {
        std::fprintf(stderr, "measured-cli new: cannot write %s: %s\n", out.c_str(), err.c_str());
        return Exit::usage;
    }
    std::printf("Created %s from the %s template.\nNext: measured-cli lint --strict %s, then measured-cli play %s\n", out.c_str(), name->c_str(),
                out.c_str(), out.c_str());
    return Exit::ok;
}

}  // namespace measured::cli
