// The debrief: the outcome, critical violations first, a per-principle chart, the timeline of
// decisions (rating, time, feedback, alternatives), discussion questions, replay from any decision
// and export.
#pragma once

#include "commands.hpp"
#include "screen_player.hpp"

#include <string>
#include <vector>

namespace measured::ui {

struct PrincipleBar {
    std::string name;
    int percent = 0;
    Rating worst = Rating::compliant;
    int assessed = 0;
};

struct CriticalItem {
    int decision = 0;
    std::string principle_name;
    std::string hard_fail_title;
    std::string feedback;
    std::vector<CitedProvision> cites;
};

struct TimelineItem {
    int number = 0;
    std::string scene_title;
    std::string chose;
    bool timed_out = false;
    double seconds = 0;
    std::string narration;
    std::vector<RatingItem> ratings;
    std::vector<AlternativeItem> alternatives;
};

struct DebriefView {
    std::string scenario_title;
    std::string ending_title, outcome, ending_text, summary;
    bool complete = false;
    Mode mode = Mode::learn;
    std::uint64_t seed = 0;
    std::string timer_note;              // "Timers ×1.5", "" when normal
    double total_seconds = 0;
    std::vector<CriticalItem> critical;
    std::vector<PrincipleBar> principles;
    std::vector<TimelineItem> timeline;
    std::vector<std::string> discussion;
    std::string export_message;          // where the last export went, or why it failed
};

struct DebriefUiState {
    int open_decision = -1;              // timeline entry expanded to its alternatives
};

void draw_debrief(const DebriefView& vm, DebriefUiState& st, Commands& out);

}  // namespace measured::ui
