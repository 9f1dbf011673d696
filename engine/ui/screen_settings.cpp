// The settings screen. Each control emits the whole new Settings; the controller saves it.

#include "screen_settings.hpp"

#include "strings.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace measured::ui {

void draw_settings(const SettingsView& vm, Commands& out) {
    Settings s = vm.settings;
    bool changed = false;
    const float width = std::min(ImGui::GetContentRegionAvail().x, reading_width());
    ImGui::BeginChild("##settings", {width + ImGui::GetStyle().WindowPadding.x * 2, 0}, false, ImGuiWindowFlags_NavFlattened);
    title(tr("settings.title"));
    vertical_gap(0.4f);

    heading(tr("settings.font_size"));
    paragraph_dim(tr("settings.font_size_note"));
    if (button("-##font", {ImGui::GetFrameHeight() * 1.4f, 0}, s.font_scale > Settings::min_font_scale + 0.01f)) {
        s.font_scale = std::max(Settings::min_font_scale, s.font_scale - 0.1f);
        changed = true;
    }
    ImGui::SameLine();
    char percent[32];
    std::snprintf(percent, sizeof percent, "%d %%", static_cast<int>(std::lround(s.font_scale * 100)));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(percent);
    ImGui::SameLine();
    if (button("+##font", {ImGui::GetFrameHeight() * 1.4f, 0}, s.font_scale < Settings::max_font_scale - 0.01f)) {
        s.font_scale = std::min(Settings::max_font_scale, s.font_scale + 0.1f);
        changed = true;
    }
    ImGui::SameLine();
    if (button(tr("settings.reset_font"), {0, 0}, std::fabs(s.font_scale - 1.0f) > 0.01f)) {
        s.font_scale = 1.0f;
        changed = true;
    }
    if (!vm.font.empty()) label_value(tr("settings.font"), vm.font);
    vertical_gap(0.6f);

    heading(tr("settings.theme"));
    const struct { Theme t; const char* key; } themes[] = {
        {Theme::dark, "settings.theme_dark"}, {Theme::light, "settings.theme_light"}, {Theme::high_contrast, "settings.theme_contrast"}};
    for (const auto& t : themes) {
        if (radio(tr(t.key), s.theme == t.t) && s.theme != t.t) {
            s.theme = t.t;
            changed = true;
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    vertical_gap(0.6f);

    heading(tr("settings.timers"));
    paragraph_dim(tr("settings.timers_note"));
    const struct { TimerSetting t; const char* key; } timers[] = {{TimerSetting::normal, "settings.timers_normal"},
                                                                   {TimerSetting::x1_5, "settings.timers_1_5"},
                                                                   {TimerSetting::x2, "settings.timers_2"},
                                                                   {TimerSetting::off, "settings.timers_off"}};
    for (const auto& t : timers) {
        if (radio(tr(t.key), s.timers == t.t) && s.timers != t.t) {
            s.timers = t.t;
            changed = true;
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    vertical_gap(0.6f);

    heading(tr("settings.motion"));
    if (checkbox(tr("settings.reduce_motion"), &s.reduce_motion)) changed = true;
    paragraph_dim(tr("settings.reduce_motion_note"));
    vertical_gap(0.8f);

    ImGui::Separator();
    heading(tr("settings.privacy"));
    paragraph_dim(tr("settings.privacy_note"));
    if (!vm.config_path.empty()) label_value(tr("settings.saved_in"), vm.config_path);
    if (!vm.data_dir.empty()) label_value(tr("settings.sessions_in"), vm.data_dir);
    if (!vm.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().critical);
        paragraph(vm.message);
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
    if (changed) out.push_back(cmd::ChangeSettings{s});
}

}  // namespace measured::ui
