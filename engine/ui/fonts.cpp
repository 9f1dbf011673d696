// Font loading. The glyph ranges must outlive the atlas build, so they live in this file's storage.

#include "fonts.hpp"

#include "strings.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>

namespace measured::ui {

namespace {

// Per atlas: the console and the projector each have their own ImGui context, atlas and sizes.
std::map<const ImFontAtlas*, std::array<ImFont*, 5>> fonts_by_atlas;
ImVector<ImWchar> ranges;

struct Family {
    const char* name;
    const char* regular;
    const char* bold;
    const char* italic;
};

constexpr Family families[] = {
    {"Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"},
    {"DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"},
};

void build_ranges(ImFontAtlas& atlas) {
    if (!ranges.empty()) return;
    ImFontGlyphRangesBuilder b;
    b.AddRanges(atlas.GetGlyphRangesDefault());
    b.AddRanges(atlas.GetGlyphRangesCyrillic());
    static const ImWchar extra[] = {
        0x0100, 0x024F,   // Latin Extended-A and -B
        0x0370, 0x03FF,   // Greek
        0x1E00, 0x1EFF,   // Latin Extended Additional
        0x2000, 0x206F,   // punctuation: dashes, quotes, ellipsis
        0x20AC, 0x20AC,   // euro
        0x2190, 0x2193,   // arrows
        0x2212, 0x2212,   // minus
        0x25B6, 0x25B6,   // play
        0x2713, 0x2717,   // check marks
        0,
    };
    b.AddRanges(extra);
    b.BuildRanges(&ranges);
}

}  // namespace

std::vector<std::string> default_font_dirs() {
    return {"/usr/share/fonts/truetype/noto", "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF",
            "/usr/local/share/fonts"};
}

FontReport load_fonts(ImFontAtlas& atlas, float size, const std::vector<std::string>& dirs) {
    atlas.Clear();
    std::array<ImFont*, 5>& fonts = fonts_by_atlas[&atlas];
    fonts = {};
    build_ranges(atlas);
    namespace fs = std::filesystem;
    for (const Family& fam : families) {
        for (const std::string& dir : dirs) {
            std::error_code ec;
            const fs::path regular = fs::path(dir) / fam.regular;
            if (!fs::is_regular_file(regular, ec)) continue;
            fs::path bold = fs::path(dir) / fam.bold;
            if (!fs::is_regular_file(bold, ec)) bold = regular;
            fs::path italic = fs::path(dir) / fam.italic;
            if (!fs::is_regular_file(italic, ec)) italic = regular;
            ImFontConfig cfg;
            cfg.OversampleH = 1;   // glyphs are drawn at whole pixels; 1 halves the atlas build at start-up
            cfg.PixelSnapH = true;
            cfg.OversampleV = 1;
            fonts[0] = atlas.AddFontFromFileTTF(regular.c_str(), size, &cfg, ranges.Data);
            fonts[1] = atlas.AddFontFromFileTTF(bold.c_str(), size, &cfg, ranges.Data);
            fonts[2] = atlas.AddFontFromFileTTF(italic.c_str(), size, &cfg, ranges.Data);
            fonts[3] = atlas.AddFontFromFileTTF(bold.c_str(), size * 1.45f, &cfg, ranges.Data);
            fonts[4] = atlas.AddFontFromFileTTF(regular.c_str(), size * 0.85f, &cfg, ranges.Data);
            if (std::all_of(fonts.begin(), fonts.end(), [](ImFont* f) { return f != nullptr; })) return {fam.name, regular.string(), {}};
            atlas.Clear();
            fonts = {};
        }
    }
    ImFontConfig cfg;
    cfg.SizePixels = size;
    ImFont* f = atlas.AddFontDefault(&cfg);
    fonts = {f, f, f, f, f};
    return {{}, {}, tr("fonts.fallback")};
}

ImFont* font(FontRole role) {
    const auto it = ImGui::GetCurrentContext() ? fonts_by_atlas.find(ImGui::GetIO().Fonts) : fonts_by_atlas.end();
    ImFont* f = it == fonts_by_atlas.end() ? nullptr : it->second[static_cast<std::size_t>(role)];
    return f ? f : ImGui::GetFont();
}

}  // namespace measured::ui
