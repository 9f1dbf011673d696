// Scoring and reports: golden debriefs (Markdown and JSON) for fixed paths, and the scoring rules.
#include "debrief.hpp"
#include "helpers.hpp"
#include "report.hpp"
#include "session.hpp"

#include <doctest/doctest.h>

using namespace measured;
using namespace measured::test;

namespace {

Session play(std::uint64_t seed, const std::vector<std::string>& choices) {
    Session s(golden_scenario(), seed);
    for (const auto& c : choices) {
        const StepResult r = c == "timeout" ? s.time_out(15) : s.choose_id(c, 3.0);
        REQUIRE_MESSAGE(r.ok, r.error);
    }
    return s;
}

}  // namespace

TEST_SUITE("core/debrief") {

TEST_CASE("golden debrief for the careful path") {
    const Session s = play(42, {"talk", "wait"});
    const Debrief d = make_debrief(s, &catalogue());
    CHECK(d.complete);
    CHECK(d.outcome == "de-escalated");
    CHECK(d.critical.empty());
    check_golden("careful.md", report_markdown(d, &catalogue()));
    check_golden("careful.json", report_json(d, &catalogue()));
}

TEST_CASE("golden debrief for the path with a critical violation and a timeout") {
    // The first seed that draws "falls" for the strike; the golden files record which one it is.
    std::uint64_t seed = 1;
    while (play(seed, {"timeout", "strike"}).history().back().outcome != "falls") ++seed;
    const Session s = play(seed, {"timeout", "strike"});
    const Debrief d = make_debrief(s, &catalogue());
    REQUIRE(d.critical.size() == 1);
    CHECK(d.critical[0].decision == 2);
    CHECK(d.critical[0].principle == "proportionality");
    check_golden("critical.md", report_markdown(d, &catalogue()));
    check_golden("critical.json", report_json(d, &catalogue()));
}

TEST_CASE("scoring: points per rating, worst rating, traced decisions") {
    const Session s = play(1, {"kick", "strike"});
    const Debrief d = make_debrief(s, &catalogue());
    REQUIRE(d.principles.size() == 3);
    // Catalogue order: necessity before proportionality before accountability.
    CHECK(d.principles[0].principle == "necessity");
    CHECK(d.principles[0].percent == 0);
    CHECK(d.principles[0].worst == Rating::violation);
    CHECK(d.principles[0].decisions == std::vector<int>{1});
    CHECK(d.principles[1].principle == "proportionality");
    CHECK(d.principles[2].principle == "accountability");
    CHECK(d.principles[2].points == 1);
    CHECK(d.principles[2].max_points == 3);
    CHECK(d.principles[2].percent == 33);
    // Every rating traces back to a decision and the provisions cited for it.
    for (const auto& dr : d.decisions)
        for (const auto& r : dr.ratings) CHECK_FALSE(r.cites.empty());
}

TEST_CASE("alternatives show what else was on offer and how it would have been rated") {
    const Session s = play(42, {"talk", "wait"});
    const Debrief d = make_debrief(s, &catalogue());
    REQUIRE(d.decisions.size() == 2);
    const auto& first = d.decisions[0];
    REQUIRE(first.alternatives.size() == 3);   // talk, kick, and letting the time run out
    CHECK(first.alternatives[0].chosen);
    CHECK(first.alternatives[1].choice == "kick");
    CHECK(first.alternatives[1].ratings.at(0).rating == Rating::violation);
    CHECK(first.alternatives[2].choice == "timeout");
}

TEST_CASE("the debrief is a pure function of scenario, seed and history") {
    const Session a = play(9, {"timeout", "strike"});
    const Session b = play(9, {"timeout", "strike"});
    CHECK(report_json(make_debrief(a, &catalogue()), &catalogue()) == report_json(make_debrief(b, &catalogue()), &catalogue()));
}

TEST_CASE("an unfinished session gives a partial debrief") {
    const Session s = play(1, {"talk"});
    const Debrief d = make_debrief(s, &catalogue());
    CHECK_FALSE(d.complete);
    CHECK(d.decisions.size() == 1);
    CHECK(report_markdown(d, &catalogue()).find("The scenario was not finished.") != std::string::npos);
}

}

TEST_SUITE("core/debrief") {

TEST_CASE("a hard-fail rule named by the author appears with the critical violation") {
    const std::string src = minimal_scenario("", "", R"(    [[scene.choice.assessment]]
    principle = "protect-monitors"
    rating = "violation"
    hard_fail = "reprisals-against-journalists-monitors"
    feedback = "Her phone was taken."
    cite = ["gc37-30"]
)");
    const auto l = lint_text(src);
    REQUIRE_MESSAGE(l.diags.empty(), dump(l.diags));
    Session s(*l.scenario, 1);
    REQUIRE(s.choose(0, 1).ok);
    const Debrief d = make_debrief(s, &catalogue());
    REQUIRE(d.critical.size() == 1);
    CHECK(d.critical[0].hard_fail == "reprisals-against-journalists-monitors");
    const std::string title = d.critical[0].hard_fail_title;
    CHECK_FALSE(title.empty());
    CHECK(report_markdown(d, &catalogue()).find("*" + title + ".* Her phone was taken.") != std::string::npos);
    CHECK(report_json(d, &catalogue()).find("\"hard_fail\": \"reprisals-against-journalists-monitors\"") != std::string::npos);
}

}
