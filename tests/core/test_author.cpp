// The author tools in the core: the map and its dot/Mermaid forms, shortest routes with reasons,
// the simulator, exact score bounds, transcripts, variable edits that survive rewind and reload,
// and why a choice is hidden. One small scenario built for it, plus the shipped library.
#include "helpers.hpp"

#include "bounds.hpp"
#include "files.hpp"
#include "graph.hpp"
#include "paths.hpp"
#include "session.hpp"
#include "simulate.hpp"
#include "transcript.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

using namespace measured;
using namespace measured::test;

namespace {

// gate: ask (trust += 1, back to gate: a loop), push (random: complies → cell / resists → struggle),
// wait (timed 10 s; timeout → struggle), calm if trust >= 2 → talked. struggle → cell.
// "never" is an ending behind a choice whose condition cannot hold; "orphan" has no way in.
const std::string crossroads = R"(format = 1

[scenario]
id = "crossroads"
title = "Crossroads"
summary = "A scenario for the author tools."
version = "1.0.0"
language = "en"
authors = ["Tests"]
license = "CC0-1.0"
minutes = 5
difficulty = "introductory"
audience = ["testers"]
topics = ["testing"]
objectives = ["Check the author tools."]
role = "patrol officer"
start = "gate"

[variables]
trust = { type = "int", min = 0, max = 3, initial = 0 }
armed = { type = "bool", initial = true }

[[scene]]
id = "gate"
title = "At the gate"
text = "A man at the gate. Trust {trust}."
time_limit = 10

  [scene.timeout]
  target = "struggle"
    [[scene.timeout.assessment]]
    principle = "precaution"
    rating = "concern"
    feedback = "Waiting without a plan lets it drift."
    cite = ["bpuff-5"]

  [[scene.choice]]
  id = "ask"
  label = "Ask what he needs"
  target = "gate"
  effects = ["trust += 1"]
    [[scene.choice.assessment]]
    principle = "precaution"
    rating = "exemplary"
    feedback = "Talking first buys time."
    cite = ["bpuff-4"]

  [[scene.choice]]
  id = "push"
  label = "Push him back"
  effects = ["trust = 0"]
    [[scene.choice.assessment]]
    principle = "necessity"
    rating = "violation"
    feedback = "No need for force yet."
    cite = ["bpuff-4"]
    [[scene.choice.outcome]]
    id = "complies"
    weight = 1
    target = "cell"
    [[scene.choice.outcome]]
    id = "resists"
    weight = 3
    target = "struggle"

  [[scene.choice]]
  id = "calm"
  label = "Walk with him"
  condition = "trust >= 2 and armed == false"
  target = "talked"

  [[scene.choice]]
  id = "disarm"
  label = "Ask him to put the bottle down"
  condition = "trust >= 1 and armed"
  target = "gate"
  effects = ["armed = false"]
    [[scene.choice.assessment]]
    principle = "necessity"
    rating = "exemplary"
    feedback = "Asking is the least intrusive means."
    cite = ["bpuff-4"]

  [[scene.choice]]
  id = "wish"
  label = "Hope it resolves itself"
  condition = "trust > 5"
  target = "never"

[[scene]]
id = "struggle"
text = "He struggles."

  [[scene.choice]]
  id = "restrain"
  label = "Restrain him"
  target = "cell"
    [[scene.choice.assessment]]
    principle = "necessity"
    rating = "concern"
    feedback = "Force after a push you started."
    cite = ["bpuff-5"]

[[scene]]
id = "lost"
text = "Nobody comes here."

  [[scene.choice]]
  id = "leave"
  label = "Leave"
  target = "orphan"

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

[[ending]]
id = "never"
title = "Never"
outcome = "unresolved"
text = "It resolves itself."
debrief = "It never does."

[[ending]]
id = "orphan"
title = "Orphan"
outcome = "resolved"
text = "Nobody gets here."
debrief = "Unreachable."
)";

