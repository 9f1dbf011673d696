// The library screen: every scenario with its metadata, filters and search, a details panel, the
// two ways to start (Learn, Assess), unfinished sessions to resume, and broken files with their
// diagnostics.
#pragma once

#include "commands.hpp"

#include <string>
#include <vector>

namespace measured::ui {

struct LibraryItem {
    int entry = -1;                 // index into the controller's library
    bool usable = false;            // loaded without errors
    std::string id, title, summary, version, language, difficulty, path;
    int minutes = 0;
    int decisions = 0;              // on the longest path
    std::vector<std::string> topics, audience, objectives, content_warnings, standards, authors;
    std::vector<std::string> diagnostics;   // formatted, errors first
    int errors = 0, warnings = 0;
};

struct ResumableSession {
    int slot = -1;
    std::string scenario_title;
    std::string mode;               // "learn" | "assess" | "workshop"
    int decisions = 0;
    std::string problem;            // non-empty: it cannot be resumed, and why
};

struct LibraryView {
    std::string folder;
    std::string folder_error;
    std::vector<LibraryItem> items;
    std::vector<std::string> topics, audiences, languages;   // for the filters, sorted
    std::vector<ResumableSession> resumable;
};

struct LibraryUiState {
    std::string search;
    std::string topic, audience, language;   // "" = all
    int selected = -1;                       // entry shown in the details panel
};

// Whether an item passes the filters and the search (every word, in title, summary, topics, id).
[[nodiscard]] bool library_item_visible(const LibraryItem& item, const LibraryUiState& st);

void draw_library(const LibraryView& vm, LibraryUiState& st, Commands& out);

}  // namespace measured::ui
