// measured-cli workshop end to end: `summarize` over session files made by really running
// `measured-cli play --session-out` and workshop records played in the test on the real scenarios,
// its counts and averages checked against values worked out here from the same paths; a golden
// summary of a fixed set; records that cannot be used; usage errors; and `report` in its three
// formats, byte-identical to the golden group debrief.
#include "helpers.hpp"

#include "debrief.hpp"
#include "session.hpp"
#include "transcript.hpp"
#include "workshop.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace measured;
using namespace measured::test;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

const std::string knife_rel = "scenarios/use-of-force/knife-in-the-kitchen/scenario.toml";
const std::string bus_rel = "scenarios/use-of-force/last-bus/scenario.toml";

const Scenario& bundled(const std::string& rel) {
    static std::map<std::string, Scenario> cache;
    if (auto it = cache.find(rel); it != cache.end()) return it->second;
    ValidateOptions o;
    o.catalogue = &catalogue();
    auto r = lint_scenario(source_path(rel), o);
    REQUIRE_MESSAGE(r.scenario, dump(r.diagnostics));
    REQUIRE_MESSAGE(!r.diagnostics.has_errors(), dump(r.diagnostics));
    return cache.emplace(rel, std::move(*r.scenario)).first->second;
}

// The author's transcript cases of a bundled scenario: real paths with the ending each reaches.
struct Case {
    std::uint64_t seed = 1;
    std::vector<std::string> choices;
    std::string ending;
};
std::vector<Case> cases_of(const std::string& scenario_rel) {
    Diagnostics d;
    auto t = load_transcript(source_path(fs::path(scenario_rel).replace_extension(".test.toml").string()), d);
    REQUIRE_MESSAGE(t, dump(d));
    std::vector<Case> out;
    for (const auto& c : t->cases) {
        Case k;
        k.seed = c.seed;
        for (const auto& ch : c.choices) k.choices.push_back(ch.value);
        k.ending = c.ending ? c.ending->value : "";
        out.push_back(std::move(k));
    }
    return out;
}

// The --choose list for a path of choice ids: 1-based among the choices shown, 't' for a timeout.
std::string choose_list(const Scenario& s, std::uint64_t seed, const std::vector<std::string>& ids) {
    Session session(s, seed);
    std::string out;
    for (const auto& id : ids) {
        std::string item = "t";
        if (id != "timeout") {
            const auto available = session.available_choices();
            for (std::size_t i = 0; i < available.size(); ++i)
                if (session.scene()->choices[static_cast<std::size_t>(available[i])].id == id) item = std::to_string(i + 1);
        }
        REQUIRE_MESSAGE((item != "t" || id == "timeout"), "choice '" << id << "' is not offered");
        out += (out.empty() ? "" : ",") + item;
        const StepResult r = id == "timeout" ? session.time_out(0) : session.choose_id(id, 0);
        REQUIRE_MESSAGE(r.ok, r.error);
    }
    return out;
}

// A session file written by the real `play`; returns its path.
std::string play_session(const std::string& scenario_path, const Scenario& s, const Case& c, const std::string& out) {
    const auto r = run_cli({"play", "--quiet", "--seed", std::to_string(c.seed), "--choose", choose_list(s, c.seed, c.choices), "--session-out",
                            out, scenario_path});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return out;
}

// Votes for each option on offer: the played option 7, the others 1, 2, 3… in the order shown; when
// the step overrides the vote, the first other option gets 9, so the plurality is not what was played.
std::vector<VoteCount> votes_for(const Session& before, const WorkshopStep& step) {
    std::vector<std::string> offered;
    for (int i : before.available_choices()) offered.push_back(before.scene()->choices[static_cast<std::size_t>(i)].id);
    if (before.scene()->timeout) offered.push_back("timeout");
    std::vector<VoteCount> v;
    bool boosted = false;
    for (std::size_t k = 0; k < offered.size(); ++k) {
        int n = offered[k] == step.choice ? 7 : static_cast<int>(k) + 1;
        if (!step.override_reason.empty() && offered[k] != step.choice && !boosted) {
            n = 9;
            boosted = true;
        }
        v.push_back({offered[k], n});
    }
    return v;
}

