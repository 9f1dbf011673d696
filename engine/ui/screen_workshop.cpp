// Workshop mode's two screens: the trainer's console and the projector.

#include "screen_workshop.hpp"

#include "fonts.hpp"
#include "keys.hpp"
#include "strings.hpp"
#include "theme.hpp"
#include "widgets.hpp"
#include "workshop_report.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace measured::ui {

namespace {

float button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }

// A horizontal bar for a share of the votes, with the count and percentage in words beside it.
void vote_bar(const VoteOption& o, float width, bool show_words = true) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFontSize() * 0.8f;
    const float y = pos.y + (ImGui::GetTextLineHeight() - h) * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled({pos.x, y}, {pos.x + width, y + h}, ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
    dl->AddRect({pos.x, y}, {pos.x + width, y + h}, ImGui::GetColorU32(palette().border), 3.0f);   // the track shows in high contrast too
    if (o.percent > 0)
        dl->AddRectFilled({pos.x, y}, {pos.x + width * static_cast<float>(o.percent) / 100.0f, y + h},
                          ImGui::GetColorU32(o.leading ? palette().accent : palette().text_dim), 3.0f);
    ImGui::Dummy({width, ImGui::GetTextLineHeight()});
    if (!show_words) return;
    ImGui::SameLine();
    const std::string words = trf("workshop.votes_share", {{"n", std::to_string(o.votes)}, {"pct", std::to_string(o.percent)}});
    ImGui::TextUnformatted(words.c_str());
    probe_text_item(words);
}

void worst_badge(const std::vector<RatingItem>& ratings) {
    if (ratings.empty()) {
        note(tr("workshop.unscored"), palette().text_dim);
        return;
    }
    Rating worst = Rating::exemplary;
    for (const auto& r : ratings) worst = std::max(worst, r.rating);
    rating_badge(worst);
}

// The scene as the console and the projector show it: the story, what is known, the picture
// (at `image_share` of the width, at most `image_height` high).
void scene_body(const std::string& title_text, const std::string& text, const std::vector<DialogueLine>& dialogue,
                const std::vector<std::string>& facts, const std::string& image_path, const std::string& image_alt,
                Textures* textures, float image_share, float image_height) {
    draw_story(title_text, text, dialogue);
    if (!facts.empty()) {
        vertical_gap(0.35f);
        heading(tr("player.facts"));
        for (const auto& f : facts) bullet_text(f);
    }
    if (!image_path.empty() || !image_alt.empty()) {
        vertical_gap(0.35f);
        image_or_alt(textures, image_path, image_alt, ImGui::GetContentRegionAvail().x * image_share, image_height);
    }
}

void flag_list(const std::vector<FlagItem>& flags) {
    for (const auto& f : flags) {
        std::string line = f.time + "  " + f.where;
        if (!f.branch.empty()) line += " · " + f.branch;
        if (!f.note.empty()) line += ": " + f.note;
        bullet_text(line);
    }
}

// "What if 1 (from decision 2 of the main line) → Ending title"
std::string branch_line(const BranchItem& b) {
    std::string line = b.name;
    if (!b.from.empty()) line += " (" + b.from + ")";
    line += b.ending_title.empty() ? " · " + std::string(tr("workshop.unfinished")) : " → " + b.ending_title;
    return line;
}

void principle_rows(const std::vector<PrincipleBar>& principles) {
    if (!ImGui::BeginTable("##principles", 3, ImGuiTableFlags_SizingFixedFit)) return;
    for (const auto& p : principles) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.name.c_str());
        ImGui::TableNextColumn();
        const std::string pct = std::to_string(p.percent) + "%";
        ImGui::TextUnformatted(pct.c_str());
        ImGui::TableNextColumn();
        rating_badge(p.worst);
    }
    ImGui::EndTable();
}

