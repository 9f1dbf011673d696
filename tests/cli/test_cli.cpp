// measured-cli end to end: the real binary run without a shell, on the real scenarios and catalogue
// and on small files written to a temporary folder. Covers help and usage errors, lint (text, JSON,
// folders, --strict), play (scripted, piped, timeouts, saving and resuming), standards and stats.
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

using namespace measured::test;
namespace fs = std::filesystem;

namespace {

const std::string vigil_rel = "scenarios/assemblies/vigil-and-counter-protest/scenario.toml";
std::string vigil() { return source_path(vigil_rel); }

// A full path through the vigil, numbered among the choices available at each step:
// briefing: 2 meet-organisers · counter-arrives: 1 separate-and-offer-space · bottle: 1 arrest-with-stewards
// (random: clean / struggle / lost) · first-aid: 1 send-okafor · order-disperse: 1 challenge-order ·
// the-walk: 1 hold-corner (line-side-streets is hidden without reinforcements) · town-hall: 1 protect-and-account.
const std::string vigil_path = "2,1,1,1,1,1,1";

std::size_t count_of(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t e = text.find('\n', i);
        if (e == std::string::npos) e = text.size();
        out.push_back(text.substr(i, e - i));
        i = e + 1;
    }
    return out;
}

// The [scenario] table and format line for hand-made scenarios.
std::string header(const std::string& id, const std::string& start, const std::string& version = "1.0.0") {
    return "format = 1\n\n[scenario]\nid = \"" + id + "\"\ntitle = \"Test " + id +
           "\"\nsummary = \"A scenario for the CLI tests.\"\nversion = \"" + version +
           "\"\nlanguage = \"en\"\nauthors = [\"Tests\"]\nlicense = \"CC0-1.0\"\nminutes = 5\n"
           "difficulty = \"introductory\"\naudience = [\"testers\"]\ntopics = [\"testing\", \"cli\"]\n"
           "objectives = [\"Check the command-line tool.\"]\nrole = \"patrol officer\"\nstart = \"" + start + "\"\n";
}

std::string ending(const std::string& id, const std::string& outcome = "resolved") {
    return "\n[[ending]]\nid = \"" + id + "\"\ntitle = \"Ending " + id + "\"\noutcome = \"" + outcome +
           "\"\ntext = \"It ends.\"\ndebrief = \"Nothing more to say.\"\n";
}

// Two decisions in a row, then an ending: enough to stop half-way and resume.
std::string two_steps(const std::string& version = "1.0.0", const std::string& end_text = "It ends.") {
    return header("two-steps", "first", version) + R"(
[[scene]]
id = "first"
text = "The first decision."

  [[scene.choice]]
  id = "left"
  label = "Go left"
  target = "second"

  [[scene.choice]]
  id = "right"
  label = "Go right"
  target = "second"

[[scene]]
id = "second"
text = "The second decision."

  [[scene.choice]]
  id = "finish"
  label = "Finish"
  target = "end"

[[ending]]
id = "end"
title = "The end"
outcome = "resolved"
text = ")" + end_text + R"("
debrief = "Nothing more to say."
)";
}

// Replaces "(N.N s)" and "in N.N s": the only wall-clock parts of a Markdown debrief.
std::string strip_times(const std::string& s) {
    static const std::regex seconds(R"([0-9]+\.[0-9]+ s\b)");
    return std::regex_replace(s, seconds, "T s");
}

std::string strip_seconds_lines(const std::string& session) {
    std::string out;
    for (const auto& l : lines_of(session))
        if (l.rfind("seconds = ", 0) != 0) out += l + "\n";
    return out;
}

// The drawn outcome ids in a saved session, in order.
std::vector<std::string> outcomes_in(const std::string& session) {
    std::vector<std::string> out;
    for (const auto& l : lines_of(session))
        if (l.rfind("outcome = \"", 0) == 0) out.push_back(l.substr(11, l.size() - 12));
    return out;
}

// The chosen choice ids in a saved session, in order ("timeout" for a timeout).
std::vector<std::string> choices_in(const std::string& session) {
    std::vector<std::string> out;
    for (const auto& l : lines_of(session))
        if (l.rfind("choice = \"", 0) == 0) out.push_back(l.substr(10, l.size() - 11));
    return out;
}

// The vigil's timed scene, read from the file so the test follows the author's edits.
int bottle_time_limit() {
    const std::string text = read_file(vigil());
    const auto scene = text.find("\nid = \"bottle\"\n");
    REQUIRE(scene != std::string::npos);
    const auto at = text.find("\ntime_limit = ", scene);
    REQUIRE(at != std::string::npos);
    REQUIRE(at < text.find("\n[[scene]]", scene));
    return std::stoi(text.substr(at + 14));
}

// The integer after `"key": ` in one JSON object's text; -1 when absent.
long long int_field(const std::string& object, const std::string& key) {
    const std::string k = "\"" + key + "\": ";
    const auto at = object.find(k);
    if (at == std::string::npos) return -1;
    return std::stoll(object.substr(at + k.size()));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
TEST_SUITE("cli/general") {

TEST_CASE("cli/general: --version prints the name and a version number") {
    const auto r = run_cli({"--version"});
    CHECK(r.exit_code == 0);
    CHECK(std::regex_match(r.out, std::regex("measured-cli [0-9]+\\.[0-9]+\\.[0-9]+\n")));
    CHECK(r.err.empty());
}

TEST_CASE("cli/general: --help on the tool and on every subcommand shows usage and exits 0") {
    SUBCASE("tool --help") {
        const auto r = run_cli({"--help"});
        CHECK(r.exit_code == 0);
        CHECK(r.out.rfind("measured-cli — headless tools for Measured scenarios\n", 0) == 0);
        CHECK(contains(r.out, "Usage: measured-cli COMMAND [OPTIONS] [ARGS]"));
        for (const char* cmd : {"lint", "play", "standards", "stats"}) CHECK(contains(r.out, std::string("  ") + cmd + " "));
    }
    SUBCASE("tool -h and help") {
        CHECK(run_cli({"-h"}).out == run_cli({"--help"}).out);
        const auto r = run_cli({"help"});
        CHECK(r.exit_code == 0);
        CHECK(contains(r.out, "Usage: measured-cli COMMAND"));
    }
    SUBCASE("lint --help") {
        const auto r = run_cli({"lint", "--help"});
        CHECK(r.exit_code == 0);
        CHECK(r.out.rfind("Usage: measured-cli lint [--strict] [--format text|json] [--standards DIR] PATH...\n", 0) == 0);
        CHECK(contains(r.out, "*.test.toml, are skipped"));
    }
    SUBCASE("play --help") {
        const auto r = run_cli({"play", "--help"});
        CHECK(r.exit_code == 0);
        CHECK(r.out.rfind("Usage: measured-cli play [OPTIONS] SCENARIO\n", 0) == 0);
        for (const char* opt : {"--seed N", "--choose LIST", "--report FILE", "--session-out FILE", "--resume FILE", "--timers SCALE", "--quiet"})
            CHECK_MESSAGE(contains(r.out, opt), opt);
    }
    SUBCASE("standards --help") {
        const auto r = run_cli({"standards", "--help"});
        CHECK(r.exit_code == 0);
        CHECK(r.out.rfind("Usage: measured-cli standards list [--instrument ID] [--format text|json]\n", 0) == 0);
        for (const char* action : {"show ID", "search TEXT...", "principles", "cited-by ID"})
            CHECK_MESSAGE(contains(r.out, std::string("measured-cli standards ") + action), action);
    }
    SUBCASE("stats --help") {
        const auto r = run_cli({"stats", "--help"});
        CHECK(r.exit_code == 0);
        CHECK(r.out.rfind("Usage: measured-cli stats [--format text|json] [--standards DIR] PATH...\n", 0) == 0);
    }
}

TEST_CASE("cli/general: no command, an unknown command or an unknown option is a usage error") {
    SUBCASE("no command: usage on stderr, exit 2") {
        const auto r = run_cli({});
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(contains(r.err, "Usage: measured-cli COMMAND"));
    }
    SUBCASE("unknown command") {
        const auto r = run_cli({"frobnicate"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.rfind("measured-cli: unknown command 'frobnicate'\n", 0) == 0);
        CHECK(contains(r.err, "Usage: measured-cli COMMAND"));
    }
    SUBCASE("unknown option of each subcommand") {
        for (const char* cmd : {"lint", "play", "standards", "stats"}) {
            CAPTURE(cmd);
            const auto r = run_cli({cmd, "--frobnicate", "x"});
            CHECK(r.exit_code == 2);
            CHECK(r.err == std::string("measured-cli ") + cmd + ": unknown option --frobnicate\nRun 'measured-cli " + cmd +
                               " --help' for usage.\n");
        }
    }
    SUBCASE("a flag given a value") {
        const auto r = run_cli({"lint", "--strict=yes", vigil()});
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "unknown option --strict"));
    }
    SUBCASE("an option without its value") {
        const auto r = run_cli({"lint", vigil(), "--format"});
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "measured-cli lint: --format needs a value"));
    }
    SUBCASE("an unknown --format") {
        const auto r = run_cli({"lint", "--format", "xml", vigil()});
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "measured-cli lint: --format must be text or json"));
    }
    SUBCASE("lint and stats without a path") {
        CHECK(run_cli({"lint"}).exit_code == 2);
        CHECK(run_cli({"stats"}).exit_code == 2);
        CHECK(contains(run_cli({"lint"}).err, "give at least one file or folder"));
    }
}

}  // TEST_SUITE

