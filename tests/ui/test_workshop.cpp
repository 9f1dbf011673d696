// Workshop mode, headless: the real library, the real console and projector screens in two ImGui
// contexts, driven by clicks and keys. Votes, the clock that waits for the trainer, playing the vote
// and overriding it with a reason, flags, "what if" branches, the group debrief, the exports, the
// record on disk, and the rule that the projector never shows trainer notes, ratings or feedback
// unless the trainer reveals them.

#include "helpers.hpp"
#include "strings.hpp"
#include "ui_harness.hpp"
#include "workshop.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace measured;
using namespace measured::test;

namespace {

std::string tr_text(const char* key) { return ui::tr(key); }

struct Workshop {
    TempDir config, data;
    RunnerFixture f{config.path(), data.path()};
    UiHarness projector{1920, 1080};

    explicit Workshop(const std::string& id = "knife-in-the-kitchen") {
        const int entry = f.entry_of(id);
        REQUIRE(entry >= 0);
        f.controller.apply(ui::cmd::StartWorkshop{entry}, f.now);
        f.step();
        REQUIRE(f.controller.screen() == ui::Screen::workshop);
        if (console().stage == ui::WorkshopStage::warning) {
            f.press(ui::Key::enter);
        }
        REQUIRE(console().stage == ui::WorkshopStage::scene);
    }
    const ui::ConsoleView& console() const { return f.controller.console_view(); }
    const ui::ProjectorView& shown() const { return f.controller.projector_view(); }
    void project() {
        projector.frame([&] { ui::draw_projector(f.controller.projector_view(), nullptr); });
    }
    [[nodiscard]] WorkshopRecord record_on_disk() const {
        Diagnostics diags;
        auto r = read_workshop_file(f.controller.workshop_path(), diags);
        REQUIRE_MESSAGE(r, (diags.items().empty() ? std::string() : format_diagnostic(diags.items().front())));
        return *r;
    }
    // Plays an option with the console's own button for a unanimous vote.
    void play_unanimous(int option) {
        f.controller.apply(ui::cmd::SetVotes{option, 10}, f.now);
        f.step();
        REQUIRE(f.click("Play"));
        REQUIRE(console().stage == ui::WorkshopStage::consequence);
        f.press(ui::Key::enter);
    }
};

// The option leading (maybe by chance) to a scene with a countdown, else the first.
int option_towards_timed_scene(const Session& s) {
    const Scenario& sc = s.scenario();
    const auto offered = s.available_choices();
    auto timed = [&](int node) { return node >= 0 && !sc.is_ending(node) && sc.scene(node).time_limit > 0; };
    for (std::size_t i = 0; i < offered.size(); ++i) {
        const Choice& c = s.scene()->choices[static_cast<std::size_t>(offered[i])];
        if (timed(c.target.node)) return static_cast<int>(i);
        for (const auto& o : c.outcomes)
            if (timed(o.target.node)) return static_cast<int>(i);
    }
    return 0;
}

// A stretch of the text without markup, so it reads the same on screen as in the file.
std::string snippet(const std::string& text) {
    std::string best, run;
    for (char c : text + "*") {
        if (std::string("*_{}[]\n").find(c) != std::string::npos) {
            if (run.size() > best.size()) best = run;
            run.clear();
        } else {
            run += c;
        }
    }
    const auto start = best.find_first_not_of(' ');
    return start == std::string::npos ? std::string() : best.substr(start, 32);
}

}  // namespace

