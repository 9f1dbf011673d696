// measured-cli's author commands end to end: graph, paths, simulate, bounds, test and new, run as
// an author would, on the shipped library and on files written to a temporary folder.
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace measured::test;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::string knife() { return source_path("scenarios/use-of-force/knife-in-the-kitchen/scenario.toml"); }

// The minimal scenario with a second ending nothing leads to.
std::string with_orphan() {
    return minimal_scenario() + R"(
[[ending]]
id = "orphan"
title = "Orphan"
outcome = "resolved"
text = "Nobody gets here."
debrief = "Unreachable."
)";
}

}  // namespace

TEST_CASE("cli/author: every author command has --help and rejects bad usage with exit 2") {
    const std::vector<std::pair<std::string, std::string>> usage{
        {"graph", "Usage: measured-cli graph [--format dot|mermaid] [--standards DIR] SCENARIO\n"},
        {"paths", "Usage: measured-cli paths [--format text|json] [--standards DIR] SCENARIO\n"},
        {"simulate", "Usage: measured-cli simulate [--runs N] [--seed S] [--policy random|best|worst]\n"},
        {"bounds", "Usage: measured-cli bounds [--format text|json] [--max-states N] [--standards DIR] SCENARIO\n"},
        {"test", "Usage: measured-cli test [--strict] [--record] [--standards DIR] PATH...\n"},
        {"new", "Usage: measured-cli new --template use-of-force|assembly|custody [--dir DIR] ID\n"}};
    const auto top = run_cli({"--help"});
    for (const auto& [cmd, first_line] : usage) {
        CAPTURE(cmd);
        const auto r = run_cli({cmd, "--help"});
        CHECK(r.exit_code == 0);
        CHECK(r.out.rfind(first_line, 0) == 0);
        CHECK(contains(top.out, "  " + cmd + " "));
        const auto none = run_cli({cmd});
        CHECK(none.exit_code == 2);
        CHECK(contains(none.err, "measured-cli " + cmd + ": "));
    }
    CHECK(run_cli({"graph", "--format", "svg", knife()}).exit_code == 2);
    CHECK(run_cli({"simulate", "--policy", "lucky", knife()}).exit_code == 2);
    CHECK(run_cli({"simulate", "--runs", "0", knife()}).exit_code == 2);
    CHECK(run_cli({"bounds", "--max-states", "x", knife()}).exit_code == 2);
    CHECK(run_cli({"paths", "/no/such/file.toml"}).exit_code == 2);
    CHECK(run_cli({"test", "/no/such/folder"}).exit_code == 2);
}

TEST_CASE("cli/author: a scenario with errors is refused by every analysis with its diagnostics and exit 1") {
    TempDir dir;
    const std::string bad = dir.write("bad.toml", replace_first(minimal_scenario(), "target = \"end\"", "target = \"ned\""));
    for (const std::string cmd : {"graph", "paths", "simulate", "bounds"}) {
        CAPTURE(cmd);
        const auto r = run_cli({cmd, bad});
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, "error[E201]"));
        CHECK(contains(r.err, "did you mean 'end'?"));
        CHECK(r.out.empty());
    }
}

TEST_CASE("cli/author: graph writes dot and Mermaid with every scene and ending of a shipped scenario") {
    const auto dot = run_cli({"graph", knife()});
    REQUIRE(dot.exit_code == 0);
    CHECK(dot.out.rfind("// Knife in the kitchen — measured-cli graph\ndigraph \"knife-in-the-kitchen\" {\n", 0) == 0);
    for (const char* id : {"arrival", "hallway", "kitchen", "report", "admitted_calm", "died", "found_hurt"}) CHECK_MESSAGE(contains(dot.out, std::string("\"") + id + "\" ["), id);
    CHECK(contains(dot.out, "shape=hexagon"));   // timed decisions
    CHECK(contains(dot.out, "style=dashed"));    // random outcomes
    CHECK(dot.out.back() == '\n');
    const auto mer = run_cli({"graph", "--format", "mermaid", knife()});
    REQUIRE(mer.exit_code == 0);
    CHECK(contains(mer.out, "\nflowchart LR\n"));
    CHECK(contains(mer.out, "(death)\"])"));
    CHECK(contains(mer.out, "  class "));
}

