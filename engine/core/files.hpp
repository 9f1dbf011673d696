// Files: atomic writes (a save is either the old file or the new one, never half of each) and
// recursive discovery of scenario files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace measured {

// Writes to a temporary file in the same folder, flushes it to disk, then renames it over `path`.
// Returns "" on success, else the reason.
[[nodiscard]] std::string write_file_atomic(const std::string& path, std::string_view content);

// Scenario files under a path: the file itself, or every *.toml below a folder (sorted), leaving
// out transcripts (*.test.toml). Returns "" or the reason the path cannot be read.
[[nodiscard]] std::string find_toml_files(const std::string& path, std::vector<std::string>& out);

// A bundled folder such as "assets/standards": from the environment variable when set, else next to
// the running binary (installed: ../share/measured/…; build tree: ../…, ../../…), else in the source
// tree the binary was built from. "" when none exists.
[[nodiscard]] std::string find_bundled_dir(const std::string& relative, const char* env_name, const std::string& source_dir,
                                           const std::string& argv0);

}  // namespace measured