// ---------------------------------------------------------------------------------------------
TEST_SUITE("cli/lint") {

TEST_CASE("cli/lint: the bundled scenario is clean and exits 0 even with --strict") {
    const auto r = run_cli({"lint", "--strict", vigil()});
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "1 file checked: 0 errors, 0 warnings\n");
}

TEST_CASE("cli/lint: the minimal test scenario is clean") {
    TempDir dir;
    const auto path = dir.write("scenario.toml", minimal_scenario());
    const auto r = run_cli({"lint", "--strict", path});
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
}

TEST_CASE("cli/lint: an unresolved target is exit 1 with its exact location and message") {
    TempDir dir;
    // Line 29 of minimal_scenario() reads `  target = "end"`; the value starts at column 12.
    std::string text = minimal_scenario();
    const auto at = text.find("target = \"end\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, 14, "target = \"edn\"");
    const auto path = dir.write("scenario.toml", text);
    const unsigned line = static_cast<unsigned>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;

    const auto r = run_cli({"lint", path});
    CHECK(r.exit_code == 1);
    CHECK(r.out == path + ":" + std::to_string(line) +
                       ":12: error[E201]: choice 'go' in scene 'first' leads to 'edn', which is neither a scene nor an ending (did you mean 'end'?)\n");
    CHECK(r.err == "1 file checked: 1 error, 0 warnings\n");
}

TEST_CASE("cli/lint: every problem in a file is listed, in line order") {
    TempDir dir;
    const std::string text = header("many", "first") + R"(
[[scene]]
id = "first"
text = "Tension is {tenson}."

  [[scene.choice]]
  id = "go"
  label = "Go"
  target = "nowhere"

  [[scene.choice]]
  id = "go"
  label = "Go again"
  target = "end"
  condition = "1 +"
)" + ending("end");
    const auto path = dir.write("s.toml", text);
    const auto r = run_cli({"lint", path});
    CHECK(r.exit_code == 1);
    const auto out = lines_of(r.out);
    REQUIRE(out.size() == 4);
    // Columns count from the opening quote: the name after '{', the end of "1 +" where a value is missing.
    CHECK(out[0] == path + ":21:21: error[E202]: unknown variable 'tenson' in text");
    CHECK(out[1] == path + ":26:12: error[E201]: choice 'go' in scene 'first' leads to 'nowhere', which is neither a scene nor an ending");
    CHECK(out[2] == path + ":28:3: error[E200]: scene 'first' has two choices with id 'go'");
    CHECK(out[3] == path + ":32:19: error[E300]: the expression ends where a value was expected");
    CHECK(r.err == "1 file checked: 4 errors, 0 warnings\n");
}

TEST_CASE("cli/lint: a warning-only file exits 0, and 1 with --strict") {
    TempDir dir;
    const auto path = dir.write("scenario.toml", minimal_scenario("unused = { type = \"int\", initial = 0, min = 0, max = 3 }"));
    const std::string expected = path + ":20:10: warning[W311]: variable 'unused' is never used in a condition, an effect or a text\n";
    SUBCASE("without --strict") {
        const auto r = run_cli({"lint", path});
        CHECK(r.exit_code == 0);
        CHECK(r.out == expected);
        CHECK(r.err == "1 file checked: 0 errors, 1 warning\n");
    }
    SUBCASE("with --strict") {
        const auto r = run_cli({"lint", "--strict", path});
        CHECK(r.exit_code == 1);
        CHECK(r.out == expected);
        CHECK(r.err == "1 file checked: 0 errors, 1 warning (--strict: warnings fail)\n");
    }
    SUBCASE("with --strict after the path") {
        CHECK(run_cli({"lint", path, "--strict"}).exit_code == 1);
    }
}

TEST_CASE("cli/lint: --format json is valid JSON with the counts and every diagnostic") {
    TempDir dir;
    std::string text = minimal_scenario("unused = { type = \"bool\", initial = false }");
    const auto at = text.find("target = \"end\"");
    text.replace(at, 14, "target = \"edn\"");
    const auto path = dir.write("scenario.toml", text);

    const auto r = run_cli({"lint", "--format", "json", path});
    CHECK(r.exit_code == 1);
    CHECK(r.err.empty());
    CHECK(valid_json(r.out));
    CHECK(r.out.rfind("{\n  \"tool\": \"measured-cli lint\",\n  \"version\": 1,\n  \"strict\": false,\n", 0) == 0);
    CHECK(contains(r.out, "\n  \"files_checked\": 1,\n  \"errors\": 1,\n  \"warnings\": 1,\n  \"ok\": false,\n  \"files\": [\n"));
    CHECK(contains(r.out, "\"path\": \"" + path + "\",\n      \"errors\": 1,\n      \"warnings\": 1,\n      \"not_shown\": 0,\n"));
    // The diagnostics come sorted by line: W311 (variables, line 20) before E201 (the choice, line 29).
    const std::string w311 = "        {\n          \"severity\": \"warning\",\n          \"code\": \"W311\",\n"
                             "          \"message\": \"variable 'unused' is never used in a condition, an effect or a text\",\n"
                             "          \"path\": \"" + path + "\",\n          \"line\": 20,\n          \"column\": 10\n        }";
    const std::string e201 = "        {\n          \"severity\": \"error\",\n          \"code\": \"E201\",\n"
                             "          \"message\": \"choice 'go' in scene 'first' leads to 'edn', which is neither a scene nor an ending (did you mean 'end'?)\",\n"
                             "          \"path\": \"" + path + "\",\n          \"line\": 29,\n          \"column\": 12\n        }";
    CHECK(contains(r.out, w311 + ",\n" + e201 + "\n      ]"));
    CHECK(count_of(r.out, "\"code\": ") == 2);

    SUBCASE("a clean file in JSON says ok") {
        const auto c = run_cli({"lint", "--format=json", "--strict", vigil()});
        CHECK(c.exit_code == 0);
        CHECK(valid_json(c.out));
        CHECK(contains(c.out, "\"strict\": true,"));
        CHECK(contains(c.out, "\"errors\": 0,\n  \"warnings\": 0,\n  \"ok\": true,"));
        CHECK(contains(c.out, "\"diagnostics\": []"));
    }
}