const Scenario& scenario() {
    static const Loaded loaded = load_text(crossroads, "crossroads.toml");
    REQUIRE_MESSAGE(loaded.scenario, dump(loaded.diags));
    REQUIRE_MESSAGE(!loaded.diags.has_errors(), dump(loaded.diags));
    return *loaded.scenario;
}

int node(const std::string& id) { return scenario().find_node(id); }

const EndingPath& path_to(const PathsReport& r, const std::string& ending) {
    for (const auto& e : r.endings)
        if (scenario().ending(e.ending).id == ending) return e;
    throw std::runtime_error("no ending " + ending);
}

}  // namespace

TEST_CASE("author/map: columns follow the longest path, loops are marked, unreachable nodes get a column of their own") {
    const Scenario& s = scenario();
    const ScenarioMap m = build_map(s);
    CHECK(m.nodes[static_cast<std::size_t>(node("gate"))].column == 0);
    CHECK(m.nodes[static_cast<std::size_t>(node("struggle"))].column == 1);
    CHECK(m.nodes[static_cast<std::size_t>(node("cell"))].column == 2);   // gate → struggle → cell beats gate → cell
    CHECK(m.nodes[static_cast<std::size_t>(node("talked"))].column == 1);
    CHECK_FALSE(m.nodes[static_cast<std::size_t>(node("lost"))].reachable);
    CHECK(m.nodes[static_cast<std::size_t>(node("lost"))].column == m.columns - 1);
    // Rows within a column are distinct.
    for (const auto& a : m.nodes)
        for (const auto& b : m.nodes)
            if (a.node != b.node && a.column == b.column) CHECK(a.row != b.row);
    const auto loop = std::find_if(m.edges.begin(), m.edges.end(), [&](const MapEdge& e) { return e.from == node("gate") && e.to == node("gate"); });
    REQUIRE(loop != m.edges.end());
    CHECK(loop->backward);
    const auto push = std::find_if(m.edges.begin(), m.edges.end(), [](const MapEdge& e) { return e.choice == 1 && e.outcome == 1; });
    REQUIRE(push != m.edges.end());
    CHECK(push->worst == Rating::violation);
    CHECK(edge_label(s, *push) == "push → resists (3 in 4)");
    const auto timeout = std::find_if(m.edges.begin(), m.edges.end(), [](const MapEdge& e) { return e.choice < 0; });
    REQUIRE(timeout != m.edges.end());
    CHECK(edge_label(s, *timeout) == "timeout (10 s)");
    const auto calm = std::find_if(m.edges.begin(), m.edges.end(), [](const MapEdge& e) { return e.choice == 2; });
    CHECK(edge_label(s, *calm) == "calm if trust >= 2 and armed == false");
    CHECK_FALSE(calm->worst.has_value());
}

TEST_CASE("author/map: dot and Mermaid name every node and edge with the marks the help promises") {
    const Scenario& s = scenario();
    const ScenarioMap m = build_map(s);
    const std::string dot = map_to_dot(s, m);
    CHECK(dot.find("digraph \"crossroads\" {") != std::string::npos);
    CHECK(dot.find("\"gate\" [label=\"gate\\nAt the gate\\ntimed: 10 s\", shape=hexagon, penwidth=2.5];") != std::string::npos);
    CHECK(dot.find("\"gate\" -> \"struggle\" [label=\"push → resists (3 in 4)\", color=\"#D14B44\", style=dashed];") != std::string::npos);
    CHECK(dot.find("\"gate\" -> \"struggle\" [label=\"timeout (10 s)\", color=\"#D9912B\", style=dotted];") != std::string::npos);
    CHECK(dot.find("style=\"rounded,filled\", fillcolor=\"#BFE8D8\"") != std::string::npos);   // talked: good
    CHECK(dot.find("\"lost\" [label=\"lost\\n\", color=\"#8A8F98\", fontcolor=\"#8A8F98\", style=dashed];") != std::string::npos);
    const auto edges_in_dot = static_cast<std::size_t>(std::count(dot.begin(), dot.end(), '>')) ;
    CHECK(edges_in_dot >= m.edges.size());
    const std::string mer = map_to_mermaid(s, m);
    CHECK(mer.rfind("%% Crossroads — measured-cli graph\nflowchart LR\n", 0) == 0);
    CHECK(mer.find("  n0{{\"gate<br/>At the gate<br/>timed: 10 s\"}}") != std::string::npos);
    CHECK(mer.find("  class n3 good\n") != std::string::npos);
    CHECK(mer.find("  class n2 unreachable\n") != std::string::npos);
    CHECK(mer.find("linkStyle " + std::to_string(m.edges.size() - 1) + " stroke:") != std::string::npos);
    // A quote in a title cannot break either syntax.
    Scenario quoted = s;
    quoted.scenes[0].title = "He said \"no\" <twice>";
    CHECK(map_to_dot(quoted, m).find("He said \\\"no\\\" <twice>") != std::string::npos);
    CHECK(map_to_mermaid(quoted, m).find("He said #quot;no#quot; #lt;twice#gt;") != std::string::npos);
}

