// The standards browser: instruments → provisions, search, and the scenarios that cite each one.
#pragma once

#include "commands.hpp"

#include <string>
#include <vector>

namespace measured::ui {

struct ProvisionItem {
    std::string id, label, number, title, paraphrase, source, url, verified_by;
    bool verified = false;
    std::vector<std::string> keywords, principles;
    std::vector<std::string> cited_by;   // "Knife in the kitchen — scene 'door' (Necessity: violation)"
};

struct InstrumentItem {
    std::string id, title, short_title, symbol, summary, url;
    int year = 0;
    std::vector<int> provisions;         // indices into StandardsView::provisions
};

struct StandardsView {
    std::string error;                   // the catalogue could not be loaded
    std::vector<InstrumentItem> instruments;
    std::vector<ProvisionItem> provisions;
    std::string focus;                   // a provision to show (opened from feedback or the debrief)
    int focus_serial = 0;                // changes each time a provision is opened from outside
    bool can_go_back = false;            // opened from a scenario: offer the way back
};

struct StandardsUiState {
    std::string search;
    int instrument = 0;
    int provision = -1;
    int seen_focus_serial = 0;
};

// Indices of the provisions matching every word of the query (id, number, title, paraphrase, keywords).
[[nodiscard]] std::vector<int> search_provisions(const StandardsView& vm, const std::string& query);

void draw_standards(const StandardsView& vm, StandardsUiState& st, Commands& out);

}  // namespace measured::ui
