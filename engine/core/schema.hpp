// Typed, located access to TOML tables for the loaders: required keys, types, ranges and unknown-key
// warnings, all as diagnostics. A loader reads what it knows, then finish() reports the rest.
#pragma once

#include "diagnostics.hpp"
#include "toml_source.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace measured {

// A string value with where it came from; `node` lets later stages point inside the string.
struct Located {
    std::string value;
    Span span;
    const toml::node* node = nullptr;
};

enum class Need { optional, required };

class TableReader {
public:
    // `what` names the table in messages: "[scenario]", "scene 'arrival'".
    TableReader(const SourceFile& file, Diagnostics& diags, const toml::table& table, std::string what);

    [[nodiscard]] std::optional<Located> string(std::string_view key, Need need, std::size_t max_chars = 20000);
    [[nodiscard]] std::optional<Located> id(std::string_view key, Need need);
    [[nodiscard]] std::optional<std::int64_t> integer(std::string_view key, Need need, std::int64_t min, std::int64_t max);
    [[nodiscard]] std::optional<bool> boolean(std::string_view key, Need need);
    // An array of strings; `min_items` applies only when the key is present or required.
    [[nodiscard]] std::vector<Located> strings(std::string_view key, Need need, std::size_t min_items = 0,
                                               std::size_t max_chars = 20000);
    // One of a fixed set of words.
    [[nodiscard]] std::optional<Located> word(std::string_view key, Need need, const std::vector<std::string_view>& allowed);
    [[nodiscard]] const toml::table* table(std::string_view key, Need need);
    // An array whose elements must all be tables (`[[key]]`); wrong elements are reported and skipped.
    [[nodiscard]] std::vector<const toml::table*> tables(std::string_view key, Need need, std::size_t max_items);
    // Marks a key as known and returns it unchecked.
    [[nodiscard]] const toml::node* node(std::string_view key);

    // W100 for every key that was never asked for.
    void finish(const std::vector<std::string_view>& ignored = {});

    [[nodiscard]] Span span() const { return span_of(file_, table_); }
    [[nodiscard]] const std::string& what() const { return what_; }
    // Names the table better once its id is known: "a scene" becomes "scene 'door'".
    void rename(std::string what) { what_ = std::move(what); }
    [[nodiscard]] Span key_span(std::string_view key) const;

private:
    const toml::node* fetch(std::string_view key, Need need);
    void wrong_type(std::string_view key, const toml::node& n, std::string_view expected);

    const SourceFile& file_;
    Diagnostics& diags_;
    const toml::table& table_;
    std::string what_;
    std::vector<std::string_view> known_;
};

// E102 when a decoded string holds a control character other than line break, tab or carriage return
// (an escape sequence in a scenario must never reach a trainee's terminal).
bool check_control_characters(const SourceFile& file, Diagnostics& diags, const Located& s, std::string_view what);

// Checks a decoded string's length in code points; E103 when longer than `max_chars`.
bool check_length(Diagnostics& diags, const Located& s, std::string_view what, std::size_t max_chars);

}  // namespace measured