std::vector<WorkshopStep> steps_of(const Case& c, double base_at) {
    std::vector<WorkshopStep> out;
    for (std::size_t i = 0; i < c.choices.size(); ++i)
        out.emplace_back(c.choices[i], std::vector<VoteCount>{}, 10.0 + static_cast<double>(i) * 2.5, base_at + 60.0 * static_cast<double>(i + 1));
    return out;
}

// What the summary should say about one scenario, worked out here from the paths.
struct Worked {
    int sessions = 0, workshops = 0, what_ifs = 0;
    std::map<std::string, int> endings;
    std::map<std::pair<std::string, std::string>, int> played;   // (scene, choice)
    std::map<std::pair<std::string, std::string>, int> votes;
    std::map<std::pair<std::string, std::string>, int> majorities;
    std::map<std::string, std::vector<int>> percents;            // principle → result per record
    std::vector<double> clock;
    int overrides = 0;
};

void expect_record(Worked& e, const Scenario& s, std::uint64_t seed, const std::vector<Decision>& history, const std::string& ending,
                   const WorkshopBranch* main_line) {
    std::string error;
    const auto session = Session::replay(s, seed, history, &error);
    REQUIRE_MESSAGE(session, error);
    ++(main_line ? e.workshops : e.sessions);
    e.endings[ending]++;
    double clock = 0;
    for (const auto& d : history) {
        e.played[{d.scene, d.choice}]++;
        clock += d.seconds;
    }
    e.clock.push_back(clock);
    if (main_line) {
        for (const auto& wd : main_line->decisions) {
            for (const auto& v : wd.votes) e.votes[{wd.decision.scene, v.choice}] += v.votes;
            int best = -1;
            std::string top;
            for (const auto& v : wd.votes) {
                if (v.votes > best) top = v.choice;
                best = std::max(best, v.votes);
            }
            e.majorities[{wd.decision.scene, top}]++;
            e.overrides += wd.overridden ? 1 : 0;
        }
    }
    for (const auto& p : make_debrief(*session, &catalogue()).principles) e.percents[p.principle].push_back(p.percent);
}

