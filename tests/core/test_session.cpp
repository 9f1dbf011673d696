// The session runtime: determinism, conditions, timeouts, rewind, snapshots and version checks.
#include "helpers.hpp"
#include "analysis.hpp"
#include "session.hpp"
#include "session_file.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace measured;
using namespace measured::test;

namespace {

// A small scenario with a condition, a timeout, effects and a weighted random outcome.
const std::string story = R"(format = 1

[scenario]
id = "story"
title = "Story"
summary = "For session tests."
version = "2.1.0"
language = "en"
authors = ["Tests"]
license = "CC0-1.0"
minutes = 5
difficulty = "introductory"
audience = ["testers"]
topics = ["testing"]
objectives = ["Exercise the runtime."]
role = "patrol officer"
start = "door"

[variables]
tension = { type = "int", initial = 5, min = 0, max = 10 }
talked = { type = "bool", initial = false }

[[scene]]
id = "door"
text = "Tension {tension}."
time_limit = 10
  [scene.timeout]
  target = "inside"
  effects = ["tension += 3"]
  narration = "You waited too long."
  [[scene.choice]]
  id = "talk"
  label = "Talk"
  target = "inside"
  effects = ["tension -= 2", "talked = true"]
  narration = "You talk; tension {tension}."
  [[scene.choice]]
  id = "rush"
  label = "Rush in"
  target = "inside"
  effects = ["tension += 4"]

[[scene]]
id = "inside"
text = "Inside."
  [[scene.choice]]
  id = "calm"
  label = "Only after talking"
  condition = "talked and tension < 5"
  target = "calm-end"
  [[scene.choice]]
  id = "gamble"
  label = "Step forward"
    [[scene.choice.outcome]]
    id = "drops"
    weight = 1
    target = "calm-end"
    narration = "He drops it."
    [[scene.choice.outcome]]
    id = "lunges"
    weight = 1
    target = "hurt-end"
    effects = ["tension = 10"]

[[ending]]
id = "calm-end"
title = "Calm"
outcome = "de-escalated"
text = "Calm at {tension}."
debrief = "Good."

[[ending]]
id = "hurt-end"
title = "Hurt"
outcome = "injury"
text = "Hurt."
debrief = "Bad."
)";

const Scenario& scenario() {
    static const Scenario s = [] {
        auto l = load_text(story, "story.toml");
        REQUIRE_MESSAGE(!l.diags.has_errors(), dump(l.diags));
        return *l.scenario;
    }();
    return s;
}

}  // namespace

TEST_SUITE("core/session") {

TEST_CASE("starts at the start scene with initial values") {
    Session s(scenario(), 7);
    REQUIRE(s.scene());
    CHECK(s.scene()->id == "door");
    CHECK(s.values()[0] == 5);
    CHECK(s.render("t={tension} talked={talked}") == "t=5 talked=no");
    CHECK(s.available_choices() == std::vector<int>{0, 1});
}

TEST_CASE("choices apply effects, narration and conditions") {
    Session s(scenario(), 7);
    REQUIRE(s.choose(0, 2.5).ok);
    CHECK(s.values()[0] == 3);
    CHECK(s.values()[1] == 1);
    CHECK(s.narration() == "You talk; tension 3.");
    CHECK(s.scene()->id == "inside");
    CHECK(s.available_choices() == std::vector<int>{0, 1});
    REQUIRE(s.choose_id("calm", 1).ok);
    REQUIRE(s.finished());
    CHECK(s.ending()->id == "calm-end");
    CHECK(s.history().size() == 2);
    CHECK(s.history()[0].seconds == 2.5);
}

TEST_CASE("an unavailable choice is refused and changes nothing") {
    Session s(scenario(), 7);
    REQUIRE(s.choose_id("rush", 1).ok);
    CHECK(s.available_choices() == std::vector<int>{1});
    const auto r = s.choose_id("calm", 1);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "choice 'calm' is not available now");
    CHECK(s.history().size() == 1);
    CHECK_FALSE(s.choose(7, 1).ok);
}

TEST_CASE("the timeout is a decision") {
    Session s(scenario(), 7);
    REQUIRE(s.time_out(10).ok);
    CHECK(s.history()[0].timed_out);
    CHECK(s.history()[0].choice == "timeout");
    CHECK(s.values()[0] == 8);
    CHECK(s.narration() == "You waited too long.");
    CHECK_FALSE(s.time_out(1).ok);   // "inside" has no time limit
}

TEST_CASE("random outcomes are a pure function of the seed and both occur") {
    std::set<std::string> seen;
    for (std::uint64_t seed = 0; seed < 64; ++seed) {
        Session a(scenario(), seed), b(scenario(), seed);
        REQUIRE(a.choose_id("rush", 0).ok);
        REQUIRE(b.choose_id("rush", 0).ok);
        REQUIRE(a.choose_id("gamble", 0).ok);
        REQUIRE(b.choose_id("gamble", 0).ok);
        CHECK(a.history().back().outcome == b.history().back().outcome);
        CHECK(a.ending()->id == b.ending()->id);
        seen.insert(a.history().back().outcome);
    }
    CHECK(seen == std::set<std::string>{"drops", "lunges"});
}