TEST_CASE("votes are entered with keys and buttons, and shown on the projector only when the trainer chooses") {
    Workshop w;
    REQUIRE(w.console().options.size() >= 3);
    w.f.press_digit(2);
    w.f.press_digit(2);
    w.f.press_digit(2);
    w.f.press_shift_digit(2);
    w.f.press_digit(1);
    CHECK(w.console().options[0].votes == 1);
    CHECK(w.console().options[1].votes == 2);
    CHECK(w.console().total_votes == 3);
    CHECK(w.console().options[1].leading);
    CHECK(w.console().options[1].percent == 67);
    REQUIRE(w.f.click("+"));   // the first row's +
    CHECK(w.console().options[0].votes == 2);
    CHECK(w.console().tie);
    CHECK_FALSE(w.console().options[1].leading);
    // Breaking a tie is the trainer's decision: it needs a reason like any override.
    w.f.controller.apply(ui::cmd::Play{0, ""}, w.f.now);
    CHECK(w.console().stage == ui::WorkshopStage::scene);

    // Hidden from the room until the trainer shows them.
    w.project();
    CHECK(w.shown().votes.empty());
    CHECK_FALSE(w.projector.shows("2 · 50%"));
    w.f.press(ui::Key::v);
    w.project();
    REQUIRE(w.shown().votes.size() == w.console().options.size());
    CHECK(w.projector.shows("2 · 50%"));
    CHECK(w.projector.shows("4 votes"));
    // The projector's votes carry no ratings.
    for (const auto& o : w.shown().votes) CHECK(o.ratings.empty());
    w.f.press(ui::Key::v);
    CHECK(w.shown().votes.empty());
}

TEST_CASE("the clock waits for the trainer, and a countdown that runs out offers the time-out") {
    Workshop w;
    CHECK(w.console().clock == ui::ClockState::waiting);
    w.f.now += 40;
    w.f.step();
    CHECK(w.console().clock_seconds == 0);
    CHECK_FALSE(w.f.controller.timer_running());
    w.f.press(ui::Key::c);
    CHECK(w.console().clock == ui::ClockState::running);
    CHECK(w.f.controller.timer_running());
    w.f.now += 12;
    w.f.step();
    CHECK(w.console().clock_seconds == doctest::Approx(12));
    w.f.press(ui::Key::c);
    CHECK(w.console().clock == ui::ClockState::stopped);
    w.f.now += 100;
    w.f.step();
    CHECK(w.console().clock_seconds == doctest::Approx(12));
    w.play_unanimous(1);
    CHECK(w.record_on_disk().branches[0].decisions[0].decision.seconds == doctest::Approx(12));

    // Play on towards a timed scene, then let its countdown run out.
    for (int guard = 0; guard < 12 && !w.console().timed; ++guard) {
        REQUIRE(w.console().stage == ui::WorkshopStage::scene);
        w.play_unanimous(option_towards_timed_scene(*w.f.controller.session()));
    }
    REQUIRE(w.console().timed);
    REQUIRE_FALSE(w.console().timeout_label.empty());
    w.project();
    CHECK(w.projector.shows(tr_text("workshop.projector_waiting")));
    w.f.press(ui::Key::c);
    w.f.now += w.console().time_limit + 1;
    w.f.step();
    CHECK(w.console().clock == ui::ClockState::expired);
    CHECK_FALSE(w.f.controller.timer_running());
    w.project();
    CHECK(w.projector.shows(tr_text("workshop.clock_expired")));
    const std::size_t before = w.record_on_disk().branches[0].decisions.size();
    w.f.press(ui::Key::t);
    const WorkshopRecord r = w.record_on_disk();
    REQUIRE(r.branches[0].decisions.size() == before + 1);
    CHECK(r.branches[0].decisions.back().decision.timed_out);
    CHECK_FALSE(r.branches[0].decisions.back().overridden);
}