// The text between the first `from` after `start` and the next `to` (or the end).
std::string between(const std::string& text, const std::string& from, const std::string& to, std::size_t start = 0) {
    const auto a = text.find(from, start);
    REQUIRE_MESSAGE(a != std::string::npos, "missing " << from);
    const auto b = text.find(to, a + from.size());
    return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

// The number after `"key": ` in a JSON text (the first one); "" when absent.
std::string number_after(const std::string& json, const std::string& key) {
    const std::string k = "\"" + key + "\": ";
    const auto at = json.find(k);
    if (at == std::string::npos) return "";
    const auto end = json.find_first_of(",\n}", at + k.size());
    return json.substr(at + k.size(), end - at - k.size());
}

std::string fixed3(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

// One option's object inside a scenario's "decisions" array of the summary JSON.
std::string option_json(const std::string& decisions, const std::string& scene, const std::string& choice) {
    const std::string one = between(decisions, "\"scene\": \"" + scene + "\"", "\"overrides\"");
    return between(one, "\"choice\": \"" + choice + "\"", "}");
}

}  // namespace

TEST_SUITE("cli/workshop") {

TEST_CASE("cli/workshop: summarize counts and averages what was played, voted and scored, as worked out here") {
    TempDir dir;
    const Scenario& knife = bundled(knife_rel);
    const Scenario& bus = bundled(bus_rel);
    const auto knife_cases = cases_of(knife_rel);
    const auto bus_cases = cases_of(bus_rel);
    REQUIRE(knife_cases.size() >= 7);
    REQUIRE(bus_cases.size() >= 2);
    // Cases 0 and 1 of the knife share their first five choices and their seed: a what-if.
    REQUIRE(knife_cases[0].seed == knife_cases[1].seed);
    REQUIRE(std::equal(knife_cases[0].choices.begin(), knife_cases[0].choices.begin() + 5, knife_cases[1].choices.begin()));

    Worked ek, eb;
    // Sessions by the real `play`.
    for (std::size_t k : {3u, 6u}) {
        const std::string f = play_session(source_path(knife_rel), knife, knife_cases[k], dir.path() + "/session-knife-" + std::to_string(k) + ".toml");
        Session s(knife, knife_cases[k].seed);
        for (const auto& c : knife_cases[k].choices) REQUIRE(s.choose_id(c, 0).ok);
        expect_record(ek, knife, knife_cases[k].seed, s.history(), knife_cases[k].ending, nullptr);
        CHECK(contains(read_file(f), "measured_session = 1"));
    }
    for (std::size_t k : {0u, 1u}) {
        play_session(source_path(bus_rel), bus, bus_cases[k], dir.path() + "/session-bus-" + std::to_string(k) + ".toml");
        Session s(bus, bus_cases[k].seed);
        for (const auto& c : bus_cases[k].choices) REQUIRE(s.choose_id(c, 0).ok);
        expect_record(eb, bus, bus_cases[k].seed, s.history(), bus_cases[k].ending, nullptr);
    }

    // Workshop 1: case 0 as the path played, case 1 as a what-if from decision 5; no override.
    WorkshopRecord w1 = new_workshop_record(knife, knife_cases[0].seed, "2026-11-23 09:30");
    w1.group = "Morning group";
    w1.branches[0] = play_branch(knife, knife_cases[0].seed, steps_of(knife_cases[0], 0), votes_for);
    WorkshopBranch what_if = play_branch(knife, knife_cases[1].seed, steps_of(knife_cases[1], 0), votes_for);
    what_if.parent = 0;
    what_if.fork = 5;
    w1.branches.push_back(what_if);
    w1.duration = 2400;
    // Workshop 2: case 2, where the trainer overrides the vote at the second decision.
    auto steps2 = steps_of(knife_cases[2], 30);
    steps2[1].override_reason = "Let them see where forcing the door leads";
    WorkshopRecord w2 = new_workshop_record(knife, knife_cases[2].seed, "2026-11-24 13:00");
    w2.group = "Afternoon group";
    w2.branches[0] = play_branch(knife, knife_cases[2].seed, steps2, votes_for);
    w2.duration = 1800;
    for (const auto* w : {&w1, &w2}) {
        std::vector<Decision> history;
        for (const auto& wd : w->branches[0].decisions) history.push_back(wd.decision);
        expect_record(ek, knife, w->seed, history, w->branches[0].ending, &w->branches[0]);
    }
    ek.what_ifs = 1;
    REQUIRE(save_workshop(w1, dir.path() + "/workshop-1.toml").empty());
    REQUIRE(save_workshop(w2, dir.path() + "/workshop-2.toml").empty());
    CHECK(w1.branches[0].ending == knife_cases[0].ending);
    CHECK(w2.branches[0].ending == knife_cases[2].ending);

    // A folder is every *.toml in it; the same file named again is counted once.
    const auto md = run_cli({"workshop", "summarize", dir.path(), dir.path() + "/workshop-1.toml"});
    CHECK_MESSAGE(md.exit_code == 0, md.err);
    CHECK(md.err.empty());
    CHECK(contains(md.out, "6 records read: 6 summarized (4 sessions, 2 workshops), 0 skipped."));
    CHECK(contains(md.out, "Scenario `knife-in-the-kitchen` version " + knife.version + " · 4 records: 2 sessions, 2 workshops (1 what-if branch explored)"));
    CHECK(contains(md.out, "Scenario `last-bus` version " + bus.version + " · 2 records: 2 sessions, 0 workshops\n"));
    CHECK(contains(md.out, "The trainer overrode the vote 1 time:"));
    CHECK(contains(md.out, "- Afternoon group, 2026-11-24 13:00: played **"));
    CHECK(contains(md.out, "“Let them see where forcing the door leads”"));
    CHECK(contains(md.out, "Workshops from start to end: mean 35:00 (2 workshops, shortest 30:00, longest 40:00)."));

    const auto js = run_cli({"workshop", "summarize", "--format", "json", dir.path()});
    CHECK_MESSAGE(js.exit_code == 0, js.err);
    REQUIRE(valid_json(js.out));
    CHECK(number_after(js.out, "read") == "6");
    CHECK(number_after(js.out, "summarized") == "6");

    for (const auto& [scenario, e] : {std::pair<const Scenario*, const Worked*>{&knife, &ek}, {&bus, &eb}}) {
        CAPTURE(scenario->id);
        const std::string sc = between(js.out, "\"id\": \"" + scenario->id + "\"", "\"not_reached\"");
        CHECK(number_after(sc, "records") == std::to_string(e->sessions + e->workshops));
        CHECK(number_after(sc, "sessions") == std::to_string(e->sessions));
        CHECK(number_after(sc, "workshops") == std::to_string(e->workshops));
        CHECK(number_after(sc, "what_if_branches") == std::to_string(e->what_ifs));
        CHECK(number_after(sc, "unfinished") == "0");
        for (const auto& end : scenario->endings) {
            CAPTURE(end.id);
            const auto it = e->endings.find(end.id);
            CHECK(number_after(between(sc, "\"id\": \"" + end.id + "\"", "}"), "records") == std::to_string(it == e->endings.end() ? 0 : it->second));
        }
        // Per principle: the mean of the records' results, over the records that rated it.
        const std::string principles = between(sc, "\"principles\": [", "\"violations\"");
        for (const auto& [principle, list] : e->percents) {
            CAPTURE(principle);
            double sum = 0;
            for (int p : list) sum += p;
            const std::string one = between(principles, "\"id\": \"" + principle + "\"", "}");
            CHECK(number_after(one, "records") == std::to_string(list.size()));
            CHECK(number_after(one, "mean_percent") == fixed3(sum / static_cast<double>(list.size())));
            CHECK(number_after(one, "min_percent") == std::to_string(*std::min_element(list.begin(), list.end())));
            CHECK(number_after(one, "max_percent") == std::to_string(*std::max_element(list.begin(), list.end())));
        }
        CHECK(std::count(principles.begin(), principles.end(), '{') == static_cast<long>(e->percents.size()));
        // What was played and voted, per scene and choice.
        const std::string decisions = between(sc, "\"decisions\": [", "\"not_reached\"");
        for (const auto& [key, n] : e->played) {
            CAPTURE(key.first);
            CAPTURE(key.second);
            CHECK(number_after(option_json(decisions, key.first, key.second), "played") == std::to_string(n));
        }
        for (const auto& [key, n] : e->votes) {
            CAPTURE(key.first);
            CAPTURE(key.second);
            CHECK(number_after(option_json(decisions, key.first, key.second), "votes") == std::to_string(n));
        }
        for (const auto& [key, n] : e->majorities) CHECK(number_after(option_json(decisions, key.first, key.second), "majorities") == std::to_string(n));
        // Time on the clock: every record here reached an ending.
        double sum = 0;
        for (double c : e->clock) sum += c;
        const std::string clock = between(sc, "\"clock_seconds\": {", "}");
        CHECK(number_after(clock, "records") == std::to_string(e->clock.size()));
        CHECK(number_after(clock, "mean") == fixed3(sum / static_cast<double>(e->clock.size())));
        CHECK(number_after(clock, "min") == fixed3(*std::min_element(e->clock.begin(), e->clock.end())));
        CHECK(number_after(clock, "max") == fixed3(*std::max_element(e->clock.begin(), e->clock.end())));
        int overrides = 0;
        for (std::size_t at = sc.find("\"reason\": "); at != std::string::npos; at = sc.find("\"reason\": ", at + 1)) ++overrides;
        CHECK(overrides == e->overrides);
    }
}

TEST_CASE("cli/workshop: golden summary of a fixed set of sessions and workshops on the golden scenario") {
    TempDir dir;
    const std::string scenario = data_path("golden/scenario.toml");
    // Sessions by the real `play`: talk and wait; kick and wait; let the clock run out, then strike (twice).
    const std::vector<std::pair<std::string, std::string>> sessions{{"1", "1,1"}, {"2", "2,1"}, {"3", "t,2"}, {"4", "t,2"}};
    for (const auto& [seed, choose] : sessions) {
        const auto r = run_cli({"play", "--quiet", "--seed", seed, "--choose", choose, "--session-out", dir.path() + "/session-" + seed + ".toml", scenario});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    REQUIRE(save_workshop(golden_workshop(), dir.path() + "/workshop-tuesday.toml").empty());
    // A second group: a tied vote at the door (the trainer breaks the tie, with a reason, by playing
    // the kick), then the group's strike.
    WorkshopRecord thursday = new_workshop_record(golden_scenario(), 11, "2026-11-26 10:00");
    thursday.group = "Thursday cohort";
    thursday.branches[0] = play_branch(golden_scenario(), 11,
                                       {{"kick", {{"talk", 5}, {"kick", 5}, {"timeout", 2}}, 12, 100, "Tied vote: we play the forced entry to discuss it."},
                                        {"strike", {{"wait", 3}, {"strike", 9}}, 6, 400}});
    thursday.duration = 900;
    REQUIRE(save_workshop(thursday, dir.path() + "/workshop-thursday.toml").empty());

    const auto r = run_cli({"workshop", "summarize", "--library", data_path("golden"), dir.path()});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    check_golden("workshop-summary.md", r.out);
    // The same summary written with --out, and byte-identical on a second run.
    const std::string out = dir.path() + "/summary.md";
    CHECK(run_cli({"workshop", "summarize", "--library", data_path("golden"), "--out", out, dir.path()}).exit_code == 0);
    CHECK(read_file(out) == r.out);
}

TEST_CASE("cli/workshop: records that cannot be used are listed with exit 1, and the others are still summarized") {
    TempDir dir;
    const std::string scenario = data_path("golden/scenario.toml");
    const std::string good = dir.path() + "/a-good.toml";
    REQUIRE(run_cli({"play", "--quiet", "--seed", "1", "--choose", "1,1", "--session-out", good, scenario}).exit_code == 0);
    REQUIRE(save_workshop(golden_workshop(), dir.path() + "/b-workshop.toml").empty());
    const std::string session_text = read_file(good);
    const std::string unknown = dir.write("c-unknown.toml", replace_first(session_text, "scenario_id = \"golden-doorway\"", "scenario_id = \"no-such-scenario\""));
    const std::string old = dir.write("d-old.toml", replace_first(workshop_to_toml(golden_workshop()), "scenario_version = \"1.0.0\"", "scenario_version = \"0.9.0\""));
    const std::string broken = dir.write("e-broken.toml", "measured_workshop = 1\nscenario_id = \"golden-doorway\"\n[[branch]]\nparent = 4\n");
    const std::string not_toml = dir.write("f-notes.toml", "these are my notes, not TOML\n");

    const auto r = run_cli({"workshop", "summarize", "--library", data_path("golden"), dir.path()});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, unknown + ": error[E704]: the scenario 'no-such-scenario' of this record is not in the library (or does not load)\n"));
    CHECK(contains(r.err, old + ": error[E702]: this workshop was recorded against version 0.9.0 of 'golden-doorway'"));
    CHECK(contains(r.err, broken + ":4:1: error[E710]: the first branch is the main line: its 'parent' must be -1\n"));
    CHECK(contains(r.err, not_toml + ":1:"));
    CHECK(contains(r.err, "measured-cli workshop summarize: 4 of 6 records skipped\n"));
    CHECK(contains(r.out, "6 records read: 2 summarized (1 session, 1 workshop), 4 skipped (they could not be read or replayed; the diagnostics say why):\n"));
    for (const auto& f : {unknown, old, broken, not_toml}) CHECK(contains(r.out, "- `" + f + "`\n"));
    CHECK(contains(r.out, "Scenario `golden-doorway` version 1.0.0 · 2 records: 1 session, 1 workshop (1 what-if branch explored)"));

    const auto js = run_cli({"workshop", "summarize", "--format", "json", "--library", data_path("golden"), dir.path()});
    CHECK(js.exit_code == 1);
    CHECK(valid_json(js.out));
    CHECK(number_after(js.out, "read") == "6");
    CHECK(number_after(js.out, "summarized") == "2");
    CHECK(contains(js.out, "\"skipped\": [\n    \"" + unknown + "\","));

    // A record whose scenario is in no library: the bundled one does not have the golden scenario.
    const auto bundled_only = run_cli({"workshop", "summarize", good});
    CHECK(bundled_only.exit_code == 1);
    CHECK(contains(bundled_only.err, good + ": error[E704]: the scenario 'golden-doorway' of this record is not in the library"));
    CHECK(contains(bundled_only.out, "No record could be summarized."));
}

TEST_CASE("cli/workshop: --help, and usage and I/O errors exit 2") {
    const auto help = run_cli({"workshop", "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.rfind("Usage: measured-cli workshop summarize [--format md|json] [--library DIR] [--standards DIR] [--out FILE] FILE...\n"
                         "       measured-cli workshop report [--format md|html|json] [--library DIR] [--standards DIR] [--out FILE] FILE\n",
                         0) == 0);
    CHECK(run_cli({"workshop", "summarize", "--help"}).out == help.out);
    CHECK(contains(run_cli({"--help"}).out, "\n  workshop   "));

    TempDir dir;
    REQUIRE(save_workshop(golden_workshop(), dir.path() + "/w.toml").empty());
    const std::string w = dir.path() + "/w.toml";
    const std::vector<std::pair<std::vector<std::string>, std::string>> usage{
        {{"workshop"}, "measured-cli workshop: give an action: summarize or report\n"},
        {{"workshop", "frobnicate"}, "measured-cli workshop: unknown action 'frobnicate' (summarize or report)\n"},
        {{"workshop", "summarize"}, "measured-cli workshop: summarize: give at least one record file or folder\n"},
        {{"workshop", "summarize", "--format", "html", w}, "measured-cli workshop: --format must be md or json for summarize\n"},
        {{"workshop", "report"}, "measured-cli workshop: report: give one workshop record\n"},
        {{"workshop", "report", w, w}, "measured-cli workshop: report: give one workshop record\n"},
        {{"workshop", "report", "--format", "pdf", w}, "measured-cli workshop: --format must be md, html or json for report\n"},
        {{"workshop", "summarize", "--frobnicate", w}, "measured-cli workshop: unknown option --frobnicate\n"},
        {{"workshop", "summarize", w, "--out"}, "measured-cli workshop: --out needs a value\n"},
    };
    for (const auto& [args, first_line] : usage) {
        CAPTURE(args.size());
        CAPTURE(first_line);
        const auto r = run_cli(args);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == first_line + "Run 'measured-cli workshop --help' for usage.\n");
    }
    const auto missing = run_cli({"workshop", "summarize", dir.path() + "/nothere"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "measured-cli workshop: no such file or folder: " + dir.path() + "/nothere\n");
    const auto unreadable = run_cli({"workshop", "report", dir.path() + "/nothere.toml"});
    CHECK(unreadable.exit_code == 2);
    CHECK(contains(unreadable.err, dir.path() + "/nothere.toml"));
    const auto unwritable = run_cli({"workshop", "report", "--library", data_path("golden"), "--out", dir.path() + "/no/such/folder/w.md", w});
    CHECK(unwritable.exit_code == 2);
    CHECK(contains(unwritable.err, "measured-cli workshop: cannot write the report: "));
    const auto no_library = run_cli({"workshop", "report", "--library", dir.path() + "/nothere", w});
    CHECK(no_library.exit_code == 2);
}

TEST_CASE("cli/workshop: report exports one workshop's group debrief in Markdown, HTML and JSON") {
    TempDir dir;
    const std::string w = dir.path() + "/tuesday.toml";
    REQUIRE(save_workshop(golden_workshop(), w).empty());
    const std::string library = data_path("golden");
    const auto md = run_cli({"workshop", "report", "--library", library, w});
    CHECK_MESSAGE(md.exit_code == 0, md.err);
    CHECK(md.err.empty());
    CHECK(md.out == read_file(data_path("golden/workshop.md")));
    const auto html = run_cli({"workshop", "report", "--format", "html", "--library", library, w});
    CHECK(html.exit_code == 0);
    CHECK(html.out == read_file(data_path("golden/workshop.html")));
    const auto json = run_cli({"workshop", "report", "--format=json", "--library", library, w});
    CHECK(json.exit_code == 0);
    CHECK(json.out == read_file(data_path("golden/workshop.json")));
    CHECK(valid_json(json.out));
    const std::string out = dir.path() + "/tuesday.html";
    CHECK(run_cli({"workshop", "report", "--format", "html", "--library", library, "--out", out, w}).exit_code == 0);
    CHECK(read_file(out) == html.out);

    SUBCASE("a record whose branch no longer replays is exit 1 with E703") {
        WorkshopRecord bad = golden_workshop();
        bad.branches[1].decisions[1].decision.choice = "wait";
        REQUIRE(save_workshop(bad, w).empty());
        const auto r = run_cli({"workshop", "report", "--library", library, w});
        CHECK(r.exit_code == 1);
        CHECK(r.out.empty());
        CHECK(contains(r.err, w + ": error[E703]: branch 2 does not replay: "));
    }
    SUBCASE("a session file is not a workshop record: exit 1 with E710") {
        const std::string session = dir.path() + "/session.toml";
        REQUIRE(run_cli({"play", "--quiet", "--seed", "1", "--choose", "1,1", "--session-out", session, data_path("golden/scenario.toml")}).exit_code == 0);
        const auto r = run_cli({"workshop", "report", "--library", library, session});
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, session + ": error[E710]: this is not a Measured workshop record"));
    }
}

}  // TEST_SUITE