TEST_CASE("cli/author: paths lists routes, explains an unreachable ending and exits 1 for it") {
    const auto ok = run_cli({"paths", knife()});
    CHECK(ok.exit_code == 0);
    CHECK(contains(ok.out, "knife-in-the-kitchen — 10 of 10 endings can be reached\n"));
    CHECK(contains(ok.out, "died (death): 4 decisions\n"));
    CHECK(contains(ok.out, "   4. shot → first_aid (dies)\n"));
    CHECK(contains(ok.out, "Every choice can be taken."));

    TempDir dir;
    const std::string f = dir.write("orphan.toml", with_orphan());
    const auto text = run_cli({"paths", f});
    CHECK(text.exit_code == 1);
    CHECK(contains(text.out, "orphan (resolved): cannot be reached — no choice leads to it\n"));
    const auto json = run_cli({"paths", "--format", "json", f});
    CHECK(json.exit_code == 1);
    CHECK(contains(json.out, "\"ending\": \"orphan\""));
    CHECK(contains(json.out, "\"reason\": \"no choice leads to it\""));
    CHECK(contains(json.out, "\"choices\": [\n        \"go\"\n      ]"));
}

TEST_CASE("cli/author: simulate is reproducible, adds up and reports its speed on request") {
    const auto a = run_cli({"simulate", "--runs", "5000", "--format", "json", knife()});
    const auto b = run_cli({"simulate", "--runs", "5000", "--format", "json", knife()});
    REQUIRE(a.exit_code == 0);
    CHECK(a.out == b.out);
    CHECK(contains(a.out, "\"runs\": 5000"));
    CHECK(contains(a.out, "\"policy\": \"random\""));
    CHECK(contains(a.out, "\"choices_total\": 45"));
    const auto c = run_cli({"simulate", "--runs", "5000", "--seed", "2", "--format", "json", knife()});
    CHECK(c.out != a.out);
    const auto best = run_cli({"simulate", "--runs", "2000", "--policy", "best", "--timing", knife()});
    CHECK(best.exit_code == 0);
    CHECK(contains(best.out, "knife-in-the-kitchen — 2000 runs, policy best, seed 1\n"));
    CHECK(contains(best.out, "Coverage: "));
    CHECK(contains(best.err, "million decisions per second"));
    // The worst player meets more critical violations than the random one, the best player none.
    auto critical_share = [](const std::string& out) {
        const auto at = out.find("runs with a critical violation: ");
        REQUIRE(at != std::string::npos);
        return std::stod(out.substr(at + 32));
    };
    const auto worst = run_cli({"simulate", "--runs", "2000", "--policy", "worst", knife()});
    const auto random = run_cli({"simulate", "--runs", "2000", knife()});
    CHECK(critical_share(worst.out) > critical_share(random.out));
    CHECK(critical_share(best.out) == 0.0);
}

TEST_CASE("cli/author: bounds gives each principle's exact range and a route to each end of it") {
    const std::string vigil = source_path("scenarios/assemblies/vigil-and-counter-protest/scenario.toml");
    const auto r = run_cli({"bounds", vigil});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "vigil-and-counter-protest — lowest and highest result per principle (exact, "));
    CHECK(contains(r.out, "  result:       "));
    CHECK(contains(r.out, "  lowest via:   briefing → "));
    const auto small = run_cli({"bounds", "--max-states", "50", "--format", "json", knife()});
    CHECK(small.exit_code == 0);
    CHECK(contains(small.out, "\"exact\": false"));
}

TEST_CASE("cli/author: the shipped transcripts cover every ending of every scenario and pass") {
    const auto r = run_cli({"test", "--strict", source_path("scenarios")}, "", 120);
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(contains(r.out, " transcripts: "));
    CHECK(contains(r.out, " passed, 0 failed\n"));
    CHECK_FALSE(contains(r.out, "FAIL "));
    CHECK(r.err.empty());
}

