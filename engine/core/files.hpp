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

}  // namespace measured