// One decision of a path: what was played, how the group voted, an override and its reason.
void step_row(const WorkshopStepItem& s, bool with_votes) {
    ImGui::PushID(s.number);
    heading(trf("workshop.step", {{"n", std::to_string(s.number)}, {"title", s.scene_title}}));
    ImGui::Indent(ImGui::GetFontSize());
    paragraph(trf("workshop.played", {{"choice", s.played}}));
    if (s.rated) {
        ImGui::SameLine();
        rating_badge(s.worst);
        if (s.critical) {
            ImGui::SameLine();
            note(tr("rating.critical"), palette().critical);
        }
    }
    if (s.overridden) paragraph_dim(trf("workshop.override_reason", {{"reason", s.reason}}));
    if (with_votes) {
        if (s.votes.empty()) paragraph_dim(tr("workshop.no_vote"));
        const float w = ImGui::GetFontSize() * 8;
        for (const auto& o : s.votes) {
            ImGui::PushID(o.option);
            vote_bar(o, w);
            ImGui::SameLine();
            ImGui::TextUnformatted(o.label.c_str());
            ImGui::PopID();
        }
    }
    ImGui::Unindent(ImGui::GetFontSize());
    vertical_gap(0.3f);
    ImGui::PopID();
}

void group_debrief(const GroupDebriefView& d, bool large, Commands* out) {
    if (d.complete) {
        heading(trf("workshop.ending_reached", {{"title", d.ending_title}}));
        tag(tr(("outcome." + d.outcome).c_str()), outcome_colour(d.outcome));
    } else {
        heading(tr("workshop.not_finished"));
    }
    if (!d.summary.empty()) paragraph(d.summary);
    vertical_gap(0.5f);
    if (!d.critical.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().critical);
        heading(tr("workshop.critical_moments"));
        ImGui::PopStyleColor();
        for (const auto& c : d.critical) {
            ImGui::PushID(&c);
            paragraph(trf("workshop.critical_line", {{"n", std::to_string(c.decision)}, {"principle", c.principle_name}}));
            if (!c.hard_fail_title.empty()) paragraph(trf("rating.hard_fail", {{"rule", c.hard_fail_title}}));
            paragraph_dim(c.feedback);
            if (out && !c.cites.empty()) {
                ImGui::TextUnformatted(tr("rating.standards"));
                for (const auto& p : c.cites) {
                    ImGui::SameLine();
                    if (link(p.label.c_str())) out->push_back(cmd::OpenProvision{p.id});
                }
            }
            ImGui::PopID();
        }
        vertical_gap(0.5f);
    }
    if (!d.principles.empty()) {
        heading(tr("workshop.principles"));
        principle_rows(d.principles);
        vertical_gap(0.5f);
    }
    heading(tr("workshop.path_played"));
    vertical_gap(0.2f);
    for (const auto& s : d.path) step_row(s, true);
    if (!d.flags.empty()) {
        heading(tr("workshop.flags"));
        flag_list(d.flags);
        vertical_gap(0.5f);
    }
    if (d.branches.size() > 1) {
        heading(tr("workshop.branches"));
        for (const auto& b : d.branches) {
            if (b.index == 0) continue;
            bullet_text(branch_line(b));
            if (!b.principles.empty()) {
                std::string results;
                for (const auto& p : b.principles) results += (results.empty() ? "" : " · ") + p.name + " " + std::to_string(p.percent) + "%";
                ImGui::Indent(ImGui::GetFontSize() * (large ? 1.5f : 1.0f));
                paragraph_dim(results);
                ImGui::Unindent(ImGui::GetFontSize() * (large ? 1.5f : 1.0f));
            }
        }
        vertical_gap(0.5f);
    }
    if (!d.discussion.empty()) {
        heading(tr("workshop.discussion"));
        for (const auto& q : d.discussion) bullet_text(q);
    }
}

// ---------------------------------------------------------------------------------------------
// The console