TEST_CASE("cli/author: test --record writes a transcript that passes, adds only missing endings, and test reports failures where they are") {
    TempDir dir;
    const std::string folder = dir.path() + "/kitchen";
    fs::copy(fs::path(knife()).parent_path(), folder, fs::copy_options::recursive);
    fs::remove(folder + "/scenario.test.toml");
    const std::string scen = folder + "/scenario.toml";
    const auto missing = run_cli({"test", "--strict", folder});
    CHECK(missing.exit_code == 1);
    CHECK(contains(missing.err, "warning[W904]: this scenario has no transcript"));

    const auto rec = run_cli({"test", "--record", scen});
    CHECK(rec.exit_code == 0);
    CHECK(contains(rec.out, "scenario.test.toml: added 10 cases"));
    const auto again = run_cli({"test", "--record", folder});
    CHECK(contains(again.out, "every reachable ending already has a case"));
    const auto pass = run_cli({"test", "--strict", folder});
    CHECK_MESSAGE(pass.exit_code == 0, pass.err);
    CHECK(contains(pass.out, "PASS "));

    // Drop one case: --strict names the uncovered ending; --record adds just that one back.
    const std::string transcript = folder + "/scenario.test.toml";
    std::string text = read_file(transcript);
    const auto cut = text.find("[[case]]", text.find("[[case]]") + 1);
    dir.write("kitchen/scenario.test.toml", text.substr(0, text.find("[[case]]")) + text.substr(cut));
    const auto uncovered = run_cli({"test", "--strict", transcript});
    CHECK(uncovered.exit_code == 1);
    CHECK(contains(uncovered.err, "warning[W903]: ending 'admitted_calm' of 'knife-in-the-kitchen' has no case"));
    CHECK(run_cli({"test", transcript}).exit_code == 0);   // a warning only without --strict
    CHECK(contains(run_cli({"test", "--record", scen}).out, "added 1 case\n"));

    // A wrong expectation fails at its line.
    text = read_file(transcript);
    const std::string broken = replace_first(text, "outcome = \"serious-injury\"", "outcome = \"death\"");
    dir.write("kitchen/scenario.test.toml", broken);
    const auto fail = run_cli({"test", transcript});
    CHECK(fail.exit_code == 1);
    const Pos at = find_pos(broken, "outcome = \"death\"", 10);
    CHECK_MESSAGE(contains(fail.err, transcript + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": error[E902]: case "), fail.err);
    CHECK(contains(fail.err, "expected the outcome 'death', the ending's outcome is 'serious-injury'"));
    CHECK(contains(fail.out, "FAIL "));
}

TEST_CASE("cli/author: new makes a lint-clean scenario from each template and never overwrites") {
    TempDir dir;
    for (const std::string name : {"use-of-force", "assembly", "custody"}) {
        CAPTURE(name);
        const std::string id = "my-" + name;
        const auto r = run_cli({"new", "--template", name, "--dir", dir.path(), id});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const std::string file = dir.path() + "/" + id + "/scenario.toml";
        CHECK(contains(r.out, "Created " + file));
        const std::string text = read_file(file);
        CHECK(contains(text, "\nid = \"" + id + "\"\n"));
        CHECK_FALSE(contains(text, "template-" + name + "\""));
        const auto lint = run_cli({"lint", "--strict", file});
        CHECK_MESSAGE(lint.exit_code == 0, lint.out << lint.err);
        const auto paths = run_cli({"paths", file});
        CHECK_MESSAGE(paths.exit_code == 0, paths.out);   // every ending of a starter can be reached
        const auto again = run_cli({"new", "--template", name, "--dir", dir.path(), id});
        CHECK(again.exit_code == 2);
        CHECK(contains(again.err, "already exists"));
        CHECK(read_file(file) == text);
    }
    CHECK(run_cli({"new", "--template", "traffic", "--dir", dir.path(), "x"}).exit_code == 2);
    const auto bad_id = run_cli({"new", "--template", "custody", "--dir", dir.path(), "My Scenario"});
    CHECK(bad_id.exit_code == 2);
    CHECK(contains(bad_id.err, "not a valid id"));
}

TEST_CASE("cli/play: choices left over after the ending are a usage error, not silently dropped") {
    TempDir dir;
    const std::string f = dir.write("minimal.toml", minimal_scenario());
    const auto r = run_cli({"play", "--choose", "1,1", f});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--choose lists 2 choices, but the scenario ended at 'end' after 1"));
    CHECK(run_cli({"play", "--choose", "1", f}).exit_code == 0);
}
