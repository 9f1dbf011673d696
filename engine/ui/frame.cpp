// The frame: a single full-viewport window (ImGui 1.86 has no docking), a top bar with the actions
// that are always there, and the current screen below it.

#include "frame.hpp"

#include "fonts.hpp"
#include "keys.hpp"
#include "screen_settings.hpp"
#include "strings.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace measured::ui {

namespace {

// The always-available actions: one table feeds the top bar and the keys (STYLE §7).
struct NavAction {
    Screen screen;
    const char* label;
    Key key;
};
constexpr NavAction nav_actions[] = {
    {Screen::library, "nav.library", Key::f2},
    {Screen::standards, "nav.standards", Key::f3},
    {Screen::settings, "nav.settings", Key::f4},
};

bool in_run(Screen s) { return s == Screen::player || s == Screen::warning || s == Screen::workshop; }

void top_bar(const Controller& c, FrameState& st, Commands& out) {
    const Screen screen = c.screen();
    ImGui::PushFont(font(FontRole::bold));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("app.name"));
    ImGui::PopFont();
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    const bool playing = c.session() && !c.session()->finished();
    if (in_run(screen)) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(c.playing_title().c_str());
        const char* leave = c.author_active() ? tr("nav.leave_author") : c.workshop_active() ? tr("nav.leave_workshop") : tr("nav.leave");
        const float w = ImGui::CalcTextSize(leave).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
        if (button(leave)) out.push_back(cmd::Leave{});
    } else {
        for (const auto& a : nav_actions) {
            const std::string label = std::string(tr(a.label)) + "##nav";
            const bool current = screen == a.screen;
            if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
            if (button(label.c_str())) out.push_back(cmd::Show{a.screen});
            if (current) ImGui::PopStyleColor();
            ImGui::SameLine();
        }
        if (playing && button(tr("nav.back_to_scenario"))) out.push_back(cmd::Show{Screen::player});
        else if (c.session() && c.session()->finished() && screen != Screen::debrief && button(tr("nav.back_to_debrief")))
            out.push_back(cmd::Show{Screen::debrief});
        const char* keys = tr("nav.keys");
        const float w = ImGui::CalcTextSize(keys).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
        if (button(keys)) st.show_keys = true;
    }
    ImGui::Separator();
    if (!in_run(screen)) {
        for (const auto& a : nav_actions)
            if (key_pressed(a.key)) out.push_back(cmd::Show{a.screen});
    }
    if (key_pressed(Key::f1)) st.show_keys = !st.show_keys;
}

void keys_help(FrameState& st) {
    if (st.show_keys) ImGui::OpenPopup("##keys");
    const ImVec2 centre{ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f};
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, {0.5f, 0.5f});
    if (ImGui::BeginPopupModal("##keys", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        title(tr("keys.title"));
        const char* rows[][2] = {{"keys.k_digits", "keys.d_digits"}, {"keys.k_enter", "keys.d_enter"},
                                 {"keys.k_backspace", "keys.d_backspace"}, {"keys.k_p", "keys.d_p"},
                                 {"keys.k_tab", "keys.d_tab"}, {"keys.k_space", "keys.d_space"},
                                 {"keys.k_f2", "keys.d_f2"}, {"keys.k_f1", "keys.d_f1"}, {"keys.k_escape", "keys.d_escape"}};
        if (ImGui::BeginTable("##keytable", 2, ImGuiTableFlags_SizingFixedFit)) {
            for (const auto& r : rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushFont(font(FontRole::bold));
                ImGui::TextUnformatted(tr(r[0]));
                ImGui::PopFont();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(tr(r[1]));
            }
            ImGui::EndTable();
        }
        vertical_gap(0.4f);
        if (button(tr("keys.close")) || key_pressed(Key::escape) || (!ImGui::IsWindowAppearing() && key_pressed(Key::f1))) {
            st.show_keys = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

// Author mode: the story on the left, the author panel on the right.
void draw_author_screen(const Controller& c, FrameState& st, Textures* textures, Commands& out) {
    const float w = std::max(ImGui::GetFontSize() * 20, ImGui::GetContentRegionAvail().x * 0.42f);
    ImGui::BeginChild("##author_story", {w, 0}, false, ImGuiWindowFlags_NavFlattened);
    if (c.session() && !c.session()->finished()) {
        draw_player(c.player_view(), st.player, textures, out);
    } else {
        title(tr("author.cannot_play"));
        paragraph(tr("author.cannot_play_help"));
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##author_panel", {0, 0}, true, ImGuiWindowFlags_NavFlattened);
    draw_author_panel(c.author_view(), st.author, out);
    ImGui::EndChild();
}

}  // namespace

void draw_frame(const Controller& c, FrameState& st, Textures* textures, Commands& out) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##measured", nullptr, flags);
    const bool show_keys_before = st.show_keys;
    top_bar(c, st, out);
    if (c.screen() != st.last_screen) {
        // A new screen starts at its top, with keyboard focus on its first control.
        ImGui::SetNextWindowScroll({0, 0});
        st.last_screen = c.screen();
    }
    switch (c.screen()) {
    case Screen::library: draw_library(c.library_view(), st.library, out); break;
    case Screen::warning: draw_content_warning(c.warning_view(), out); break;
    case Screen::player:
        if (c.author_active()) draw_author_screen(c, st, textures, out);
        else draw_player(c.player_view(), st.player, textures, out);
        break;
    case Screen::debrief: draw_debrief(c.debrief_view(), st.debrief, out); break;
    case Screen::standards: draw_standards(c.standards_view(), st.standards, out); break;
    case Screen::settings: draw_settings(c.settings_view(), out); break;
    case Screen::workshop: draw_workshop_console(c.console_view(), st.workshop, textures, out); break;
    }
    if (show_keys_before || st.show_keys) keys_help(st);
    ImGui::End();
}

}  // namespace measured::ui