void console_top(const ConsoleView& vm, ConsoleUiState& st) {
    std::string line = vm.stage == WorkshopStage::ending ? std::string(tr("workshop.at_ending"))
                                                         : trf("player.decision", {{"n", std::to_string(vm.decision)}});
    line += "  ·  " + vm.branch_name + "  ·  " + trf("workshop.elapsed", {{"t", clock_text(vm.elapsed)}});
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
    const char* flag = tr("workshop.flag_button");
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - button_width(flag)));
    if (button(flag)) st.flag_open = true;
    if (!vm.message.empty()) paragraph_dim(vm.message);
    ImGui::Separator();
}

void clock_row(const ConsoleView& vm, Commands& out) {
    ImGui::AlignTextToFramePadding();
    std::string state;
    switch (vm.clock) {
    case ClockState::waiting: state = tr("workshop.clock_waiting"); break;
    case ClockState::running: state = vm.timed ? trf("workshop.clock_left", {{"t", clock_text(vm.remaining)}}) : trf("workshop.clock_running", {{"t", clock_text(vm.clock_seconds)}}); break;
    case ClockState::stopped: state = trf("workshop.clock_stopped", {{"t", clock_text(vm.clock_seconds)}}); break;
    case ClockState::expired: state = tr("workshop.clock_expired"); break;
    }
    if (vm.clock == ClockState::expired) ImGui::PushStyleColor(ImGuiCol_Text, palette().timer_low);
    ImGui::TextUnformatted(state.c_str());
    if (vm.clock == ClockState::expired) ImGui::PopStyleColor();
    probe_text_item(state);
    if (vm.clock != ClockState::expired) {
        ImGui::SameLine();
        const bool running = vm.clock == ClockState::running;
        if (button(running ? tr("workshop.stop_clock") : tr("workshop.start_clock"))) out.push_back(cmd::RunClock{!running});
    }
    if (vm.timed && vm.clock != ClockState::waiting) countdown_bar(vm.remaining, vm.time_limit, vm.clock != ClockState::running, false);
    else if (vm.timed) paragraph_dim(trf("workshop.time_limit", {{"s", std::to_string(static_cast<int>(std::lround(vm.time_limit)))}}));
}

