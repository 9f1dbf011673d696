// Shared widgets. Everything clickable goes through probe_item() so tests can find it by label.

#include "widgets.hpp"

#include "fonts.hpp"
#include "rich_text.hpp"
#include "strings.hpp"
#include "theme.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace measured::ui {

namespace {

std::vector<ProbedItem>* probe = nullptr;

// IsItemFocused() is false for selectables spanning table columns in 1.86; compare the ids instead.
bool has_nav_focus() {
    const ImGuiContext& g = *GImGui;
    return g.NavId != 0 && g.NavId == ImGui::GetItemID() && !g.NavDisableHighlight;
}

void probe_item(std::string_view label, bool enabled = true, bool clickable = true) {
    if (!probe) return;
    if (auto hash = label.find("##"); hash != std::string_view::npos) label = label.substr(0, hash);
    probe->push_back({std::string(label), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), enabled, clickable,
                      clickable && has_nav_focus(), ImGui::GetItemID()});
}

void probe_text(std::string_view text) { probe_item(text, true, false); }

void wrapped(std::string_view text, ImVec4 colour) {
    const float width = std::min(ImGui::GetContentRegionAvail().x, reading_width());
    const ImU32 col = ImGui::GetColorU32(colour);
    // Paragraphs are separated by blank lines; single line breaks stay line breaks.
    std::size_t start = 0;
    bool first = true;
    while (start <= text.size()) {
        std::size_t end = text.find("\n\n", start);
        std::string_view para = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        while (!para.empty() && (para.back() == '\n' || para.back() == ' ')) para.remove_suffix(1);
        while (!para.empty() && para.front() == '\n') para.remove_prefix(1);
        if (!para.empty()) {
            if (!first) ImGui::Dummy({0, ImGui::GetTextLineHeight() * 0.45f});
            rich_text(para, width, col);
            probe_text(plain_text(para));
            first = false;
        }
        if (end == std::string_view::npos) break;
        start = end + 2;
    }
}

}  // namespace

void probe_rect(std::string_view label, ImVec2 min, ImVec2 max) {
    if (!probe) return;
    if (auto hash = label.find("##"); hash != std::string_view::npos) label = label.substr(0, hash);
    probe->push_back({std::string(label), min, max, true, true, false, 0});
}

void set_item_probe(std::vector<ProbedItem>* p) { probe = p; }

bool tab_item(const char* label) {
    const bool open = ImGui::BeginTabItem(label);
    probe_item(label);
    return open;
}
void probe_text_item(std::string_view text) { probe_text(text); }

float reading_width() { return ImGui::GetFontSize() * 36.0f; }

void same_line_if_fits(const char* next_label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(next_label, nullptr, true).x + style.FramePadding.x * 2;
    const float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + width;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

bool button(const char* label, ImVec2 size, bool enabled) {
    if (!enabled) {
        ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
        ImGui::PushItemFlag(ImGuiItemFlags_Disabled, true);
    }
    const bool pressed = ImGui::Button(label, size);
    if (!enabled) {
        ImGui::PopItemFlag();
        ImGui::PopStyleVar();
    }
    probe_item(label, enabled);
    return pressed && enabled;
}

bool choice_button(int number, std::string_view label, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float pad_x = style.FramePadding.x * 1.6f, pad_y = style.FramePadding.y * 1.8f;
    const float key_w = ImGui::GetFontSize() * 1.9f;
    const float text_w = width - key_w - pad_x * 3;
    const ImVec2 text_size = layout_rich(label, text_w, {0, 0}, nullptr, 0);
    const ImVec2 size{width, std::max(text_size.y, ImGui::GetFontSize()) + pad_y * 2};
    ImGui::PushID(number);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##choice", size);
    const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 bg = ImGui::GetColorU32(active ? ImGuiCol_ButtonActive : hovered ? ImGuiCol_ButtonHovered : ImGuiCol_Button);
    dl->AddRectFilled(pos, {pos.x + size.x, pos.y + size.y}, bg, style.FrameRounding);
    dl->AddRect(pos, {pos.x + size.x, pos.y + size.y}, ImGui::GetColorU32(palette().border), style.FrameRounding);
    // The key number in its own box, so the keyboard path is obvious.
    const ImVec2 key_min{pos.x + pad_x, pos.y + pad_y - 2};
    const ImVec2 key_max{key_min.x + key_w, key_min.y + ImGui::GetFontSize() + 4};
    dl->AddRectFilled(key_min, key_max, ImGui::GetColorU32(palette().accent), style.FrameRounding);
    char digits[4];
    std::snprintf(digits, sizeof digits, "%d", number);
    const ImVec2 dsz = ImGui::CalcTextSize(digits);
    dl->AddText(font(FontRole::bold), ImGui::GetFontSize(),
                {key_min.x + (key_w - dsz.x) * 0.5f, key_min.y + 2}, ImGui::GetColorU32(palette().on_colour), digits);
    layout_rich(label, text_w, {key_max.x + pad_x, pos.y + pad_y}, dl, ImGui::GetColorU32(ImGuiCol_Text));
    ImGui::PopID();
    probe_item(plain_text(label));
    return pressed;
}

bool selectable(const char* label, bool selected, ImVec2 size, ImGuiSelectableFlags flags) {
    const bool pressed = ImGui::Selectable(label, selected, flags, size);
    probe_item(label);
    return pressed;
}

bool link(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine({min.x, max.y}, max, ImGui::GetColorU32(palette().accent));
    // Text is not focusable; an invisible button over it makes the link clickable and reachable by Tab.
    ImGui::SetCursorScreenPos(min);
    ImGui::PushID(label);
    const bool pressed = ImGui::InvisibleButton("##link", {max.x - min.x, max.y - min.y});
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::PopID();
    probe_item(label);
    return pressed;
}

bool checkbox(const char* label, bool* value) {
    const bool changed = ImGui::Checkbox(label, value);
    probe_item(label);
    return changed;
}

bool radio(const char* label, bool active) {
    const bool pressed = ImGui::RadioButton(label, active);
    probe_item(label);
    return pressed;
}

void paragraph(std::string_view text) { wrapped(text, palette().text); }
void paragraph_dim(std::string_view text) { wrapped(text, palette().text_dim); }

void heading(std::string_view text) {
    const std::string plain = plain_text(text);
    ImGui::PushFont(font(FontRole::bold));
    ImGui::PushStyleColor(ImGuiCol_Text, palette().heading);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(ImGui::GetContentRegionAvail().x, reading_width() * 1.1f));
    ImGui::TextUnformatted(plain.c_str());
    probe_text(plain);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void title(std::string_view text) {
    const std::string plain = plain_text(text);
    ImGui::PushFont(font(FontRole::title));
    ImGui::PushStyleColor(ImGuiCol_Text, palette().heading);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(plain.c_str());
    probe_text(plain);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void label_value(const char* label, std::string_view value) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
    ImGui::PopTextWrapPos();
    probe_text(std::string(label) + " " + std::string(value));
}

void tag(std::string_view text, ImVec4 colour) {
    ImGui::PushFont(font(FontRole::small));
    const ImVec2 pad{ImGui::GetFontSize() * 0.45f, ImGui::GetFontSize() * 0.15f};
    const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max{pos.x + size.x + pad.x * 2, pos.y + size.y + pad.y * 2};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(pos, max, ImGui::GetColorU32(colour), size.y);
    dl->AddText({pos.x + pad.x, pos.y + pad.y}, ImGui::GetColorU32(colour), text.data(), text.data() + text.size());
    ImGui::Dummy({max.x - pos.x, max.y - pos.y});
    probe_text(text);
    ImGui::PopFont();
}

void rating_badge(Rating r) {
    const char* word = rating_label(r);
    ImGui::PushFont(font(FontRole::bold));
    const ImVec2 pad{ImGui::GetFontSize() * 0.5f, ImGui::GetFontSize() * 0.12f};
    const ImVec2 size = ImGui::CalcTextSize(word);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max{pos.x + size.x + pad.x * 2, pos.y + size.y + pad.y * 2};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, ImGui::GetColorU32(rating_colour(r)), 4.0f);
    dl->AddText({pos.x + pad.x, pos.y + pad.y}, ImGui::GetColorU32(palette().on_colour), word);
    ImGui::Dummy({max.x - pos.x, max.y - pos.y});
    probe_text(word);
    ImGui::PopFont();
}

