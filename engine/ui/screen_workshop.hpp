// Workshop mode: the trainer's console (everything: the scene, the votes, the clock, the ratings
// of every option, the discussion questions and notes, flags, "what if" branches, exports) and the
// projector (large type for the room: the story, the options, the countdown, and only what the
// trainer chooses to reveal). The projector's view-model is built from what is revealed, so what
// is hidden is not there to draw.
#pragma once

#include "commands.hpp"
#include "model.hpp"
#include "screen_debrief.hpp"
#include "screen_player.hpp"

#include <optional>
#include <string>
#include <vector>

namespace measured::ui {

enum class WorkshopStage { warning, scene, consequence, ending };
// waiting: not started for this decision; stopped: the trainer stopped it (the group decided);
// expired: a countdown ran out.
enum class ClockState { waiting, running, stopped, expired };

struct VoteOption {
    int option = 0;                      // position in the list offered
    std::string label;
    int votes = 0;
    int percent = 0;                     // of the votes cast
    bool leading = false;                // the plurality (no tie)
    std::vector<RatingItem> ratings;     // console only: what the scenario rates this option
};

struct WorkshopStepItem {                // one decision of a branch, for timelines
    int number = 0;
    std::string scene_title;
    std::string played;                  // label, or the time-out
    bool timed_out = false;
    double seconds = 0;                  // on the clock
    std::vector<VoteOption> votes;       // empty: no vote taken
    int total_votes = 0;
    bool overridden = false;
    std::string reason;
    Rating worst = Rating::compliant;    // of the ratings of what was played
    bool rated = false;
    bool critical = false;
};

struct BranchItem {
    int index = 0;
    std::string name;                    // "Main line", "What if 1"
    std::string from;                    // "from decision 3 of the main line", "" for the main line
    int decisions = 0;
    std::string ending_title, outcome;   // "" while unfinished
    bool current = false;
    std::vector<PrincipleBar> principles;
};

struct FlagItem {
    std::string time;                    // "12:05" since the start
    std::string where;                   // "before decision 3 (The kitchen door)", "at the ending"
    std::string branch;                  // "" on the main line
    std::string note;
};

struct GroupDebriefView {
    std::string ending_title, outcome, ending_text, summary;
    bool complete = false;
    double clock_seconds = 0;            // on the clock, over the path played
    std::vector<WorkshopStepItem> path;  // the main line
    std::vector<CriticalItem> critical;
    std::vector<PrincipleBar> principles;
    std::vector<FlagItem> flags;
    std::vector<BranchItem> branches;    // the main line first
    std::vector<std::string> discussion;
};

struct ProjectorToggles {
    bool votes = false, feedback = false, discussion = false, notes = false, debrief = false, high_contrast = false;
};

struct ConsoleView {
    std::string scenario_title, started, group;
    WorkshopStage stage = WorkshopStage::scene;
    std::vector<std::string> warnings;
    std::string role, scene_title, text;
    std::vector<DialogueLine> dialogue;
    std::vector<std::string> facts;
    std::string image_path, image_alt;
    int decision = 1;
    int branch = 0;
    std::string branch_name;
    // The decision being made.
    std::vector<VoteOption> options;
    int total_votes = 0;
    bool tie = false;
    std::string timeout_label;           // "" when the scene has no time-out
    ClockState clock = ClockState::waiting;
    double clock_seconds = 0;
    bool timed = false;
    double time_limit = 0, remaining = 0;
    // For the trainer.
    std::vector<std::string> discussion;
    std::string trainer_notes;
    // After a decision: what was played and what it is rated.
    FeedbackView feedback;
    bool overridden = false;
    std::string reason;
    // At an ending.
    std::string ending_title, outcome, ending_text;
    GroupDebriefView debrief;
    std::vector<WorkshopStepItem> timeline;   // this branch so far
    std::vector<BranchItem> branches;
    std::vector<FlagItem> flags;
    ProjectorToggles projected;
    std::string record_path, message;
    double elapsed = 0;                  // since the workshop began
};

struct ProjectorView {
    bool active = false;
    ProjectorToggles projected;
    WorkshopStage stage = WorkshopStage::scene;
    std::string scenario_title;
    std::vector<std::string> warnings;
    std::string role, scene_title, text;
    std::vector<DialogueLine> dialogue;
    std::vector<std::string> facts;
    std::string image_path, image_alt;
    int decision = 1;
    std::vector<std::string> options;
    bool timed = false;
    ClockState clock = ClockState::waiting;
    double time_limit = 0, remaining = 0;
    std::vector<VoteOption> votes;       // filled only while the trainer shows them (no ratings)
    int total_votes = 0;
    std::string played, narration;       // after a decision
    std::vector<RatingItem> ratings;     // filled only when the feedback is revealed
    std::vector<std::string> discussion; // only when revealed
    std::string notes;                   // only when revealed
    std::string ending_title, outcome, ending_text;
    std::optional<GroupDebriefView> debrief;   // only when the trainer shows it
    bool reduce_motion = false;
};

struct ConsoleUiState {
    bool flag_open = false;
    char flag_note[512] = {};
    int override_option = -2;            // the option whose override reason is being typed (-2: none)
    char reason[512] = {};
    char group[128] = {};
    int tab = 0;                         // 0 decision, 1 timeline, 2 debrief
    bool group_loaded = false;
};

void draw_workshop_console(const ConsoleView& vm, ConsoleUiState& st, Textures* textures, Commands& out);
// The projector: no controls, nothing to click; it only draws.
void draw_projector(const ProjectorView& vm, Textures* textures);

}  // namespace measured::ui