TEST_CASE("cli/lint: JSON escapes quotes, backslashes and control characters in messages and paths") {
    TempDir dir;
    // A choice id with a quote and a backslash is an invalid id; the message quotes it back.
    std::string text = minimal_scenario();
    text.replace(text.find("id = \"go\""), 9, "id = \"g\\\"o\\\\\\t\"");  // TOML for g"o\<tab>
    const auto path = dir.write("we\"ird\\name.toml", text);
    const auto r = run_cli({"lint", "--format", "json", path});
    CHECK(r.exit_code == 1);
    CHECK(valid_json(r.out));
    CHECK(contains(r.out, "we\\\"ird\\\\name.toml"));
    CHECK(contains(r.out, "\"code\": \"E104\""));
    CHECK(contains(r.out, "'g\\\"o\\\\?'"));
}

TEST_CASE("cli/lint: a folder is searched recursively and transcripts are skipped") {
    TempDir dir;
    std::string bad = minimal_scenario();
    bad.replace(bad.find("target = \"end\""), 14, "target = \"gone\"");
    const auto deep = dir.write("a/b/c/deep.toml", bad);
    dir.write("a/clean.toml", minimal_scenario());
    dir.write("a/b/run.test.toml", "this is not TOML at all = = =\n");
    dir.write("a/notes.txt", "not TOML either = = =\n");
    dir.write("top.test.toml", "\xff\xfe");

    SUBCASE("text") {
        const auto r = run_cli({"lint", dir.path()});
        CHECK(r.exit_code == 1);
        CHECK(r.out == deep + ":29:12: error[E201]: choice 'go' in scene 'first' leads to 'gone', which is neither a scene nor an ending\n");
        CHECK(r.err == "2 files checked: 1 error, 0 warnings\n");
    }
    SUBCASE("json lists both files, sorted") {
        const auto r = run_cli({"lint", "--format", "json", dir.path()});
        CHECK(r.exit_code == 1);
        CHECK(valid_json(r.out));
        CHECK(contains(r.out, "\"files_checked\": 2,"));
        const auto first = r.out.find("\"path\": \"" + dir.path() + "/a/b/c/deep.toml\"");
        const auto second = r.out.find("\"path\": \"" + dir.path() + "/a/clean.toml\"");
        CHECK(first != std::string::npos);
        CHECK(second != std::string::npos);
        CHECK(first < second);
        CHECK_FALSE(contains(r.out, "run.test.toml"));
        CHECK_FALSE(contains(r.out, "notes.txt"));
    }
    SUBCASE("a clean folder exits 0") {
        fs::remove(deep);
        const auto r = run_cli({"lint", dir.path()});
        CHECK(r.exit_code == 0);
        CHECK(r.err == "1 file checked: 0 errors, 0 warnings\n");
    }
}

TEST_CASE("cli/lint: several paths are checked together") {
    TempDir dir;
    const auto a = dir.write("a.toml", minimal_scenario());
    const auto r = run_cli({"lint", a, vigil()});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "2 files checked: 0 errors, 0 warnings\n");
}

TEST_CASE("cli/lint: a path that does not exist is exit 2") {
    TempDir dir;
    const std::string missing = dir.path() + "/no-such-file.toml";
    const auto r = run_cli({"lint", missing});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "measured-cli lint: no such file or folder: " + missing + "\n");
}

TEST_CASE("cli/lint: an empty folder checks nothing and exits 0") {
    TempDir dir;
    const auto r = run_cli({"lint", dir.path()});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "0 files checked: 0 errors, 0 warnings\n");
}

TEST_CASE("cli/lint: the bundled standards catalogue is clean") {
    const auto r = run_cli({"lint", "--strict", source_path("assets/standards")});
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(contains(r.err, " files checked: 0 errors, 0 warnings\n"));
}

TEST_CASE("cli/lint: a citation missing from the catalogue is E204 with a suggestion") {
    TempDir dir;
    const auto path = dir.write("s.toml", minimal_scenario("", "", R"(
    [[scene.choice.assessment]]
    principle = "necessity"
    rating = "compliant"
    feedback = "Fine."
    cite = ["bpuff-99"]
)"));
    const auto r = run_cli({"lint", path});
    CHECK(r.exit_code == 1);
    CHECK(r.out == path + ":35:13: error[E204]: 'bpuff-99' is not in the standards catalogue (did you mean 'bpuff-9'?); "
                          "see `measured-cli standards list`\n");
}

TEST_CASE("cli/lint: --standards with a folder that does not exist is exit 2") {
    TempDir dir;
    const auto path = dir.write("s.toml", minimal_scenario());
    const auto r = run_cli({"lint", "--standards", dir.path() + "/nowhere", path});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "measured-cli lint: cannot find the standards catalogue; give it with --standards DIR\n");
}

}  // TEST_SUITE

// ---------------------------------------------------------------------------------------------
TEST_SUITE("cli/play") {

TEST_CASE("cli/play: a full scripted path through the vigil prints the debrief") {
    TempDir dir;
    const auto session = dir.path() + "/s.toml";
    const auto r = run_cli({"play", "--seed", "7", "--choose", vigil_path, "--session-out", session, vigil()});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("Vigil and counter-protest\n=========================\n", 0) == 0);
    CHECK(std::regex_search(r.out, std::regex("\nYour role: [^\n]+\\. About [0-9]+ minutes\\. Seed 7\\.\nContent warning: [^\n]+\\.\n")));
    CHECK(contains(r.out, "\n  1. "));
    CHECK(contains(r.out, "\n  2. "));
    CHECK(contains(r.out, "\nYou have " + std::to_string(bottle_time_limit()) + " seconds to decide.\n"));
    CHECK(contains(r.out, "# Debrief: Vigil and counter-protest\n"));
    CHECK(contains(r.out, "seed 7 · 7 decisions in 0.0 s"));
    CHECK(contains(r.out, "\n## Outcome\n"));
    CHECK(contains(r.out, "** (assembly-facilitated)\n"));
    CHECK(count_of(r.out, "\n> ") == 7);
    // The numbers chose these choices (ids are stable by the authors' rules).
    const auto saved = read_file(session);
    CHECK(choices_in(saved) == std::vector<std::string>{"meet-organisers", "separate-and-offer-space", "arrest-with-stewards", "send-okafor",
                                                       "challenge-order", "hold-corner", "protect-and-account"});

    SUBCASE("--quiet prints only the debrief") {
        const auto q = run_cli({"play", "--quiet", "--seed", "7", "--choose", vigil_path, vigil()});
        CHECK(q.exit_code == 0);
        CHECK(q.out.rfind("# Debrief: Vigil and counter-protest\n", 0) == 0);
        CHECK(r.out.size() > q.out.size());
        CHECK(r.out.substr(r.out.size() - q.out.size()) == q.out);
    }
}

