// The debrief screen: one scrolling page, most important first.

#include "screen_debrief.hpp"

#include "fonts.hpp"
#include "strings.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace measured::ui {

namespace {

std::string seconds_text(double s) {
    const int total = static_cast<int>(std::lround(s));
    if (total < 60) return trf("debrief.seconds", {{"n", std::to_string(total)}});
    return trf("debrief.minutes_seconds", {{"m", std::to_string(total / 60)}, {"s", std::to_string(total % 60)}});
}

void header(const DebriefView& vm, Commands& out) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::TextUnformatted(trf("debrief.heading", {{"title", vm.scenario_title}}).c_str());
    ImGui::PopStyleColor();
    if (button(tr("debrief.export_md"))) out.push_back(cmd::Export{ExportFormat::markdown});
    ImGui::SameLine();
    if (button(tr("debrief.export_json"))) out.push_back(cmd::Export{ExportFormat::json});
    ImGui::SameLine();
    if (button(tr("debrief.play_again"))) out.push_back(cmd::PlayAgain{});
    ImGui::SameLine();
    if (button(tr("debrief.to_library"))) out.push_back(cmd::Leave{});
    if (!vm.export_message.empty()) paragraph_dim(vm.export_message);
    ImGui::Separator();
}

void ending(const DebriefView& vm) {
    if (!vm.complete) {
        title(tr("debrief.incomplete"));
        return;
    }
    tag(tr(("outcome." + vm.outcome).c_str()), outcome_colour(vm.outcome));
    title(vm.ending_title);
    vertical_gap(0.2f);
    paragraph(vm.ending_text);
    std::string meta = trf("debrief.meta", {{"n", std::to_string(vm.timeline.size())}, {"time", seconds_text(vm.total_seconds)}});
    meta += "  ·  ";
    meta += tr(("player.mode_" + std::string(mode_name(vm.mode))).c_str());
    if (!vm.timer_note.empty()) meta += "  ·  " + vm.timer_note;
    paragraph_dim(meta);
    if (!vm.summary.empty()) {
        vertical_gap(0.4f);
        heading(tr("debrief.what_it_means"));
        paragraph(vm.summary);
    }
}

void critical(const DebriefView& vm, Commands& out) {
    if (vm.critical.empty()) return;
    vertical_gap(0.5f);
    // The height is unknown before drawing, so the frame is drawn around the group afterwards.
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::Indent(ImGui::GetFontSize() * 0.6f);
    vertical_gap(0.3f);
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().critical);
    heading(trf("debrief.critical", {{"n", std::to_string(vm.critical.size())}}));
    ImGui::PopStyleColor();
    for (const auto& c : vm.critical) {
        ImGui::PushID(&c);
        heading(trf("debrief.critical_item", {{"n", std::to_string(c.decision)}, {"principle", c.principle_name}}));
        if (!c.hard_fail_title.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().critical);
            paragraph(trf("rating.hard_fail", {{"rule", c.hard_fail_title}}));
            ImGui::PopStyleColor();
        }
        paragraph(c.feedback);
        if (!c.cites.empty()) {
            ImGui::TextUnformatted(tr("rating.standards"));
            for (const auto& p : c.cites) {
                ImGui::SameLine();
                if (link(p.label.c_str())) out.push_back(cmd::OpenProvision{p.id});
            }
        }
        vertical_gap(0.3f);
        ImGui::PopID();
    }
    ImGui::EndGroup();
    ImGui::Unindent(ImGui::GetFontSize() * 0.6f);
    const ImVec2 end{ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x, ImGui::GetCursorScreenPos().y};
    ImGui::GetWindowDrawList()->AddRect(start, end, ImGui::GetColorU32(palette().critical), 6.0f, 0, 2.0f);
    vertical_gap(0.3f);
}

