// Fonts: Noto Sans or DejaVu Sans from Debian's font packages, with Latin Extended, Greek and
// Cyrillic, in the roles the screens use; ImGui's built-in font (ASCII only) as the announced
// fallback.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace measured::ui {

enum class FontRole { body, bold, italic, title, small };

struct FontReport {
    std::string family;      // "Noto Sans", "DejaVu Sans", or "" for the built-in fallback
    std::string path;
    std::string problem;     // why the fallback is in use
};

// The folders searched, in order (Debian's Noto and DejaVu folders by default).
[[nodiscard]] std::vector<std::string> default_font_dirs();

// Clears the atlas and adds the five roles at `size` pixels for body text. The atlas is built by the
// caller (the renderer backend, or the test).
FontReport load_fonts(ImFontAtlas& atlas, float size, const std::vector<std::string>& dirs);

// The font for a role; the default font when load_fonts() has not run.
[[nodiscard]] ImFont* font(FontRole role);

}  // namespace measured::ui