TEST_CASE("cli/play: the same seed and choices give byte-identical reports") {
    TempDir dir;
    auto run = [&](const std::string& name) {
        const auto md = dir.path() + "/" + name + ".md";
        const auto json = dir.path() + "/" + name + ".json";
        const auto a = run_cli({"play", "--quiet", "--seed", "12345", "--choose", vigil_path, "--report", md, vigil()});
        const auto b = run_cli({"play", "--quiet", "--seed", "12345", "--choose", vigil_path, "--report", json, vigil()});
        CHECK(a.exit_code == 0);
        CHECK(b.exit_code == 0);
        CHECK(a.out == b.out);  // stdout is the Markdown debrief whatever the report format
        return std::pair{read_file(md), read_file(json)};
    };
    const auto [md1, json1] = run("first");
    const auto [md2, json2] = run("second");
    REQUIRE_FALSE(md1.empty());
    REQUIRE_FALSE(json1.empty());
    CHECK(md1 == md2);
    CHECK(json1 == json2);
    CHECK(md1.rfind("# Debrief: Vigil and counter-protest\n", 0) == 0);
    CHECK(valid_json(json1));
    CHECK(contains(json1, "\"seed\": "));
}

TEST_CASE("cli/play: a --report that is neither .md nor .json is a usage error") {
    TempDir dir;
    const auto r = run_cli({"play", "--choose", vigil_path, "--report", dir.path() + "/r.txt", vigil()});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--report must name a .md or .json file"));
}

TEST_CASE("cli/play: different seeds can draw different outcomes for a random choice") {
    // The third decision (arresting the bottle-thrower with the stewards) draws clean, struggle or lost.
    TempDir dir;
    std::set<std::string> drawn;
    std::map<int, std::string> by_seed;
    for (int seed = 1; seed <= 50; ++seed) {
        const auto session = dir.path() + "/s" + std::to_string(seed) + ".toml";
        const auto r = run_cli({"play", "--quiet", "--seed", std::to_string(seed), "--choose", vigil_path, "--session-out", session, vigil()});
        REQUIRE(r.exit_code == 0);
        const auto outs = outcomes_in(read_file(session));
        REQUIRE(outs.size() == 1);
        CHECK((outs[0] == "clean" || outs[0] == "struggle" || outs[0] == "lost"));
        drawn.insert(outs[0]);
        by_seed[seed] = outs[0];
        if (drawn.size() >= 2 && seed >= 10) break;
    }
    CHECK(drawn.size() >= 2);
    // And the draw is a function of the seed: replaying one seed gives the same outcome.
    const auto again = dir.path() + "/again.toml";
    REQUIRE(run_cli({"play", "--quiet", "--seed", "1", "--choose", vigil_path, "--session-out", again, vigil()}).exit_code == 0);
    CHECK(outcomes_in(read_file(again)) == std::vector<std::string>{by_seed[1]});
}

TEST_CASE("cli/play: when the choices run out without a terminal the session is saved, exit 3") {
    TempDir dir;
    const auto session = dir.path() + "/vigil.session.toml";
    const auto r = run_cli({"play", "--quiet", "--seed", "99", "--choose", "2,1", "--session-out", session, vigil()});
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    CHECK(r.err == "measured-cli play: no more decisions before an ending; session saved to " + session + " (resume with --resume " + session + ")\n");
    const auto saved = read_file(session);
    CHECK(saved.rfind("# A Measured session", 0) == 0);
    CHECK(contains(saved, "\nmeasured_session = 1\n"));
    CHECK(contains(saved, "\nscenario_id = \"vigil-and-counter-protest\"\n"));
    CHECK(contains(saved, "\nseed = \"99\"\n"));
    CHECK(count_of(saved, "[[decision]]") == 2);
    CHECK(contains(saved, "scene = \"briefing\"\nchoice = \"meet-organisers\"\n"));
    CHECK(contains(saved, "scene = \"counter-arrives\"\nchoice = \"separate-and-offer-space\"\n"));
}

TEST_CASE("cli/play: resuming a saved session finishes with the same report as an uninterrupted run") {
    TempDir dir;
    const auto whole_md = dir.path() + "/whole.md";
    const auto whole_json = dir.path() + "/whole.json";
    REQUIRE(run_cli({"play", "--quiet", "--seed", "4242", "--choose", vigil_path, "--report", whole_md, vigil()}).exit_code == 0);
    REQUIRE(run_cli({"play", "--quiet", "--seed", "4242", "--choose", vigil_path, "--report", whole_json, vigil()}).exit_code == 0);

    const auto session = dir.path() + "/s.toml";
    // Stop after the random draw, so the resume has to replay it.
    const auto first = run_cli({"play", "--quiet", "--seed", "4242", "--choose", "2,1,1", "--session-out", session, vigil()});
    REQUIRE(first.exit_code == 3);

    SUBCASE("Markdown") {
        const auto md = dir.path() + "/resumed.md";
        const auto r = run_cli({"play", "--resume", session, "--choose", "1,1,1,1", "--report", md, vigil()});
        CHECK(r.exit_code == 0);
        CHECK(contains(r.out, "Resuming after 3 decisions.\n"));
        CHECK(contains(r.out, "Seed 4242."));
        CHECK(read_file(md) == read_file(whole_md));
    }
    SUBCASE("JSON, resumed in two more steps") {
        const auto second = run_cli({"play", "--quiet", "--resume", session, "--choose", "1,1", "--session-out", session, vigil()});
        CHECK(second.exit_code == 3);
        const auto json = dir.path() + "/resumed.json";
        const auto r = run_cli({"play", "--quiet", "--resume", session, "--choose", "1,1", "--report", json, vigil()});
        CHECK(r.exit_code == 0);
        CHECK(read_file(json) == read_file(whole_json));
    }
    SUBCASE("--seed that contradicts the session is a usage error") {
        const auto r = run_cli({"play", "--resume", session, "--seed", "1", "--choose", "1,1,1,1", vigil()});
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "--seed differs from the seed of the session being resumed"));
    }
    SUBCASE("--seed equal to the session's is accepted") {
        const auto r = run_cli({"play", "--quiet", "--resume", session, "--seed", "4242", "--choose", "1,1,1,1", vigil()});
        CHECK(r.exit_code == 0);
    }
}

