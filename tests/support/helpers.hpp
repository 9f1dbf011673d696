// Test helpers: load scenarios from strings, find diagnostics by code and location, run the real CLI.
#pragma once

#include "catalogue.hpp"
#include "diagnostics.hpp"
#include "loader.hpp"
#include "validator.hpp"

#include <optional>
#include <string>
#include <vector>

namespace measured::test {

// The bundled catalogue, loaded once.
const Catalogue& catalogue();

// Paths into the source tree.
std::string source_path(const std::string& relative);
std::string data_path(const std::string& relative);

// A fresh temporary folder, removed when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::string& path() const { return path_; }
    // Writes a file inside the folder and returns its full path.
    std::string write(const std::string& name, const std::string& content) const;

private:
    std::string path_;
};

struct Loaded {
    std::optional<Scenario> scenario;
    Diagnostics diags;
};

// Loads TOML text as if it were the file `path` (default "test.toml"); loader only.
Loaded load_text(const std::string& toml, const std::string& path = "test.toml");
// Loads and validates against the bundled catalogue, writing the text to a temporary folder.
Loaded lint_text(const std::string& toml);

// Diagnostics with this code.
std::vector<Diagnostic> with_code(const Diagnostics& d, const std::string& code);
// True when a diagnostic with this code sits at this line and column.
bool has_diagnostic(const Diagnostics& d, const std::string& code, unsigned line, unsigned column);
// Line and column (1-based, code points) of the first occurrence of `needle` in `text`, plus
// `offset` bytes into it: where a diagnostic about that text should point.
struct Pos {
    unsigned line = 0;
    unsigned column = 0;
};
Pos find_pos(const std::string& text, const std::string& needle, std::size_t offset = 0);
// All diagnostics, one per line, for failure messages.
std::string dump(const Diagnostics& d);

// `text` with the first occurrence of `from` replaced by `to`; throws when `from` is missing, so a
// test whose fixture changed fails loudly instead of testing the unchanged text.
std::string replace_first(std::string text, const std::string& from, const std::string& to);

// A minimal valid scenario; tests splice their variations into it.
std::string minimal_scenario(const std::string& variables = "", const std::string& extra_scene_keys = "",
                             const std::string& extra_choice_keys = "");

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
// Runs measured-cli with the arguments (no shell), feeding `input` to its standard input.
CliResult run_cli(const std::vector<std::string>& args, const std::string& input = "", double timeout_seconds = 20);
// Runs any program (found on PATH when the name has no slash) the same way.
CliResult run_program(const std::string& program, const std::vector<std::string>& args, const std::string& input = "",
                      double timeout_seconds = 20);

std::string read_file(const std::string& path);

}  // namespace measured::test
