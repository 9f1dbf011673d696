// Reading TOML files: the one place where toml++ errors become diagnostics, plus the helpers that
// turn toml++ source regions (and offsets inside string values) into spans.
#pragma once

#include "diagnostics.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

namespace measured {

struct SourceFile {
    std::string path;   // as given by the caller; used in every diagnostic
    std::string text;   // raw bytes
};

struct ReadLimits {
    std::size_t max_bytes = 4 * 1024 * 1024;
};

// Reads a file. E001 when it cannot be read, E002 when it is larger than the limit.
[[nodiscard]] std::optional<SourceFile> read_source_file(const std::string& path, Diagnostics& diags,
                                                         ReadLimits limits = {});

// Parses TOML text. E003 invalid UTF-8, E010 syntax, E011 key paths nested too deep, E012 JSON or YAML by mistake, E013 empty file.
// Never throws.
[[nodiscard]] std::optional<toml::table> parse_toml(const SourceFile& file, Diagnostics& diags);

// The span where a node starts.
[[nodiscard]] Span span_of(const SourceFile& file, const toml::node& node);

// The span of the character at `offset` (a byte offset in the *decoded* value) inside a string node:
// exact even through escapes and multi-line strings, so errors inside expressions and text point
// at the right column. Falls back to the node's start.
[[nodiscard]] Span span_in_string(const SourceFile& file, const toml::node& node, std::size_t offset);

// A human name for a node's type: "string", "integer", "table"…
[[nodiscard]] std::string_view toml_type_name(const toml::node& node);

}  // namespace measured