TEST_CASE("author/paths: shortest routes respect conditions and name the random draw; the rest say why") {
    const Scenario& s = scenario();
    const PathsReport r = find_paths(s);
    CHECK(r.complete);
    const auto& talked = path_to(r, "talked");
    REQUIRE(talked.reached);
    // calm needs trust 2 and the bottle down (disarm needs trust 1): four decisions, found in choice order.
    REQUIRE(talked.steps.size() == 4);
    CHECK(route_choice_ids(s, talked.steps) == std::vector<std::string>{"ask", "ask", "disarm", "calm"});
    const auto& cell = path_to(r, "cell");
    REQUIRE(cell.steps.size() == 1);
    CHECK(describe_step(s, cell.steps[0]) == "gate → push (complies)");
    const auto& never = path_to(r, "never");
    CHECK_FALSE(never.reached);
    CHECK(never.reason == "the choices that lead to it are never offered: 'wish' in scene 'gate' (`trust > 5`)");
    const auto& orphan = path_to(r, "orphan");
    CHECK_FALSE(orphan.reached);
    CHECK(orphan.reason == "only scenes that cannot be reached lead to it: 'lost'");
    REQUIRE(r.never_taken.size() == 2);
    CHECK(s.scene(r.never_taken[0].scene).choices[static_cast<std::size_t>(r.never_taken[0].choice)].id == "wish");
    CHECK(r.never_taken[0].reason == "its condition `trust > 5` is false every time scene 'gate' is reached");
    CHECK(r.never_taken[1].reason == "scene 'lost' is never reached");
}

TEST_CASE("author/simulate: every run ends, counts add up, policies pick what they say, the seed reproduces") {
    const Scenario& s = scenario();
    SimulateOptions o;
    o.runs = 20000;
    const SimulateResult r = simulate(s, o);
    std::uint64_t ended = 0;
    for (auto c : r.ending_counts) ended += c;
    CHECK(ended + r.unfinished == o.runs);
    CHECK(r.ending_counts[2] == 0);   // never
    CHECK(r.ending_counts[3] == 0);   // orphan
    CHECK(r.ending_counts[0] > 0);    // talked: random play gets there sometimes
    CHECK(r.scene_visits[static_cast<std::size_t>(node("lost"))] == 0);
    std::uint64_t taken = 0;
    for (const auto& per_scene : r.choice_counts)
        for (auto c : per_scene) taken += c;
    CHECK(taken == r.decisions);
    // push: 1 in 4 complies → cell directly; the outcome frequencies follow the weights.
    CHECK(r.choice_counts[0].size() == 6);   // five choices and the timeout
    CHECK(r.choice_counts[0][4] == 0);       // wish is never offered
    const SimulateResult again = simulate(s, o);
    CHECK(again.ending_counts == r.ending_counts);
    o.seed = 2;
    CHECK(simulate(s, o).ending_counts != r.ending_counts);

    o.policy = Policy::best;
    const SimulateResult best = simulate(s, o);
    // Best: ask (exemplary) or disarm (exemplary) over push, timeout; calm is unscored (compliant),
    // so the best player keeps asking until the loop clamps — and never pushes.
    CHECK(best.choice_counts[0][1] == 0);
    o.policy = Policy::worst;
    const SimulateResult worst = simulate(s, o);
    CHECK(worst.choice_counts[0][1] == o.runs);   // push every time
    CHECK(worst.ending_counts[0] == 0);
    const auto& necessity = *std::find_if(worst.principles.begin(), worst.principles.end(), [](const auto& p) { return p.principle == "necessity"; });
    CHECK(necessity.worst[3] == o.runs);           // violation was the worst rating of every run
    CHECK(necessity.max_percent <= 17);
}