TEST_CASE("the trainer plays the vote, or overrides it with a reason that goes into the record") {
    Workshop w;
    w.f.controller.apply(ui::cmd::SetVotes{0, 4}, w.f.now);
    w.f.controller.apply(ui::cmd::SetVotes{1, 9}, w.f.now);
    w.f.step();
    // Without a reason an override is refused.
    w.f.controller.apply(ui::cmd::Play{0, ""}, w.f.now);
    w.f.step();
    CHECK(w.console().stage == ui::WorkshopStage::scene);
    CHECK(w.f.ui.shows(tr_text("workshop.reason_needed")));
    // With one, through the console: "Play instead…", type, Enter.
    REQUIRE(w.f.click("Play instead…"));
    CHECK(w.f.ui.shows(tr_text("workshop.reason_field")));
    w.f.type("The group skipped past the mother; we look at what she knows");
    w.f.press(ui::Key::enter);
    REQUIRE(w.console().stage == ui::WorkshopStage::consequence);
    CHECK(w.console().overridden);
    WorkshopRecord r = w.record_on_disk();
    REQUIRE(r.branches[0].decisions.size() == 1);
    const WorkshopDecision& d = r.branches[0].decisions[0];
    CHECK(d.overridden);
    CHECK(d.reason == "The group skipped past the mother; we look at what she knows");
    CHECK(plurality(d.votes) == d.votes[1].choice);
    CHECK(d.decision.choice == d.votes[0].choice);

    // The majority with M: no override.
    w.f.press(ui::Key::enter);
    w.f.controller.apply(ui::cmd::SetVotes{1, 3}, w.f.now);
    w.f.step();
    w.f.press(ui::Key::m);
    r = w.record_on_disk();
    REQUIRE(r.branches[0].decisions.size() == 2);
    CHECK_FALSE(r.branches[0].decisions[1].overridden);
    CHECK(r.branches[0].decisions[1].decision.choice == r.branches[0].decisions[1].votes[1].choice);
}

TEST_CASE("a flag with a note is one key, and shows on the debrief timeline") {
    Workshop w;
    w.f.now += 65;
    w.f.press(ui::Key::f);
    CHECK(w.f.ui.shows(tr_text("workshop.flag_note_field")));
    w.f.type("Good point about the mother");
    w.f.press(ui::Key::enter);
    w.play_unanimous(0);
    w.f.press(ui::Key::f);
    w.f.press(ui::Key::enter);   // no note
    const WorkshopRecord r = w.record_on_disk();
    REQUIRE(r.flags.size() == 2);
    CHECK(r.flags[0].note == "Good point about the mother");
    CHECK(r.flags[0].decisions == 0);
    CHECK(r.flags[0].at == doctest::Approx(65));
    CHECK(r.flags[1].note.empty());
    CHECK(r.flags[1].decisions == 1);
    REQUIRE(w.console().debrief.flags.size() == 2);
    CHECK(w.console().debrief.flags[0].time == "01:05");
    REQUIRE(w.f.click(tr_text("workshop.tab_debrief")));
    CHECK(w.f.ui.shows("Good point about the mother"));
}

TEST_CASE("what if: rewinding starts a branch, and every branch stays in the record") {
    Workshop w;
    w.play_unanimous(0);
    w.play_unanimous(0);
    const WorkshopRecord before = w.record_on_disk();
    REQUIRE(before.branches.size() == 1);
    REQUIRE(before.branches[0].decisions.size() == 2);

    REQUIRE(w.f.click(tr_text("workshop.tab_timeline")));
    REQUIRE(w.f.click("What if…", 2));   // decision 2's
    CHECK(w.console().branch == 1);
    CHECK(w.console().decision == 2);
    w.play_unanimous(1);
    WorkshopRecord r = w.record_on_disk();
    REQUIRE(r.branches.size() == 2);
    CHECK(r.branches[0].decisions.size() == 2);   // the path played is untouched
    CHECK(r.branches[0].decisions[1].decision.choice == before.branches[0].decisions[1].decision.choice);
    CHECK(r.branches[1].parent == 0);
    CHECK(r.branches[1].fork == 1);
    REQUIRE(r.branches[1].decisions.size() == 2);
    CHECK(r.branches[1].decisions[1].decision.choice != r.branches[0].decisions[1].decision.choice);

    // Back to the main line, where it stopped; each branch replays from the record.
    w.f.controller.apply(ui::cmd::SwitchBranch{0}, w.f.now);
    w.f.step();
    CHECK(w.console().branch == 0);
    CHECK(w.console().decision == 3);
    const Scenario& sc = *w.f.controller.library().find("knife-in-the-kitchen")->scenario;
    Diagnostics diags;
    for (std::size_t b = 0; b < r.branches.size(); ++b) CHECK(replay_branch(sc, r, b, "record", diags));
    CHECK(w.console().debrief.branches.size() == 2);
}