TEST_CASE("cli/play: choices piped on standard input work like --choose") {
    TempDir dir;
    const auto piped_session = dir.path() + "/piped.toml";
    const auto chosen_session = dir.path() + "/chosen.toml";
    const auto piped = run_cli({"play", "--quiet", "--seed", "3", "--session-out", piped_session, vigil()}, "2\n1\n1\n1\n1\n1\n1\n");
    const auto chosen = run_cli({"play", "--quiet", "--seed", "3", "--choose", vigil_path, "--session-out", chosen_session, vigil()});
    CHECK(piped.exit_code == 0);
    CHECK(chosen.exit_code == 0);
    CHECK(piped.err.empty());
    // Piped decisions take (a little) real time; everything else is the same.
    CHECK(strip_times(piped.out) == strip_times(chosen.out));
    CHECK(strip_seconds_lines(read_file(piped_session)) == strip_seconds_lines(read_file(chosen_session)));

    SUBCASE("--choose first, then standard input") {
        const auto s = dir.path() + "/mixed.toml";
        const auto mixed = run_cli({"play", "--quiet", "--seed", "3", "--choose", "2,1,1", "--session-out", s, vigil()}, "1\n 1 \n1\r\n1\n");
        CHECK(mixed.exit_code == 0);
        CHECK(strip_seconds_lines(read_file(s)) == strip_seconds_lines(read_file(chosen_session)));
    }
    SUBCASE("piped input ends early: exit 3") {
        const auto s = dir.path() + "/short.toml";
        const auto r = run_cli({"play", "--quiet", "--seed", "3", "--session-out", s, vigil()}, "2\n1\n");
        CHECK(r.exit_code == 3);
        CHECK(count_of(read_file(s), "[[decision]]") == 2);
    }
    SUBCASE("a piped line that is not a number: exit 2") {
        const auto r = run_cli({"play", "--quiet", "--seed", "3", vigil()}, "2\nabc\n");
        CHECK(r.exit_code == 2);
        CHECK(r.err == "measured-cli play: 'abc' is not one of the choices 1–3 in scene 'counter-arrives'\n");
    }
}

TEST_CASE("cli/play: t on a timed scene lets the clock run out") {
    TempDir dir;
    const auto session = dir.path() + "/s.toml";
    const int limit = bottle_time_limit();
    // briefing 2, counter-arrives 1, bottle t (→ melee), melee 1 stewards-pull-back, first-aid 1,
    // order-disperse 1, the-walk 1, town-hall 1.
    const auto r = run_cli({"play", "--seed", "5", "--choose", "2,1,t,1,1,1,1,1", "--session-out", session, vigil()});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "> (waits)\n"));
    CHECK(contains(r.out, "Time ran out before you acted."));
    const auto saved = read_file(session);
    CHECK(contains(saved, "scene = \"bottle\"\nchoice = \"timeout\"\nseconds = " + std::to_string(limit) + ".000\ntimed_out = true\n"));
    CHECK(choices_in(saved) == std::vector<std::string>{"meet-organisers", "separate-and-offer-space", "timeout", "stewards-pull-back", "send-okafor",
                                                       "challenge-order", "hold-corner", "protect-and-account"});

    SUBCASE("with --timers 2 the recorded wait is the scaled limit") {
        const auto s2 = dir.path() + "/s2.toml";
        const auto r2 = run_cli({"play", "--quiet", "--timers", "2", "--seed", "5", "--choose", "2,1,t,1,1,1,1,1", "--session-out", s2, vigil()});
        CHECK(r2.exit_code == 0);
        const auto saved2 = read_file(s2);
        CHECK(contains(saved2, "timer_scale = 2.000\n"));
        CHECK(contains(saved2, "choice = \"timeout\"\nseconds = " + std::to_string(2 * limit) + ".000\ntimed_out = true\n"));
    }
    SUBCASE("an unknown --timers value is a usage error") {
        const auto r3 = run_cli({"play", "--timers", "3", "--choose", "2", vigil()});
        CHECK(r3.exit_code == 2);
        CHECK(contains(r3.err, "--timers must be normal, 1.5, 2 or off"));
    }
}

TEST_CASE("cli/play: t on an untimed scene is exit 2") {
    TempDir dir;
    const auto session = dir.path() + "/s.toml";
    const auto r = run_cli({"play", "--quiet", "--seed", "1", "--choose", "2,t", "--session-out", session, vigil()});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "measured-cli play: scene 'counter-arrives' has no time limit, so 't' cannot be used there\n"
                   "Run 'measured-cli play --help' for usage.\n");
    SUBCASE("piped") {
        const auto p = run_cli({"play", "--quiet", "--seed", "1", vigil()}, "t\n");
        CHECK(p.exit_code == 2);
        CHECK(contains(p.err, "scene 'briefing' has no time limit"));
    }
}

TEST_CASE("cli/play: a choice number out of range is exit 2 with a message") {
    SUBCASE("beyond the available choices") {
        // The bottle scene offers 2 choices after meeting the organisers and separating the groups.
        const auto r = run_cli({"play", "--quiet", "--seed", "1", "--choose", "2,1,3", vigil()});
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "measured-cli play: '3' is not one of the choices 1–2 in scene 'bottle'\n");
    }
    SUBCASE("a hidden choice does not count") {
        // Once reinforcements are requested, 'radio-control' is hidden: 3 choices remain.
        const auto r = run_cli({"play", "--quiet", "--seed", "1", "--choose", "1,4", vigil()});
        CHECK(r.exit_code == 2);
        CHECK(r.err == "measured-cli play: '4' is not one of the choices 1–3 in scene 'briefing'\n");
    }
    SUBCASE("not a number from 1 to 9") {
        for (const char* bad : {"0", "10", "x", "-1", "", "1.5"}) {
            CAPTURE(bad);
            const auto r = run_cli({"play", "--choose", std::string("2,") + bad, vigil()});
            CHECK(r.exit_code == 2);
            CHECK(contains(r.err, std::string("measured-cli play: --choose: '") + bad + "' is not a choice number (1–9) or 't'"));
        }
    }
    SUBCASE("an invalid seed") {
        for (const char* bad : {"-1", "abc", "18446744073709551616", "1e3"}) {
            CAPTURE(bad);
            const auto r = run_cli({"play", "--seed", bad, "--choose", vigil_path, vigil()});
            CHECK(r.exit_code == 2);
            CHECK(contains(r.err, "--seed must be a whole number from 0 to 18446744073709551615"));
        }
    }
    SUBCASE("the largest seed is accepted") {
        const auto r = run_cli({"play", "--quiet", "--seed", "18446744073709551615", "--choose", vigil_path, vigil()});
        CHECK(r.exit_code == 0);
        CHECK(contains(r.out, "seed 18446744073709551615"));
    }
}

TEST_CASE("cli/play: a session whose scenario file changed since is refused with E702") {
    TempDir dir;
    const auto scenario = dir.write("two/scenario.toml", two_steps());
    const auto session = dir.path() + "/two.session.toml";
    const auto first = run_cli({"play", "--quiet", "--seed", "8", "--choose", "2", "--session-out", session, scenario});
    REQUIRE(first.exit_code == 3);

    SUBCASE("unchanged: resumes") {
        const auto r = run_cli({"play", "--quiet", "--resume", session, "--choose", "1", scenario});
        CHECK(r.exit_code == 0);
        CHECK(contains(r.out, "- Chose: Go right"));
        CHECK(contains(r.out, "- Chose: Finish"));
    }
    SUBCASE("same version, different content") {
        dir.write("two/scenario.toml", two_steps("1.0.0", "It ends differently."));
        const auto r = run_cli({"play", "--quiet", "--resume", session, "--choose", "1", scenario});
        CHECK(r.exit_code == 1);
        CHECK(r.out.empty());
        CHECK(r.err == session + ": error[E702]: the scenario file 'two-steps' changed since this session was saved (same version 1.0.0, "
                                 "different content), so the session cannot be resumed safely; authors: bump 'version' when you edit a published scenario\n");
    }
    SUBCASE("a new version") {
        dir.write("two/scenario.toml", two_steps("1.1.0"));
        const auto r = run_cli({"play", "--quiet", "--resume", session, "--choose", "1", scenario});
        CHECK(r.exit_code == 1);
        CHECK(r.err == session + ": error[E702]: this session was saved against version 1.0.0 of 'two-steps'; the scenario is now version 1.1.0, "
                                 "so the session cannot be resumed\n");
    }
}

