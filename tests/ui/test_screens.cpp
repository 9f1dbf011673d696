// Each screen on its own, over hand-made view-models: empty, typical and error cases. Checks what
// is shown and which commands the clicks emit.

#include "helpers.hpp"
#include "screen_debrief.hpp"
#include "screen_library.hpp"
#include "screen_player.hpp"
#include "screen_settings.hpp"
#include "screen_standards.hpp"
#include "theme.hpp"
#include "ui_harness.hpp"

#include <doctest/doctest.h>

#include <imgui.h>

using namespace measured;
using namespace measured::test;

namespace {

// Draws a screen inside a full-viewport window, as the frame does.
template <typename F>
std::function<void()> in_window(F&& f) {
    return [f] {
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##test", nullptr, ImGuiWindowFlags_NoDecoration);
        f();
        ImGui::End();
    };
}

template <typename T>
const T* last_of(const ui::Commands& out) {
    for (auto it = out.rbegin(); it != out.rend(); ++it)
        if (const T* c = std::get_if<T>(&*it)) return c;
    return nullptr;
}

ui::LibraryItem item(int entry, std::string title, std::vector<std::string> topics, std::string language = "en") {
    ui::LibraryItem i;
    i.entry = entry;
    i.usable = true;
    i.id = "s" + std::to_string(entry);
    i.title = std::move(title);
    i.summary = "A summary of " + i.title + ".";
    i.language = std::move(language);
    i.difficulty = "intermediate";
    i.minutes = 30;
    i.topics = std::move(topics);
    i.audience = {"patrol-officers"};
    i.objectives = {"Learn something."};
    return i;
}

ui::RatingItem rating(Rating r, std::string principle, std::vector<ui::CitedProvision> cites = {}) {
    ui::RatingItem i;
    i.principle_name = std::move(principle);
    i.rating = r;
    i.feedback = "Because of the reasons.";
    i.cites = std::move(cites);
    return i;
}

}  // namespace

