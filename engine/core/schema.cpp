// Typed, located access to TOML tables.
#include "schema.hpp"

#include "text.hpp"

#include <algorithm>
#include <cstdio>

namespace measured {

TableReader::TableReader(const SourceFile& file, Diagnostics& diags, const toml::table& table, std::string what)
    : file_(file), diags_(diags), table_(table), what_(std::move(what)) {}

Span TableReader::key_span(std::string_view key) const {
    for (auto&& [k, v] : table_) {
        if (k.str() == key) {
            const auto& b = k.source().begin;
            if (b.line) return {file_.path, static_cast<std::uint32_t>(b.line), static_cast<std::uint32_t>(b.column)};
            return span_of(file_, v);
        }
    }
    return span();
}

const toml::node* TableReader::fetch(std::string_view key, Need need) {
    known_.push_back(key);
    const toml::node* n = table_.get(key);
    if (!n && need == Need::required) {
        diags_.error("E100", span(), what_ + " has no '" + std::string(key) + "', which is required");
    }
    return n;
}

const toml::node* TableReader::node(std::string_view key) { return fetch(key, Need::optional); }

void TableReader::wrong_type(std::string_view key, const toml::node& n, std::string_view expected) {
    diags_.error("E101", span_of(file_, n),
                 "'" + std::string(key) + "' in " + what_ + " must be " + std::string(expected) + ", not " +
                     std::string(toml_type_name(n) == "integer" ? "an integer"
                                 : toml_type_name(n) == "array" ? "an array"
                                                                : "a " + std::string(toml_type_name(n))));
}

bool check_length(Diagnostics& diags, const Located& s, std::string_view what, std::size_t max_chars) {
    const std::size_t len = utf8_length(s.value);
    if (len <= max_chars) return true;
    diags.error("E103", s.span,
                std::string(what) + " is " + std::to_string(len) + " characters long; the limit is " + std::to_string(max_chars));
    return false;
}

namespace {

struct ControlCharacter {
    std::size_t offset = std::string_view::npos;   // npos: none
    int code_point = -1;
    bool bidi = false;
};

// The first character that check_control_characters refuses.
ControlCharacter find_control_character(std::string_view v) {
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto c = static_cast<unsigned char>(v[i]);
        if (c >= 0x20 && c < 0x7f) continue;   // the common case: printable ASCII
        const auto next = i + 1 < v.size() ? static_cast<unsigned char>(v[i + 1]) : 0;
        const auto third = i + 2 < v.size() ? static_cast<unsigned char>(v[i + 2]) : 0;
        if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f) return {i, c, false};
        // C1 controls (U+0080–U+009F: C2 80–C2 9F), which some terminals act on like escapes.
        if (c == 0xc2 && next >= 0x80 && next <= 0x9f) return {i, next, false};
        // Bidirectional embeddings and overrides (U+202A–U+202E): the text shown would differ from
        // the text a reviewer reads in the file. Marks and isolates (U+200E, U+2066…) stay allowed.
        if (c == 0xe2 && next == 0x80 && third >= 0xaa && third <= 0xae) return {i, 0x2000 + (third - 0x80), true};
    }
    return {};
}

// True when a string passes both checks, so the caller need not even build their messages.
bool clean_text(std::string_view v, std::size_t max_chars) {
    return find_control_character(v).offset == std::string_view::npos && utf8_length(v) <= max_chars;
}

}  // namespace

bool check_control_characters(const SourceFile& file, Diagnostics& diags, const Located& s, std::string_view what) {
    const ControlCharacter found = find_control_character(s.value);
    if (found.offset == std::string_view::npos) return true;
    char code[8];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(found.code_point));
    diags.error("E102", s.node ? span_in_string(file, *s.node, found.offset) : s.span,
                std::string(what) + " contains the " + (found.bidi ? "bidirectional override " : "control character ") + code +
                    (found.bidi ? "; it would make the text shown differ from the text in the file (use U+2066–U+2069 isolates for mixed directions)"
                                : "; texts may hold line breaks and tabs, but no terminal or control codes"));
    return false;
}

std::optional<Located> TableReader::string(std::string_view key, Need need, std::size_t max_chars) {
    const toml::node* n = fetch(key, need);
    if (!n) return std::nullopt;
    const auto* s = n->as_string();
    if (!s) {
        wrong_type(key, *n, "a string");
        return std::nullopt;
    }
    Located out{s->get(), span_of(file_, *n), n};
    if (clean_text(out.value, max_chars)) return out;
    const std::string what = "'" + std::string(key) + "' in " + what_;
    if (!check_length(diags_, out, what, max_chars) || !check_control_characters(file_, diags_, out, what)) return std::nullopt;
    return out;
}

