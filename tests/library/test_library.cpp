// The scenario library: every file under scenarios/ lints with zero errors and zero warnings, and
// every scenario can be played to each of its endings through the real runtime.
#include "analysis.hpp"
#include "debrief.hpp"
#include "files.hpp"
#include "helpers.hpp"
#include "report.hpp"
#include "session.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace measured;
using namespace measured::test;

namespace {

std::vector<std::string> library_files() {
    std::vector<std::string> files;
    REQUIRE(find_toml_files(source_path("scenarios"), files).empty());
    return files;
}

// Every library file linted against the bundled catalogue, once for the whole suite.
const std::vector<std::pair<std::string, LintResult>>& library() {
    static const std::vector<std::pair<std::string, LintResult>> all = [] {
        ValidateOptions o;
        o.catalogue = &catalogue();
        std::vector<std::pair<std::string, LintResult>> out;
        for (const auto& f : library_files()) out.emplace_back(f, lint_scenario(f, o));
        return out;
    }();
    return all;
}

}  // namespace

TEST_SUITE("library") {

TEST_CASE("the library has the two example scenarios, one use-of-force and one assembly") {
    const auto files = library_files();
    CHECK(files.size() >= 2);
    bool force = false, assembly = false;
    for (const auto& f : files) {
        force = force || f.find("/use-of-force/") != std::string::npos;
        assembly = assembly || f.find("/assemblies/") != std::string::npos;
    }
    CHECK(force);
    CHECK(assembly);
}

TEST_CASE("every scenario lints with zero errors and zero warnings") {
    for (const auto& [f, r] : library()) {
        INFO(f << "\n" << dump(r.diagnostics));
        CHECK(r.scenario.has_value());
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("every scenario meets the content bar of the format") {
    for (const auto& [f, r] : library()) {
        REQUIRE(r.scenario);
        const Scenario& s = *r.scenario;
        INFO(f);
        std::set<std::string> outcomes;
        for (const auto& e : s.endings) outcomes.insert(e.outcome);
        CHECK(outcomes.size() >= 3);
        bool timed = false, random = false, critical = false, conditional = false, scene_questions = false;
        for (const auto& sc : s.scenes) {
            timed = timed || sc.time_limit > 0;
            scene_questions = scene_questions || !sc.discussion.empty();
            for (const auto& c : sc.choices) conditional = conditional || c.condition.has_value();
            for (const auto& c : sc.choices) {
                random = random || !c.outcomes.empty();
                for (const auto& a : c.assessments) critical = critical || a.critical;
            }
        }
        CHECK(timed);
        CHECK(random);
        CHECK(critical);
        CHECK(conditional);        // variables change what is possible later
        CHECK(scene_questions);    // discussion questions at the key scenes
        CHECK_FALSE(s.content_warnings.empty());
        CHECK(s.variables.size() >= 2);
        CHECK_FALSE(s.objectives.empty());
        CHECK_FALSE(s.discussion.empty());
        CHECK_FALSE(s.trainer_notes.empty());
        CHECK_FALSE(s.author_note.empty());
        CHECK(longest_path(s, scenario_edges(s)).decisions >= 6);
    }
}

TEST_CASE("every ending of every scenario is reached by a real playthrough") {
    for (const auto& [f, r] : library()) {
        REQUIRE(r.scenario);
        const Scenario& s = *r.scenario;
        INFO(f);
        // Random playthroughs with many seeds and both kinds of choice order; each reached ending is
        // recorded from the session itself, and the debrief of each run must render.
        std::set<std::string> reached;
        for (std::uint64_t seed = 0; seed < 400 && reached.size() < s.endings.size(); ++seed) {
            Session session(s, seed);
            std::uint64_t pick = seed * 2654435761ULL + 1;
            for (int step = 0; step < 200 && !session.finished(); ++step) {
                const auto avail = session.available_choices();
                pick = pick * 6364136223846793005ULL + 1442695040888963407ULL;
                const bool wait = session.scene()->timeout && (avail.empty() || (pick >> 60) == 0);
                const StepResult res = wait ? session.time_out(session.scene()->time_limit)
                                            : session.choose(avail[static_cast<std::size_t>((pick >> 33) % avail.size())], 1.0);
                REQUIRE_MESSAGE(res.ok, res.error);
            }
            if (session.finished()) {
                reached.insert(session.ending()->id);
                const Debrief d = make_debrief(session, &catalogue());
                CHECK_FALSE(report_markdown(d, &catalogue()).empty());
            }
        }
        for (const auto& e : s.endings) CHECK_MESSAGE(reached.count(e.id), std::string("ending '" + e.id + "' was never reached"));
    }
}

TEST_CASE("every ending of every scenario is reached by its shortest scripted route") {
    // For each ending the analysis gives the shortest route (choices and the random outcomes they
    // must draw); the test finds a seed that draws those outcomes and plays the route through a
    // real session. The suite fails the moment an ending becomes unreachable.
    for (const auto& [f, r] : library()) {
        REQUIRE(r.scenario);
        const Scenario& s = *r.scenario;
        const Routes routes = shortest_routes(s);
        CHECK(routes.complete);
        for (std::size_t e = 0; e < s.endings.size(); ++e) {
            INFO(f << ": ending '" << s.endings[e].id << "'");
            REQUIRE(routes.reached[e]);
            const auto& route = routes.to_ending[e];
            bool played = false;
            for (std::uint64_t seed = 0; seed < 200000 && !played; ++seed) {
                Session session(s, seed);
                bool drawn_as_planned = true;
                for (const auto& step : route) {
                    const StepResult res = step.choice < 0 ? session.time_out(session.scene()->time_limit) : session.choose(step.choice, 1.0);
                    REQUIRE_MESSAGE(res.ok, res.error);
                    const Scene& sc = s.scene(s.find_node(session.history().back().scene));
                    const Choice& c = step.choice < 0 ? *sc.timeout : sc.choices[static_cast<std::size_t>(step.choice)];
                    if (step.outcome >= 0 && session.history().back().outcome != c.outcomes[static_cast<std::size_t>(step.outcome)].id) {
                        drawn_as_planned = false;
                        break;
                    }
                }
                if (!drawn_as_planned) continue;
                REQUIRE(session.finished());
                CHECK(session.ending()->id == s.endings[e].id);
                played = true;
            }
            CHECK(played);
        }
    }
}

TEST_CASE("measured-cli lint --strict scenarios/ is clean") {
    const auto r = run_cli({"lint", "--strict", source_path("scenarios")}, "", 60);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
}

}