TEST_SUITE("ui/screens") {

TEST_CASE("library: empty, typical with filters and search, and a broken file with its diagnostics") {
    UiHarness ui;
    ui::Commands out;
    ui::LibraryUiState st;

    SUBCASE("empty") {
        ui::LibraryView vm;
        vm.folder = "/nowhere";
        ui.frame(in_window([&] { ui::draw_library(vm, st, out); }));
        CHECK(ui.shows("No scenarios were found in /nowhere."));
    }
    SUBCASE("typical") {
        ui::LibraryView vm;
        vm.items = {item(0, "Knife in the kitchen", {"use-of-force"}), item(1, "The kettle", {"assembly"}),
                    item(2, "Trois rues", {"assembly"}, "fr")};
        vm.items[1].content_warnings = {"violence"};
        vm.topics = {"assembly", "use-of-force"};
        vm.languages = {"en", "fr"};
        auto draw = in_window([&] { ui::draw_library(vm, st, out); });
        ui.frame(draw);
        CHECK(st.selected == 0);   // the first is selected, so the details show at once
        CHECK(ui.shows("A summary of Knife in the kitchen."));
        REQUIRE(ui.click("The kettle", draw));
        CHECK(st.selected == 1);
        ui.frame(draw);
        CHECK(ui.shows("Content warnings"));
        REQUIRE(ui.click("Start in Assess mode", draw));
        const auto* start = last_of<ui::cmd::Start>(out);
        REQUIRE(start);
        CHECK(start->entry == 1);
        CHECK(start->mode == ui::Mode::assess);

        st.topic = "assembly";
        st.language = "fr";
        ui.frame(draw);
        CHECK(ui.find("Trois rues") != nullptr);
        CHECK(ui.find("The kettle") == nullptr);
        st = {};
        st.search = "KITCHEN knife";
        ui.frame(draw);
        CHECK(ui.find("Knife in the kitchen") != nullptr);
        CHECK(ui.find("The kettle") == nullptr);
        st.search = "nothing like this";
        ui.frame(draw);
        CHECK(ui.shows("No scenario matches the search and filters."));
    }
    SUBCASE("a broken file is listed with its diagnostics and cannot be started") {
        ui::LibraryView vm;
        ui::LibraryItem broken;
        broken.entry = 0;
        broken.title = "broken.toml";
        broken.path = "/lib/broken.toml";
        broken.errors = 1;
        broken.diagnostics = {"/lib/broken.toml:3:7: error[E010]: expected '='"};
        vm.items = {broken};
        auto draw = in_window([&] { ui::draw_library(vm, st, out); });
        ui.frame(draw);
        CHECK(ui.shows("Does not load: 1 error(s)"));
        CHECK(ui.shows("/lib/broken.toml:3:7: error[E010]: expected '='"));
        CHECK(ui.find("Start in Learn mode") == nullptr);
    }
}

TEST_CASE("player: choices with keys, countdown, pause, and the feedback with ratings in words") {
    UiHarness ui;
    ui::Commands out;
    ui::PlayerUiState st;
    ui::PlayerView vm;
    vm.scenario_title = "Test";
    vm.scene_title = "The door";
    vm.text = "First paragraph with **strong** words.\n\nSecond paragraph with *emphasis*.";
    vm.facts = {"A fact."};
    vm.image_path = "/no/such/image.png";
    vm.image_alt = "A plan of the flat.";
    vm.choices = {{0, "Talk"}, {2, "Wait"}};
    vm.timed = true;
    vm.time_limit = 30;
    vm.remaining = 12.4;
    auto draw = in_window([&] { ui::draw_player(vm, st, nullptr, out); });

    ui.frame(draw);
    CHECK(ui.shows("First paragraph with strong words."));   // markers do not show
    CHECK(ui.shows("Second paragraph with emphasis."));
    CHECK(ui.shows("A plan of the flat."));                   // missing image: its description
    CHECK(ui.shows("13 seconds left to decide"));
    REQUIRE(ui.click("Wait", draw));
    REQUIRE(last_of<ui::cmd::Choose>(out));
    CHECK(last_of<ui::cmd::Choose>(out)->choice == 2);
    out.clear();
    ui.press_digit(1, draw);
    REQUIRE(last_of<ui::cmd::Choose>(out));
    CHECK(last_of<ui::cmd::Choose>(out)->choice == 0);
    out.clear();
    ui.press_digit(3, draw);   // no third option
    CHECK(out.empty());

    vm.paused = true;
    ui.frame(draw);
    CHECK(ui.find("Talk") == nullptr);   // options hidden while paused
    CHECK(ui.shows("Paused"));

    vm.paused = false;
    vm.show_feedback = true;
    vm.feedback.chose = "Talk";
    vm.feedback.narration = "He listens.";
    vm.feedback.ratings = {rating(Rating::violation, "Necessity", {{"bpuff-4", "BPUFF 4", "Non-violent means first"}})};
    vm.feedback.ratings[0].critical = true;
    vm.feedback.ratings[0].hard_fail_title = "Shooting to kill without an imminent threat";
    vm.feedback.alternatives = {{"Talk", true, {}}, {"Wait", false, {rating(Rating::exemplary, "Precaution")}}};
    ui.frame(draw);
    CHECK(ui.shows("You chose: Talk"));
    CHECK(ui.shows("Violation"));
    CHECK(ui.shows("Absolute rule broken: Shooting to kill without an imminent threat"));
    CHECK_FALSE(ui.shows("Exemplary"));
    REQUIRE(ui.click("How the other options would have been rated", draw));
    ui.frame(draw);
    CHECK(ui.shows("Exemplary"));
    REQUIRE(ui.click("BPUFF 4", draw));
    REQUIRE(last_of<ui::cmd::OpenProvision>(out));
    CHECK(last_of<ui::cmd::OpenProvision>(out)->id == "bpuff-4");
    ui.press(ui::Key::enter, draw);
    CHECK(last_of<ui::cmd::Continue>(out));
}

TEST_CASE("content warning: the way in and the way out") {
    UiHarness ui;
    ui::Commands out;
    ui::WarningView vm{"Test", "Summary.", {"suicide", "violence"}};
    auto draw = in_window([&] { ui::draw_content_warning(vm, out); });
    ui.frame(draw);
    CHECK(ui.shows("suicide"));
    CHECK(ui.shows("violence"));
    REQUIRE(ui.click("Back to the library", draw));
    CHECK(last_of<ui::cmd::DeclineWarning>(out));
    REQUIRE(ui.click("Continue to the scenario", draw));
    CHECK(last_of<ui::cmd::AcceptWarning>(out));
}

TEST_CASE("debrief: outcome, critical first, chart, timeline with alternatives, replay and export") {
    UiHarness ui;
    ui::Commands out;
    ui::DebriefUiState st;
    ui::DebriefView vm;
    vm.scenario_title = "Test";
    vm.complete = true;
    vm.ending_title = "Karim is alive";
    vm.outcome = "de-escalated";
    vm.ending_text = "It ended well.";
    vm.critical = {{2, "Necessity", "", "You fired first.", {}}};
    vm.principles = {{"Necessity", 33, Rating::violation, 2}, {"Precaution", 100, Rating::exemplary, 1}};
    ui::TimelineItem t;
    t.number = 1;
    t.scene_title = "The door";
    t.chose = "Talk";
    t.seconds = 75;
    t.ratings = {rating(Rating::exemplary, "Precaution")};
    t.alternatives = {{"Talk", true, {}}, {"Kick the door", false, {rating(Rating::violation, "Necessity")}}};
    vm.timeline = {t};
    vm.discussion = {"What would you do differently?"};
    auto draw = in_window([&] { ui::draw_debrief(vm, st, out); });
    ui.frame(draw);
    CHECK(ui.shows("De-escalated"));
    CHECK(ui.shows("Karim is alive"));
    CHECK(ui.shows("Critical violations (1)"));
    CHECK(ui.shows("By principle"));
    CHECK(ui.shows("1. The door  (1 min 15 s)"));
    CHECK(ui.shows("What would you do differently?"));
    CHECK_FALSE(ui.shows("Kick the door"));
    REQUIRE(ui.click("Feedback and alternatives", draw));
    ui.frame(draw);
    CHECK(ui.shows("Kick the door"));
    REQUIRE(ui.click("Replay from here", draw));
    REQUIRE(last_of<ui::cmd::Rewind>(out));
    CHECK(last_of<ui::cmd::Rewind>(out)->keep == 0);
    REQUIRE(ui.click("Export JSON", draw));
    REQUIRE(last_of<ui::cmd::Export>(out));
    CHECK(last_of<ui::cmd::Export>(out)->format == ui::ExportFormat::json);

    SUBCASE("unfinished") {
        ui::DebriefView empty;
        ui.frame(in_window([&] { ui::draw_debrief(empty, st, out); }));
        CHECK(ui.shows("The scenario was not finished"));
    }
}

TEST_CASE("standards browser: instruments, search, focus from a citation, and the catalogue missing") {
    UiHarness ui;
    ui::Commands out;
    ui::StandardsUiState st;
    ui::StandardsView vm;
    SUBCASE("missing catalogue") {
        vm.error = "The standards catalogue was not found.";
        ui.frame(in_window([&] { ui::draw_standards(vm, st, out); }));
        CHECK(ui.shows("The standards catalogue was not found."));
    }
    SUBCASE("typical") {
        vm.instruments = {{"bpuff", "Basic Principles", "BPUFF", "A/CONF.144/28/Rev.1", "About force.", "", 1990, {0, 1}},
                          {"gc37", "General comment No. 37", "GC37", "CCPR/C/GC/37", "Assemblies.", "", 2020, {2}}};
        vm.provisions = {{"bpuff-4", "BPUFF 4", "4", "Non-violent means first", "Try other means.", "1990", "", "checked", true, {"force"}, {}, {"Knife — The door (Necessity: violation)"}},
                         {"bpuff-9", "BPUFF 9", "9", "Firearms", "Only against a threat to life.", "1990", "", "checked", true, {"firearms"}, {}, {}},
                         {"gc37-17", "GC37 para. 17", "para. 17", "Peaceful", "Presumption of peacefulness.", "2020", "", "", false, {}, {}, {}}};
        auto draw = in_window([&] { ui::draw_standards(vm, st, out); });
        ui.frame(draw);
        CHECK(ui.find("4  Non-violent means first") != nullptr);
        REQUIRE(ui.click("GC37 (2020)", draw));
        ui.frame(draw);
        CHECK(ui.shows("Presumption of peacefulness."));
        CHECK(ui.shows("Not yet checked against the official text"));
        st.search = "firearms";
        ui.frame(draw);
        CHECK(ui.shows("1 provision(s) found"));
        CHECK(ui.find("BPUFF 9  Firearms") != nullptr);
        CHECK(ui::search_provisions(vm, "PEACE").size() == 1);
        CHECK(ui::search_provisions(vm, "").size() == 3);

        vm.focus = "bpuff-4";
        vm.focus_serial = 1;
        vm.can_go_back = true;
        ui.frame(draw);
        CHECK(st.search.empty());
        CHECK(st.provision == 0);
        ui.frame(draw);
        CHECK(ui.shows("Knife — The door (Necessity: violation)"));
        REQUIRE(ui.click("Back to the scenario", draw));
        CHECK(last_of<ui::cmd::Back>(out));
    }
}

TEST_CASE("settings: every control emits the new settings, within range") {
    UiHarness ui;
    ui::Commands out;
    ui::SettingsView vm;
    vm.settings.font_scale = 1.9f;
    vm.font = "Noto Sans";
    auto draw = in_window([&] { ui::draw_settings(vm, out); });
    ui.frame(draw);
    CHECK(ui.shows("Your data stays here"));
    REQUIRE(ui.click("+", draw));
    REQUIRE(last_of<ui::cmd::ChangeSettings>(out));
    CHECK(last_of<ui::cmd::ChangeSettings>(out)->settings.font_scale == doctest::Approx(2.0));
    vm.settings.font_scale = 2.0f;
    out.clear();
    ui.frame(draw);
    CHECK_FALSE(ui.find("+")->enabled);
    REQUIRE(ui.click("High contrast", draw));
    CHECK(last_of<ui::cmd::ChangeSettings>(out)->settings.theme == Theme::high_contrast);
    REQUIRE(ui.click("Off", draw));
    CHECK(last_of<ui::cmd::ChangeSettings>(out)->settings.timers == TimerSetting::off);
    REQUIRE(ui.click("Reduce motion", draw));
    CHECK(last_of<ui::cmd::ChangeSettings>(out)->settings.reduce_motion);
}

TEST_CASE("every screen draws in every theme and at both ends of the font scale") {
    TempDir config, data;
    RunnerFixture r(config.path(), data.path());
    for (Theme theme : {Theme::dark, Theme::light, Theme::high_contrast}) {
        ui::apply_theme(theme, 2.0f);
        for (ui::Screen s : {ui::Screen::library, ui::Screen::standards, ui::Screen::settings}) {
            r.controller.apply(ui::cmd::Show{s}, r.now);
            r.step();
            CHECK(r.ui.items().size() > 3);
        }
    }
    ui::apply_theme(Theme::dark, 1.0f);
}

}
