// Themes (dark, light, high contrast) and the colours that carry meaning: ratings, outcomes, the
// countdown. Colour never carries meaning alone; every coloured mark has words beside it.
#pragma once

#include "model.hpp"
#include "settings.hpp"

#include <imgui.h>

namespace measured::ui {

struct Palette {
    ImVec4 text, text_dim, heading, accent, panel, border, focus;
    ImVec4 rating[4];          // by Rating: exemplary, compliant, concern, violation
    ImVec4 critical;
    ImVec4 timer, timer_low;
    ImVec4 on_colour;          // text drawn on a rating colour
};

// Sets ImGui's style for the theme, scaled by `scale` (HiDPI × font size).
void apply_theme(Theme theme, float scale);
[[nodiscard]] const Palette& palette();
[[nodiscard]] ImVec4 rating_colour(Rating r);
// The word for the rating in the current language ("Violation").
[[nodiscard]] const char* rating_label(Rating r);
// Colour and word for an ending's outcome category.
[[nodiscard]] ImVec4 outcome_colour(std::string_view outcome);

}  // namespace measured::ui