// One bar per principle, drawn with ImDrawList: the score fills the bar, the worst rating colours it,
// and both are also written out.
void principle_chart(const DebriefView& vm) {
    if (vm.principles.empty()) return;
    vertical_gap(0.5f);
    heading(tr("debrief.by_principle"));
    vertical_gap(0.2f);
    float name_w = 0;
    for (const auto& p : vm.principles) name_w = std::max(name_w, ImGui::CalcTextSize(p.name.c_str()).x);
    name_w = std::min(name_w, ImGui::GetFontSize() * 14);
    const float total = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 52);
    const float text_w = ImGui::GetFontSize() * 15;
    const float bar_w = std::max(ImGui::GetFontSize() * 6, total - name_w - text_w - ImGui::GetStyle().ItemSpacing.x * 3);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const auto& p : vm.principles) {
        const ImVec2 row = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::PushClipRect(row, {row.x + name_w, row.y + h}, true);
        ImGui::TextUnformatted(p.name.c_str());
        ImGui::PopClipRect();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.name.c_str());
        const ImVec2 bar{row.x + name_w + ImGui::GetStyle().ItemSpacing.x, row.y + h * 0.15f};
        dl->AddRectFilled(bar, {bar.x + bar_w, bar.y + h * 0.7f}, ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
        dl->AddRectFilled(bar, {bar.x + bar_w * static_cast<float>(p.percent) / 100.0f, bar.y + h * 0.7f},
                          ImGui::GetColorU32(rating_colour(p.worst)), 3.0f);
        const std::string words = trf("debrief.bar", {{"percent", std::to_string(p.percent)}, {"worst", rating_label(p.worst)}});
        dl->AddText({bar.x + bar_w + ImGui::GetStyle().ItemSpacing.x, row.y}, ImGui::GetColorU32(ImGuiCol_Text), words.c_str());
        ImGui::SetCursorScreenPos({row.x, row.y + h + ImGui::GetStyle().ItemSpacing.y});
        ImGui::Dummy({0, 0});
    }
    paragraph_dim(tr("debrief.scale"));
}

void timeline(const DebriefView& vm, DebriefUiState& st, Commands& out) {
    vertical_gap(0.5f);
    heading(tr("debrief.timeline"));
    for (const auto& t : vm.timeline) {
        ImGui::PushID(t.number);
        ImGui::Separator();
        vertical_gap(0.2f);
        heading(trf("debrief.step", {{"n", std::to_string(t.number)}, {"scene", t.scene_title}, {"time", seconds_text(t.seconds)}}));
        paragraph(t.timed_out ? std::string(tr("player.time_ran_out")) : trf("player.you_chose", {{"choice", t.chose}}));
        if (!t.ratings.empty()) {
            for (std::size_t i = 0; i < t.ratings.size(); ++i) {
                if (i) ImGui::SameLine(0, ImGui::GetFontSize());
                rating_badge(t.ratings[i].rating);
                ImGui::SameLine();
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(t.ratings[i].principle_name.c_str());
            }
        } else {
            paragraph_dim(tr("player.unscored"));
        }
        const bool open = st.open_decision == t.number;
        if (button(open ? tr("debrief.hide_details") : tr("debrief.show_details"))) st.open_decision = open ? -1 : t.number;
        ImGui::SameLine();
        if (button(tr("debrief.replay_from"))) out.push_back(cmd::Rewind{static_cast<std::size_t>(t.number - 1)});
        if (open) {
            ImGui::Indent(ImGui::GetFontSize());
            if (!t.narration.empty()) paragraph_dim(t.narration);
            vertical_gap(0.3f);
            for (const auto& r : t.ratings) draw_rating(r, out);
            if (t.alternatives.size() > 1) {
                heading(tr("debrief.alternatives"));
                for (const auto& a : t.alternatives) {
                    if (a.chosen) continue;
                    ImGui::PushID(&a);
                    vertical_gap(0.2f);
                    paragraph(a.label);
                    ImGui::Indent(ImGui::GetFontSize());
                    if (a.ratings.empty()) paragraph_dim(tr("player.unscored"));
                    for (const auto& r : a.ratings) draw_rating(r, out);
                    ImGui::Unindent(ImGui::GetFontSize());
                    ImGui::PopID();
                }
            }
            ImGui::Unindent(ImGui::GetFontSize());
        }
        ImGui::PopID();
    }
}

void discussion(const DebriefView& vm) {
    if (vm.discussion.empty()) return;
    vertical_gap(0.5f);
    heading(tr("debrief.discussion"));
    int n = 0;
    for (const auto& q : vm.discussion) {
        char num[16];
        std::snprintf(num, sizeof num, "%d.", ++n);
        ImGui::TextUnformatted(num);
        ImGui::SameLine();
        paragraph(q);
    }
}

}  // namespace

void draw_debrief(const DebriefView& vm, DebriefUiState& st, Commands& out) {
    header(vm, out);
    ImGui::BeginChild("##debrief", {0, 0}, false, ImGuiWindowFlags_NavFlattened);
    ending(vm);
    critical(vm, out);
    principle_chart(vm);
    timeline(vm, st, out);
    discussion(vm);
    vertical_gap(1.0f);
    ImGui::EndChild();
}

}  // namespace measured::ui
