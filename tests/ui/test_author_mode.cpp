// Author mode, headless: open a scenario file, play, edit and save it (reload keeps the place),
// break it (the last good version keeps running, the diagnostics are listed and copyable), edit a
// variable, see why a choice is hidden, jump from the map and the scene list, leave without a trace.

#include "helpers.hpp"
#include "ui_harness.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace measured;
using namespace measured::test;

namespace {

const std::string draft = R"(format = 1

[scenario]
id = "draft"
title = "A draft at the gate"
summary = "A scenario being written."
version = "0.1.0"
language = "en"
authors = ["Tests"]
license = "CC0-1.0"
minutes = 5
difficulty = "introductory"
audience = ["testers"]
topics = ["testing"]
objectives = ["Check Author mode."]
role = "patrol officer"
start = "gate"

[variables]
trust = { type = "int", min = 0, max = 3, initial = 0, label = "His trust in you" }

[[scene]]
id = "gate"
title = "At the gate"
text = "A man stands at the gate. Trust is {trust}."

  [[scene.choice]]
  id = "ask"
  label = "Ask what he needs"
  target = "yard"
  effects = ["trust += 1"]
    [[scene.choice.assessment]]
    principle = "precaution"
    rating = "exemplary"
    feedback = "Talking first buys time."
    cite = ["bpuff-4"]

  [[scene.choice]]
  id = "calm"
  label = "Walk with him"
  condition = "trust >= 2"
  target = "talked"

  [[scene.choice]]
  id = "push"
  label = "Push him back"
  target = "cell"
    [[scene.choice.assessment]]
    principle = "necessity"
    rating = "violation"
    feedback = "No need for force yet."
    cite = ["bpuff-4"]

[[scene]]
id = "yard"
title = "In the yard"
text = "He follows you into the yard."
time_limit = 20

  [scene.timeout]
  target = "cell"

  [[scene.choice]]
  id = "back"
  label = "Go back to the gate together"
  target = "gate"

[[ending]]
id = "talked"
title = "Talked down"
outcome = "de-escalated"
text = "He walks with you."
debrief = "Time and talk."

[[ending]]
id = "cell"
title = "In a cell"
outcome = "arrest"
text = "He spends the night in a cell."
debrief = "Force decided it."
)";

}  // namespace

