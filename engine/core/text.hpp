// Small text utilities shared by the core: UTF-8 checks, ids, suggestions, escaping.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace measured {

// Byte offset of the first invalid UTF-8 sequence, or nullopt if the text is valid.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Number of code points in valid UTF-8 text.
[[nodiscard]] std::size_t utf8_length(std::string_view text);

// 1-based line and code-point column of a byte offset.
struct LineColumn {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
};
[[nodiscard]] LineColumn line_column_at(std::string_view text, std::size_t byte_offset);

// Ids: 1–64 of [a-z0-9_-], starting with a letter or digit.
[[nodiscard]] bool is_valid_id(std::string_view id);

// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates);

// " (did you mean 'x'?)" or "".
[[nodiscard]] std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

// FNV-1a, 64-bit: content fingerprints for saves. Not for security.
[[nodiscard]] std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 0xcbf29ce484222325ULL);
[[nodiscard]] std::string hex64(std::uint64_t v);
// SplitMix64's step: a well-mixed 64-bit value from any input (seeds, draws).
[[nodiscard]] std::uint64_t splitmix64(std::uint64_t x);

// Joins with a separator.
[[nodiscard]] std::string join(std::span<const std::string> parts, std::string_view sep);

// Quotes a value for messages: 'value', shortened to 40 code points.
[[nodiscard]] std::string quote_value(std::string_view value);

// ASCII lower case (other bytes unchanged).
// A TOML basic string: quotes, backslashes and control characters escaped.
[[nodiscard]] std::string toml_quote(std::string_view s);

[[nodiscard]] std::string ascii_lower(std::string_view s);
// Whether `haystack` contains every space-separated word of `query`, ignoring ASCII case. An empty
// query matches everything. The one search rule of the catalogue, the library and the browser.
[[nodiscard]] bool contains_all_words(std::string_view haystack, std::string_view query);

}  // namespace measured
