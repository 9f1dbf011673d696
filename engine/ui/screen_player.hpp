// The player: the content warning before a scenario, then each scene (narrative, image, facts,
// choices with keys 1–9, countdown, progress, pause) and, in Learn mode, the feedback on each
// decision with the provisions it cites.
#pragma once

#include "commands.hpp"
#include "model.hpp"

#include <string>
#include <vector>

namespace measured::ui {

struct Textures;

struct WarningView {
    std::string scenario_title;
    std::string summary;
    std::vector<std::string> warnings;   // content warning words, e.g. "violence"
};

struct CitedProvision {
    std::string id;
    std::string label;                   // "BPUFF 9"
    std::string title;
};

struct RatingItem {
    std::string principle_name;
    Rating rating = Rating::compliant;
    std::string feedback;
    bool critical = false;
    std::string hard_fail_title;
    std::vector<CitedProvision> cites;
};

struct AlternativeItem {
    std::string label;
    bool chosen = false;
    std::vector<RatingItem> ratings;     // empty: not scored
};

struct FeedbackView {
    int decision = 0;                    // 1-based
    std::string chose;                   // the label, or "(the time ran out)"
    bool timed_out = false;
    std::string narration;               // what it led to
    std::vector<RatingItem> ratings;
    std::vector<AlternativeItem> alternatives;
    bool last = false;                   // the next step is the debrief
};

struct ChoiceItem {
    int index = -1;                      // into the scene's choices
    std::string label;
};

struct PlayerView {
    std::string scenario_title, role;
    std::string scene_title, text;
    std::vector<DialogueLine> dialogue;
    std::vector<std::string> facts;
    std::string image_path, image_alt;
    std::string narration;               // what the previous decision led to (Assess mode shows it here)
    std::vector<ChoiceItem> choices;
    int decision = 1;                    // the number of the decision being made
    int longest = 0;                     // decisions on the longest path, for the progress line
    Mode mode = Mode::learn;
    bool timed = false;
    double time_limit = 0;               // seconds, after the trainee's timer setting
    double remaining = 0;
    bool paused = false;
    bool can_rewind = false;
    bool reduce_motion = false;
    bool show_feedback = false;
    FeedbackView feedback;
};

struct PlayerUiState {
    bool show_alternatives = false;
    int shown_decision = 0;              // to scroll back to the top when the step changes
    bool shown_feedback = false;
    bool scroll_to_feedback = false;
};

void draw_content_warning(const WarningView& vm, Commands& out);
void draw_player(const PlayerView& vm, PlayerUiState& st, Textures* textures, Commands& out);

// A scene's title, text and dialogue at a readable line length (the player, the workshop screens).
void draw_story(const std::string& scene_title, const std::string& text, const std::vector<DialogueLine>& dialogue);

// One rated principle: the rating in colour *and* words, the feedback, the cited provisions as
// links into the standards browser. Shared with the debrief.
void draw_rating(const RatingItem& r, Commands& out);

}  // namespace measured::ui
