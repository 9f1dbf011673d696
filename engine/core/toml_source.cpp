// Reading TOML files and mapping toml++ source regions to spans.
#include "toml_source.hpp"

#include "text.hpp"

#include <filesystem>
#include <fstream>

namespace measured {

std::optional<SourceFile> read_source_file(const std::string& path, Diagnostics& diags, ReadLimits limits) {
    // Only regular files: a folder would "open", and a named pipe or device would block or never end.
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::is_directory(status)) {
        diags.error("E001", {path, 0, 0}, "cannot read the file (is it a folder?)");
        return std::nullopt;
    }
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        diags.error("E001", {path, 0, 0}, "cannot read the file: it is not a regular file (a pipe or a device?)");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error("E001", {path, 0, 0}, "cannot open the file");
        return std::nullopt;
    }
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size < 0) {
        diags.error("E001", {path, 0, 0}, "cannot read the file (is it a folder?)");
        return std::nullopt;
    }
    if (static_cast<std::size_t>(size) > limits.max_bytes) {
        diags.error("E002", {path, 0, 0},
                    "the file is " + std::to_string(static_cast<long long>(size)) + " bytes; the limit is " +
                        std::to_string(limits.max_bytes) + " bytes");
        return std::nullopt;
    }
    in.seekg(0, std::ios::beg);
    SourceFile file{path, std::string(static_cast<std::size_t>(size), '\0')};
    if (size > 0 && !in.read(file.text.data(), size)) {
        diags.error("E001", {path, 0, 0}, "cannot read the file");
        return std::nullopt;
    }
    return file;
}

namespace {

// The first line that is not blank or a comment, and its number.
std::string_view first_meaningful_line(std::string_view text, std::uint32_t* line_number = nullptr) {
    std::size_t i = 0;
    std::uint32_t n = 0;
    while (i < text.size()) {
        std::size_t end = text.find('\n', i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(i, end - i);
        ++n;
        const auto first = line.find_first_not_of(" \t\r");
        if (first != std::string_view::npos && line[first] != '#') {
            if (line_number) *line_number = n;
            return line.substr(first);
        }
        i = end + 1;
    }
    return {};
}

// JSON and YAML are the likeliest mistakes; say so instead of reporting a cryptic TOML error.
std::optional<std::string> wrong_format_hint(std::string_view text) {
    // A UTF-8 byte-order mark is no part of the first line (toml++ skips it too).
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const std::string_view line = first_meaningful_line(text);
    if (line.empty()) return std::nullopt;
    if (line.front() == '{' || (line.front() == '[' && line.size() > 1 && (line[1] == '{' || line[1] == '"')))
        return "this looks like JSON; scenario and catalogue files are TOML (see scenarios/README.md)";
    if (line.rfind("---", 0) == 0 || line.rfind("- ", 0) == 0)
        return "this looks like YAML; scenario and catalogue files are TOML (see scenarios/README.md)";
    const auto colon = line.find(':');
    const auto equals = line.find('=');
    if (colon != std::string_view::npos && (equals == std::string_view::npos || colon < equals) &&
        line.front() != '[' && line.front() != '"')
        return "this looks like YAML ('key: value'); TOML writes 'key = value' (see scenarios/README.md)";
    return std::nullopt;
}

// The deepest key path written in the file ("[a.b.c]" or "a.b.c = 1" is 3), with its line. toml++
// limits nested values (arrays, inline tables) itself but recurses once per level of a dotted key, so
// deep key paths are refused before parsing. A small lexer skips strings (all four kinds) and
// comments; outside them, the dots between two structural characters count as key levels (a float
// has at most one).
std::pair<std::size_t, std::uint32_t> deepest_key_path(std::string_view text) {
    std::size_t deepest = 1, dots = 0;
    std::uint32_t line = 1, deepest_line = 1;
    std::size_t i = 0;
    const std::size_t n = text.size();
    auto starts = [&](std::size_t at, std::string_view what) { return text.substr(at, what.size()) == what; };
    while (i < n) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            dots = 0;
            ++i;
        } else if (c == '#') {
            while (i < n && text[i] != '\n') ++i;
        } else if (starts(i, "\"\"\"") || starts(i, "\'\'\'")) {
            const std::string_view close = text.substr(i, 3);
            const bool escapes = c == '"';
            i += 3;
            while (i < n && !starts(i, close)) {
                if (text[i] == '\n') ++line;
                i += (escapes && text[i] == '\\' && i + 1 < n && text[i + 1] != '\n') ? 2 : 1;
            }
            i += 3;
            // Up to two more quotes may close a multi-line string ("""a"""" is a" plus the close).
            while (i < n && text[i] == c) ++i;
        } else if (c == '"' || c == '\'') {
            ++i;
            while (i < n && text[i] != c && text[i] != '\n') i += (c == '"' && text[i] == '\\' && i + 1 < n) ? 2 : 1;
            if (i < n && text[i] == c) ++i;
        } else {
            if (c == '.') {
                ++dots;
                if (dots + 1 > deepest) {
                    deepest = dots + 1;
                    deepest_line = line;
                }
            } else if (c == '=' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
                dots = 0;
            }
            ++i;
        }
    }
    return {deepest, deepest_line};
}

}  // namespace

