// The three themes. Contrast ratios were chosen for projectors and old laptop screens: body text is
// at least 7:1 against its background in every theme; high contrast is white on black with yellow
// focus.

#include "theme.hpp"

#include "strings.hpp"

#include <map>

namespace measured::ui {

namespace {

// Per ImGui context: the projector can be high contrast while the console is not.
std::map<const ImGuiContext*, Palette> palettes;
const Palette& current_palette();

ImVec4 rgb(int hex, float a = 1.0f) {
    return {((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f, (hex & 0xff) / 255.0f, a};
}

Palette dark_palette() {
    Palette p;
    p.text = rgb(0xE8EAED);
    p.text_dim = rgb(0xA9B0B8);
    p.heading = rgb(0xFFFFFF);
    p.accent = rgb(0x5AA9E6);
    p.panel = rgb(0x1E2329);
    p.border = rgb(0x3A424C);
    p.focus = rgb(0xFFD166);
    p.rating[0] = rgb(0x3FB68B);
    p.rating[1] = rgb(0x5AA9E6);
    p.rating[2] = rgb(0xF2A93B);
    p.rating[3] = rgb(0xE5534B);
    p.critical = rgb(0xFF6B63);
    p.timer = rgb(0x5AA9E6);
    p.timer_low = rgb(0xF2A93B);
    p.on_colour = rgb(0x101418);
    return p;
}

Palette light_palette() {
    Palette p;
    p.text = rgb(0x1B1F24);
    p.text_dim = rgb(0x4D5661);
    p.heading = rgb(0x0B0D10);
    p.accent = rgb(0x1F5FA8);
    p.panel = rgb(0xF4F5F7);
    p.border = rgb(0xC4CAD1);
    p.focus = rgb(0xB35C00);
    p.rating[0] = rgb(0x1E7A55);
    p.rating[1] = rgb(0x1F5FA8);
    p.rating[2] = rgb(0x9A5B00);
    p.rating[3] = rgb(0xB3261E);
    p.critical = rgb(0xB3261E);
    p.timer = rgb(0x1F5FA8);
    p.timer_low = rgb(0x9A5B00);
    p.on_colour = rgb(0xFFFFFF);
    return p;
}

Palette high_contrast_palette() {
    Palette p;
    p.text = rgb(0xFFFFFF);
    p.text_dim = rgb(0xFFFFFF);
    p.heading = rgb(0xFFFF00);
    p.accent = rgb(0x00FFFF);
    p.panel = rgb(0x000000);
    p.border = rgb(0xFFFFFF);
    p.focus = rgb(0xFFFF00);
    p.rating[0] = rgb(0x00FF7F);
    p.rating[1] = rgb(0x00FFFF);
    p.rating[2] = rgb(0xFFD700);
    p.rating[3] = rgb(0xFF5050);
    p.critical = rgb(0xFF5050);
    p.timer = rgb(0x00FFFF);
    p.timer_low = rgb(0xFFD700);
    p.on_colour = rgb(0x000000);
    return p;
}

void set_colours(ImGuiStyle& s, Theme theme, const Palette& p) {
    ImVec4* c = s.Colors;
    if (theme == Theme::light) ImGui::StyleColorsLight(&s);
    else ImGui::StyleColorsDark(&s);
    const bool hc = theme == Theme::high_contrast;
    const ImVec4 bg = theme == Theme::light ? rgb(0xFFFFFF) : hc ? rgb(0x000000) : rgb(0x14181D);
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = hc ? rgb(0xC0C0C0) : p.text_dim;
    c[ImGuiCol_WindowBg] = bg;
    c[ImGuiCol_ChildBg] = p.panel;
    c[ImGuiCol_PopupBg] = theme == Theme::light ? rgb(0xFFFFFF) : hc ? rgb(0x000000) : rgb(0x1E2329);
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_NavHighlight] = p.focus;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.focus;
    c[ImGuiCol_TextSelectedBg] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.35f);
    if (theme == Theme::dark) {
        c[ImGuiCol_Button] = rgb(0x27303A);
        c[ImGuiCol_ButtonHovered] = rgb(0x33404E);
        c[ImGuiCol_ButtonActive] = rgb(0x3D5063);
        c[ImGuiCol_FrameBg] = rgb(0x232A32);
        c[ImGuiCol_FrameBgHovered] = rgb(0x2C3540);
        c[ImGuiCol_FrameBgActive] = rgb(0x354150);
        c[ImGuiCol_Header] = rgb(0x2B3A4A);
        c[ImGuiCol_HeaderHovered] = rgb(0x33465A);
        c[ImGuiCol_HeaderActive] = rgb(0x3B5169);
        c[ImGuiCol_Tab] = rgb(0x1E2329);
        c[ImGuiCol_TabHovered] = rgb(0x33465A);
        c[ImGuiCol_TabActive] = rgb(0x2B3A4A);
        c[ImGuiCol_TableHeaderBg] = rgb(0x232A32);
        c[ImGuiCol_TableRowBgAlt] = rgb(0x1A1F25);
    } else if (theme == Theme::light) {
        c[ImGuiCol_Button] = rgb(0xE6E9ED);
        c[ImGuiCol_ButtonHovered] = rgb(0xD5DCE4);
        c[ImGuiCol_ButtonActive] = rgb(0xC2CDD9);
        c[ImGuiCol_FrameBg] = rgb(0xFFFFFF);
        c[ImGuiCol_FrameBgHovered] = rgb(0xF0F3F6);
        c[ImGuiCol_Header] = rgb(0xDCE6F2);
        c[ImGuiCol_HeaderHovered] = rgb(0xCCDCEE);
        c[ImGuiCol_HeaderActive] = rgb(0xB9CFE8);
        c[ImGuiCol_TableHeaderBg] = rgb(0xECEFF2);
        c[ImGuiCol_TableRowBgAlt] = rgb(0xF7F8FA);
    } else {
        for (ImGuiCol col : {ImGuiCol_Button, ImGuiCol_FrameBg, ImGuiCol_Header, ImGuiCol_Tab, ImGuiCol_TableHeaderBg})
            c[col] = rgb(0x000000);
        for (ImGuiCol col : {ImGuiCol_ButtonHovered, ImGuiCol_FrameBgHovered, ImGuiCol_HeaderHovered, ImGuiCol_TabHovered})
            c[col] = rgb(0x1A1A66);
        for (ImGuiCol col : {ImGuiCol_ButtonActive, ImGuiCol_FrameBgActive, ImGuiCol_HeaderActive, ImGuiCol_TabActive})
            c[col] = rgb(0x333399);
        c[ImGuiCol_TableRowBgAlt] = rgb(0x000000);
        c[ImGuiCol_TableBorderStrong] = rgb(0xFFFFFF);
        c[ImGuiCol_TableBorderLight] = rgb(0xFFFFFF);
    }
}

}  // namespace

void apply_theme(Theme theme, float scale) {
    Palette& current = palettes[ImGui::GetCurrentContext()];
    current = theme == Theme::light ? light_palette() : theme == Theme::high_contrast ? high_contrast_palette() : dark_palette();
    ImGuiStyle style;
    style.WindowPadding = {16, 14};
    style.FramePadding = {10, 6};
    style.ItemSpacing = {10, 8};
    style.ItemInnerSpacing = {8, 6};
    style.CellPadding = {8, 5};
    style.ScrollbarSize = 16;
    style.GrabMinSize = 14;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 5;
    style.PopupRounding = 6;
    style.GrabRounding = 4;
    style.TabRounding = 5;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = theme == Theme::high_contrast ? 1.0f : 0.0f;
    set_colours(style, theme, current);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

const Palette& palette() { return current_palette(); }

namespace {
const Palette& current_palette() {
    static const Palette fallback = dark_palette();
    const auto it = palettes.find(ImGui::GetCurrentContext());
    return it == palettes.end() ? fallback : it->second;
}
}  // namespace

ImVec4 rating_colour(Rating r) { return current_palette().rating[static_cast<int>(r)]; }

const char* rating_label(Rating r) {
    switch (r) {
    case Rating::exemplary: return tr("rating.exemplary");
    case Rating::compliant: return tr("rating.compliant");
    case Rating::concern: return tr("rating.concern");
    case Rating::violation: return tr("rating.violation");
    }
    return "";
}

ImVec4 outcome_colour(std::string_view outcome) { return current_palette().rating[static_cast<std::size_t>(outcome_severity(outcome))]; }

}  // namespace measured::ui