TEST_CASE("the projector never shows trainer notes, discussion, ratings or feedback unless revealed") {
    Workshop w;
    const Scenario& sc = *w.f.controller.library().find("knife-in-the-kitchen")->scenario;
    int checked_notes = 0, checked_feedback = 0;
    for (int guard = 0; guard < 15 && w.console().stage == ui::WorkshopStage::scene; ++guard) {
        const Scene& scene = sc.scene(sc.find_node(w.f.controller.session()->scene()->id));
        w.project();
        if (!scene.trainer_notes.empty()) {
            const std::string notes = snippet(scene.trainer_notes);
            REQUIRE(notes.size() > 10);
            CHECK(w.f.ui.shows(notes));   // the console has them …
            CHECK_FALSE(w.projector.shows(notes));   // … the projector does not
            ++checked_notes;
            w.f.press(ui::Key::n);
            w.project();
            CHECK(w.projector.shows(notes));
            w.f.press(ui::Key::n);
            w.project();
            CHECK_FALSE(w.projector.shows(notes));
        }
        for (const auto& q : scene.discussion) CHECK_FALSE(w.projector.shows(snippet(q)));
        for (const auto& c : scene.choices)
            for (const auto& a : c.assessments) CHECK_FALSE(w.projector.shows(snippet(a.feedback)));
        CHECK(w.shown().ratings.empty());
        CHECK(w.shown().notes.empty());
        CHECK(w.shown().discussion.empty());

        // After the decision: the consequence is for the room, the ratings are not (until R).
        w.f.controller.apply(ui::cmd::SetVotes{0, 5}, w.f.now);
        w.f.step();
        REQUIRE(w.f.click("Play"));
        w.project();
        const auto& ratings = w.console().feedback.ratings;
        for (const auto& r : ratings) {
            CHECK_FALSE(w.projector.shows(snippet(r.feedback)));
            ++checked_feedback;
        }
        if (!ratings.empty()) {
            w.f.press(ui::Key::r);
            w.project();
            CHECK(w.projector.shows(snippet(ratings.front().feedback)));
        }
        w.f.press(ui::Key::enter);
        // A new decision hides everything again.
        CHECK_FALSE(w.shown().projected.feedback);
    }
    CHECK(checked_notes >= 2);
    CHECK(checked_feedback >= 2);
    REQUIRE(w.console().stage == ui::WorkshopStage::ending);
    // At the ending: the group debrief appears on the projector when the trainer shows it.
    w.project();
    CHECK_FALSE(w.projector.shows(tr_text("workshop.group_debrief")));
    w.f.press(ui::Key::d);
    w.project();
    CHECK(w.projector.shows(tr_text("workshop.group_debrief")));
    CHECK(w.projector.shows(tr_text("workshop.path_played")));
    const Ending& e = *w.f.controller.session()->ending();
    if (!e.trainer_notes.empty()) CHECK_FALSE(w.projector.shows(snippet(e.trainer_notes)));
}

