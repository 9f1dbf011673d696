// The standards browser: instruments on the left, their provisions (or the search results) in the
// middle, the chosen provision with the scenarios that cite it on the right.

#include "screen_standards.hpp"

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

void provision_details(const StandardsView& vm, const ProvisionItem& p) {
    title(p.label);
    heading(p.title);
    vertical_gap(0.3f);
    paragraph(p.paraphrase);
    vertical_gap(0.3f);
    paragraph_dim(tr("standards.paraphrase_note"));
    vertical_gap(0.4f);
    if (p.verified) {
        label_value(tr("standards.checked_against"), p.verified_by);
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().timer_low);
        paragraph(tr("standards.unverified"));
        ImGui::PopStyleColor();
    }
    label_value(tr("standards.source"), p.source);
    if (!p.url.empty()) {
        label_value(tr("standards.link"), p.url);
        if (button(tr("standards.copy_link"))) ImGui::SetClipboardText(p.url.c_str());
    }
    if (!p.principles.empty()) {
        std::string list;
        for (const auto& s : p.principles) list += (list.empty() ? "" : ", ") + s;
        label_value(tr("standards.principles"), list);
    }
    vertical_gap(0.4f);
    heading(trf("standards.cited_by", {{"n", std::to_string(p.cited_by.size())}}));
    if (p.cited_by.empty()) paragraph_dim(tr("standards.not_cited"));
    for (const auto& c : p.cited_by) bullet_text(c);
    (void)vm;
}

}  // namespace

std::vector<int> search_provisions(const StandardsView& vm, const std::string& query) {
    std::vector<int> out;
    for (std::size_t i = 0; i < vm.provisions.size(); ++i) {
        const ProvisionItem& p = vm.provisions[i];
        std::string hay = p.id + " " + p.label + " " + p.number + " " + p.title + " " + p.paraphrase;
        for (const auto& k : p.keywords) hay += " " + k;
        if (contains_all_words(hay, query)) out.push_back(static_cast<int>(i));
    }
    return out;
}

void draw_standards(const StandardsView& vm, StandardsUiState& st, Commands& out) {
    if (vm.focus_serial != st.seen_focus_serial) {
        st.seen_focus_serial = vm.focus_serial;
        st.search.clear();
        for (std::size_t i = 0; i < vm.provisions.size(); ++i) {
            if (vm.provisions[i].id != vm.focus) continue;
            st.provision = static_cast<int>(i);
            for (std::size_t k = 0; k < vm.instruments.size(); ++k) {
                const auto& ps = vm.instruments[k].provisions;
                if (std::find(ps.begin(), ps.end(), static_cast<int>(i)) != ps.end()) st.instrument = static_cast<int>(k);
            }
        }
    }
    if (vm.can_go_back) {
        if (button(tr("standards.back"))) out.push_back(cmd::Back{});
        ImGui::SameLine();
        if (key_pressed(Key::escape)) out.push_back(cmd::Back{});
    }
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 30));
    ImGui::InputTextWithHint("##search", tr("standards.search_hint"), &st.search);
    if (!vm.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().critical);
        paragraph(vm.error);
        ImGui::PopStyleColor();
    }
    if (vm.instruments.empty()) return;
    st.instrument = std::clamp(st.instrument, 0, static_cast<int>(vm.instruments.size()) - 1);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float left = std::min(avail.x * 0.24f, ImGui::GetFontSize() * 16);
    const float middle = std::min(avail.x * 0.30f, ImGui::GetFontSize() * 20);

    ImGui::BeginChild("##instruments", {left, 0}, true, ImGuiWindowFlags_NavFlattened);
    heading(tr("standards.instruments"));
    for (std::size_t i = 0; i < vm.instruments.size(); ++i) {
        const InstrumentItem& ins = vm.instruments[i];
        const std::string label = ins.short_title + " (" + std::to_string(ins.year) + ")##" + ins.id;
        if (selectable(label.c_str(), st.search.empty() && st.instrument == static_cast<int>(i))) {
            st.instrument = static_cast<int>(i);
            st.search.clear();
            st.provision = ins.provisions.empty() ? -1 : ins.provisions.front();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ins.title.c_str());
    }
    ImGui::EndChild();
    ImGui::SameLine(0, gap);

    ImGui::BeginChild("##provisions", {middle, 0}, true, ImGuiWindowFlags_NavFlattened);
    std::vector<int> list;
    if (!st.search.empty()) {
        list = search_provisions(vm, st.search);
        heading(trf("standards.results", {{"n", std::to_string(list.size())}}));
    } else {
        const InstrumentItem& ins = vm.instruments[static_cast<std::size_t>(st.instrument)];
        list = ins.provisions;
        heading(ins.short_title);
        paragraph_dim(ins.title + (ins.symbol.empty() ? "" : " — " + ins.symbol));
    }
    for (int i : list) {
        const ProvisionItem& p = vm.provisions[static_cast<std::size_t>(i)];
        const std::string label = (st.search.empty() ? p.number : p.label) + "  " + p.title + "##" + p.id;
        if (selectable(label.c_str(), st.provision == i)) st.provision = i;
    }
    ImGui::EndChild();
    ImGui::SameLine(0, gap);

    ImGui::BeginChild("##provision", {0, 0}, true, ImGuiWindowFlags_NavFlattened);
    if (st.provision >= 0 && st.provision < static_cast<int>(vm.provisions.size())) {
        provision_details(vm, vm.provisions[static_cast<std::size_t>(st.provision)]);
    } else {
        const InstrumentItem& ins = vm.instruments[static_cast<std::size_t>(st.instrument)];
        title(ins.title);
        paragraph_dim(ins.symbol + (ins.year ? ", " + std::to_string(ins.year) : ""));
        vertical_gap(0.3f);
        paragraph(ins.summary);
    }
    ImGui::EndChild();
}

}  // namespace measured::ui