TEST_CASE("author/simulate: a loop the policy never leaves stops at max_decisions and counts as unfinished") {
    const Scenario& s = scenario();
    SimulateOptions o;
    o.runs = 50;
    o.policy = Policy::best;
    o.max_decisions = 30;
    const SimulateResult r = simulate(s, o);
    CHECK(r.unfinished + r.ending_counts[0] + r.ending_counts[1] == 50);
    CHECK(r.decisions <= 50u * 30u);
}

TEST_CASE("author/bounds: exact lowest and highest results with a route to each") {
    const Scenario& s = scenario();
    // The ask loop clamps trust at 3 but keeps rating precaution: the space of scores is endless.
    const BoundsResult looped = compute_bounds(s, 20000);
    CHECK_FALSE(looped.exact);
    // Without the loop's rating the space is finite and the figures exact.
    Loaded no_loop = load_text(replace_first(crossroads, R"(    rating = "exemplary"
    feedback = "Talking first buys time.")", R"(    rating = "compliant"
    feedback = "Talking first buys time.")"), "crossroads.toml");
    REQUIRE(no_loop.scenario);
    Scenario acyclic = *no_loop.scenario;
    acyclic.scenes[0].choices[0].assessments.clear();   // ask is no longer rated
    const BoundsResult b = compute_bounds(acyclic, 100000);
    CHECK(b.exact);
    const auto& nec = *std::find_if(b.principles.begin(), b.principles.end(), [](const auto& p) { return p.principle == "necessity"; });
    // Lowest: push → complies → cell: one violation, 0 %. Highest: disarm then calm: exemplary, 100 %.
    CHECK(nec.low_percent == 0);
    CHECK(nec.high_percent == 100);
    CHECK(nec.best_worst == Rating::exemplary);
    CHECK(nec.worst_worst == Rating::violation);
    CHECK(nec.rated_on_every_path);   // every way to an ending passes push, restrain or disarm
    const auto& pre = *std::find_if(b.principles.begin(), b.principles.end(), [](const auto& p) { return p.principle == "precaution"; });
    CHECK_FALSE(pre.rated_on_every_path);   // only the timeout rates it now
    CHECK(pre.low_percent == 33);
    CHECK(pre.high_percent == 33);
    CHECK(route_choice_ids(acyclic, nec.low_route) == std::vector<std::string>{"push"});
    CHECK(route_choice_ids(acyclic, nec.high_route).back() == "calm");
}

TEST_CASE("author/session: variable edits survive rewind, a start from any scene, and replay on an edited scenario") {
    const Scenario& s = scenario();
    Session session(s, 1);
    REQUIRE(session.choose_id("ask", 1).ok);
    REQUIRE(session.set_value("trust", 9).ok);   // clamped to 3
    CHECK(session.values()[0] == 3);
    CHECK_FALSE(session.set_value("trsut", 1).ok);
    REQUIRE(session.choose_id("disarm", 1).ok);
    REQUIRE(session.choose_id("calm", 1).ok);
    CHECK(session.ending()->id == "talked");
    REQUIRE(session.rewind(2).ok);
    CHECK(session.values()[0] == 3);             // the edit made after decision 1 is kept
    CHECK(session.values()[1] == 0);             // armed = false after disarm
    REQUIRE(session.rewind(0).ok);
    CHECK(session.values()[0] == 0);             // before the edit

    Session from(s, 1, node("struggle"), {2, 1});
    CHECK(from.scene()->id == "struggle");
    REQUIRE(from.choose_id("restrain", 0).ok);
    REQUIRE(from.rewind(0).ok);
    CHECK(from.scene()->id == "struggle");
    CHECK(from.values()[0] == 2);

    // Replay on an edited scenario: the history is kept as far as it still fits.
    Session played(s, 1);
    REQUIRE(played.choose_id("ask", 0).ok);
    REQUIRE(played.choose_id("disarm", 0).ok);
    Loaded edited = load_text(replace_first(crossroads, R"(condition = "trust >= 1 and armed")", R"(condition = "trust >= 2 and armed")"), "crossroads.toml");
    REQUIRE(edited.scenario);
    std::size_t kept = 99;
    std::string why;
    const Session moved = played.replay_on(*edited.scenario, &kept, &why);
    CHECK(kept == 1);
    CHECK(why == "decision 2: choice 'disarm' is not available now");
    CHECK(moved.history().size() == 1);
    CHECK(&moved.scenario() == &*edited.scenario);
    const Session same = played.replay_on(s, &kept, &why);
    CHECK(kept == 2);
    CHECK(why.empty());
}

TEST_CASE("author/expressions: why a condition is false, part by part, with the values") {
    const Scenario& s = scenario();
    const Choice& calm = s.scenes[0].choices[2];
    const auto vars = s.variable_infos();
    std::vector<std::int64_t> values{1, 1};
    CHECK(explain_false(*calm.condition, vars, values) == std::vector<std::string>{"trust >= 2 (trust is 1)", "armed == false (armed is true)"});
    values = {2, 1};
    CHECK(explain_false(*calm.condition, vars, values) == std::vector<std::string>{"armed == false (armed is true)"});
    values = {2, 0};
    CHECK(explain_false(*calm.condition, vars, values).empty());
    const auto parsed = parse_expression("not (trust > 1 or armed) and trust - 1 < 0", vars);
    REQUIRE(parsed.expr);
    CHECK(expression_text(*parsed.expr, parsed.expr->root, vars) == "not (trust > 1 or armed) and trust - 1 < 0");
    values = {3, 0};
    CHECK(explain_false(*parsed.expr, vars, values) == std::vector<std::string>{"not (trust > 1 or armed) (trust is 3, armed is false)", "trust - 1 < 0 (trust is 3)"});
}

TEST_CASE("author/transcripts: a recorded transcript passes; each kind of difference is reported where it is written") {
    TempDir dir;
    const std::string path = dir.write("crossroads.toml", crossroads);
    const Scenario& s = scenario();
    std::vector<std::string> missing;
    const std::string cases = record_cases(s, &catalogue(), {}, missing);
    CHECK(missing == std::vector<std::string>{"never: the choices that lead to it are never offered: 'wish' in scene 'gate' (`trust > 5`)",
                                              "orphan: only scenes that cannot be reached lead to it: 'lost'"});
    const std::string tpath = dir.write("crossroads.test.toml", cases);
    Diagnostics d;
    auto t = load_transcript(tpath, d);
    REQUIRE_MESSAGE(t, dump(d));
    CHECK(t->scenario_path == path);
    REQUIRE(t->cases.size() == 2);
    auto results = run_transcript(*t, s, &catalogue(), d);
    CHECK_MESSAGE(!d.has_errors(), dump(d));
    CHECK(results[0].passed);
    CHECK(results[1].passed);
    // The cell route needs the 1-in-4 draw "complies": the recorder found a seed for it.
    CHECK(cases.find("choices = [\"push\"]") != std::string::npos);

    const std::string broken = replace_first(replace_first(replace_first(cases, "ending = \"cell\"", "ending = \"talked\""),
                                                           "choices = [\"push\"]", "choices = [\"push\", \"restrain\"]"),
                                             "trust = 2", "trust = 3");
    const std::string bpath = dir.write("broken.test.toml", "scenario = \"crossroads.toml\"\n" + broken);
    Diagnostics d2;
    auto t2 = load_transcript(bpath, d2);
    REQUIRE(t2);
    results = run_transcript(*t2, s, &catalogue(), d2);
    CHECK_FALSE(results[0].passed);
    CHECK_FALSE(results[1].passed);
    const std::string text = read_file(bpath);
    const Pos trust = find_pos(text, "trust = 3", 8);
    CHECK_MESSAGE(has_diagnostic(d2, "E902", trust.line, trust.column), dump(d2));
    const Pos restrain = find_pos(text, "\"restrain\"");
    CHECK_MESSAGE(has_diagnostic(d2, "E901", restrain.line, restrain.column), dump(d2));
    CHECK(dump(d2).find("the run already ended at 'cell' before choice 'restrain'") != std::string::npos);

    // Shape errors are located too.
    const std::string bad = dir.write("bad.test.toml", "scenario = \"crossroads.toml\"\n[[case]]\nname = \"x\"\nchoices = [\"ask\"]\nseeed = 3\n"
                                                       "[case.expect]\nratings = { necessity = \"fine\" }\npercent = { necessity = 120 }\n");
    Diagnostics d3;
    CHECK_FALSE(load_transcript(bad, d3));
    CHECK(has_diagnostic(d3, "W100", 5, 1));
    CHECK(has_diagnostic(d3, "E102", 7, 25));
    CHECK(has_diagnostic(d3, "E102", 8, 25));
}

TEST_CASE("author/library: the analyses run on every shipped scenario and agree with each other") {
    std::vector<std::string> files;
    REQUIRE(find_toml_files(source_path("scenarios"), files).empty());
    std::size_t checked = 0;
    for (const auto& f : files) {
        if (looks_like_catalogue_file(f)) continue;
        ValidateOptions o;
        o.catalogue = &catalogue();
        const auto lint = lint_scenario(f, o);
        REQUIRE(lint.scenario);
        const Scenario& s = *lint.scenario;
        const PathsReport p = find_paths(s);
        CHECK_MESSAGE(p.complete, f);
        for (const auto& e : p.endings) CHECK_MESSAGE(e.reached, f << ": " << s.ending(e.ending).id << ": " << e.reason);
        SimulateOptions so;
        so.runs = 2000;
        const SimulateResult r = simulate(s, so);
        CHECK_MESSAGE(r.unfinished == 0, f);
        const BoundsResult b = compute_bounds(s, 200000);
        for (const auto& pb : b.principles) {
            const auto it = std::find_if(r.principles.begin(), r.principles.end(), [&](const auto& x) { return x.principle == pb.principle; });
            REQUIRE(it != r.principles.end());
            if (b.exact) {   // a sample never leaves the exact range
                CHECK_MESSAGE(it->min_percent >= pb.low_percent, f << " " << pb.principle);
                CHECK_MESSAGE(it->max_percent <= pb.high_percent, f << " " << pb.principle);
            }
        }
        const ScenarioMap m = build_map(s);
        CHECK(m.edges.size() == scenario_edges(s).size());
        ++checked;
    }
    CHECK(checked >= 17);
}

TEST_CASE("author/transcripts: a transcript without cases is an error, not a pass") {
    TempDir dir;
    dir.write("crossroads.toml", crossroads);
    const std::string empty = dir.write("crossroads.test.toml", "case = []\n");
    Diagnostics d;
    CHECK_FALSE(load_transcript(empty, d));
    CHECK_MESSAGE(with_code(d, "E100").size() == 1, dump(d));
}

TEST_CASE("author/loader: a choice with neither target nor outcomes gets one E100 and no empty E201") {
    const Loaded l = load_text(replace_first(minimal_scenario(), "  target = \"end\"\n", ""));
    CHECK(with_code(l.diags, "E100").size() == 1);
    CHECK_MESSAGE(with_code(l.diags, "E201").empty(), dump(l.diags));
}
