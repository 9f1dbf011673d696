// Shared widgets with ImGui-like signatures: buttons that tests can find, paragraphs with a
// readable line length, rating badges (colour and words), headings, the countdown bar and images.
#pragma once

#include "model.hpp"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace measured::ui {

// Every widget below reports its label (or text) and rectangle to the probe when one is set: the
// headless tests click by label and check what is shown. Null (the default) in the runner.
struct ProbedItem {
    std::string label;        // without any "##id" suffix; the text, for text widgets
    ImVec2 min, max;
    bool enabled = true;
    bool clickable = true;
    bool focused = false;     // has keyboard (navigation) focus
    unsigned id = 0;          // ImGui's id for the item
};
void set_item_probe(std::vector<ProbedItem>* probe);
// Reports the last ImGui item drawn directly (text, a text field) to the probe under this label.
void probe_text_item(std::string_view text);
// For things drawn by hand (the map's scenes): reports a clickable rectangle with this label.
void probe_rect(std::string_view label, ImVec2 min, ImVec2 max);

[[nodiscard]] bool button(const char* label, ImVec2 size = {0, 0}, bool enabled = true);
// Keeps the button labelled `next_label` on the line of the last item when it fits there, so a row
// of buttons wraps instead of running past the panel's edge.
void same_line_if_fits(const char* next_label);
// A large choice button: the key number in a box, then the label, wrapped to the width.
[[nodiscard]] bool choice_button(int number, std::string_view label, float width);
[[nodiscard]] bool selectable(const char* label, bool selected, ImVec2 size = {0, 0}, ImGuiSelectableFlags flags = 0);
// Text that looks and acts like a link; returns true when clicked.
[[nodiscard]] bool link(const char* label);
bool checkbox(const char* label, bool* value);
// ImGui::BeginTabItem, reported to the probe whether or not it is the open tab.
[[nodiscard]] bool tab_item(const char* label);
[[nodiscard]] bool radio(const char* label, bool active);

// Body text: wraps at the narrower of the region and ~72 characters; blank lines make paragraphs.
void paragraph(std::string_view text);
void paragraph_dim(std::string_view text);
void heading(std::string_view text);       // bold
void title(std::string_view text);         // large bold
void label_value(const char* label, std::string_view value);
// A small rounded tag ("Assemblies").
void tag(std::string_view text, ImVec4 colour);
// A coloured badge with the rating's word in it.
void rating_badge(Rating r);
void bullet_text(std::string_view text);
// One line of small text in a colour (notes under a list row).
void note(std::string_view text, ImVec4 colour);
void vertical_gap(float lines = 0.5f);

// The countdown: a bar that empties, with the seconds left in words beside it.
void countdown_bar(double remaining, double limit, bool paused, bool reduce_motion);

// Images: the app provides GL textures; tests and missing files give none, and the alt text shows.
struct Texture {
    ImTextureID id = nullptr;
    int width = 0, height = 0;
};
struct Textures {
    virtual ~Textures() = default;
    [[nodiscard]] virtual const Texture* get(const std::string& path) = 0;
};
void image_or_alt(Textures* textures, const std::string& path, const std::string& alt, float max_width, float max_height);

// The width that keeps body text readable: about 72 characters of the current font.
[[nodiscard]] float reading_width();

}  // namespace measured::ui
