// The string tables: flat "section.key" names read from TOML tables ([library] start = "…").

#include "strings.hpp"

#include "toml_source.hpp"

#include <map>
#include <string>

namespace measured::ui {

using measured::Diagnostics;
using measured::SourceFile;

extern const char* const english_strings;

namespace {

using Table = std::map<std::string, std::string, std::less<>>;

void flatten(const toml::table& t, const std::string& prefix, Table& out) {
    for (auto&& [k, v] : t) {
        std::string name = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
        if (const auto* sub = v.as_table()) flatten(*sub, name, out);
        else if (auto s = v.value<std::string>()) out[name] = *s;
    }
}

// Parses a table through the core's one toml++ entry point; returns "" or the first problem.
std::string parse_into(SourceFile file, Table& out) {
    Diagnostics diags;
    auto root = parse_toml(file, diags);
    if (!root) return diags.items().empty() ? file.path + ": cannot be read" : format_diagnostic(diags.items().front());
    flatten(*root, "", out);
    return {};
}

struct Tables {
    Table english;
    Table override;
    Tables() { (void)parse_into({"assets/i18n/en.toml", english_strings}, english); }
};

Tables& tables() {
    static Tables t;   // built once, on first use
    return t;
}

}  // namespace

const char* tr(std::string_view key) {
    Tables& t = tables();
    if (auto it = t.override.find(key); it != t.override.end()) return it->second.c_str();
    if (auto it = t.english.find(key); it != t.english.end()) return it->second.c_str();
    // Unknown keys are remembered so the returned pointer stays valid.
    return t.override.emplace(std::string(key), std::string(key)).first->second.c_str();
}

std::string trf(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args) {
    std::string text = tr(key);
    for (const auto& [name, value] : args) {
        const std::string placeholder = "{" + std::string(name) + "}";
        for (std::size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
            text.replace(at, placeholder.size(), value);
    }
    return text;
}

std::string load_translation(const std::string& path) {
    Diagnostics diags;
    auto file = read_source_file(path, diags, {1024 * 1024});
    if (!file) return diags.items().empty() ? "cannot read " + path : format_diagnostic(diags.items().front());
    Table loaded;
    if (std::string err = parse_into(std::move(*file), loaded); !err.empty()) return err;
    tables().override = std::move(loaded);
    return {};
}

void reset_translation() { tables().override.clear(); }

bool has_string(std::string_view key) { return tables().english.count(key) > 0; }
std::size_t string_count() { return tables().english.size(); }

}  // namespace measured::ui