void bullet_text(std::string_view text) {
    ImGui::Bullet();
    ImGui::SameLine();
    rich_text(text, std::min(ImGui::GetContentRegionAvail().x, reading_width()), ImGui::GetColorU32(ImGuiCol_Text));
    probe_text(plain_text(text));
}

void note(std::string_view text, ImVec4 colour) {
    ImGui::PushFont(font(FontRole::small));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    probe_text(text);
}

void vertical_gap(float lines) { ImGui::Dummy({0, ImGui::GetTextLineHeight() * lines}); }

void countdown_bar(double remaining, double limit, bool paused, bool reduce_motion) {
    const double shown = reduce_motion ? std::ceil(remaining) : remaining;
    const float fraction = limit > 0 ? static_cast<float>(std::clamp(shown / limit, 0.0, 1.0)) : 0.0f;
    const bool low = remaining <= std::max(5.0, limit * 0.25);
    const std::string words = paused ? trf("player.paused_seconds", {{"n", std::to_string(static_cast<int>(std::ceil(remaining)))}})
                                     : trf("player.seconds_left", {{"n", std::to_string(static_cast<int>(std::ceil(remaining)))}});
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetFontSize() * 0.55f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, {pos.x + width, pos.y + height}, ImGui::GetColorU32(ImGuiCol_FrameBg), height * 0.5f);
    dl->AddRectFilled(pos, {pos.x + width * fraction, pos.y + height},
                      ImGui::GetColorU32(low ? palette().timer_low : palette().timer), height * 0.5f);
    ImGui::Dummy({width, height});
    ImGui::PushStyleColor(ImGuiCol_Text, low ? palette().timer_low : palette().text_dim);
    ImGui::TextUnformatted(words.c_str());
    probe_text(words);
    ImGui::PopStyleColor();
}

void image_or_alt(Textures* textures, const std::string& path, const std::string& alt, float max_width, float max_height) {
    const Texture* t = textures && !path.empty() ? textures->get(path) : nullptr;
    if (t && t->width > 0 && t->height > 0) {
        const float scale = std::min({max_width / static_cast<float>(t->width), max_height / static_cast<float>(t->height), 1.0f});
        ImGui::Image(t->id, {t->width * scale, t->height * scale});
        if (!alt.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", alt.c_str());
        return;
    }
    if (alt.empty()) return;
    // No picture: the description takes its place, framed so it reads as "image".
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel);
    const float w = std::min(max_width, reading_width());
    const ImVec2 text = ImGui::CalcTextSize(alt.c_str(), nullptr, false, w - ImGui::GetStyle().WindowPadding.x * 2);
    const float h = text.y + ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().WindowPadding.y * 2;
    ImGui::BeginChild("##alt", {w, h}, true, ImGuiWindowFlags_NoScrollbar);
    ImGui::PushFont(font(FontRole::small));
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::TextUnformatted(tr("player.image"));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(alt.c_str());
    probe_text(alt);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace measured::ui