TEST_CASE("rewind replays to any earlier decision") {
    Session s(scenario(), 3);
    REQUIRE(s.choose_id("talk", 1).ok);
    REQUIRE(s.choose_id("gamble", 1).ok);
    REQUIRE(s.finished());
    REQUIRE(s.rewind(1).ok);
    CHECK(s.history().size() == 1);
    CHECK(s.scene()->id == "inside");
    CHECK(s.values()[0] == 3);
    REQUIRE(s.rewind(0).ok);
    CHECK(s.scene()->id == "door");
    CHECK(s.values()[0] == 5);
    CHECK_FALSE(s.rewind(5).ok);
}

TEST_CASE("snapshot round trip restores the same state") {
    Session s(scenario(), 123456789012345ULL);
    s.timer_scale = 1.5;
    REQUIRE(s.choose_id("talk", 4.25).ok);
    TempDir dir;
    const std::string path = dir.path() + "/s.session.toml";
    REQUIRE(save_session(s, path).empty());
    Diagnostics d;
    auto rec = read_session_file(path, d);
    REQUIRE_MESSAGE(rec, dump(d));
    CHECK(rec->seed == 123456789012345ULL);
    auto restored = restore_session(scenario(), *rec, path, d);
    REQUIRE_MESSAGE(restored, dump(d));
    CHECK(restored->scene()->id == "inside");
    CHECK(restored->values()[0] == s.values()[0]);
    CHECK(restored->timer_scale == 1.5);
    CHECK(restored->history().size() == 1);
    CHECK(restored->history()[0].seconds == 4.25);
    CHECK(session_to_toml(*restored) == session_to_toml(s));
}

TEST_CASE("a save from another version or another scenario is refused") {
    Session s(scenario(), 1);
    REQUIRE(s.choose_id("talk", 1).ok);
    TempDir dir;
    const std::string path = dir.path() + "/s.session.toml";
    REQUIRE(save_session(s, path).empty());
    Diagnostics d;
    auto rec = read_session_file(path, d);
    REQUIRE(rec);

    SUBCASE("another version") {
        std::string edited = story;
        edited.replace(edited.find("2.1.0"), 5, "2.2.0");
        auto other = load_text(edited, "story.toml");
        Diagnostics dd;
        CHECK_FALSE(restore_session(*other.scenario, *rec, path, dd));
        REQUIRE(with_code(dd, "E702").size() == 1);
        CHECK(with_code(dd, "E702")[0].message.find("version 2.1.0") != std::string::npos);
    }
    SUBCASE("same version, changed content") {
        std::string edited = story;
        edited.replace(edited.find("Inside."), 7, "Inside!");
        auto other = load_text(edited, "story.toml");
        Diagnostics dd;
        CHECK_FALSE(restore_session(*other.scenario, *rec, path, dd));
        CHECK(with_code(dd, "E702").size() == 1);
    }
    SUBCASE("another scenario") {
        auto other = load_text(minimal_scenario(), "m.toml");
        Diagnostics dd;
        CHECK_FALSE(restore_session(*other.scenario, *rec, path, dd));
        CHECK(with_code(dd, "E701").size() == 1);
    }
}

TEST_CASE("a tampered history is detected") {
    TempDir dir;
    Session fresh(scenario(), 1);
    const std::string header = session_to_toml(fresh);
    const std::string path = dir.write("t.session.toml", header + "\n[[decision]]\nscene = \"door\"\nchoice = \"fly\"\nseconds = 1.0\n");
    Diagnostics d;
    auto rec = read_session_file(path, d);
    REQUIRE(rec);
    CHECK_FALSE(restore_session(scenario(), *rec, path, d));
    REQUIRE(with_code(d, "E703").size() == 1);
    CHECK(with_code(d, "E703")[0].message == "the recorded decisions do not replay: decision 1: scene 'door' has no choice 'fly'");
}

TEST_CASE("shortest routes to each ending, with the outcomes they must draw") {
    const Routes routes = shortest_routes(scenario());
    REQUIRE(routes.reached == std::vector<bool>{true, true});
    // calm-end: talk (tension 3, talked) then the conditional 'calm' choice.
    REQUIRE(routes.to_ending[0].size() == 2);
    CHECK(routes.to_ending[0][0].choice == 0);
    CHECK(routes.to_ending[0][1].choice == 0);
    CHECK(routes.to_ending[0][1].outcome == -1);
    // hurt-end: any first decision, then 'gamble' drawing 'lunges' (outcome 1).
    REQUIRE(routes.to_ending[1].size() == 2);
    CHECK(routes.to_ending[1][1].choice == 1);
    CHECK(routes.to_ending[1][1].outcome == 1);
}

TEST_CASE("a file that is not a session is refused") {
    TempDir dir;
    Diagnostics d;
    CHECK_FALSE(read_session_file(dir.write("x.toml", "title = \"not a session\"\n"), d));
    CHECK(with_code(d, "E700").size() == 1);
    Diagnostics t;
    CHECK_FALSE(read_session_file(dir.write("y.toml", "measured_session = 1\nscenario_id = \"story\"\nseed = \"12"), t));
    CHECK(t.has_errors());
}

}