TEST_CASE("cli/play: resuming a session file that does not exist is exit 2") {
    TempDir dir;
    const auto missing = dir.path() + "/missing.session.toml";
    const auto r = run_cli({"play", "--resume", missing, vigil()});
    CHECK(r.exit_code == 2);
    CHECK(r.err == missing + ": error[E001]: cannot open the file\n");
}

TEST_CASE("cli/play: a scenario with errors is exit 1 with its diagnostics") {
    TempDir dir;
    std::string text = minimal_scenario();
    text.replace(text.find("target = \"end\""), 14, "target = \"edn\"");
    const auto path = dir.write("s.toml", text);
    const auto r = run_cli({"play", "--choose", "1", path});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == path + ":29:12: error[E201]: choice 'go' in scene 'first' leads to 'edn', which is neither a scene nor an ending (did you mean 'end'?)\n");

    SUBCASE("a scenario with warnings only can be played") {
        const auto w = dir.write("w.toml", minimal_scenario("unused = { type = \"int\", initial = 0, min = 0, max = 3 }"));
        const auto p = run_cli({"play", "--quiet", "--seed", "1", "--choose", "1", w});
        CHECK(p.exit_code == 0);
        CHECK(contains(p.out, "# Debrief: Minimal"));
    }
    SUBCASE("a scenario that does not exist is exit 2") {
        const auto p = run_cli({"play", dir.path() + "/nope.toml"});
        CHECK(p.exit_code == 2);
        CHECK(p.err == dir.path() + "/nope.toml: error[E001]: cannot open the file\n");
    }
    SUBCASE("no scenario or two scenarios is a usage error") {
        CHECK(run_cli({"play"}).exit_code == 2);
        CHECK(contains(run_cli({"play", path, path}).err, "give exactly one scenario file"));
    }
}

TEST_CASE("cli/play: the minimal scenario plays to its ending with one choice") {
    TempDir dir;
    const auto path = dir.write("s.toml", minimal_scenario());
    const auto r = run_cli({"play", "--seed", "0", "--choose", "1", path});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Minimal\n=======\n"));
    CHECK(contains(r.out, "  1. Go on\n"));
    CHECK(contains(r.out, "**The end** (resolved)"));
}

}  // TEST_SUITE

