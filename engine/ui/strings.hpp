// Every user-visible string goes through tr(): English is compiled in from assets/i18n/en.toml,
// another language is a file beside it that overrides some or all keys.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace measured::ui {

// The text for a key, e.g. tr("library.start_learn"). A key missing from every table comes back as
// the key itself, so it is visible (and tests/ui/test_strings.cpp fails on it).
[[nodiscard]] const char* tr(std::string_view key);

// tr() with "{name}" placeholders filled in: trf("player.decision", {{"n", "3"}}).
[[nodiscard]] std::string trf(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args);

// Loads a translation on top of English; returns "" or the reason it could not be read.
[[nodiscard]] std::string load_translation(const std::string& path);
// Back to English only.
void reset_translation();

// Whether English defines the key (for the strings test).
[[nodiscard]] bool has_string(std::string_view key);
[[nodiscard]] std::size_t string_count();

}  // namespace measured::ui
