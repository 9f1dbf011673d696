// The player screen and the content warning before it.

#include "screen_player.hpp"

#include "fonts.hpp"
#include "keys.hpp"
#include "strings.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace measured::ui {

namespace {

void progress_line(const PlayerView& vm, Commands& out) {
    std::string progress = vm.longest > 0 ? trf("player.decision_of", {{"n", std::to_string(vm.decision)}, {"max", std::to_string(vm.longest)}})
                                          : trf("player.decision", {{"n", std::to_string(vm.decision)}});
    progress += "  ·  ";
    progress += tr(("player.mode_" + std::string(mode_name(vm.mode))).c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(progress.c_str());
    ImGui::PopStyleColor();

    // Right-aligned controls.
    // Author mode runs no clock, so there is nothing to pause.
    const bool pausable = !vm.show_feedback && vm.mode != Mode::author;
    const char* pause = vm.paused ? tr("player.resume") : tr("player.pause");
    float w = pausable ? ImGui::CalcTextSize(pause).x + ImGui::GetStyle().FramePadding.x * 2 : 0.0f;
    if (vm.can_rewind && !vm.show_feedback) w += ImGui::CalcTextSize(tr("player.back_one")).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
    if (vm.can_rewind && !vm.show_feedback) {
        if (button(tr("player.back_one"))) out.push_back(cmd::Rewind{static_cast<std::size_t>(vm.decision - 2)});
        ImGui::SameLine();
    }
    if (pausable && button(pause)) out.push_back(cmd::SetPaused{!vm.paused});
    ImGui::Separator();
}

void side_panel(const PlayerView& vm, Textures* textures, float width) {
    if (!vm.image_path.empty() || !vm.image_alt.empty()) {
        image_or_alt(textures, vm.image_path, vm.image_alt, width, width * 0.75f);
        vertical_gap(0.5f);
    }
    if (!vm.role.empty() && vm.decision == 1 && !vm.show_feedback) {
        heading(tr("player.your_role"));
        paragraph(vm.role);
        vertical_gap(0.5f);
    }
    if (!vm.facts.empty()) {
        heading(tr("player.facts"));
        for (const auto& f : vm.facts) bullet_text(f);
    }
}

void choices(const PlayerView& vm, Commands& out) {
    if (!vm.narration.empty()) {
        heading(tr("player.what_happened"));
        paragraph(vm.narration);
        vertical_gap(0.5f);
    }
    heading(tr("player.what_do_you_do"));
    if (vm.timed) countdown_bar(vm.remaining, vm.time_limit, vm.paused, vm.reduce_motion);
    vertical_gap(0.3f);
    if (vm.paused) {
        paragraph(tr("player.paused_note"));
        if (button(tr("player.resume"))) out.push_back(cmd::SetPaused{false});
        return;
    }
    const float width = std::min(ImGui::GetContentRegionAvail().x, reading_width() * 1.05f);
    int n = 0;
    for (const auto& c : vm.choices) {
        ++n;
        if (choice_button(n, c.label, width)) out.push_back(cmd::Choose{c.index});
        ImGui::Dummy({0, ImGui::GetStyle().ItemSpacing.y * 0.3f});
    }
    paragraph_dim(tr("player.keys_hint"));
}

void feedback(const PlayerView& vm, PlayerUiState& st, Commands& out) {
    const FeedbackView& f = vm.feedback;
    if (st.scroll_to_feedback) {
        ImGui::SetScrollHereY(0.0f);
        st.scroll_to_feedback = false;
    }
    ImGui::Separator();
    vertical_gap(0.3f);
    heading(f.timed_out ? tr("player.time_ran_out") : trf("player.you_chose", {{"choice", f.chose}}));
    if (!f.narration.empty()) {
        vertical_gap(0.2f);
        paragraph(f.narration);
    }
    vertical_gap(0.5f);
    if (f.ratings.empty()) {
        paragraph_dim(tr("player.unscored"));
    } else {
        heading(tr("player.how_it_measures"));
        vertical_gap(0.2f);
        for (const auto& r : f.ratings) draw_rating(r, out);
    }
    if (f.alternatives.size() > 1) {
        vertical_gap(0.3f);
        if (button(st.show_alternatives ? tr("player.hide_alternatives") : tr("player.show_alternatives")))
            st.show_alternatives = !st.show_alternatives;
        if (st.show_alternatives) {
            for (const auto& a : f.alternatives) {
                if (a.chosen) continue;
                vertical_gap(0.3f);
                ImGui::PushID(&a);
                heading(a.label);
                ImGui::Indent(ImGui::GetFontSize());
                if (a.ratings.empty()) paragraph_dim(tr("player.unscored"));
                for (const auto& r : a.ratings) draw_rating(r, out);
                ImGui::Unindent(ImGui::GetFontSize());
                ImGui::PopID();
            }
        }
    }
    vertical_gap(0.6f);
    if (button(f.last ? tr("player.see_debrief") : tr("player.continue"))) out.push_back(cmd::Continue{});
    ImGui::SameLine();
    if (button(tr("player.try_another"))) {
        st.show_alternatives = false;
        out.push_back(cmd::Rewind{static_cast<std::size_t>(f.decision - 1)});
    }
    paragraph_dim(tr("player.feedback_keys"));
}

}  // namespace

void draw_story(const std::string& scene_title, const std::string& text, const std::vector<DialogueLine>& dialogue) {
    title(scene_title);
    vertical_gap(0.3f);
    paragraph(text);
    for (const auto& d : dialogue) {
        vertical_gap(0.3f);
        ImGui::PushFont(font(FontRole::bold));
        ImGui::TextUnformatted(d.speaker.c_str());
        ImGui::PopFont();
        ImGui::Indent(ImGui::GetFontSize());
        paragraph(d.text);
        ImGui::Unindent(ImGui::GetFontSize());
    }
}

void draw_rating(const RatingItem& r, Commands& out) {
    ImGui::PushID(&r);
    rating_badge(r.rating);
    ImGui::SameLine();
    ImGui::PushFont(font(FontRole::bold));
    ImGui::TextUnformatted(r.principle_name.c_str());
    ImGui::PopFont();
    if (r.critical) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, palette().critical);
        ImGui::PushFont(font(FontRole::bold));
        ImGui::TextUnformatted(tr("rating.critical"));
        ImGui::PopFont();
        ImGui::PopStyleColor();
    }
    if (!r.hard_fail_title.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().critical);
        paragraph(trf("rating.hard_fail", {{"rule", r.hard_fail_title}}));
        ImGui::PopStyleColor();
    }
    paragraph(r.feedback);
    if (!r.cites.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
        ImGui::TextUnformatted(tr("rating.standards"));
        ImGui::PopStyleColor();
        for (const auto& c : r.cites) {
            ImGui::SameLine();
            if (link(c.label.c_str())) out.push_back(cmd::OpenProvision{c.id});
            if (!c.title.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.title.c_str());
        }
    }
    vertical_gap(0.4f);
    ImGui::PopID();
}