void votes_table(const ConsoleView& vm, ConsoleUiState& st, Commands& out) {
    heading(tr("workshop.vote_heading"));
    const float bar_w = ImGui::GetFontSize() * 6;
    if (ImGui::BeginTable("##votes", 4, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableSetupColumn("##option", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##count", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("##share", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("##play", ImGuiTableColumnFlags_WidthFixed);
        for (const auto& o : vm.options) {
            ImGui::PushID(o.option);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
            const std::string label = std::to_string(o.option + 1) + ".  " + o.label;
            if (o.leading) ImGui::PushFont(font(FontRole::bold));
            ImGui::TextUnformatted(label.c_str());
            if (o.leading) ImGui::PopFont();
            probe_text_item(label);
            ImGui::PopTextWrapPos();
            worst_badge(o.ratings);
            ImGui::TableNextColumn();
            if (button("-", {ImGui::GetFrameHeight(), 0})) out.push_back(cmd::Vote{o.option, -1});
            ImGui::SameLine();
            int count = o.votes;
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 2.6f);
            if (ImGui::InputInt("##n", &count, 0, 0)) out.push_back(cmd::SetVotes{o.option, count});
            ImGui::SameLine();
            if (button("+", {ImGui::GetFrameHeight(), 0})) out.push_back(cmd::Vote{o.option, +1});
            ImGui::TableNextColumn();
            vote_bar(o, bar_w, false);
            ImGui::SameLine();
            const std::string pct = std::to_string(o.percent) + "%";
            ImGui::TextUnformatted(pct.c_str());
            ImGui::TableNextColumn();
            // Playing anything but the plurality (or, after the countdown, the time-out) needs a reason.
            const bool expected = vm.clock == ClockState::expired ? false : (vm.total_votes == 0 || o.leading);
            if (button(expected ? tr("workshop.play") : tr("workshop.play_instead"))) {
                if (expected) out.push_back(cmd::Play{o.option, {}});
                else {
                    st.override_option = o.option;
                    st.reason[0] = '\0';
                }
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    // The tally and the one-key way to play it.
    if (vm.total_votes == 0) paragraph_dim(tr("workshop.no_votes_yet"));
    else if (vm.tie) paragraph(trf("workshop.tie", {{"n", std::to_string(vm.total_votes)}}));
    else {
        for (const auto& o : vm.options) {
            if (!o.leading) continue;
            paragraph(trf("workshop.majority", {{"choice", o.label}, {"n", std::to_string(o.votes)}, {"total", std::to_string(vm.total_votes)}}));
            if (vm.clock != ClockState::expired && button(tr("workshop.play_majority"))) out.push_back(cmd::Play{o.option, {}});
        }
    }
    if (!vm.timeout_label.empty()) {
        vertical_gap(0.3f);
        if (vm.clock == ClockState::expired) {
            paragraph(trf("workshop.timeout_now", {{"choice", vm.timeout_label}}));
            if (button(tr("workshop.play_timeout"))) out.push_back(cmd::Play{-1, {}});
        } else {
            paragraph_dim(trf("workshop.timeout_is", {{"choice", vm.timeout_label}}));
        }
    }
    if (st.override_option >= 0 && st.override_option < static_cast<int>(vm.options.size())) {
        vertical_gap(0.3f);
        const VoteOption& o = vm.options[static_cast<std::size_t>(st.override_option)];
        heading(trf("workshop.why_override", {{"choice", o.label}}));
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, reading_width()));
        if (ImGui::IsWindowAppearing() || !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
        const bool enter = ImGui::InputText("##reason", st.reason, sizeof st.reason, ImGuiInputTextFlags_EnterReturnsTrue);
        probe_text_item(tr("workshop.reason_field"));
        const bool has_reason = std::strlen(st.reason) > 0;
        if ((button(tr("workshop.play_with_reason"), {0, 0}, has_reason) || enter) && has_reason) {
            out.push_back(cmd::Play{o.option, st.reason});
            st.override_option = -2;
        }
        ImGui::SameLine();
        if (button(tr("workshop.cancel"))) st.override_option = -2;
    }
}

void consequence(const ConsoleView& vm, Commands& out) {
    const FeedbackView& f = vm.feedback;
    heading(f.timed_out ? tr("player.time_ran_out") : trf("workshop.played", {{"choice", f.chose}}));
    if (vm.overridden) paragraph_dim(trf("workshop.override_reason", {{"reason", vm.reason}}));
    if (!f.narration.empty()) paragraph(f.narration);
    vertical_gap(0.4f);
    if (f.ratings.empty()) paragraph_dim(tr("player.unscored"));
    else {
        heading(tr("player.how_it_measures"));
        for (const auto& r : f.ratings) draw_rating(r, out);
    }
    vertical_gap(0.4f);
    if (button(f.last ? tr("workshop.to_ending") : tr("workshop.next_scene"))) out.push_back(cmd::Continue{});
}

void trainer_panel(const ConsoleView& vm) {
    if (!vm.discussion.empty()) {
        heading(tr("workshop.discussion"));
        for (const auto& q : vm.discussion) bullet_text(q);
        vertical_gap(0.4f);
    }
    heading(tr("workshop.trainer_notes"));
    if (vm.trainer_notes.empty()) paragraph_dim(tr("workshop.no_notes"));
    else paragraph(vm.trainer_notes);
    if (vm.stage == WorkshopStage::scene && !vm.options.empty()) {
        vertical_gap(0.4f);
        heading(tr("workshop.option_ratings"));
        for (const auto& o : vm.options) {
            ImGui::PushID(o.option);
            paragraph(std::to_string(o.option + 1) + ".  " + o.label);
            ImGui::Indent(ImGui::GetFontSize());
            if (o.ratings.empty()) paragraph_dim(tr("player.unscored"));
            Commands ignored;
            for (const auto& r : o.ratings) draw_rating(r, ignored);
            ImGui::Unindent(ImGui::GetFontSize());
            ImGui::PopID();
        }
    }
}

void projector_panel(const ConsoleView& vm, Commands& out) {
    heading(tr("workshop.on_projector"));
    const ProjectorToggles& p = vm.projected;
    struct Row {
        cmd::Projected what;
        bool on;
        const char* label;
    };
    const Row rows[] = {{cmd::Projected::votes, p.votes, "workshop.show_votes"},
                        {cmd::Projected::feedback, p.feedback, "workshop.show_feedback"},
                        {cmd::Projected::discussion, p.discussion, "workshop.show_discussion"},
                        {cmd::Projected::notes, p.notes, "workshop.show_notes"},
                        {cmd::Projected::debrief, p.debrief, "workshop.show_debrief"},
                        {cmd::Projected::high_contrast, p.high_contrast, "workshop.high_contrast"}};
    if (ImGui::BeginTable("##projected", 2)) {
        for (const auto& r : rows) {
            ImGui::TableNextColumn();
            bool on = r.on;
            if (checkbox(tr(r.label), &on)) out.push_back(cmd::Project{r.what, on});
        }
        ImGui::EndTable();
    }
    paragraph_dim(tr("workshop.projector_hint"));
}

// One line per decision: what was played, the vote in a line of words, the way back to it.
void timeline_step(const WorkshopStepItem& s, Commands& out) {
    ImGui::PushID(s.number);
    const std::string what_if = tr("workshop.what_if");
    const std::string line = trf("workshop.step", {{"n", std::to_string(s.number)}, {"title", s.scene_title}}) + " — " + s.played;
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - button_width(what_if.c_str()) - ImGui::GetStyle().ItemSpacing.x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(line.c_str());
    probe_text_item(line);
    ImGui::PopTextWrapPos();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - button_width(what_if.c_str()));
    if (button(what_if.c_str())) out.push_back(cmd::WhatIf{static_cast<std::size_t>(s.number - 1)});
    std::string votes;
    for (const auto& o : s.votes)
        if (o.votes > 0) votes += (votes.empty() ? "" : " · ") + std::to_string(o.option + 1) + ": " + std::to_string(o.votes);
    ImGui::Indent(ImGui::GetFontSize());
    paragraph_dim(votes.empty() ? std::string(tr("workshop.no_vote")) : trf("workshop.votes_line", {{"votes", votes}}));
    if (s.overridden) paragraph_dim(trf("workshop.override_reason", {{"reason", s.reason}}));
    ImGui::Unindent(ImGui::GetFontSize());
    ImGui::PopID();
}

void timeline_panel(const ConsoleView& vm, ConsoleUiState& st, Commands& out) {
    heading(trf("workshop.timeline_of", {{"name", vm.branch_name}}));
    if (vm.timeline.empty()) paragraph_dim(tr("workshop.no_decisions"));
    else paragraph_dim(tr("workshop.what_if_help"));
    for (const auto& s : vm.timeline) timeline_step(s, out);
    if (vm.branches.size() > 1) {
        vertical_gap(0.4f);
        heading(tr("workshop.branches"));
        for (const auto& b : vm.branches) {
            ImGui::PushID(b.index);
            paragraph(branch_line(b));
            if (b.current) note(tr("workshop.current_branch"), palette().accent);
            else if (button(tr("workshop.go_to_branch"))) out.push_back(cmd::SwitchBranch{b.index});
            ImGui::PopID();
        }
    }
    if (!vm.flags.empty()) {
        vertical_gap(0.4f);
        heading(tr("workshop.flags"));
        flag_list(vm.flags);
    }
    vertical_gap(0.4f);
    heading(tr("workshop.group"));
    if (!st.group_loaded) {
        std::snprintf(st.group, sizeof st.group, "%s", vm.group.c_str());
        st.group_loaded = true;
    }
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 16));
    ImGui::InputText("##group", st.group, sizeof st.group);
    if (ImGui::IsItemDeactivatedAfterEdit()) out.push_back(cmd::SetGroup{st.group});
    paragraph_dim(trf("workshop.record_at", {{"path", vm.record_path.empty() ? std::string(tr("workshop.not_saved")) : vm.record_path}}));
}

