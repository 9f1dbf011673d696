// The library screen: list and filters on the left, the chosen scenario's details on the right.

#include "screen_library.hpp"

#include "fonts.hpp"
#include "keys.hpp"
#include "strings.hpp"
#include "text.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace measured::ui {

namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// A filter drop-down with its label in front: "Topic [All v]".
void filter_combo(const char* label, const std::vector<std::string>& values, std::string& current, float width) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width - ImGui::CalcTextSize(label).x - ImGui::GetStyle().ItemSpacing.x);
    const std::string shown = current.empty() ? tr("library.filter_all") : current;
    const std::string id = std::string("##") + label;
    if (ImGui::BeginCombo(id.c_str(), shown.c_str())) {
        if (selectable(tr("library.filter_all"), current.empty())) current.clear();
        for (const auto& v : values)
            if (selectable(v.c_str(), current == v)) current = v;
        ImGui::EndCombo();
    }
}

void resume_banner(const LibraryView& vm, Commands& out) {
    for (const auto& r : vm.resumable) {
        ImGui::PushID(r.slot);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel);
        const std::string what = r.problem.empty()
                                     ? trf(r.mode == "assess" ? "library.unfinished_assess" : r.mode == "workshop" ? "library.unfinished_workshop" : "library.unfinished_learn",
                                           {{"n", std::to_string(r.decisions)}})
                                     : r.problem;
        // The box fits its wrapped text, so the buttons below it are never cut off.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float wrap = std::min(ImGui::GetContentRegionAvail().x - style.WindowPadding.x * 2, reading_width());
        const float h = ImGui::GetTextLineHeightWithSpacing() + ImGui::CalcTextSize(what.c_str(), nullptr, false, wrap).y +
                        style.ItemSpacing.y * 2 + ImGui::GetFrameHeightWithSpacing() + style.WindowPadding.y * 2;
        ImGui::BeginChild("##resume", {0, h}, true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
        if (r.problem.empty()) {
            heading(trf("library.unfinished", {{"title", r.scenario_title}}));
            paragraph_dim(what);
            if (button(tr("library.resume"))) out.push_back(cmd::Resume{r.slot});
            ImGui::SameLine();
        } else {
            heading(trf("library.unresumable", {{"title", r.scenario_title}}));
            paragraph_dim(what);
        }
        // A workshop record is never deleted from here: setting it aside only stops the offer.
        if (button(r.mode == "workshop" ? tr("library.set_aside") : tr("library.discard"))) out.push_back(cmd::Discard{r.slot});
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
}

void list_pane(const LibraryView& vm, LibraryUiState& st, Commands& out) {
    resume_banner(vm, out);
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(w);
    ImGui::InputTextWithHint("##search", tr("library.search_hint"), &st.search);
    const float combo_w = (w - ImGui::GetStyle().ItemSpacing.x * 2) / 3;
    filter_combo(tr("library.topic"), vm.topics, st.topic, combo_w);
    ImGui::SameLine();
    filter_combo(tr("library.audience"), vm.audiences, st.audience, combo_w);
    ImGui::SameLine();
    filter_combo(tr("library.language"), vm.languages, st.language, combo_w);
    vertical_gap(0.3f);

    if (!vm.folder_error.empty()) paragraph(vm.folder_error);
    if (vm.items.empty() && vm.folder_error.empty()) {
        paragraph(trf("library.empty", {{"folder", vm.folder}}));
        return;
    }
    // No ScrollY: a scrolling table is a child window, which keyboard navigation in ImGui 1.86 cannot
    // enter with the arrows; the list pane scrolls instead.
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##scenarios", 4, flags)) return;
    ImGui::TableSetupColumn(tr("library.col_title"), ImGuiTableColumnFlags_WidthStretch, 3.6f);
    ImGui::TableSetupColumn(tr("library.col_topic"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(tr("library.col_minutes"), ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn(tr("library.col_level"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableHeadersRow();
    int shown = 0;
    for (const auto& item : vm.items) {
        if (!library_item_visible(item, st)) continue;
        ++shown;
        ImGui::PushID(item.entry);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string label = item.title + "##row";
        if (selectable(label.c_str(), st.selected == item.entry, {0, 0}, ImGuiSelectableFlags_SpanAllColumns)) st.selected = item.entry;
        if (!item.usable) note(trf("library.broken", {{"n", std::to_string(item.errors)}}), palette().critical);
        else if (!item.content_warnings.empty())
            note(trf("library.warnings_short", {{"list", join(item.content_warnings, ", ")}}), palette().text_dim);
        ImGui::TableNextColumn();
        // The first topic is the scenario's main one; the details panel lists them all.
        if (!item.topics.empty()) ImGui::TextUnformatted(item.topics.front().c_str());
        ImGui::TableNextColumn();
        if (item.minutes > 0) ImGui::Text("%d", item.minutes);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(item.usable ? tr(("difficulty." + item.difficulty).c_str()) : "");
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (shown == 0) paragraph_dim(tr("library.no_match"));
}

void details_pane(const LibraryView& vm, const LibraryUiState& st, Commands& out) {
    const LibraryItem* item = nullptr;
    for (const auto& i : vm.items)
        if (i.entry == st.selected) item = &i;
    if (!item) {
        vertical_gap(1);
        paragraph_dim(vm.items.empty() ? "" : tr("library.pick"));
        return;
    }
    title(item->title);
    if (!item->usable) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().critical);
        paragraph(trf("library.broken_long", {{"n", std::to_string(item->errors)}}));
        ImGui::PopStyleColor();
        paragraph_dim(item->path);
        vertical_gap(0.3f);
        for (const auto& d : item->diagnostics) bullet_text(d);
        vertical_gap(0.4f);
        if (button(tr("library.open_author"))) out.push_back(cmd::Start{item->entry, Mode::author});
        paragraph_dim(tr("library.author_explained"));
        return;
    }
    std::string meta = trf("library.meta", {{"minutes", std::to_string(item->minutes)},
                                            {"level", tr(("difficulty." + item->difficulty).c_str())},
                                            {"language", item->language},
                                            {"version", item->version}});
    if (item->decisions > 0) meta += "  ·  " + trf("library.decisions", {{"n", std::to_string(item->decisions)}});
    paragraph_dim(meta);
    vertical_gap(0.3f);
    paragraph(item->summary);
    vertical_gap(0.4f);

    if (!item->content_warnings.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().timer_low);
        heading(tr("library.content_warnings"));
        ImGui::PopStyleColor();
        std::vector<std::string> words;
        for (const auto& w : item->content_warnings) words.push_back(tr(("warning." + w).c_str()));
        paragraph(join(words, ", "));
        vertical_gap(0.3f);
    }
    if (button(tr("library.start_learn"))) out.push_back(cmd::Start{item->entry, Mode::learn});
    same_line_if_fits(tr("library.start_assess"));
    if (button(tr("library.start_assess"))) out.push_back(cmd::Start{item->entry, Mode::assess});
    same_line_if_fits(tr("library.start_workshop"));
    if (button(tr("library.start_workshop"))) out.push_back(cmd::Start{item->entry, Mode::workshop});
    same_line_if_fits(tr("library.open_author"));
    if (button(tr("library.open_author"))) out.push_back(cmd::Start{item->entry, Mode::author});
    paragraph_dim(tr("library.modes_explained"));
    vertical_gap(0.4f);

    if (!item->objectives.empty()) {
        heading(tr("library.objectives"));
        for (const auto& o : item->objectives) bullet_text(o);
        vertical_gap(0.3f);
    }
    if (!item->audience.empty()) label_value(tr("library.for"), join(item->audience, ", "));
    if (!item->topics.empty()) label_value(tr("library.topics"), join(item->topics, ", "));
    if (!item->authors.empty()) label_value(tr("library.authors"), join(item->authors, ", "));
    if (!item->standards.empty()) {
        vertical_gap(0.3f);
        heading(tr("library.standards"));
        paragraph(join(item->standards, " · "));
    }
    if (item->warnings > 0) {
        vertical_gap(0.3f);
        paragraph_dim(trf("library.lint_warnings", {{"n", std::to_string(item->warnings)}}));
    }
}

}  // namespace

bool library_item_visible(const LibraryItem& item, const LibraryUiState& st) {
    if (!st.topic.empty() && !contains(item.topics, st.topic)) return false;
    if (!st.audience.empty() && !contains(item.audience, st.audience)) return false;
    if (!st.language.empty() && item.language != st.language) return false;
    return contains_all_words(item.title + " " + item.summary + " " + item.id + " " + join(item.topics, " ") + " " +
                                  join(item.audience, " ") + " " + join(item.standards, " "),
                              st.search);
}

void draw_library(const LibraryView& vm, LibraryUiState& st, Commands& out) {
    if (st.selected < 0) {
        for (const auto& i : vm.items)
            if (library_item_visible(i, st)) {
                st.selected = i.entry;
                break;
            }
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = std::max(avail.x * 0.52f, std::min(avail.x, ImGui::GetFontSize() * 24));
    ImGui::BeginChild("##list", {left, 0}, false, ImGuiWindowFlags_NavFlattened);
    list_pane(vm, st, out);
    ImGui::EndChild();
    // Keyboard: arrows move the focus, Space selects; Enter starts the selected scenario in Learn mode.
    if (key_pressed(Key::enter)) {
        for (const auto& i : vm.items)
            if (i.entry == st.selected && i.usable && library_item_visible(i, st)) out.push_back(cmd::Start{i.entry, Mode::learn});
    }
    if (avail.x - left > ImGui::GetFontSize() * 10) {
        ImGui::SameLine();
        ImGui::BeginChild("##details", {0, 0}, true, ImGuiWindowFlags_NavFlattened);
        details_pane(vm, st, out);
        ImGui::EndChild();
    }
}

}  // namespace measured::ui
