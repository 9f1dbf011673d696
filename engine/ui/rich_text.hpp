// The scenario text markup: `*emphasis*` and `**strong**` inside wrapped paragraphs. ImGui 1.86
// cannot mix fonts inside one wrapped text item, so the words are laid out here, one run at a time.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

namespace measured::ui {

// Lays out one paragraph (single line breaks kept) in `wrap_width` at `pos`. Draws when `dl` is
// given; returns the size either way.
ImVec2 layout_rich(std::string_view text, float wrap_width, ImVec2 pos, ImDrawList* dl, ImU32 colour);

// Draws at the cursor and advances it, like ImGui::TextWrapped.
void rich_text(std::string_view text, float wrap_width, ImU32 colour);

// The text without its markers, for window titles and places that draw plain text.
[[nodiscard]] std::string plain_text(std::string_view text);

}  // namespace measured::ui