TEST_CASE("the group debrief is exported as Markdown, HTML and JSON, and the record replays") {
    Workshop w;
    for (int guard = 0; guard < 15 && w.console().stage == ui::WorkshopStage::scene; ++guard) w.play_unanimous(0);
    REQUIRE(w.console().stage == ui::WorkshopStage::ending);
    CHECK(w.console().debrief.complete);
    CHECK_FALSE(w.console().debrief.path.empty());
    for (const char* format : {"Markdown", "HTML", "JSON"}) {
        REQUIRE(w.f.click(format));
        INFO(w.console().message);
        CHECK(w.console().message.find("reports") != std::string::npos);
    }
    const fs::path reports = fs::path(w.data.path()) / "reports";
    const std::string stem = fs::path(w.f.controller.workshop_path()).stem().string() + "-workshop";
    for (const char* ext : {".md", ".html", ".json"}) {
        std::ifstream in(reports / (stem + ext));
        REQUIRE_MESSAGE(in, (stem + ext));
        std::stringstream ss;
        ss << in.rdbuf();
        CHECK(ss.str().find("Knife in the kitchen") != std::string::npos);
    }
    // Ending the workshop keeps the record and adds nothing to the trainees' resume list.
    REQUIRE(w.f.click(tr_text("nav.leave_workshop")));
    CHECK(w.f.controller.screen() == ui::Screen::library);
    CHECK_FALSE(w.f.controller.workshop_active());
    CHECK(w.f.controller.library_view().resumable.empty());
    const std::string record = (fs::path(w.data.path()) / "workshops" / "knife-in-the-kitchen-20261123-1000.toml").string();
    Diagnostics diags;
    auto r = read_workshop_file(record, diags);
    REQUIRE(r);
    CHECK(r->started == "2026-11-23 10:00");
    CHECK(!r->branches[0].ending.empty());
}

TEST_CASE("a workshop the runner stopped mid-way is offered again and resumes at the end of the path played") {
    TempDir config, data;
    std::string path;
    {
        RunnerFixture f(config.path(), data.path());
        f.controller.apply(ui::cmd::StartWorkshop{f.entry_of("knife-in-the-kitchen")}, f.now);
        f.controller.apply(ui::cmd::AcceptWarning{}, f.now);
        f.controller.apply(ui::cmd::SetVotes{0, 8}, f.now);
        f.controller.apply(ui::cmd::Play{0, ""}, f.now);
        f.controller.apply(ui::cmd::Continue{}, f.now);
        f.controller.apply(ui::cmd::AddFlag{"before the door"}, f.now + 30);
        path = f.controller.workshop_path();
        // No "End the workshop": the process dies here.
    }
    {
        RunnerFixture f(config.path(), data.path());
        REQUIRE(f.controller.library_view().resumable.size() == 1);
        CHECK(f.controller.library_view().resumable[0].mode == "workshop");
        CHECK(f.controller.library_view().resumable[0].decisions == 1);
        REQUIRE(f.click("Resume"));
        REQUIRE(f.controller.workshop_active());
        CHECK(f.controller.workshop_path() == path);
        CHECK(f.controller.console_view().decision == 2);
        CHECK(f.controller.console_view().flags.size() == 1);
        f.controller.apply(ui::cmd::Play{0, ""}, f.now);
        REQUIRE(f.click(ui::tr("nav.leave_workshop")));
    }
    Diagnostics diags;
    const auto r = read_workshop_file(path, diags);
    REQUIRE(r);
    CHECK(r->ended);
    CHECK(r->branches[0].decisions.size() == 2);
    CHECK(r->flags.size() == 1);
    {
        // Ended: no longer offered, and the record is still there.
        RunnerFixture f(config.path(), data.path());
        CHECK(f.controller.library_view().resumable.empty());
        CHECK(fs::exists(path));
    }
}

TEST_CASE("setting aside a workshop record never deletes it, even one that no longer reads") {
    TempDir config, data;
    fs::create_directories(fs::path(data.path()) / "workshops");
    const std::string broken = (fs::path(data.path()) / "workshops" / "knife-in-the-kitchen-20261101-0900.toml").string();
    {
        std::ofstream out(broken);
        out << "measured_workshop = 1\nscenario_id = \"knife-in-the-kitchen\"\n";   // cut short: no version, seed or branch
    }
    RunnerFixture f(config.path(), data.path());
    REQUIRE(f.controller.library_view().resumable.size() == 1);
    CHECK(f.controller.library_view().resumable[0].mode == "workshop");
    CHECK_FALSE(f.controller.library_view().resumable[0].problem.empty());
    REQUIRE(f.click(ui::tr("library.set_aside")));
    CHECK(f.controller.library_view().resumable.empty());
    CHECK(fs::exists(broken));
}