void draw_content_warning(const WarningView& vm, Commands& out) {
    const float width = std::min(ImGui::GetContentRegionAvail().x, reading_width());
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), (ImGui::GetWindowWidth() - width) * 0.5f));
    ImGui::BeginGroup();
    vertical_gap(1.5f);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().timer_low);
    heading(tr("warning.heading"));
    ImGui::PopStyleColor();
    title(vm.scenario_title);
    vertical_gap(0.4f);
    paragraph(tr("warning.intro"));
    for (const auto& w : vm.warnings) bullet_text(tr(("warning." + w).c_str()));
    vertical_gap(0.4f);
    paragraph_dim(tr("warning.care"));
    vertical_gap(0.6f);
    if (button(tr("warning.continue"))) out.push_back(cmd::AcceptWarning{});
    ImGui::SameLine();
    if (button(tr("warning.back"))) out.push_back(cmd::DeclineWarning{});
    ImGui::EndGroup();
    if (key_pressed(Key::enter)) out.push_back(cmd::AcceptWarning{});
    if (key_pressed(Key::escape)) out.push_back(cmd::DeclineWarning{});
}

void draw_player(const PlayerView& vm, PlayerUiState& st, Textures* textures, Commands& out) {
    progress_line(vm, out);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float side = avail.x > ImGui::GetFontSize() * 52 ? std::min(avail.x * 0.34f, ImGui::GetFontSize() * 26) : 0.0f;
    if (vm.decision != st.shown_decision || vm.show_feedback != st.shown_feedback) {
        st.shown_decision = vm.decision;
        st.shown_feedback = vm.show_feedback;
        st.show_alternatives = false;
        // A new scene starts at its top; feedback scrolls to itself, the scene it follows is above.
        if (vm.show_feedback) st.scroll_to_feedback = true;
        else ImGui::SetNextWindowScroll({0, 0});
    }
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("##story", {side > 0 ? avail.x - side - ImGui::GetStyle().ItemSpacing.x : 0, 0}, false, ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleColor();
    draw_story(vm.scene_title, vm.text, vm.dialogue);
    if (side == 0) {
        vertical_gap(0.5f);
        side_panel(vm, textures, ImGui::GetContentRegionAvail().x);
    }
    vertical_gap(0.8f);
    if (vm.show_feedback) feedback(vm, st, out);
    else choices(vm, out);
    ImGui::EndChild();
    if (side > 0) {
        ImGui::SameLine();
        ImGui::BeginChild("##side", {0, 0}, true, ImGuiWindowFlags_NavFlattened);
        side_panel(vm, textures, ImGui::GetContentRegionAvail().x);
        ImGui::EndChild();
    }

    // Keys: 1–9 choose, P pauses, Enter continues after feedback, Backspace goes back one decision.
    if (!vm.show_feedback && !vm.paused) {
        const int d = digit_pressed();
        if (d >= 1 && d <= static_cast<int>(vm.choices.size())) out.push_back(cmd::Choose{vm.choices[static_cast<std::size_t>(d - 1)].index});
    }
    if (!vm.show_feedback && vm.mode != Mode::author && key_pressed(Key::p)) out.push_back(cmd::SetPaused{!vm.paused});
    // Enter never presses a focused button in ImGui 1.86 (Space does), so it is free for Continue.
    if (vm.show_feedback && key_pressed(Key::enter)) out.push_back(cmd::Continue{});
    if (vm.can_rewind && key_pressed(Key::backspace)) {
        st.show_alternatives = false;
        out.push_back(cmd::Rewind{static_cast<std::size_t>(vm.show_feedback ? vm.feedback.decision - 1 : vm.decision - 2)});
    }
}

}  // namespace measured::ui
