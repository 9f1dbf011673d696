// The controller: owns the library, the catalogue, the settings and the session being played;
// applies the screens' commands; builds the view-models they draw; autosaves after every decision.
// No ImGui calls and no clock: the app passes the time in, so tests drive it step by step.
#pragma once

#include "catalogue.hpp"
#include "commands.hpp"
#include "debrief.hpp"
#include "library.hpp"
#include "graph.hpp"
#include "screen_author.hpp"
#include "screen_debrief.hpp"
#include "screen_library.hpp"
#include "screen_player.hpp"
#include "screen_settings.hpp"
#include "screen_standards.hpp"
#include "screen_workshop.hpp"
#include "session.hpp"
#include "workshop.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace measured::ui {

struct ControllerConfig {
    std::string library_dir;
    std::string standards_dir;
    std::string config_dir;                  // settings.toml lives here ("" = do not save)
    std::string data_dir;                    // sessions/, completed/, reports/ ("" = do not save)
    std::function<std::uint64_t()> make_seed;
    // The local date and time ("2026-11-23 14:05") for workshop records; the app reads the clock.
    std::function<std::string()> local_time;
};

class Controller {
public:
    Controller(ControllerConfig config, Settings settings);

    // Loads the catalogue, the library and the unfinished sessions.
    void load();

    void apply(const Command& c, double now);
    void apply_all(Commands& commands, double now);
    // Advances the countdown; a timer that ran out makes the timeout decision.
    void tick(double now);
    // True while a countdown runs: the main loop must keep waking up.
    [[nodiscard]] bool timer_running() const;

    // Author mode: reloads the watched scenario when its bytes changed (and everything when the
    // catalogue's files did), replaying the choices back to the same place. Returns true when it
    // reloaded. The app calls it a few times a second while Author mode is on.
    bool check_files(double now);
    [[nodiscard]] bool author_active() const { return author_ != nullptr; }
    [[nodiscard]] const AuthorView& author_view() const { return author_view_; }

    // Workshop mode: the trainer's console and the projector (a second window in the app).
    [[nodiscard]] bool workshop_active() const { return workshop_ != nullptr; }
    [[nodiscard]] const ConsoleView& console_view() const { return console_view_; }
    [[nodiscard]] const ProjectorView& projector_view() const { return projector_view_; }
    // Where the workshop record is saved ("" when none).
    [[nodiscard]] std::string workshop_path() const { return workshop_ ? workshop_->path : std::string(); }

    [[nodiscard]] Screen screen() const { return screen_; }
    [[nodiscard]] const Settings& settings() const { return settings_; }
    [[nodiscard]] const LibraryView& library_view() const { return library_view_; }
    [[nodiscard]] const WarningView& warning_view() const { return warning_view_; }
    [[nodiscard]] const PlayerView& player_view() const { return player_view_; }
    [[nodiscard]] const DebriefView& debrief_view() const { return debrief_view_; }
    [[nodiscard]] const StandardsView& standards_view() const { return standards_view_; }
    [[nodiscard]] const SettingsView& settings_view() const { return settings_view_; }
    [[nodiscard]] const Library& library() const { return library_; }
    [[nodiscard]] const Catalogue* catalogue() const { return catalogue_ ? &*catalogue_ : nullptr; }
    [[nodiscard]] const Session* session() const { return session_ ? &*session_ : nullptr; }
    // The scenario being played, or "" (for the window title).
    [[nodiscard]] std::string playing_title() const;
    // Where the running session is autosaved ("" when none).
    [[nodiscard]] std::string autosave_path() const;
    // Settings the app must act on (font, theme) changed since the last call.
    [[nodiscard]] bool take_settings_changed();
    void set_font_report(std::string font);

private:
    struct Saved;
    void start(int entry, Mode mode, double now);
    void begin_scene(double now);
    void after_decision(double now);
    void autosave();
    void finish();
    void scan_saved();
    void build_library_view();
    void build_standards_view();
    void build_player_view(double now);
    void build_debrief_view();
    void build_settings_view();
    void open_author(const std::string& path, double now);
    void reload_author(double now);
    void build_author_view();
    // A new draft session: from `node` (the start when < 0) with `values` (the initial ones when empty).
    void start_author_session(const Scenario& s, int node, std::vector<std::int64_t> values);
    void start_workshop(int entry, double now);
    void resume_workshop(Saved saved, double now);
    void scan_workshops();
    void apply_workshop(const Command& c, double now);
    void begin_decision(double now);
    void workshop_play(int option, const std::string& reason, double now);
    void save_workshop_record();
    void build_workshop_views(double now);
    [[nodiscard]] double clock_seconds(double now) const;
    [[nodiscard]] GroupDebriefView group_debrief_view(const GroupDebrief& g) const;
    [[nodiscard]] double elapsed(double now) const;
    [[nodiscard]] std::vector<CitedProvision> cited(const std::vector<std::string>& ids) const;
    [[nodiscard]] std::vector<RatingItem> rating_items(const std::vector<RatedPrinciple>& r) const;
    // The feedback on the last decision of a debrief (Learn mode's, Author mode's, the workshop console's).
    [[nodiscard]] FeedbackView last_feedback(const Debrief& d, bool last) const;

    ControllerConfig config_;
    Settings settings_;
    bool settings_changed_ = true;
    std::optional<Catalogue> catalogue_;
    std::string catalogue_error_;
    Library library_;

    struct Saved {
        std::string path;
        std::string scenario_id;
        std::optional<Session> session;   // restored, unfinished
        Mode mode = Mode::learn;
        std::string problem;
        std::optional<WorkshopRecord> workshop;   // a workshop the runner stopped before it was ended
    };
    std::vector<Saved> saved_;

    // The run in progress.
    int entry_ = -1;
    Mode mode_ = Mode::learn;
    std::optional<Session> session_;
    bool feedback_ = false;                // Learn mode: showing the feedback on the last decision
    double scene_started_ = 0;
    double paused_at_ = -1;                // < 0: running
    double paused_total_ = 0;

    // Author mode: the watched file and the last version of it that loaded (the session plays it).
    struct Author {
        std::string path;
        std::uint64_t stamp = 0;            // of the file's bytes
        std::uint64_t catalogue_stamp = 0;  // of the catalogue files' names, sizes and times
        std::unique_ptr<Scenario> scenario;
        Diagnostics diagnostics;
        std::string status;
        bool stale = false;
        int reloads = 0;
        ScenarioMap map;
    };
    std::unique_ptr<Author> author_;
    AuthorView author_view_;

    // Workshop mode: the record (every branch), the branch being played, the decision's votes and clock.
    struct Workshop {
        WorkshopRecord record;
        std::string path;                   // the record, saved after every change
        std::size_t branch = 0;
        WorkshopStage stage = WorkshopStage::scene;
        std::vector<int> votes;             // per option offered now
        ClockState clock = ClockState::waiting;
        double clock_since = 0;             // when it last started running
        double clock_total = 0;             // seconds run before that
        double began = 0;
        ProjectorToggles projected;
        std::string message;
    };
    std::unique_ptr<Workshop> workshop_;
    ConsoleView console_view_;
    ProjectorView projector_view_;

    Screen screen_ = Screen::library;
    Screen before_standards_ = Screen::library;

    LibraryView library_view_;
    WarningView warning_view_;
    PlayerView player_view_;
    DebriefView debrief_view_;
    StandardsView standards_view_;
    SettingsView settings_view_;
    std::string font_report_;
};

}  // namespace measured::ui