std::optional<Located> TableReader::id(std::string_view key, Need need) {
    auto s = string(key, need, 200);
    if (!s) return std::nullopt;
    if (!is_valid_id(s->value)) {
        diags_.error("E104", s->span,
                     "'" + std::string(key) + "' in " + what_ + " is not a valid id: " + quote_value(s->value) +
                         "; use 1–64 lowercase letters, digits, '-' or '_', starting with a letter or digit");
        return std::nullopt;
    }
    return s;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, Need need, std::int64_t min, std::int64_t max) {
    const toml::node* n = fetch(key, need);
    if (!n) return std::nullopt;
    const auto* v = n->as_integer();
    if (!v) {
        wrong_type(key, *n, "an integer");
        return std::nullopt;
    }
    const std::int64_t x = v->get();
    if (x < min || x > max) {
        diags_.error("E102", span_of(file_, *n),
                     "'" + std::string(key) + "' in " + what_ + " must be between " + std::to_string(min) + " and " +
                         std::to_string(max) + ", not " + std::to_string(x));
        return std::nullopt;
    }
    return x;
}

std::optional<bool> TableReader::boolean(std::string_view key, Need need) {
    const toml::node* n = fetch(key, need);
    if (!n) return std::nullopt;
    const auto* v = n->as_boolean();
    if (!v) {
        wrong_type(key, *n, "true or false");
        return std::nullopt;
    }
    return v->get();
}

std::vector<Located> TableReader::strings(std::string_view key, Need need, std::size_t min_items, std::size_t max_chars) {
    std::vector<Located> out;
    const toml::node* n = fetch(key, need);
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr) {
        wrong_type(key, *n, "an array of strings");
        return out;
    }
    if (arr->size() < min_items) {
        diags_.error("E102", span_of(file_, *n),
                     "'" + std::string(key) + "' in " + what_ + " needs at least " + std::to_string(min_items) +
                         (min_items == 1 ? " entry" : " entries"));
    }
    if (arr->size() > 1000) {
        diags_.error("E105", span_of(file_, *n), "'" + std::string(key) + "' in " + what_ + " has more than 1000 entries");
        return out;
    }
    for (const auto& item : *arr) {
        const auto* s = item.as_string();
        if (!s) {
            diags_.error("E101", span_of(file_, item),
                         "every entry of '" + std::string(key) + "' in " + what_ + " must be a string, not " +
                             std::string(toml_type_name(item) == "integer" ? "an integer" : "a " + std::string(toml_type_name(item))));
            continue;
        }
        Located l{s->get(), span_of(file_, item), &item};
        if (!clean_text(l.value, max_chars)) {
            const std::string what = "an entry of '" + std::string(key) + "' in " + what_;
            if (!check_length(diags_, l, what, max_chars) || !check_control_characters(file_, diags_, l, what)) continue;
        }
        out.push_back(std::move(l));
    }
    return out;
}

std::optional<Located> TableReader::word(std::string_view key, Need need, const std::vector<std::string_view>& allowed) {
    auto s = string(key, need, 200);
    if (!s) return std::nullopt;
    if (std::find(allowed.begin(), allowed.end(), s->value) == allowed.end()) {
        std::string list;
        for (std::size_t i = 0; i < allowed.size(); ++i) list += (i ? ", " : "") + std::string(allowed[i]);
        diags_.error("E102", s->span,
                     "'" + std::string(key) + "' in " + what_ + " cannot be " + quote_value(s->value) + did_you_mean(s->value, allowed) +
                         "; use one of: " + list);
        return std::nullopt;
    }
    return s;
}

const toml::table* TableReader::table(std::string_view key, Need need) {
    const toml::node* n = fetch(key, need);
    if (!n) return nullptr;
    const auto* t = n->as_table();
    if (!t) wrong_type(key, *n, "a table");
    return t;
}

std::vector<const toml::table*> TableReader::tables(std::string_view key, Need need, std::size_t max_items) {
    std::vector<const toml::table*> out;
    const toml::node* n = fetch(key, need);
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr) {
        wrong_type(key, *n, "an array of tables ([[" + std::string(key) + "]])");
        return out;
    }
    if (arr->size() > max_items) {
        diags_.error("E105", span_of(file_, *n),
                     what_ + " has " + std::to_string(arr->size()) + " '" + std::string(key) + "' entries; the limit is " +
                         std::to_string(max_items));
        return out;
    }
    for (const auto& item : *arr) {
        if (const auto* t = item.as_table()) out.push_back(t);
        else
            diags_.error("E101", span_of(file_, item),
                         "every '" + std::string(key) + "' in " + what_ + " must be a table, not a " + std::string(toml_type_name(item)));
    }
    return out;
}

void TableReader::finish(const std::vector<std::string_view>& ignored) {
    // toml++ keeps keys sorted by name; report them in file order so the first ones shown are the
    // first ones written.
    std::vector<std::pair<Span, std::string_view>> unknown;
    for (auto&& [k, v] : table_) {
        const std::string_view key = k.str();
        if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
        if (std::find(ignored.begin(), ignored.end(), key) != ignored.end()) continue;
        const auto& b = k.source().begin;
        unknown.emplace_back(b.line ? Span{file_.path, static_cast<std::uint32_t>(b.line), static_cast<std::uint32_t>(b.column)}
                                    : span_of(file_, v),
                             key);
    }
    std::sort(unknown.begin(), unknown.end(), [](const auto& a, const auto& b) {
        return a.first.line != b.first.line ? a.first.line < b.first.line : a.first.column < b.first.column;
    });
    for (const auto& [where, key] : unknown)
        diags_.warning("W100", where, "unknown key '" + std::string(key) + "' in " + what_ + did_you_mean(key, known_));
}

}  // namespace measured