void debrief_panel(const ConsoleView& vm, Commands& out) {
    // The exports first: at the end of a session there is rarely time to scroll.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("workshop.export"));
    ImGui::SameLine();
    if (button(tr("workshop.export_md"))) out.push_back(cmd::ExportWorkshop{ExportFormat::markdown});
    ImGui::SameLine();
    if (button(tr("workshop.export_html"))) out.push_back(cmd::ExportWorkshop{ExportFormat::html});
    ImGui::SameLine();
    if (button(tr("workshop.export_json"))) out.push_back(cmd::ExportWorkshop{ExportFormat::json});
    vertical_gap(0.4f);
    group_debrief(vm.debrief, false, &out);
}

void flag_popup(ConsoleUiState& st, Commands& out) {
    if (st.flag_open && !ImGui::IsPopupOpen("##flag")) {
        ImGui::OpenPopup("##flag");
        st.flag_note[0] = '\0';
    }
    const ImVec2 centre{ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.4f};
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, {0.5f, 0.5f});
    if (ImGui::BeginPopupModal("##flag", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        heading(tr("workshop.flag_title"));
        paragraph_dim(tr("workshop.flag_help"));
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        const bool enter = ImGui::InputText("##note", st.flag_note, sizeof st.flag_note, ImGuiInputTextFlags_EnterReturnsTrue);
        probe_text_item(tr("workshop.flag_note_field"));
        if (button(tr("workshop.flag_save")) || enter) {
            out.push_back(cmd::AddFlag{st.flag_note});
            st.flag_open = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (button(tr("workshop.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
            st.flag_open = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void console_keys(const ConsoleView& vm, ConsoleUiState& st, Commands& out) {
    if (st.flag_open || st.override_option >= 0 || ImGui::GetIO().WantTextInput) return;
    if (key_pressed(Key::f)) st.flag_open = true;
    const ProjectorToggles& p = vm.projected;
    if (key_pressed(Key::v)) out.push_back(cmd::Project{cmd::Projected::votes, !p.votes});
    if (key_pressed(Key::r)) out.push_back(cmd::Project{cmd::Projected::feedback, !p.feedback});
    if (key_pressed(Key::q)) out.push_back(cmd::Project{cmd::Projected::discussion, !p.discussion});
    if (key_pressed(Key::n)) out.push_back(cmd::Project{cmd::Projected::notes, !p.notes});
    if (key_pressed(Key::d)) out.push_back(cmd::Project{cmd::Projected::debrief, !p.debrief});
    if (key_pressed(Key::h)) out.push_back(cmd::Project{cmd::Projected::high_contrast, !p.high_contrast});
    if (vm.stage == WorkshopStage::warning && key_pressed(Key::enter)) out.push_back(cmd::AcceptWarning{});
    if (vm.stage == WorkshopStage::consequence && key_pressed(Key::enter)) out.push_back(cmd::Continue{});
    if (vm.stage != WorkshopStage::scene) return;
    if (key_pressed(Key::c) && vm.clock != ClockState::expired) out.push_back(cmd::RunClock{vm.clock != ClockState::running});
    // 1–9 add a vote to that option; with Shift, take one away.
    if (const int d = digit_pressed(); d >= 1 && d <= static_cast<int>(vm.options.size()))
        out.push_back(cmd::Vote{d - 1, ImGui::GetIO().KeyShift ? -1 : +1});
    if (key_pressed(Key::m) && vm.clock != ClockState::expired)
        for (const auto& o : vm.options)
            if (o.leading) out.push_back(cmd::Play{o.option, {}});
    if (key_pressed(Key::t) && vm.clock == ClockState::expired && !vm.timeout_label.empty()) out.push_back(cmd::Play{-1, {}});
}

// What the trainer revealed besides the story: the discussion questions, the trainer's notes.
void projected_extras(const ProjectorView& vm) {
    if (!vm.discussion.empty()) {
        vertical_gap(0.6f);
        heading(tr("workshop.discussion"));
        for (const auto& q : vm.discussion) bullet_text(q);
    }
    if (!vm.notes.empty()) {
        vertical_gap(0.6f);
        heading(tr("workshop.trainer_notes"));
        paragraph(vm.notes);
    }
}

// The content warning's heading and the scenario's title, alike on the console and the projector.
void warning_heading(const std::string& scenario_title) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().timer_low);
    heading(tr("warning.heading"));
    ImGui::PopStyleColor();
    title(scenario_title);
}

}  // namespace

void draw_workshop_console(const ConsoleView& vm, ConsoleUiState& st, Textures* textures, Commands& out) {
    console_top(vm, st);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = std::max(ImGui::GetFontSize() * 22, avail.x * 0.56f);
    ImGui::BeginChild("##console_main", {left, 0}, false, ImGuiWindowFlags_NavFlattened);
    switch (vm.stage) {
    case WorkshopStage::warning:
        warning_heading(vm.scenario_title);
        for (const auto& w : vm.warnings) bullet_text(tr(("warning." + w).c_str()));
        paragraph_dim(tr("workshop.warning_projected"));
        vertical_gap(0.4f);
        if (button(tr("workshop.begin"))) out.push_back(cmd::AcceptWarning{});
        break;
    case WorkshopStage::scene: {
        // The story scrolls in its own box, so the clock and the vote stay in view below it.
        const float line = ImGui::GetFrameHeightWithSpacing();
        const float decision_h = line * (static_cast<float>(vm.options.size()) * 1.9f + (vm.timed ? 7.5f : 6.0f));
        const float story_h = std::max(line * 6, ImGui::GetContentRegionAvail().y - decision_h);
        ImGui::BeginChild("##scene_story", {0, story_h}, true);
        scene_body(vm.scene_title, vm.text, vm.dialogue, vm.facts, vm.image_path, vm.image_alt, textures, 0.6f, ImGui::GetFontSize() * 12);
        ImGui::EndChild();
        clock_row(vm, out);
        vertical_gap(0.3f);
        votes_table(vm, st, out);
        vertical_gap(0.3f);
        paragraph_dim(tr("workshop.keys_hint"));
        break;
    }
    case WorkshopStage::consequence:
        draw_story(vm.scene_title, vm.text, {});
        vertical_gap(0.4f);
        ImGui::Separator();
        consequence(vm, out);
        break;
    case WorkshopStage::ending:
        heading(tr("workshop.ending"));
        title(vm.ending_title);
        tag(tr(("outcome." + vm.outcome).c_str()), outcome_colour(vm.outcome));
        paragraph(vm.ending_text);
        vertical_gap(0.5f);
        ImGui::Separator();
        debrief_panel(vm, out);
        break;
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##console_side", {0, 0}, true, ImGuiWindowFlags_NavFlattened);
    projector_panel(vm, out);
    ImGui::Separator();
    if (ImGui::BeginTabBar("##side_tabs")) {
        if (tab_item(tr("workshop.tab_trainer"))) {
            trainer_panel(vm);
            ImGui::EndTabItem();
        }
        if (tab_item(tr("workshop.tab_timeline"))) {
            timeline_panel(vm, st, out);
            ImGui::EndTabItem();
        }
        if (vm.stage != WorkshopStage::ending && tab_item(tr("workshop.tab_debrief"))) {
            debrief_panel(vm, out);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    flag_popup(st, out);
    console_keys(vm, st, out);
}

// ---------------------------------------------------------------------------------------------
// The projector

void draw_projector(const ProjectorView& vm, Textures* textures) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;
    ImGui::Begin("##projector", nullptr, flags);
    Commands ignored;   // the projector has no controls; citations are not links here
    if (!vm.active) {
        title(tr("app.name"));
        paragraph_dim(tr("workshop.projector_idle"));
        ImGui::End();
        return;
    }
    // The band at the top: the scenario, the decision, the clock.
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_dim);
    std::string band = vm.scenario_title;
    if (vm.stage == WorkshopStage::scene || vm.stage == WorkshopStage::consequence)
        band += "  ·  " + trf("player.decision", {{"n", std::to_string(vm.decision)}});
    ImGui::TextUnformatted(band.c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();
    vertical_gap(0.3f);

    if (vm.debrief) {
        title(tr("workshop.group_debrief"));
        vertical_gap(0.3f);
        group_debrief(*vm.debrief, true, nullptr);
    } else {
        switch (vm.stage) {
        case WorkshopStage::warning:
            warning_heading(vm.scenario_title);
            paragraph(tr("warning.intro"));
            for (const auto& w : vm.warnings) bullet_text(tr(("warning." + w).c_str()));
            paragraph_dim(tr("warning.care"));
            break;
        case WorkshopStage::scene: {
            // The story on the left (it may be long); the options, always in view, on the right.
            const ImVec2 avail = ImGui::GetContentRegionAvail();
            ImGui::BeginChild("##p_story", {avail.x * 0.56f, 0}, false);
            scene_body(vm.scene_title, vm.text, vm.dialogue, vm.facts, vm.image_path, vm.image_alt, textures, 1.0f, avail.y * 0.5f);
            ImGui::EndChild();
            ImGui::SameLine(0, ImGui::GetFontSize() * 1.2f);
            ImGui::BeginChild("##p_options", {0, 0}, false);
            if (vm.timed && vm.clock != ClockState::waiting)
                countdown_bar(vm.remaining, vm.time_limit, vm.clock != ClockState::running, vm.reduce_motion);
            else if (vm.clock == ClockState::waiting)
                note(tr("workshop.projector_waiting"), palette().text_dim);
            if (vm.clock == ClockState::expired) heading(tr("workshop.clock_expired"));
            vertical_gap(0.3f);
            heading(tr("workshop.options"));
            vertical_gap(0.2f);
            const float bar = ImGui::GetContentRegionAvail().x * 0.45f;
            for (std::size_t i = 0; i < vm.options.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                paragraph(std::to_string(i + 1) + ".  " + vm.options[i]);
                if (i < vm.votes.size()) vote_bar(vm.votes[i], bar);
                vertical_gap(0.4f);
                ImGui::PopID();
            }
            if (!vm.votes.empty()) paragraph_dim(trf("workshop.votes_total", {{"n", std::to_string(vm.total_votes)}}));
            projected_extras(vm);
            ImGui::EndChild();
            break;
        }
        case WorkshopStage::consequence:
            note(vm.scene_title, palette().text_dim);
            title(trf("workshop.played", {{"choice", vm.played}}));
            vertical_gap(0.3f);
            paragraph(vm.narration);
            if (!vm.ratings.empty()) {
                vertical_gap(0.5f);
                heading(tr("player.how_it_measures"));
                for (const auto& r : vm.ratings) draw_rating(r, ignored);
            }
            break;
        case WorkshopStage::ending:
            title(vm.ending_title);
            tag(tr(("outcome." + vm.outcome).c_str()), outcome_colour(vm.outcome));
            vertical_gap(0.3f);
            paragraph(vm.ending_text);
            break;
        }
    }
    // During a decision these sit beside the options (the story fills the left); otherwise below.
    if (vm.stage != WorkshopStage::scene || vm.debrief) projected_extras(vm);
    ImGui::End();
}

}  // namespace measured::ui
