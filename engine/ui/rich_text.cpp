// Markup layout. A marker only counts when it is closed later in the same paragraph, so a lone
// asterisk ("5 * 3") stays an asterisk.

#include "rich_text.hpp"

#include "fonts.hpp"

#include <vector>

namespace measured::ui {

namespace {

struct Run {
    std::string_view text;
    bool strong = false, emphasis = false;
};

std::vector<Run> parse(std::string_view text) {
    std::vector<Run> runs;
    bool strong = false, emphasis = false;
    std::size_t start = 0, i = 0;
    auto flush = [&](std::size_t end) {
        if (end > start) runs.push_back({text.substr(start, end - start), strong, emphasis});
    };
    while (i < text.size()) {
        if (text[i] != '*') {
            ++i;
            continue;
        }
        const bool dbl = i + 1 < text.size() && text[i + 1] == '*';
        const std::string_view marker = dbl ? "**" : "*";
        const bool open = dbl ? strong : emphasis;
        // Opening needs a closer ahead; closing always works.
        const bool closes_later = text.find(marker, i + marker.size()) != std::string_view::npos;
        if (!open && !closes_later) {
            i += marker.size();
            continue;
        }
        flush(i);
        if (dbl) strong = !strong;
        else emphasis = !emphasis;
        i += marker.size();
        start = i;
    }
    flush(text.size());
    return runs;
}

ImFont* font_for(const Run& r) {
    if (r.strong) return font(FontRole::bold);
    if (r.emphasis) return font(FontRole::italic);
    return font(FontRole::body);
}

}  // namespace

ImVec2 layout_rich(std::string_view text, float wrap_width, ImVec2 pos, ImDrawList* dl, ImU32 colour) {
    const float size = ImGui::GetFontSize();
    const float line_h = ImGui::GetTextLineHeight();
    float x = 0, y = 0, widest = 0;
    bool line_empty = true;
    for (const Run& run : parse(text)) {
        ImFont* f = font_for(run);
        std::string_view rest = run.text;
        while (!rest.empty()) {
            if (rest.front() == '\n') {
                widest = std::max(widest, x);
                x = 0;
                y += line_h;
                line_empty = true;
                rest.remove_prefix(1);
                continue;
            }
            // A word with the spaces after it.
            std::size_t end = 0;
            while (end < rest.size() && rest[end] != ' ' && rest[end] != '\n') ++end;
            while (end < rest.size() && rest[end] == ' ') ++end;
            std::string_view word = rest.substr(0, end);
            std::string_view ink = word;
            while (!ink.empty() && ink.back() == ' ') ink.remove_suffix(1);
            const float ink_w = f->CalcTextSizeA(size, FLT_MAX, 0, ink.data(), ink.data() + ink.size()).x;
            const float w = f->CalcTextSizeA(size, FLT_MAX, 0, word.data(), word.data() + word.size()).x;
            if (!line_empty && x + ink_w > wrap_width) {
                widest = std::max(widest, x);
                x = 0;
                y += line_h;
            }
            if (dl && !ink.empty()) dl->AddText(f, size, {pos.x + x, pos.y + y}, colour, ink.data(), ink.data() + ink.size());
            x += w;
            line_empty = false;
            rest.remove_prefix(end);
        }
    }
    widest = std::max(widest, x);
    return {std::min(widest, wrap_width), y + line_h};
}

void rich_text(std::string_view text, float wrap_width, ImU32 colour) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size = layout_rich(text, wrap_width, pos, ImGui::GetWindowDrawList(), colour);
    ImGui::Dummy(size);
}

std::string plain_text(std::string_view text) {
    std::string out;
    for (const Run& r : parse(text)) out += r.text;
    return out;
}

}  // namespace measured::ui