std::optional<toml::table> parse_toml(const SourceFile& file, Diagnostics& diags) {
    if (auto bad = find_invalid_utf8(file.text)) {
        const auto lc = line_column_at(file.text, *bad);
        diags.error("E003", {file.path, lc.line, lc.column}, "invalid UTF-8; save the file as UTF-8");
        return std::nullopt;
    }
    if (first_meaningful_line(file.text).empty()) {
        diags.error("E013", {file.path, 0, 0}, "the file is empty");
        return std::nullopt;
    }
    if (const auto [depth, line] = deepest_key_path(file.text); depth > 64) {
        diags.error("E011", {file.path, line, 1},
                    "a key path here is " + std::to_string(depth) + " levels deep; the limit is 64");
        return std::nullopt;
    }
    try {
        return toml::parse(file.text, std::string_view(file.path));
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        Span span{file.path, static_cast<std::uint32_t>(begin.line), static_cast<std::uint32_t>(begin.column)};
        if (auto hint = wrong_format_hint(file.text)) {
            std::uint32_t line = 1;
            (void)first_meaningful_line(file.text, &line);
            diags.error("E012", {file.path, line, 1}, *hint);
        } else {
            diags.error("E010", span, std::string(e.description()));
        }
        return std::nullopt;
    } catch (const std::exception& e) {
        diags.error("E010", {file.path, 0, 0}, std::string("cannot parse the file: ") + e.what());
        return std::nullopt;
    }
}

Span span_of(const SourceFile& file, const toml::node& node) {
    const auto& b = node.source().begin;
    return {file.path, static_cast<std::uint32_t>(b.line), static_cast<std::uint32_t>(b.column)};
}

namespace {

// Byte offset in `text` of a 1-based line and code-point column.
std::optional<std::size_t> byte_offset_of(std::string_view text, std::uint32_t line, std::uint32_t column) {
    std::size_t i = 0;
    for (std::uint32_t l = 1; l < line; ++l) {
        i = text.find('\n', i);
        if (i == std::string_view::npos) return std::nullopt;
        ++i;
    }
    for (std::uint32_t c = 1; c < column; ++c) {
        if (i >= text.size() || text[i] == '\n') return std::nullopt;
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
}

std::size_t utf8_size_of_codepoint(std::uint32_t cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

Span span_in_string(const SourceFile& file, const toml::node& node, std::size_t offset) {
    const Span start = span_of(file, node);
    const std::string_view text = file.text;
    auto pos = byte_offset_of(text, start.line, start.column);
    if (!pos || *pos >= text.size()) return start;
    std::size_t i = *pos;
    const char quote = text[i];
    if (quote != '"' && quote != '\'') return start;
    const bool multi = text.substr(i, 3) == std::string_view(quote == '"' ? "\"\"\"" : "'''");
    const bool escapes = quote == '"';
    i += multi ? 3 : 1;
    if (multi) {
        if (text.substr(i, 2) == "\r\n") i += 2;
        else if (i < text.size() && text[i] == '\n') i += 1;
    }
    std::size_t decoded = 0;
    while (i < text.size()) {
        if (decoded >= offset) {
            const auto lc = line_column_at(text, i);
            return {file.path, lc.line, lc.column};
        }
        const char c = text[i];
        if (!multi && c == quote) break;
        if (multi && text.substr(i, 3) == std::string_view(quote == '"' ? "\"\"\"" : "'''")) break;
        if (escapes && c == '\\' && i + 1 < text.size()) {
            const char e = text[i + 1];
            if (e == 'u' || e == 'U') {
                const std::size_t digits = e == 'u' ? 4 : 8;
                std::uint32_t cp = 0;
                std::size_t k = 0;
                for (; k < digits && i + 2 + k < text.size() && hex_value(text[i + 2 + k]) >= 0; ++k)
                    cp = cp * 16 + static_cast<std::uint32_t>(hex_value(text[i + 2 + k]));
                decoded += utf8_size_of_codepoint(cp);
                i += 2 + k;
            } else if (multi && (e == '\n' || e == ' ' || e == '\t' || e == '\r')) {
                // Line-ending backslash: it and all following whitespace vanish from the value.
                i += 1;
                while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
            } else {
                decoded += 1;
                i += 2;
            }
            continue;
        }
        if (multi && c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            decoded += 1;  // toml++ normalises CRLF to LF
            i += 2;
            continue;
        }
        decoded += 1;
        i += 1;
    }
    return start;
}

std::string_view toml_type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::table: return "table";
        case toml::node_type::array: return "array";
        case toml::node_type::string: return "string";
        case toml::node_type::integer: return "integer";
        case toml::node_type::floating_point: return "float";
        case toml::node_type::boolean: return "boolean";
        case toml::node_type::date: return "date";
        case toml::node_type::time: return "time";
        case toml::node_type::date_time: return "date-time";
        default: return "value";
    }
}

}  // namespace measured