// ---------------------------------------------------------------------------------------------
TEST_SUITE("cli/standards") {

TEST_CASE("cli/standards: list shows every instrument with its provisions") {
    const auto r = run_cli({"standards", "list"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(std::regex_search(r.out, std::regex("\n  bpuff-9 +BPUFF 9 +Firearms only against a threat to life\n")));
    CHECK(contains(r.out, "\nbpuff — Basic Principles on the Use of Force and Firearms by Law Enforcement Officials (1990)\n"));
    CHECK(contains(r.out, "\ngc37 — "));
    // Provisions not yet checked against the official text say so.
    CHECK(std::regex_search(r.out, std::regex("\n  [a-z0-9-]+ +[^\n]+ \\(unverified\\) +[^\n]+\n")));
}

TEST_CASE("cli/standards: list --instrument gc37 shows only gc37") {
    const auto r = run_cli({"standards", "list", "--instrument", "gc37"});
    CHECK(r.exit_code == 0);
    const auto ls = lines_of(r.out);
    REQUIRE(ls.size() > 2);
    CHECK(ls[0].rfind("gc37 — Human Rights Committee, General comment No. 37 (2020)", 0) == 0);
    std::size_t provisions = 0;
    for (std::size_t i = 1; i < ls.size(); ++i) {
        if (ls[i].empty()) continue;
        CAPTURE(ls[i]);
        CHECK(std::regex_match(ls[i], std::regex("  gc37-[0-9a-z-]+ +General comment No\\. 37 [^ ].*")));
        ++provisions;
    }
    CHECK(provisions >= 5);
    CHECK(contains(r.out, "\n  gc37-24 "));
    CHECK_FALSE(contains(r.out, "bpuff"));

    SUBCASE("json") {
        const auto j = run_cli({"standards", "list", "--instrument", "gc37", "--format", "json"});
        CHECK(j.exit_code == 0);
        CHECK(valid_json(j.out));
        CHECK(count_of(j.out, "\"instrument\": \"gc37\"") == provisions);
        CHECK(count_of(j.out, "\"instrument\": ") == provisions);
    }
    SUBCASE("an unknown instrument is a usage error") {
        const auto u = run_cli({"standards", "list", "--instrument", "nope"});
        CHECK(u.exit_code == 2);
        CHECK(u.err == "measured-cli standards: no instrument 'nope'\nRun 'measured-cli standards --help' for usage.\n");
    }
}

TEST_CASE("cli/standards: list --format json is valid JSON with every provision") {
    const auto text = run_cli({"standards", "list"});
    const auto r = run_cli({"standards", "list", "--format", "json"});
    CHECK(r.exit_code == 0);
    CHECK(valid_json(r.out));
    CHECK(r.out.rfind("[\n  {\n    \"id\": ", 0) == 0);
    CHECK(contains(r.out, "    \"id\": \"bpuff-9\",\n    \"instrument\": \"bpuff\",\n    \"number\": \"9\",\n    \"citation\": \"BPUFF 9\",\n"
                          "    \"title\": \"Firearms only against a threat to life\",\n"));
    // One JSON object per provision line of the text listing.
    std::size_t text_provisions = 0;
    for (const auto& l : lines_of(text.out))
        if (l.rfind("  ", 0) == 0) ++text_provisions;
    CHECK(text_provisions > 50);
    CHECK(count_of(r.out, "\n    \"id\": ") == text_provisions);
    for (const char* key : {"\"instrument\": ", "\"number\": ", "\"citation\": ", "\"title\": ", "\"paraphrase\": ", "\"principles\": [",
                            "\"keywords\": [", "\"verified\": ", "\"verified_by\": ", "\"source\": ", "\"url\": "})
        CHECK_MESSAGE(count_of(r.out, key) == text_provisions, key);
    // Each provision is verified or not; the text listing marks exactly the unverified ones.
    CHECK(count_of(r.out, "\"verified\": true,") + count_of(r.out, "\"verified\": false,") == text_provisions);
    CHECK(count_of(r.out, "\"verified\": false,") == count_of(text.out, " (unverified) "));
}

TEST_CASE("cli/standards: show a provision with its number, title and verification") {
    const auto r = run_cli({"standards", "show", "bpuff-9"});
    CHECK(r.exit_code == 0);
    const auto ls = lines_of(r.out);
    REQUIRE(ls.size() > 4);
    CHECK(ls[0] == "BPUFF 9 — Firearms only against a threat to life");
    CHECK(ls[1] == "Basic Principles on the Use of Force and Firearms by Law Enforcement Officials");
    CHECK(ls[2] == "Source: Eighth UN Congress on the Prevention of Crime and the Treatment of Offenders, Havana, 1990");
    CHECK(ls[3].rfind("Verified against: ", 0) == 0);
    CHECK(contains(r.out, "\nPrinciples: Necessity, Proportionality\n"));
    CHECK(contains(r.out, "\nOfficial text: https://"));

    SUBCASE("json") {
        const auto j = run_cli({"standards", "show", "bpuff-9", "--format", "json"});
        CHECK(j.exit_code == 0);
        CHECK(valid_json(j.out));
        CHECK(j.out.rfind("{\n  \"id\": \"bpuff-9\",\n  \"instrument\": \"bpuff\",\n  \"number\": \"9\",\n  \"citation\": \"BPUFF 9\",\n"
                          "  \"title\": \"Firearms only against a threat to life\",\n", 0) == 0);
        CHECK(contains(j.out, "\n  \"verified\": true,\n"));
        CHECK(contains(j.out, "\"principles\": [\n    \"necessity\",\n    \"proportionality\"\n  ]"));
    }
    SUBCASE("an unverified provision says so") {
        const auto list = run_cli({"standards", "list"});
        std::smatch m;
        REQUIRE(std::regex_search(list.out, m, std::regex("\n  ([a-z0-9-]+) +[^\n]+ \\(unverified\\) ")));
        const auto u = run_cli({"standards", "show", m[1].str()});
        CHECK(u.exit_code == 0);
        CHECK(contains(u.out, "\nNot yet verified against the official text.\n"));
    }
}

TEST_CASE("cli/standards: show an instrument") {
    const auto r = run_cli({"standards", "show", "gc37"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("Human Rights Committee, General comment No. 37 (2020) on the right of peaceful assembly (article 21) (General comment No. 37)\n"
                      "CCPR/C/GC/37 · 2020 · adopted 2020-07-23\n", 0) == 0);
    CHECK(contains(r.out, "\n  gc37-24 "));
    CHECK_FALSE(contains(r.out, "bpuff-"));
    SUBCASE("json") {
        const auto j = run_cli({"standards", "show", "gc37", "--format", "json"});
        CHECK(j.exit_code == 0);
        CHECK(valid_json(j.out));
        CHECK(j.out.rfind("{\n  \"id\": \"gc37\",\n", 0) == 0);
        CHECK(contains(j.out, "\"provisions\": [\n"));
    }
}

TEST_CASE("cli/standards: show a principle") {
    const auto r = run_cli({"standards", "show", "necessity"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("Necessity (force principle)\n\n", 0) == 0);
    CHECK(contains(r.out, "\nThe test: "));
    CHECK(contains(r.out, "\nGrounded in: "));
    CHECK(contains(r.out, "BPUFF 9"));
    SUBCASE("json") {
        const auto j = run_cli({"standards", "show", "necessity", "--format", "json"});
        CHECK(j.exit_code == 0);
        CHECK(valid_json(j.out));
        CHECK(j.out.rfind("{\n  \"id\": \"necessity\",\n  \"name\": \"Necessity\",\n  \"group\": \"force\",\n", 0) == 0);
        CHECK(contains(j.out, "\"grounds\": ["));
    }
}

TEST_CASE("cli/standards: an unknown id is exit 1") {
    const auto r = run_cli({"standards", "show", "bpuff-999"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "measured-cli standards: no provision, instrument or principle 'bpuff-999'\n");
}

TEST_CASE("cli/standards: search finds provisions containing every word") {
    const auto r = run_cli({"standards", "search", "firearms", "threat"});
    CHECK(r.exit_code == 0);
    CHECK(std::regex_search(r.out, std::regex("\n?  bpuff-9 +BPUFF 9 +Firearms only against a threat to life\n")));
    const std::size_t found = count_of(r.out, "\n") ;
    CHECK(found >= 1);
    CHECK(r.err == std::to_string(found) + " provision" + (found == 1 ? "" : "s") + " match 'firearms threat'\n");
    SUBCASE("json") {
        const auto j = run_cli({"standards", "search", "--format", "json", "firearms", "threat"});
        CHECK(j.exit_code == 0);
        CHECK(valid_json(j.out));
        CHECK(count_of(j.out, "\n    \"id\": ") == found);
    }
    SUBCASE("nothing found is exit 1") {
        const auto n = run_cli({"standards", "search", "zzqqxx"});
        CHECK(n.exit_code == 1);
        CHECK(n.out.empty());
        CHECK(n.err == "0 provisions match 'zzqqxx'\n");
    }
    SUBCASE("no words is a usage error") {
        CHECK(run_cli({"standards", "search"}).exit_code == 2);
    }
}

TEST_CASE("cli/standards: principles lists the scoring principles and the hard-fail rules") {
    const auto r = run_cli({"standards", "principles"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("Principles for any use of force\n", 0) == 0);
    CHECK(std::regex_search(r.out, std::regex("\n  necessity +Necessity\n +Test: ")));
    SUBCASE("json") {
        const auto j = run_cli({"standards", "principles", "--format", "json"});
        CHECK(j.exit_code == 0);
        CHECK(valid_json(j.out));
        CHECK(j.out.rfind("{\n  \"principles\": [\n", 0) == 0);
        CHECK(contains(j.out, "\"id\": \"necessity\""));
        CHECK(contains(j.out, "\n  \"hard_fail\": ["));
    }
}

TEST_CASE("cli/standards: cited-by lists the choices that cite a provision") {
    TempDir dir;
    dir.write("lib/one/scenario.toml", minimal_scenario("", "", R"(
    [[scene.choice.assessment]]
    principle = "necessity"
    rating = "compliant"
    feedback = "Fine."
    cite = ["bpuff-4"]
)"));
    const auto r = run_cli({"standards", "cited-by", "bpuff-4", "--scenarios", dir.path() + "/lib"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "minimal  scene 'first', choice 'go': necessity compliant\n");
    CHECK(r.err == "BPUFF 4 is cited 1 time in " + dir.path() + "/lib\n");
    SUBCASE("json") {
        const auto j = run_cli({"standards", "cited-by", "bpuff-4", "--scenarios", dir.path() + "/lib", "--format", "json"});
        CHECK(j.exit_code == 0);
        CHECK(valid_json(j.out));
        CHECK(contains(j.out, "\"provision\": \"bpuff-4\""));
        CHECK(contains(j.out, "\"scene\": \"first\",\n      \"choice\": \"go\",\n      \"principle\": \"necessity\",\n      \"rating\": \"compliant\""));
    }
    SUBCASE("a provision nobody cites") {
        const auto n = run_cli({"standards", "cited-by", "bpuff-9", "--scenarios", dir.path() + "/lib"});
        CHECK(n.exit_code == 0);
        CHECK(n.out.empty());
        CHECK(n.err == "BPUFF 9 is cited 0 times in " + dir.path() + "/lib\n");
    }
    SUBCASE("an unknown provision is exit 1") {
        const auto n = run_cli({"standards", "cited-by", "nope", "--scenarios", dir.path() + "/lib"});
        CHECK(n.exit_code == 1);
        CHECK(n.err == "measured-cli standards: no provision 'nope'\n");
    }
}

TEST_CASE("cli/standards: wrong actions and arguments are usage errors") {
    SUBCASE("no action") {
        const auto r = run_cli({"standards"});
        CHECK(r.exit_code == 2);
        CHECK(r.err == "measured-cli standards: say list, show ID, search TEXT, principles or cited-by ID\n"
                       "Run 'measured-cli standards --help' for usage.\n");
    }
    SUBCASE("unknown action") {
        const auto r = run_cli({"standards", "frob"});
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "unknown action 'frob'"));
    }
    SUBCASE("show without an id or with two") {
        CHECK(run_cli({"standards", "show"}).exit_code == 2);
        CHECK(run_cli({"standards", "show", "bpuff-9", "bpuff-4"}).exit_code == 2);
    }
    SUBCASE("list or principles with an argument") {
        CHECK(run_cli({"standards", "list", "bpuff"}).exit_code == 2);
        CHECK(run_cli({"standards", "principles", "x"}).exit_code == 2);
    }
    SUBCASE("a catalogue folder that does not exist") {
        TempDir dir;
        const auto r = run_cli({"standards", "list", "--standards", dir.path() + "/nowhere"});
        CHECK(r.exit_code == 2);
        CHECK(r.err == dir.path() + "/nowhere: error[E001]: the standards folder does not exist\n"
                       "measured-cli standards: cannot find the standards catalogue; give it with --standards DIR\n");
    }
}

}  // TEST_SUITE

// ---------------------------------------------------------------------------------------------
TEST_SUITE("cli/stats") {

TEST_CASE("cli/stats: --format json over scenarios has every key for every scenario") {
    const auto r = run_cli({"stats", "--format", "json", source_path("scenarios")});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(valid_json(r.out));
    const std::size_t n = count_of(r.out, "\n    \"path\": ");
    CHECK(n >= 1);
    CHECK(count_of(r.out, "\n  {\n") == n);
    for (const char* key : {"path", "id", "title", "topics", "scenes", "decision_points", "choices", "endings", "reachable_endings",
                            "timed_decisions", "random_events", "variables", "citations", "provisions_cited", "longest_path",
                            "longest_path_exact"}) {
        CAPTURE(key);
        CHECK(count_of(r.out, std::string("\n    \"") + key + "\": ") == n);
    }
    CHECK(contains(r.out, "\n    \"id\": \"vigil-and-counter-protest\",\n"));
    // What holds for every scenario that lints clean: every scene is a decision point, every ending can
    // be reached, and a path to an ending takes at least one decision.
    std::size_t checked = 0;
    for (std::size_t at = r.out.find("\n  {\n"); at != std::string::npos; at = r.out.find("\n  {\n", at + 1)) {
        const std::string block = r.out.substr(at, r.out.find("\n  }", at) - at);
        CAPTURE(block);
        CHECK(int_field(block, "decision_points") == int_field(block, "scenes"));
        CHECK(int_field(block, "reachable_endings") == int_field(block, "endings"));
        CHECK(int_field(block, "choices") >= int_field(block, "scenes"));
        CHECK(int_field(block, "longest_path") >= 1);
        CHECK(int_field(block, "provisions_cited") <= int_field(block, "citations"));
        ++checked;
    }
    CHECK(checked == n);
}

TEST_CASE("cli/stats: a hand-made scenario gives the numbers counted by hand") {
    // start → middle → last → calm is the longest path (3 decisions); start can also go straight to an ending.
    // middle is timed (its timeout leads to hurt); last has a random choice. 3 scenes, 2 endings, 6 choices
    // (the timeout is not a choice), 1 timed decision, 1 random event, 1 variable, 3 citations of 2 provisions.
    TempDir dir;
    const auto path = dir.write("small/scenario.toml", header("small", "start") + R"(
[variables]
calm = { type = "int", initial = 2, min = 0, max = 5 }

[[scene]]
id = "start"
text = "Calm is {calm}."

  [[scene.choice]]
  id = "on"
  label = "Go on"
  target = "middle"

    [[scene.choice.assessment]]
    principle = "precaution"
    rating = "exemplary"
    feedback = "Good."
    cite = ["bpuff-4", "bpuff-5"]

  [[scene.choice]]
  id = "stop"
  label = "Stop here"
  target = "calm-end"

[[scene]]
id = "middle"
text = "Decide quickly."
time_limit = 10

  [scene.timeout]
  target = "hurt"
  effects = ["calm -= 1"]

  [[scene.choice]]
  id = "next"
  label = "Next"
  target = "last"

  [[scene.choice]]
  id = "end-now"
  label = "End now"
  target = "calm-end"

[[scene]]
id = "last"
text = "A gamble."

  [[scene.choice]]
  id = "gamble"
  label = "Gamble"

    [[scene.choice.assessment]]
    principle = "necessity"
    rating = "concern"
    feedback = "Risky."
    cite = ["bpuff-4"]

    [[scene.choice.outcome]]
    id = "win"
    weight = 3
    target = "calm-end"

    [[scene.choice.outcome]]
    id = "lose"
    weight = 1
    target = "hurt"

  [[scene.choice]]
  id = "safe"
  label = "Play safe"
  target = "calm-end"
)" + ending("calm-end") + ending("hurt", "injury"));
    REQUIRE(run_cli({"lint", "--strict", path}).exit_code == 0);

    const auto r = run_cli({"stats", "--format", "json", path});
    CHECK(r.exit_code == 0);
    CHECK(valid_json(r.out));
    CHECK(r.out == "[\n  {\n    \"path\": \"" + path + "\",\n    \"id\": \"small\",\n    \"title\": \"Test small\",\n"
                   "    \"topics\": [\n      \"testing\",\n      \"cli\"\n    ],\n"
                   "    \"scenes\": 3,\n    \"decision_points\": 3,\n    \"choices\": 6,\n    \"endings\": 2,\n"
                   "    \"reachable_endings\": 2,\n    \"timed_decisions\": 1,\n    \"random_events\": 1,\n    \"variables\": 1,\n"
                   "    \"citations\": 3,\n    \"provisions_cited\": 2,\n    \"longest_path\": 3,\n    \"longest_path_exact\": true\n  }\n]\n");

    SUBCASE("text") {
        const auto t = run_cli({"stats", path});
        CHECK(t.exit_code == 0);
        const auto ls = lines_of(t.out);
        REQUIRE(ls.size() == 2);
        CHECK(ls[0].rfind("scenario ", 0) == 0);
        CHECK(std::regex_match(ls[1], std::regex("small +3 +6 +2 +2 +1 +1 +1 +3 +3")));
    }
    SUBCASE("an unreachable ending is not counted as reachable") {
        const auto p2 = dir.write("small2/scenario.toml", read_file(path) + ending("orphan"));
        const auto t = run_cli({"stats", "--format", "json", p2});
        CHECK(t.exit_code == 0);
        CHECK(contains(t.out, "\"endings\": 3,\n    \"reachable_endings\": 2,"));
    }
}

TEST_CASE("cli/stats: a scenario with errors is listed on stderr and exit 1, the others still counted") {
    TempDir dir;
    dir.write("a/good.toml", minimal_scenario());
    std::string bad = minimal_scenario();
    bad.replace(bad.find("target = \"end\""), 14, "target = \"edn\"");
    const auto bad_path = dir.write("b/bad.toml", bad);
    const auto r = run_cli({"stats", "--format", "json", dir.path()});
    CHECK(r.exit_code == 1);
    CHECK(valid_json(r.out));
    CHECK(count_of(r.out, "\"id\": \"minimal\"") == 1);
    CHECK(contains(r.err, bad_path + ":29:12: error[E201]: "));
}

TEST_CASE("cli/stats: a path that does not exist is exit 2") {
    const auto r = run_cli({"stats", "/nonexistent/measured/path"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "measured-cli stats: no such file or folder: /nonexistent/measured/path\n");
}

}  // TEST_SUITE