TEST_SUITE("ui/author") {

TEST_CASE("Author mode reloads on save and keeps the place; a broken save keeps the last good version running") {
    TempDir config, data, work;
    const std::string path = work.write("draft.toml", draft);
    RunnerFixture r(config.path(), data.path());
    r.controller.apply(ui::cmd::OpenAuthor{path}, r.now);
    r.step();
    REQUIRE(r.controller.author_active());
    CHECK(r.controller.screen() == ui::Screen::player);
    const ui::AuthorView& av = r.controller.author_view();
    CHECK(av.status == "Watching " + path + ": every save reloads it and replays your choices.");
    CHECK(av.nodes.size() == 4);
    CHECK(r.ui.shows("Author mode"));
    CHECK(r.ui.find("Map") != nullptr);
    CHECK(r.ui.find("scene gate") != nullptr);
    CHECK(r.ui.find("ending talked") != nullptr);
    CHECK(r.ui.find("Close Author mode") != nullptr);

    // Play two decisions: ask (feedback, as in Learn mode), continue, go back to the gate.
    REQUIRE(r.click("Ask what he needs"));
    CHECK(r.controller.player_view().show_feedback);
    r.press(ui::Key::enter);
    // No clock runs in Author mode: the timeout is offered as a choice instead.
    CHECK_FALSE(r.controller.player_view().timed);
    CHECK(r.ui.find("Let the time run out (20 s)") != nullptr);
    REQUIRE(r.click("Go back to the gate together"));
    r.press(ui::Key::enter);
    REQUIRE(r.controller.session()->history().size() == 2);

    // Save an edit: the story reloads and replays to the same scene.
    work.write("draft.toml", replace_first(draft, "A man stands at the gate.", "A man in a wet coat stands at the gate."));
    CHECK(r.controller.check_files(r.now));
    CHECK_FALSE(r.controller.check_files(r.now));   // nothing new
    r.step();
    CHECK(r.controller.session()->history().size() == 2);
    CHECK(r.controller.author_view().status == "Reloaded: your 2 decisions replayed to the same place.");
    CHECK(r.ui.shows("A man in a wet coat stands at the gate. Trust is 1."));

    // Save a mistake: the last good version keeps running; the problem is listed with its place.
    const std::string broken = replace_first(draft, "target = \"yard\"", "target = \"yrd\"");
    work.write("draft.toml", broken);
    CHECK(r.controller.check_files(r.now));
    r.step();
    const ui::AuthorView& stale = r.controller.author_view();
    CHECK(stale.stale);
    CHECK(stale.status == "The file has 1 errors: the last version that loaded keeps running. See Diagnostics.");
    REQUIRE(stale.diagnostics.size() == 1);
    const Pos at = find_pos(broken, "\"yrd\"");
    const std::string where = path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    CHECK(stale.diagnostics[0].location == where);
    CHECK(stale.diagnostics[0].code == "E201");
    CHECK(r.controller.session()->history().size() == 2);
    CHECK(r.ui.shows("A man in a wet coat stands at the gate. Trust is 1."));
    // The Diagnostics tab opened by itself; a click copies the place.
    r.step();
    CHECK(r.ui.shows("did you mean 'yard'?"));
    REQUIRE(r.click(where + "  error[E201]"));
    CHECK(std::string(ImGui::GetClipboardText()) == where);
    CHECK(r.ui.shows("Copied " + where));

    // A save that removes a choice on the way: replayed as far as it still fits.
    work.write("draft.toml", replace_first(draft, "id = \"back\"", "id = \"return\""));
    CHECK(r.controller.check_files(r.now));
    CHECK_FALSE(r.controller.author_view().stale);
    CHECK(r.controller.session()->history().size() == 1);
    CHECK(r.controller.author_view().status ==
          "Reloaded: 1 decisions replayed; the next no longer fits (decision 2: scene 'yard' has no choice 'back').");
    r.controller.apply(ui::cmd::Leave{}, r.now);
    CHECK_FALSE(r.controller.author_active());
    CHECK_FALSE(fs::exists(fs::path(data.path()) / "sessions"));   // drafts leave no saved session
}

TEST_CASE("Author mode: variables are editable, hidden choices say why, the map and the scene list jump") {
    TempDir config, data, work;
    const std::string path = work.write("draft.toml", draft);
    RunnerFixture r(config.path(), data.path());
    r.controller.apply(ui::cmd::OpenAuthor{path}, r.now);
    r.step();
    REQUIRE(r.click("Variables"));
    r.step();
    CHECK(r.ui.shows("His trust in you"));
    CHECK(r.ui.shows("calm: Walk with him"));
    CHECK(r.ui.shows("false: trust >= 2 (trust is 0)"));
    CHECK(r.ui.find("Walk with him") == nullptr);   // not offered
    REQUIRE(r.click("+"));
    REQUIRE(r.click("+"));
    CHECK(r.controller.session()->values()[0] == 2);
    r.step();
    CHECK(r.ui.shows("Every choice of this scene is on offer."));
    CHECK(r.ui.find("Walk with him") != nullptr);
    // The edit is kept when going back.
    REQUIRE(r.click("Push him back"));
    r.controller.apply(ui::cmd::Rewind{0}, r.now);
    CHECK(r.controller.session()->values()[0] == 2);

    // The scene list starts the story again from a scene, with the values shown.
    REQUIRE(r.click("Scenes"));
    r.step();
    REQUIRE(r.click("yard  —  In the yard"));
    CHECK(r.controller.session()->scene()->id == "yard");
    CHECK(r.controller.session()->history().empty());
    CHECK(r.controller.session()->values()[0] == 2);
    CHECK(r.controller.author_view().status == "Started from scene 'yard' with the values shown under Variables.");

    // A click on a scene of the map jumps there too; endings are not jump targets.
    REQUIRE(r.click("Map"));
    r.step();
    REQUIRE(r.click("scene gate"));
    CHECK(r.controller.session()->scene()->id == "gate");
    const auto& nodes = r.controller.author_view().nodes;
    const auto gate = std::find_if(nodes.begin(), nodes.end(), [](const ui::MapNodeView& n) { return n.id == "gate"; });
    CHECK(gate->current);
    CHECK(gate->start);
    const auto talked = std::find_if(nodes.begin(), nodes.end(), [](const ui::MapNodeView& n) { return n.id == "talked"; });
    CHECK(talked->ending);
    CHECK(talked->severity == 0);
    REQUIRE(r.click("ending talked"));
    CHECK(r.controller.session()->scene()->id == "gate");
}

TEST_CASE("Author mode on a file that never loaded lists its problems and starts by itself once fixed") {
    TempDir config, data, work;
    const std::string path = work.write("draft.toml", replace_first(draft, "start = \"gate\"", "start = \"gaet\""));
    RunnerFixture r(config.path(), data.path());
    r.controller.apply(ui::cmd::OpenAuthor{path}, r.now);
    r.step();
    CHECK(r.controller.session() == nullptr);
    CHECK(r.ui.shows("Nothing to play yet"));
    CHECK(r.controller.author_view().status == "The file has 1 errors and has never loaded. See Diagnostics.");
    work.write("draft.toml", draft);
    CHECK(r.controller.check_files(r.now));
    r.step();
    REQUIRE(r.controller.session() != nullptr);
    CHECK(r.ui.shows("A man stands at the gate. Trust is 0."));
    // The library offers Author mode for any scenario, broken ones included.
    r.controller.apply(ui::cmd::Leave{}, r.now);
    r.controller.apply(ui::cmd::Start{r.entry_of("knife-in-the-kitchen"), ui::Mode::author}, r.now);
    CHECK(r.controller.author_active());
    CHECK(r.controller.author_view().nodes.size() == 23);
}

}  // TEST_SUITE
