// The runner end to end, headless: the real library, catalogue, controller and screens, clicked
// and typed through like a trainee would.

#include "helpers.hpp"
#include "rich_text.hpp"
#include "session_file.hpp"
#include "theme.hpp"
#include "ui_harness.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace measured;
using namespace measured::test;

namespace {

// Plays the open scenario to its end by clicking the first choice offered each time (and Continue
// after each feedback). Returns the number of decisions made.
int click_through(RunnerFixture& r) {
    int decisions = 0;
    for (int guard = 0; guard < 60 && r.controller.screen() == ui::Screen::player; ++guard) {
        const ui::PlayerView& v = r.controller.player_view();
        if (v.show_feedback) {
            REQUIRE(r.click(v.feedback.last ? "See the debrief" : "Continue"));
            continue;
        }
        REQUIRE_FALSE(v.choices.empty());
        const std::string label = v.choices.front().label;
        INFO(r.ui.dump());
        REQUIRE(r.click(ui::plain_text(label)));
        ++decisions;
    }
    return decisions;
}

}  // namespace

TEST_SUITE("ui/runner") {

TEST_CASE("clicking through a whole scenario in Learn mode reaches its debrief and exports it") {
    TempDir config, data;
    RunnerFixture r(config.path(), data.path());
    REQUIRE(r.controller.screen() == ui::Screen::library);
    r.state.library.search = "knife";   // as typed into the search field
    REQUIRE(r.click("Knife in the kitchen"));
    REQUIRE(r.click("Start in Learn mode"));
    REQUIRE(r.controller.screen() == ui::Screen::warning);
    CHECK(r.ui.shows("Content warning"));
    REQUIRE(r.click("Continue to the scenario"));
    REQUIRE(r.controller.screen() == ui::Screen::player);
    INFO(r.ui.dump());
    CHECK(r.ui.shows("The stairwell"));

    // The first decision gives feedback with ratings in words, and is autosaved.
    const std::string first = r.controller.player_view().choices.front().label;
    REQUIRE(r.click(ui::plain_text(first)));
    const ui::PlayerView& v = r.controller.player_view();
    REQUIRE(v.show_feedback);
    CHECK(r.ui.shows("How it measures up"));
    CHECK_FALSE(v.feedback.ratings.empty());
    CHECK(r.ui.shows(ui::rating_label(v.feedback.ratings.front().rating)));
    CHECK(fs::exists(r.controller.autosave_path()));

    const int decisions = 1 + click_through(r);
    REQUIRE(r.controller.screen() == ui::Screen::debrief);
    const ui::DebriefView& d = r.controller.debrief_view();
    CHECK(d.complete);
    CHECK(static_cast<int>(d.timeline.size()) == decisions);
    CHECK(r.ui.shows(d.ending_title));
    CHECK(r.ui.shows("By principle"));
    CHECK(r.ui.shows("Questions for discussion"));

    // Finished: no longer resumable, kept as a record.
    CHECK_FALSE(fs::exists(fs::path(data.path()) / "sessions" / "knife-in-the-kitchen.toml"));
    CHECK(fs::exists(fs::path(data.path()) / "completed" / "knife-in-the-kitchen-7-learn.toml"));

    REQUIRE(r.click("Export Markdown"));
    const fs::path md = fs::path(data.path()) / "reports" / "knife-in-the-kitchen-7.md";
    REQUIRE(fs::exists(md));
    CHECK(read_file(md.string()).find("Knife in the kitchen") != std::string::npos);
    CHECK(r.ui.shows(md.string()));
    REQUIRE(r.click("Export JSON"));
    CHECK(fs::exists(fs::path(data.path()) / "reports" / "knife-in-the-kitchen-7.json"));
}

TEST_CASE("the keyboard alone plays a scenario: arrows, Space and Enter in the library, digits and Enter after") {
    TempDir config, data;
    RunnerFixture r(config.path(), data.path());
    // The arrows move the visible focus down the list until it reaches the scenario; Space selects it.
    bool reached = false;
    for (int i = 0; i < 40 && !reached; ++i) {
        r.press(ui::Key::down);
        for (const auto& item : r.ui.items())
            if (item.focused && item.label == "Knife in the kitchen") reached = true;
    }
    INFO(r.ui.dump());
    REQUIRE(reached);
    r.press(ui::Key::space);
    CHECK(r.state.library.selected == r.entry_of("knife-in-the-kitchen"));
    r.press(ui::Key::enter);
    REQUIRE(r.controller.screen() == ui::Screen::warning);
    r.press(ui::Key::enter);
    REQUIRE(r.controller.screen() == ui::Screen::player);
    int decisions = 0;
    for (int guard = 0; guard < 60 && r.controller.screen() == ui::Screen::player; ++guard) {
        if (r.controller.player_view().show_feedback) {
            r.press(ui::Key::enter);
            continue;
        }
        const std::size_t before = r.controller.session()->history().size();
        INFO(r.controller.player_view().choices.size(), " choices, paused ", r.controller.player_view().paused);
        r.press_digit(static_cast<int>(r.controller.player_view().choices.size()));   // the last option
        REQUIRE(r.controller.session()->history().size() == before + 1);
        ++decisions;
    }
    REQUIRE(r.controller.screen() == ui::Screen::debrief);
    CHECK(decisions >= 1);
    r.press(ui::Key::f3);
    CHECK(r.controller.screen() == ui::Screen::standards);
    r.press(ui::Key::f4);
    CHECK(r.controller.screen() == ui::Screen::settings);
    r.press(ui::Key::f2);
    CHECK(r.controller.screen() == ui::Screen::library);
    r.press(ui::Key::f1);
    CHECK(r.ui.shows("Keyboard"));
}

TEST_CASE("Learn mode goes back one decision, Assess mode gives no feedback and no way back") {
    TempDir config, data;
    RunnerFixture r(config.path(), data.path());
    const int entry = r.entry_of("knife-in-the-kitchen");
    r.controller.apply(ui::cmd::Start{entry, ui::Mode::learn}, r.now);
    r.controller.apply(ui::cmd::AcceptWarning{}, r.now);
    r.step();
    const std::string scene = r.controller.player_view().scene_title;
    r.press_digit(1);
    REQUIRE(r.controller.player_view().show_feedback);
    REQUIRE(r.click("Go back and try another option"));
    CHECK_FALSE(r.controller.player_view().show_feedback);
    CHECK(r.controller.session()->history().empty());
    CHECK(r.controller.player_view().scene_title == scene);

    r.controller.apply(ui::cmd::Leave{}, r.now);
    r.controller.apply(ui::cmd::Start{entry, ui::Mode::assess}, r.now);
    r.controller.apply(ui::cmd::AcceptWarning{}, r.now);
    r.step();
    r.press_digit(1);
    const ui::PlayerView& v = r.controller.player_view();
    CHECK_FALSE(v.show_feedback);
    CHECK(v.decision == 2);
    CHECK_FALSE(v.can_rewind);
    CHECK(r.ui.find("Back one decision") == nullptr);
    r.controller.apply(ui::cmd::Rewind{0}, r.now);
    CHECK(r.controller.session()->history().size() == 1);   // refused
    r.step();
    CHECK_FALSE(r.ui.shows("How it measures up"));
}

TEST_CASE("an interrupted session is offered on the next start and resumes at the same decision") {
    TempDir config, data;
    std::string scene;
    {
        RunnerFixture r(config.path(), data.path());
        r.controller.apply(ui::cmd::Start{r.entry_of("tail-light-stop"), ui::Mode::assess}, r.now);
        r.controller.apply(ui::cmd::AcceptWarning{}, r.now);
        r.step();
        r.press_digit(1);
        r.press_digit(1);
        REQUIRE(r.controller.session()->history().size() == 2);
        scene = r.controller.player_view().scene_title;
        // The runner goes away without leaving (a crash, a power cut).
    }
    RunnerFixture r(config.path(), data.path());
    const auto& resumable = r.controller.library_view().resumable;
    REQUIRE(resumable.size() == 1);
    CHECK(resumable[0].decisions == 2);
    CHECK(resumable[0].mode == "assess");
    CHECK(r.ui.shows("Unfinished: Tail-light stop"));
    REQUIRE(r.click("Resume"));
    REQUIRE(r.controller.screen() == ui::Screen::player);
    CHECK(r.controller.player_view().decision == 3);
    CHECK(r.controller.player_view().scene_title == scene);
    CHECK(r.controller.player_view().mode == ui::Mode::assess);
}

TEST_CASE("a saved session that no longer fits its scenario is shown with the reason and can be discarded") {
    TempDir config, data, library;
    fs::copy(source_path("scenarios/use-of-force/last-bus"), fs::path(library.path()) / "last-bus", fs::copy_options::recursive);
    {
        RunnerFixture r(config.path(), data.path(), library.path());
        r.controller.apply(ui::cmd::Start{0, ui::Mode::learn}, r.now);
        r.controller.apply(ui::cmd::AcceptWarning{}, r.now);
        r.step();
        r.press_digit(1);
        REQUIRE(fs::exists(r.controller.autosave_path()));
    }
    // The author publishes a new version.
    const std::string file = (fs::path(library.path()) / "last-bus" / "scenario.toml").string();
    std::string text = read_file(file);
    text = replace_first(text, "version = \"1.1.0\"", "version = \"1.2.0\"");
    TempDir scratch;
    fs::copy_file(scratch.write("s.toml", text), file, fs::copy_options::overwrite_existing);
    RunnerFixture r(config.path(), data.path(), library.path());
    REQUIRE(r.controller.library_view().resumable.size() == 1);
    CHECK(r.controller.library_view().resumable[0].problem.find("E702") != std::string::npos);
    CHECK(r.ui.find("Resume") == nullptr);
    REQUIRE(r.click("Discard"));
    CHECK(r.controller.library_view().resumable.empty());
    CHECK_FALSE(fs::exists(fs::path(data.path()) / "sessions" / "last-bus.toml"));
}

TEST_CASE("the countdown times out, pauses, and follows the trainee's timer setting") {
    TempDir config, data, library;
    library.write("timed.toml", minimal_scenario("", R"(time_limit = 20
timeout = { target = "end", narration = "You wait too long." }
)"));
    RunnerFixture r(config.path(), data.path(), library.path());
    r.controller.apply(ui::cmd::Start{0, ui::Mode::learn}, r.now);
    r.step();
    REQUIRE(r.controller.player_view().timed);
    CHECK(r.controller.timer_running());
    CHECK(r.ui.shows("20 seconds left to decide"));

    r.now += 5;
    r.press(ui::Key::p);   // pause
    CHECK_FALSE(r.controller.timer_running());
    r.now += 100;          // a long pause costs nothing
    r.step();
    CHECK(r.controller.session()->history().empty());
    CHECK(r.ui.find("Resume  P") != nullptr);
    r.press(ui::Key::p);
    r.now += 14;
    r.step();
    CHECK(r.controller.session()->history().empty());
    r.now += 2;
    r.step();   // the clock runs out during this frame
    r.step();   // and this one shows it
    REQUIRE(r.controller.session()->history().size() == 1);
    CHECK(r.controller.session()->history()[0].timed_out);
    CHECK(r.controller.session()->history()[0].seconds == doctest::Approx(20).epsilon(0.1));
    CHECK(r.ui.shows("The time ran out before you decided"));

    // Timers ×2: the same scene now gives forty seconds, recorded in the session.
    Settings s = r.controller.settings();
    s.timers = TimerSetting::x2;
    r.controller.apply(ui::cmd::ChangeSettings{s}, r.now);
    r.controller.apply(ui::cmd::Start{0, ui::Mode::learn}, r.now);
    r.step();
    CHECK(r.controller.player_view().time_limit == doctest::Approx(40));
    CHECK(r.controller.session()->timer_scale == doctest::Approx(2));
    s.timers = TimerSetting::off;
    r.controller.apply(ui::cmd::ChangeSettings{s}, r.now);
    r.step();
    CHECK_FALSE(r.controller.timer_running());
}

TEST_CASE("a cited provision opens in the standards browser and the way back returns to the feedback") {
    TempDir config, data;
    RunnerFixture r(config.path(), data.path());
    r.controller.apply(ui::cmd::Start{r.entry_of("knife-in-the-kitchen"), ui::Mode::learn}, r.now);
    r.controller.apply(ui::cmd::AcceptWarning{}, r.now);
    r.step();
    r.press_digit(1);
    const auto& ratings = r.controller.player_view().feedback.ratings;
    REQUIRE_FALSE(ratings.empty());
    const ui::CitedProvision* cite = nullptr;
    for (const auto& rating : ratings)
        if (!rating.cites.empty()) cite = &rating.cites.front();
    REQUIRE(cite);
    const std::string label = cite->label, id = cite->id;
    REQUIRE(r.click(label));
    REQUIRE(r.controller.screen() == ui::Screen::standards);
    r.step();
    CHECK(r.ui.shows(label));
    CHECK(r.ui.shows("Cited in the library"));
    CHECK(r.ui.shows("Knife in the kitchen"));
    REQUIRE(r.click("Back to the scenario"));
    CHECK(r.controller.screen() == ui::Screen::player);
    CHECK(r.controller.player_view().show_feedback);
}

TEST_CASE("replay from a decision in the debrief plays another branch") {
    TempDir config, data;
    RunnerFixture r(config.path(), data.path(), "", 5000);   // a tall screen: the whole debrief is visible
    r.controller.apply(ui::cmd::Start{r.entry_of("last-bus"), ui::Mode::assess}, r.now);
    r.controller.apply(ui::cmd::AcceptWarning{}, r.now);
    r.step();
    for (int guard = 0; guard < 40 && r.controller.screen() == ui::Screen::player; ++guard) r.press_digit(1);
    REQUIRE(r.controller.screen() == ui::Screen::debrief);
    const std::size_t made = r.controller.session()->history().size();
    REQUIRE(made >= 2);
    r.step();
    REQUIRE(r.click("Replay from here"));   // the first decision's button
    CHECK(r.controller.screen() == ui::Screen::player);
    CHECK(r.controller.session()->history().empty());
    // Finishing the replayed branch keeps both records.
    for (int guard = 0; guard < 40 && r.controller.screen() == ui::Screen::player; ++guard) r.press_digit(2);
    REQUIRE(r.controller.screen() == ui::Screen::debrief);
    CHECK(fs::exists(fs::path(data.path()) / "completed" / "last-bus-7-assess.toml"));
    CHECK(fs::exists(fs::path(data.path()) / "completed" / "last-bus-7-assess-2.toml"));
}

}
