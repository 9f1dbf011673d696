// Hostile input for measured-cli: the rule is never a crash, a hang or silent acceptance. Every input
// here must make `measured-cli lint` (or `play`, `play --resume`) fail with its exit code — never 0,
// never a signal, never killed by the harness timeout — and a diagnostic carrying the expected code.
// Inputs are generated in a temporary folder; nothing big is committed.
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <sys/stat.h>

using namespace measured::test;
namespace fs = std::filesystem;

namespace {

// Generous because of sanitizer builds: a guard against hangs, not a performance test.
constexpr double hang_guard = 20;

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::size_t count_of(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

// 1-based line of the first occurrence of `needle`.
unsigned line_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return static_cast<unsigned>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
}

// The hostile-input rule for one file: exit 1 (never 0, never a signal or a timeout) and an error with `code`.
CliResult lint_must_fail(const std::string& path, const std::string& code) {
    const auto r = run_cli({"lint", path}, "", hang_guard);
    INFO("exit code " << r.exit_code << " (>= 128 means a signal or the harness timeout)");
    INFO("stdout starts: " << r.out.substr(0, 600));
    INFO("stderr starts: " << r.err.substr(0, 600));
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, ": error[" + code + "]: "));
    CHECK(contains(r.err, "1 file checked: "));
    // Sanitizer builds report a crash or undefined behaviour on stderr and may still exit 1.
    CHECK_FALSE(contains(r.err, "Sanitizer"));
    CHECK_FALSE(contains(r.err, "runtime error"));
    return r;
}

// The same rule for `play --resume SESSION SCENARIO`.
CliResult resume_must_fail(const std::string& session, const std::string& scenario, const std::string& code) {
    const auto r = run_cli({"play", "--quiet", "--resume", session, "--choose", "1,1,1,1,1,1,1,1,1", scenario}, "", hang_guard);
    INFO("exit code " << r.exit_code << " (>= 128 means a signal or the harness timeout)");
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "error[" + code + "]: "));
    CHECK_FALSE(contains(r.err, "Sanitizer"));
    CHECK_FALSE(contains(r.err, "runtime error"));
    return r;
}

// A deterministic byte stream (splitmix64), so "random" garbage is the same on every run.
std::string garbage(std::size_t n, std::uint64_t seed) {
    std::string out;
    out.reserve(n);
    while (out.size() < n) {
        seed += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = seed;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        for (int k = 0; k < 8 && out.size() < n; ++k) out += static_cast<char>((z >> (8 * k)) & 0xFF);
    }
    return out;
}

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// minimal_scenario() with the scene text replaced (written inside a basic string, so TOML escapes apply).
std::string with_text(const std::string& text) { return replace_first(minimal_scenario(), "text = \"The first scene.\"", "text = \"" + text + "\""); }

const std::string vigil_rel = "scenarios/assemblies/vigil-and-counter-protest/scenario.toml";

// The header of minimal_scenario() (everything before [variables]), for scenarios built from scratch.
std::string minimal_header(const std::string& start) {
    const std::string m = minimal_scenario();
    return replace_first(m.substr(0, m.find("[variables]")), "start = \"first\"", "start = \"" + start + "\"");
}

std::string minimal_ending() {
    const std::string m = minimal_scenario();
    return m.substr(m.find("[[ending]]"));
}

std::string chain_scene(std::size_t i, const std::string& target) {
    return "[[scene]]\nid = \"s" + std::to_string(i) + "\"\ntext = \"Scene.\"\n  [[scene.choice]]\n  id = \"go\"\n  label = \"Go\"\n  target = \"" +
           target + "\"\n\n";
}

}  // namespace

TEST_SUITE("cli/hostile") {

// --- bytes that are not a scenario ---------------------------------------------------------------

TEST_CASE("cli/hostile: an empty file is E013") {
    TempDir dir;
    const auto path = dir.write("empty.toml", "");
    const auto r = lint_must_fail(path, "E013");
    CHECK(r.out == path + ": error[E013]: the file is empty\n");
}

TEST_CASE("cli/hostile: whitespace and comments only is E013") {
    TempDir dir;
    std::string content;
    SUBCASE("spaces and newlines") { content = "   \n\n\t\n  "; }
    SUBCASE("comments") { content = "# a comment\n\n   # another, indented\n#\n"; }
    SUBCASE("CRLF line ends") { content = "# comment\r\n\r\n  \r\n"; }
    const auto path = dir.write("blank.toml", content);
    const auto r = lint_must_fail(path, "E013");
    CHECK(r.out == path + ": error[E013]: the file is empty\n");
}

TEST_CASE("cli/hostile: a byte-order mark alone is not accepted") {
    TempDir dir;
    const auto path = dir.write("bom.toml", "\xEF\xBB\xBF\n");
    const auto r = lint_must_fail(path, "E100");
    CHECK(contains(r.out, path + ":1:1: error[E100]: the scenario file has no 'format', which is required\n"));
}

TEST_CASE("cli/hostile: invalid UTF-8 is E003 at the line and column of the bad byte") {
    TempDir dir;
    // "Café " puts the bad byte at code point 14 of its line: text = " is 8 columns, then C a f é space.
    const std::vector<std::pair<std::string, std::string>> cases{
        {"a byte that never starts UTF-8", "\xFF"},  {"a lone continuation byte", "\x80"},
        {"an overlong encoding", "\xC0\xAF"},        {"a UTF-16 surrogate", "\xED\xA0\x80"},
        {"beyond U+10FFFF", "\xF4\x90\x80\x80"},     {"a truncated sequence", "\xE2\x82"},
    };
    for (const auto& [what, bad] : cases) {
        CAPTURE(what);
        const std::string text = with_text("Café " + bad + " x");
        const auto path = dir.write("utf8.toml", text);
        const auto r = lint_must_fail(path, "E003");
        CHECK(r.out == path + ":" + std::to_string(line_of(text, "text = ")) + ":14: error[E003]: invalid UTF-8; save the file as UTF-8\n");
    }
    SUBCASE("a truncated sequence at the very end of the file") {
        const auto path = dir.write("end.toml", minimal_scenario() + "# trailing \xE2\x82");
        const auto r = lint_must_fail(path, "E003");
        const unsigned last = static_cast<unsigned>(count_of(minimal_scenario(), "\n")) + 1;
        CHECK(r.out == path + ":" + std::to_string(last) + ":12: error[E003]: invalid UTF-8; save the file as UTF-8\n");
    }
}

TEST_CASE("cli/hostile: binary garbage and NUL bytes are rejected") {
    TempDir dir;
    SUBCASE("random bytes") {
        for (std::uint64_t seed : {1u, 2u, 3u}) {
            CAPTURE(seed);
            const auto path = dir.write("bin" + std::to_string(seed) + ".toml", garbage(64 * 1024, seed));
            const auto r = lint_must_fail(path, "E003");
            CHECK(count_of(r.out, "\n") == 1);
        }
    }
    SUBCASE("only NUL bytes") {
        const auto path = dir.write("nul.toml", std::string(4096, '\0'));
        const auto r = lint_must_fail(path, "E010");
        CHECK(r.out == path + ":1:1: error[E010]: Error while parsing root table: expected keys, tables, whitespace or comments, saw '\\u0000'\n");
    }
    SUBCASE("NUL and control bytes inside otherwise valid TOML") {
        std::string text = minimal_scenario();
        text.insert(text.find("title = \"Minimal\""), std::string("x = 1\0\x01\x02\n", 9));
        const auto path = dir.write("ctl.toml", text);
        const auto r = lint_must_fail(path, "E010");
        CHECK(contains(r.out, path + ":5:6: error[E010]: "));
    }
    SUBCASE("printable garbage") {
        std::string g = garbage(32 * 1024, 7);
        for (auto& c : g) c = static_cast<char>(' ' + (static_cast<unsigned char>(c) % 95));
        const auto path = dir.write("ascii.toml", "= " + g);
        lint_must_fail(path, "E010");
    }
}

TEST_CASE("cli/hostile: 20000-deep nested arrays are E010") {
    TempDir dir;
    SUBCASE("closed") {
        const auto path = dir.write("deep.toml", "a = " + std::string(20000, '[') + std::string(20000, ']') + "\n");
        const auto r = lint_must_fail(path, "E010");
        CHECK(contains(r.out, "exceeded maximum nested value depth"));
    }
    SUBCASE("never closed") {
        const auto path = dir.write("deep.toml", "a = " + std::string(20000, '['));
        const auto r = lint_must_fail(path, "E010");
        CHECK(contains(r.out, "exceeded maximum nested value depth"));
    }
}

TEST_CASE("cli/hostile: 20000-deep inline tables are E010") {
    TempDir dir;
    SUBCASE("inline tables") {
        const auto path = dir.write("deep.toml", "a = " + repeat("{ b = ", 20000) + "1" + std::string(20000, '}') + "\n");
        const auto r = lint_must_fail(path, "E010");
        CHECK(contains(r.out, "exceeded maximum nested value depth"));
    }
    SUBCASE("arrays of inline tables") {
        const auto path = dir.write("deep.toml", "a = " + repeat("[{ b = ", 10000) + "1" + repeat("}]", 10000) + "\n");
        const auto r = lint_must_fail(path, "E010");
        CHECK(contains(r.out, "exceeded maximum nested value depth"));
    }
}

TEST_CASE("cli/hostile: key paths deeper than 64 levels are E011, before toml++ sees them") {
    // toml++ limits nested values itself but not dotted keys or table headers, and recurses once per level.
    TempDir dir;
    auto path_of = [](std::size_t depth) {
        std::string keys = "a";
        keys.reserve(depth * 2);
        for (std::size_t i = 1; i < depth; ++i) keys += ".a";
        return keys;
    };
    SUBCASE("64 levels are parsed and reported as unknown keys") {
        const auto path = dir.write("k.toml", path_of(64) + " = 1\n");
        const auto r = lint_must_fail(path, "E100");
        CHECK(contains(r.out, path + ":1:1: warning[W100]: unknown key 'a' in the scenario file\n"));
        CHECK_FALSE(contains(r.out, "E011"));
    }
    SUBCASE("65 levels of dotted key, on line 3") {
        const auto path = dir.write("k.toml", "# deep\nformat = 1\n" + path_of(65) + " = 1\n");
        const auto r = lint_must_fail(path, "E011");
        CHECK(r.out == path + ":3:1: error[E011]: a key path here is 65 levels deep; the limit is 64\n");
    }
    SUBCASE("200000 levels of dotted key") {
        const auto path = dir.write("k.toml", path_of(200000) + " = 1\n");
        const auto r = lint_must_fail(path, "E011");
        CHECK(r.out == path + ":1:1: error[E011]: a key path here is 200000 levels deep; the limit is 64\n");
    }
    SUBCASE("a table header") {
        const auto path = dir.write("k.toml", "[" + path_of(200000) + "]\n");
        const auto r = lint_must_fail(path, "E011");
        CHECK(r.out == path + ":1:1: error[E011]: a key path here is 200000 levels deep; the limit is 64\n");
    }
    SUBCASE("an array-of-tables header with quoted keys") {
        std::string keys = "\"a\"";
        for (int i = 1; i < 100000; ++i) keys += ".'a'";
        const auto path = dir.write("k.toml", "[[" + keys + "]]\n");
        lint_must_fail(path, "E011");
    }
    SUBCASE("dots inside strings are not key levels") {
        const auto path = dir.write("k.toml", minimal_scenario("", "facts = [\"" + std::string(200, '.') + "\"]\n"));
        const auto r = run_cli({"lint", path}, "", hang_guard);
        CHECK(r.exit_code == 0);
        CHECK(r.out.empty());
    }
}

TEST_CASE("cli/hostile: deep key paths hidden after triple quotes or inside inline tables are E011") {
    // The E011 scan must follow TOML's strings and comments: a triple quote inside a comment or a
    // literal string does not open a multi-line string, and dotted keys inside { } count too.
    // Missed, each of these overflows the stack inside toml++ (SIGSEGV).
    TempDir dir;
    std::string keys = "a";
    keys.reserve(400000);
    for (int i = 1; i < 200000; ++i) keys += ".a";
    std::string content;
    unsigned line = 0;
    SUBCASE("after a comment that mentions triple quotes") {
        content = "# \"\"\"\n" + keys + " = 1\n";
        line = 2;
    }
    SUBCASE("after a literal string of triple quotes") {
        content = "x = '\"\"\"'\n" + keys + " = 1\n";
        line = 2;
    }
    SUBCASE("a table header after a trailing comment with triple quotes") {
        content = "x = 1 # '''\n[" + keys + "]\n";
        line = 2;
    }
    SUBCASE("after a multi-line string that closes") {
        content = "x = \"\"\"\nfirst\n\"\"\"\n" + keys + " = 1\n";
        line = 4;
    }
    SUBCASE("dotted keys inside an inline table") {
        content = "x = { " + keys + " = 1 }\n";
        line = 1;
    }
    const auto path = dir.write("deep.toml", content);
    const auto r = lint_must_fail(path, "E011");
    CHECK(r.out == path + ":" + std::to_string(line) + ":1: error[E011]: a key path here is 200000 levels deep; the limit is 64\n");
}

TEST_CASE("cli/hostile: 64-level keys in 250 nested inline tables are parsed without a crash") {
    // Each key stays within the limit; toml++ caps the nesting of inline tables. 16000 levels in all.
    TempDir dir;
    std::string key = "a";
    for (int i = 1; i < 64; ++i) key += ".a";
    const auto path = dir.write("nested.toml", "x = " + repeat("{ " + key + " = ", 250) + "1" + repeat(" }", 250) + "\n");
    const auto r = lint_must_fail(path, "E100");
    CHECK_FALSE(contains(r.out, "E011"));
    CHECK(contains(r.out, path + ":1:1: warning[W100]: unknown key 'x' in the scenario file\n"));
}

TEST_CASE("cli/hostile: dots in strings and multi-line strings are not key levels") {
    TempDir dir;
    const std::string dots(300, '.');
    const auto path = dir.write("dots.toml", replace_first(minimal_scenario("", "facts = [\"" + dots + "\", '" + dots + "']\n"),
                                                         "text = \"The first scene.\"", "text = \"\"\"\n" + dots + "\n'''\n" + dots + "\n\"\"\""));
    const auto r = run_cli({"lint", path}, "", hang_guard);
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
}

TEST_CASE("cli/hostile: a 30 MB string is E002 without being parsed") {
    TempDir dir;
    const std::string content = "s = \"" + std::string(30'000'000, 'x') + "\"\n";
    const auto path = dir.write("big.toml", content);
    const auto r = lint_must_fail(path, "E002");
    CHECK(r.out == path + ": error[E002]: the file is " + std::to_string(content.size()) + " bytes; the limit is 4194304 bytes\n");
}

TEST_CASE("cli/hostile: the 4 MiB limit is exact") {
    TempDir dir;
    const std::string base = minimal_scenario() + "\n# ";
    SUBCASE("one byte over") {
        const auto path = dir.write("over.toml", base + std::string(4194304 + 1 - base.size() - 1, 'x') + "\n");
        const auto r = lint_must_fail(path, "E002");
        CHECK(r.out == path + ": error[E002]: the file is 4194305 bytes; the limit is 4194304 bytes\n");
    }
    SUBCASE("exactly at the limit is read") {
        const auto path = dir.write("at.toml", base + std::string(4194304 - base.size() - 1, 'x') + "\n");
        REQUIRE(fs::file_size(path) == 4194304);
        const auto r = run_cli({"lint", path}, "", hang_guard);
        CHECK(r.exit_code == 0);
        CHECK(r.out.empty());
    }
}

TEST_CASE("cli/hostile: 300000 keys finish and are reported with a cap") {
    TempDir dir;
    std::string content;
    content.reserve(3'600'000);
    for (int i = 0; i < 300000; ++i) content += "k" + std::to_string(i) + " = 1\n";
    REQUIRE(content.size() < 4194304);
    const auto path = dir.write("keys.toml", content);
    const auto r = lint_must_fail(path, "E100");
    // The four required keys are missing; every key is unknown; 200 diagnostics are shown.
    for (const char* key : {"format", "scenario", "scene", "ending"})
        CHECK(contains(r.out, path + ":1:1: error[E100]: the scenario file has no '" + std::string(key) + "', which is required\n"));
    CHECK(count_of(r.out, ": error[E100]: ") == 4);
    CHECK(count_of(r.out, ": warning[W100]: unknown key 'k") == 196);
    CHECK(contains(r.out, "\n… and 299804 more problems not shown (the first 200 are listed)\n"));
    CHECK(r.err == "1 file checked: 4 errors, 300000 warnings\n");

    SUBCASE("json counts what was not shown") {
        const auto j = run_cli({"lint", "--format", "json", path}, "", hang_guard);
        CHECK(j.exit_code == 1);
        CHECK(contains(j.out, "\"errors\": 4,\n  \"warnings\": 300000,"));
        CHECK(contains(j.out, "\"not_shown\": 299804,"));
        CHECK(count_of(j.out, "\"code\": ") == 200);
    }
}

TEST_CASE("cli/hostile: JSON by mistake is E012") {
    TempDir dir;
    std::string content;
    int line = 1;   // E012 points at the first line that is not blank or a comment
    SUBCASE("an object") { content = "{\n  \"format\": 1,\n  \"scenario\": { \"id\": \"x\" }\n}\n"; }
    SUBCASE("an array of objects") { content = "[{\"format\": 1}]\n"; }
    SUBCASE("after a comment line") {
        content = "# exported\n{\"format\": 1}\n";
        line = 2;
    }
    SUBCASE("after a UTF-8 byte-order mark") { content = "\xEF\xBB\xBF{\"format\": 1}\n"; }
    const auto path = dir.write("scenario.toml", content);
    const auto r = lint_must_fail(path, "E012");
    CHECK(r.out == path + ":" + std::to_string(line) +
                       ":1: error[E012]: this looks like JSON; scenario and catalogue files are TOML (see scenarios/README.md)\n");
}

TEST_CASE("cli/hostile: YAML by mistake is E012") {
    TempDir dir;
    SUBCASE("a document start") {
        const auto path = dir.write("s.toml", "---\nformat: 1\nscenario:\n  id: x\n");
        const auto r = lint_must_fail(path, "E012");
        CHECK(r.out == path + ":1:1: error[E012]: this looks like YAML; scenario and catalogue files are TOML (see scenarios/README.md)\n");
    }
    SUBCASE("key: value") {
        const auto path = dir.write("s.toml", "format: 1\nscenario:\n  id: x\n");
        const auto r = lint_must_fail(path, "E012");
        CHECK(r.out == path + ":1:1: error[E012]: this looks like YAML ('key: value'); TOML writes 'key = value' (see scenarios/README.md)\n");
    }
    SUBCASE("a list") {
        const auto path = dir.write("s.toml", "- id: first\n- id: second\n");
        const auto r = lint_must_fail(path, "E012");
        CHECK(contains(r.out, "error[E012]: this looks like YAML"));
    }
}

// --- scenarios beyond the limits -------------------------------------------------------------------

TEST_CASE("cli/hostile: 2001 scenes is E105") {
    TempDir dir;
    SUBCASE("2001 scene entries") {
        std::string text = minimal_header("s0");
        for (std::size_t i = 0; i < 2001; ++i) text += chain_scene(i, i + 1 < 2001 ? "s" + std::to_string(i + 1) : "end");
        text += minimal_ending();
        const auto path = dir.write("many.toml", text);
        const auto r = lint_must_fail(path, "E105");
        CHECK(contains(r.out, path + ":" + std::to_string(line_of(text, "[[scene]]")) +
                                  ":1: error[E105]: the scenario file has 2001 'scene' entries; the limit is 2000\n"));
    }
    SUBCASE("2000 scenes and an ending") {
        std::string text = minimal_header("s0");
        for (std::size_t i = 0; i < 2000; ++i) text += chain_scene(i, i + 1 < 2000 ? "s" + std::to_string(i + 1) : "end");
        text += minimal_ending();
        const auto path = dir.write("many.toml", text);
        const auto r = lint_must_fail(path, "E105");
        CHECK(r.out == path + ":1:1: error[E105]: the scenario has 2001 scenes and endings; the limit is 2000\n");
    }
    SUBCASE("1999 scenes and an ending are accepted") {
        std::string text = minimal_header("s0");
        for (std::size_t i = 0; i < 1999; ++i) text += chain_scene(i, i + 1 < 1999 ? "s" + std::to_string(i + 1) : "end");
        text += minimal_ending();
        const auto path = dir.write("many.toml", text);
        const auto r = run_cli({"lint", "--strict", path}, "", hang_guard);
        CHECK(r.exit_code == 0);
        CHECK(r.out.empty());
    }
}

TEST_CASE("cli/hostile: a scene with 10 choices is E105") {
    TempDir dir;
    std::string choices;
    for (int i = 0; i < 10; ++i) choices += "  [[scene.choice]]\n  id = \"c" + std::to_string(i) + "\"\n  label = \"C\"\n  target = \"end\"\n";
    const std::string text = minimal_header("first") + "[[scene]]\nid = \"first\"\ntext = \"T.\"\n" + choices + "\n" + minimal_ending();
    const auto path = dir.write("ten.toml", text);
    const auto r = lint_must_fail(path, "E105");
    CHECK(r.out == path + ":" + std::to_string(line_of(text, "  [[scene.choice]]")) +
                       ":11: error[E105]: scene 'first' has 10 choices; the limit is 9 (keys 1–9)\n");

    SUBCASE("9 choices are accepted") {
        const std::string nine = replace_first(text, "  [[scene.choice]]\n  id = \"c9\"\n  label = \"C\"\n  target = \"end\"\n", "");
        const auto p9 = dir.write("nine.toml", nine);
        const auto r9 = run_cli({"lint", p9}, "", hang_guard);
        CHECK(r9.exit_code == 0);
    }
}

TEST_CASE("cli/hostile: a text of 20001 characters is E103") {
    TempDir dir;
    const std::string text = with_text(std::string(20001, 'y'));
    const auto path = dir.write("long.toml", text);
    const auto r = lint_must_fail(path, "E103");
    CHECK(r.out == path + ":" + std::to_string(line_of(text, "text = ")) +
                       ":8: error[E103]: 'text' in scene 'first' is 20001 characters long; the limit is 20000\n");

    SUBCASE("20000 characters, each two bytes, are accepted: the limit counts characters") {
        std::string e;
        for (int i = 0; i < 20000; ++i) e += "é";
        const auto p = dir.write("ok.toml", with_text(e));
        const auto ok = run_cli({"lint", p}, "", hang_guard);
        CHECK(ok.exit_code == 0);
        CHECK(ok.out.empty());
    }
}

TEST_CASE("cli/hostile: an expression nested 100 parentheses deep is E301") {
    TempDir dir;
    std::string cond;
    SUBCASE("parentheses") { cond = std::string(100, '(') + "true" + std::string(100, ')'); }
    SUBCASE("not, 120 times") { cond = repeat("not ", 120) + "true"; }
    SUBCASE("unary minus, 400 times") { cond = std::string(400, '-') + "1 > 0"; }
    const std::string text = minimal_scenario("", "", "  condition = \"" + cond + "\"");
    const auto path = dir.write("deep.toml", text);
    const auto r = lint_must_fail(path, "E301");
    CHECK(contains(r.out, ": error[E301]: the expression nests deeper than 32 levels\n"));
    CHECK(contains(r.out, path + ":" + std::to_string(line_of(text, "condition = ")) + ":"));
}

TEST_CASE("cli/hostile: a 600-character expression is E301") {
    TempDir dir;
    std::string cond = "true";
    while (cond.size() + 9 <= 600) cond += " and true";
    cond += std::string(600 - cond.size(), ' ');
    REQUIRE(cond.size() == 600);
    const std::string text = minimal_scenario("", "", "  condition = \"" + cond + "\"");
    const auto path = dir.write("long.toml", text);
    const auto r = lint_must_fail(path, "E301");
    // The value starts at column 16 of `  condition = "`; the error points at character 501.
    CHECK(r.out == path + ":" + std::to_string(line_of(text, "condition = ")) +
                       ":516: error[E301]: the expression is 600 characters long; the limit is 500\n");

    SUBCASE("an effect over 500 characters") {
        std::string effect = "x = 1";
        while (effect.size() < 600) effect += " + 1";
        const auto p = dir.write("effect.toml", minimal_scenario("x = { type = \"int\", initial = 0, min = 0, max = 1000 }", "",
                                                                 "  effects = [\"" + effect + "\"]"));
        const auto e = lint_must_fail(p, "E301");
        CHECK(contains(e.out, "error[E301]: the effect is " + std::to_string(effect.size()) + " characters long; the limit is 500\n"));
    }
}

// --- images ----------------------------------------------------------------------------------------

TEST_CASE("cli/hostile: images outside the scenario folder are refused") {
    TempDir dir;
    const std::string png_signature("\x89PNG\r\n\x1a\n", 8);
    dir.write("outside.png", png_signature + "outside");
    dir.write("scen/images/inside.png", png_signature + "inside");
    auto scenario_with = [&](const std::string& image) {
        const std::string text = minimal_scenario("", "image = \"" + image + "\"\nimage_alt = \"A picture.\"\n");
        return std::pair{dir.write("scen/scenario.toml", text), line_of(text, "image = ")};
    };

    SUBCASE("a regular file inside is accepted") {
        const auto [path, line] = scenario_with("images/inside.png");
        const auto r = run_cli({"lint", "--strict", path}, "", hang_guard);
        CHECK(r.exit_code == 0);
        CHECK(r.out.empty());
    }
    SUBCASE("an absolute path is E501") {
        const auto [path, line] = scenario_with(dir.path() + "/outside.png");
        const auto r = lint_must_fail(path, "E501");
        CHECK(r.out == path + ":" + std::to_string(line) +
                           ":9: error[E501]: the image of scene 'first' is an absolute path; give it relative to the scenario's folder\n");
    }
    SUBCASE("a Windows drive path is E501") {
        const auto [path, line] = scenario_with("C:/images/x.png");
        lint_must_fail(path, "E501");
    }
    SUBCASE("'..' is E502") {
        const auto [path, line] = scenario_with("images/../../outside.png");
        const auto r = lint_must_fail(path, "E502");
        CHECK(r.out == path + ":" + std::to_string(line) +
                           ":9: error[E502]: the image of scene 'first' uses '..'; keep images inside the scenario's folder\n");
    }
    SUBCASE("a relative symlink leading outside is E502") {
        fs::create_symlink("../../outside.png", dir.path() + "/scen/images/link.png");
        const auto [path, line] = scenario_with("images/link.png");
        const auto r = lint_must_fail(path, "E502");
        CHECK(r.out == path + ":" + std::to_string(line) +
                           ":9: error[E502]: the image of scene 'first' is a link that leads outside the scenario's folder\n");
    }
    SUBCASE("an absolute symlink leading outside is E502") {
        fs::create_symlink(dir.path() + "/outside.png", dir.path() + "/scen/images/link.png");
        const auto [path, line] = scenario_with("images/link.png");
        lint_must_fail(path, "E502");
    }
    SUBCASE("a symlinked folder leading outside is E502") {
        fs::create_directories(dir.path() + "/elsewhere");
        dir.write("elsewhere/x.png", "x");
        fs::create_directory_symlink(dir.path() + "/elsewhere", dir.path() + "/scen/linked");
        const auto [path, line] = scenario_with("linked/x.png");
        lint_must_fail(path, "E502");
    }
    SUBCASE("a symlink inside the folder is accepted") {
        fs::create_symlink("inside.png", dir.path() + "/scen/images/alias.png");
        const auto [path, line] = scenario_with("images/alias.png");
        CHECK(run_cli({"lint", path}, "", hang_guard).exit_code == 0);
    }
    SUBCASE("a missing image is E500") {
        const auto [path, line] = scenario_with("images/none.png");
        const auto r = lint_must_fail(path, "E500");
        CHECK(contains(r.out, path + ":" + std::to_string(line) + ":9: error[E500]: the image of scene 'first' does not exist: '"));
    }
    SUBCASE("a dangling symlink is E500") {
        fs::create_symlink("gone.png", dir.path() + "/scen/images/dangling.png");
        const auto [path, line] = scenario_with("images/dangling.png");
        lint_must_fail(path, "E500");
    }
    SUBCASE("a folder named like an image is E500") {
        fs::create_directories(dir.path() + "/scen/images/folder.png");
        const auto [path, line] = scenario_with("images/folder.png");
        const auto r = lint_must_fail(path, "E500");
        CHECK(contains(r.out, "error[E500]: the image of scene 'first' is not a file\n"));
    }
    SUBCASE("not a PNG or JPEG is E503") {
        const auto [path, line] = scenario_with("images/inside.gif");
        lint_must_fail(path, "E503");
    }
    SUBCASE("a text file named .png is E503: the content is checked, not only the name") {
        dir.write("scen/images/fake.png", "not a PNG at all\n");
        const auto [path, line] = scenario_with("images/fake.png");
        const auto r = lint_must_fail(path, "E503");
        CHECK(contains(r.out, "is named like an image but its content is not PNG or JPEG: 'images/fake.png'"));
    }
    SUBCASE("a JPEG is accepted by its content, whatever the case of its extension") {
        dir.write("scen/images/photo.JPG", std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF");
        const auto [path, line] = scenario_with("images/photo.JPG");
        const auto r = run_cli({"lint", "--strict", path}, "", hang_guard);
        CHECK(r.exit_code == 0);
    }
    SUBCASE("an image without image_alt is E100") {
        const auto path = dir.write("scen/scenario.toml", minimal_scenario("", "image = \"images/inside.png\"\n"));
        const auto r = lint_must_fail(path, "E100");
        CHECK(contains(r.out, "error[E100]: scene 'first' has no 'image_alt', which is required\n"));
    }
}

// --- structure -----------------------------------------------------------------------------------

TEST_CASE("cli/hostile: a misspelt key is W100 with a suggestion, next to the missing key's E100") {
    TempDir dir;
    SUBCASE("lable for label, letters swapped") {
        const std::string text = replace_first(minimal_scenario(), "label = \"Go on\"", "lable = \"Go on\"");
        const auto path = dir.write("typo.toml", text);
        const auto r = lint_must_fail(path, "E100");
        const auto choice_line = std::to_string(line_of(text, "[[scene.choice]]"));
        // A swapped pair of letters counts as one edit, so the commonest typo gets its suggestion.
        CHECK(r.out == path + ":" + choice_line + ":3: error[E100]: choice 'go' in scene 'first' has no 'label', which is required\n" + path + ":" +
                           std::to_string(line_of(text, "lable")) +
                           ":3: warning[W100]: unknown key 'lable' in choice 'go' in scene 'first' (did you mean 'label'?)\n");
    }
    SUBCASE("labell for label, a letter doubled") {
        const std::string text = replace_first(minimal_scenario(), "label = \"Go on\"", "labell = \"Go on\"");
        const auto path = dir.write("typo.toml", text);
        const auto r = lint_must_fail(path, "E100");
        CHECK(contains(r.out, path + ":" + std::to_string(line_of(text, "labell")) +
                                  ":3: warning[W100]: unknown key 'labell' in choice 'go' in scene 'first' (did you mean 'label'?)\n"));
    }
}

TEST_CASE("cli/hostile: a duplicate scene id is E200") {
    TempDir dir;
    const std::string scene = "[[scene]]\nid = \"first\"\ntext = \"T.\"\n  [[scene.choice]]\n  id = \"go\"\n  label = \"Go\"\n  target = \"end\"\n\n";
    const std::string text = minimal_header("first") + scene + scene + minimal_ending();
    const auto path = dir.write("dup.toml", text);
    const auto r = lint_must_fail(path, "E200");
    const unsigned first = line_of(text, "id = \"first\"");
    const unsigned second = first + 8;
    CHECK(r.out == path + ":" + std::to_string(second) + ":6: error[E200]: id 'first' is already used by the scene or ending at line " +
                       std::to_string(first) + "; scenes and endings share one set of ids\n");

    SUBCASE("a scene and an ending with one id") {
        const std::string t2 = replace_first(text, scene + scene, scene + replace_first(replace_first(scene, "\"first\"", "\"end\""), "\"end\"\n\n", "\"first\"\n\n"));
        const auto p2 = dir.write("dup2.toml", t2);
        const auto r2 = lint_must_fail(p2, "E200");
        CHECK(contains(r2.out, "error[E200]: id 'end' is already used by the scene or ending at line "));
    }
}

TEST_CASE("cli/hostile: a loop with no way out is E403") {
    TempDir dir;
    const std::string text = minimal_header("first") + R"([[scene]]
id = "first"
text = "T."
  [[scene.choice]]
  id = "loop"
  label = "Into the loop"
  target = "a"
  [[scene.choice]]
  id = "out"
  label = "Out"
  target = "end"

[[scene]]
id = "a"
text = "A."
  [[scene.choice]]
  id = "go"
  label = "Go"
  target = "b"

[[scene]]
id = "b"
text = "B."
  [[scene.choice]]
  id = "back"
  label = "Back"
  target = "a"

)" + minimal_ending();
    const auto path = dir.write("loop.toml", text);
    const auto r = lint_must_fail(path, "E403");
    CHECK(r.out == path + ":" + std::to_string(line_of(text, "[[scene]]\nid = \"a\"")) +
                       ":1: error[E403]: scenes a, b form a loop with no way out and no ending\n");

    SUBCASE("the whole scenario is a loop") {
        const std::string t2 = replace_first(text, "  target = \"end\"\n", "  target = \"first\"\n");
        const auto p2 = dir.write("loop2.toml", t2);
        const auto r2 = lint_must_fail(p2, "E400");
        CHECK(contains(r2.out, "error[E400]: no ending can be reached from the start scene 'first'\n"));
        CHECK(contains(r2.out, "error[E403]: scenes "));
    }
}

TEST_CASE("cli/hostile: a dead end where every condition is false is E402") {
    TempDir dir;
    const std::string text = minimal_scenario("x = { type = \"int\", initial = 0, min = 0, max = 10 }", "", "  condition = \"x > 5\"");
    const auto path = dir.write("dead.toml", text);
    const auto r = lint_must_fail(path, "E402");
    CHECK(contains(r.out, path + ":" + std::to_string(line_of(text, "[[scene]]")) +
                              ":1: error[E402]: dead end: in scene 'first' no choice is available when x=0\n"));
    CHECK(contains(r.out, "warning[W404]: choice 'go' in scene 'first' is never offered"));
    SUBCASE("and play refuses it") {
        const auto p = run_cli({"play", "--choose", "1", path}, "", hang_guard);
        CHECK(p.exit_code == 1);
        CHECK(contains(p.err, "error[E402]: "));
    }
}

TEST_CASE("cli/hostile: interpolation abuse is E305 or E202 at the brace") {
    TempDir dir;
    std::string body, expected;
    // The text value starts at column 9 of `text = "`; "a " puts the first brace at column 11.
    SUBCASE("three opening braces") {
        body = "a {{{ b";
        expected = ":13: error[E305]: '{' starts a variable but is not closed by '}'; write '{{' for a literal brace\n";
    }
    SUBCASE("an unknown variable") {
        body = "a {unknown} b";
        expected = ":12: error[E202]: unknown variable 'unknown' in text\n";
    }
    SUBCASE("a lone opening brace") {
        body = "a { b";
        expected = ":11: error[E305]: '{' starts a variable but is not closed by '}'; write '{{' for a literal brace\n";
    }
    SUBCASE("a lone closing brace") {
        body = "a } b";
        expected = ":11: error[E305]: unmatched '}'; write '}}' for a literal brace\n";
    }
    SUBCASE("an empty name") {
        body = "a {} b";
        expected = ":12: error[E202]: unknown variable '' in text\n";
    }
    const std::string text = with_text(body);
    const auto path = dir.write("interp.toml", text);
    const auto r = lint_must_fail(path, expected.find("E202") != std::string::npos ? "E202" : "E305");
    CHECK(r.out == path + ":" + std::to_string(line_of(text, "text = ")) + expected);
}

TEST_CASE("cli/hostile: interpolation in labels and facts, and floods of braces") {
    TempDir dir;
    SUBCASE("a label") {
        const auto path = dir.write("l.toml", replace_first(minimal_scenario(), "label = \"Go on\"", "label = \"Go {where\""));
        lint_must_fail(path, "E305");
    }
    SUBCASE("a fact") {
        const auto path = dir.write("f.toml", minimal_scenario("", "facts = [\"fine\", \"{nope}\"]\n"));
        lint_must_fail(path, "E202");
    }
    SUBCASE("a name longer than the limit") {
        const auto path = dir.write("n.toml", with_text("{" + std::string(80, 'a') + "}"));
        const auto r = lint_must_fail(path, "E305");
        CHECK(count_of(r.out, "error[E305]") == 2);
    }
    SUBCASE("1001 lone braces are reported, capped per text") {
        const auto path = dir.write("b.toml", with_text(repeat("{ ", 1001)));
        const auto r = lint_must_fail(path, "E305");
        CHECK(count_of(r.out, "error[E305]") == 20);
    }
    SUBCASE("escaped braces are fine") {
        const auto path = dir.write("ok.toml", with_text("{{literal}} and }}{{ and {{{{"));
        const auto r = run_cli({"lint", path}, "", hang_guard);
        CHECK(r.exit_code == 0);
        CHECK(r.out.empty());
    }
}

TEST_CASE("cli/hostile: a state space too large to walk is cut off with W409") {
    // 20 variables that eight looping choices keep changing and the way out depends on: far more
    // than the 200000 states the validator walks. It must stop, say so, and still finish; --strict makes the warning fail.
    TempDir dir;
    std::string vars, choices;
    for (int i = 0; i < 20; ++i) vars += "v" + std::to_string(i) + " = { type = \"int\", initial = 0, min = 0, max = 1000000000 }\n";
    for (int c = 0; c < 8; ++c) {
        std::string effects;
        for (int i = c; i < 20; i += 8) effects += std::string(effects.empty() ? "" : ", ") + "\"v" + std::to_string(i) + " += " + std::to_string(c + 1) + "\"";
        choices += "  [[scene.choice]]\n  id = \"c" + std::to_string(c) + "\"\n  label = \"Again\"\n  target = \"first\"\n  effects = [" + effects + "]\n";
    }
    // The way out depends on every variable, so the walk must track them all.
    std::string sum;
    for (int i = 0; i < 20; ++i) sum += (i ? " + v" : "v") + std::to_string(i);
    choices += "  [[scene.choice]]\n  id = \"out\"\n  label = \"Out\"\n  condition = \"" + sum + " >= 0\"\n  target = \"end\"\n\n";
    const std::string text = minimal_header("first") + "[variables]\n" + vars + "\n[[scene]]\nid = \"first\"\ntext = \"T.\"\n" + choices + minimal_ending();
    const auto path = dir.write("states.toml", text);
    const auto r = run_cli({"lint", "--strict", path}, "", hang_guard);
    CHECK(r.exit_code == 1);
    // The walk keeps at most 4 million stored values: with 20 variables (21 values a state) that is
    // 190 476 states, below the 200 000-state cap.
    CHECK(r.out == path + ":3:1: warning[W409]: the scenario has more than 190476 combinations of scene and variable values; "
                          "dead ends and never-offered choices were not checked everywhere\n");
    CHECK(r.err == "1 file checked: 0 errors, 1 warning (--strict: warnings fail)\n");
}

TEST_CASE("cli/hostile: control characters in texts are E102 and never reach the terminal") {
    // TOML can carry ESC, BEL, NUL and DEL in strings through \u escapes; a scenario must not be able to
    // send escape sequences to the trainee's terminal.
    TempDir dir;
    SUBCASE("an escape sequence in the text, at the column of its \\u") {
        const std::string text = with_text("Hi \\u001b]0;title\\u0007 \\u001b[2J end");
        const auto path = dir.write("esc.toml", text);
        const auto r = lint_must_fail(path, "E102");
        CHECK(r.out == path + ":" + std::to_string(line_of(text, "text = ")) +
                           ":12: error[E102]: 'text' in scene 'first' contains the control character U+001B; texts may hold line breaks and "
                           "tabs, but no terminal or control codes\n");
        const auto play = run_cli({"play", "--seed", "1", "--choose", "1", path}, "", hang_guard);
        CHECK(play.exit_code == 1);
        CHECK(play.out.empty());
        CHECK_FALSE(contains(play.err, "\x1b"));
    }
    SUBCASE("NUL in a label") {
        const auto path = dir.write("nul.toml", replace_first(minimal_scenario(), "label = \"Go on\"", "label = \"Go\\u0000 on\""));
        const auto r = lint_must_fail(path, "E102");
        CHECK(contains(r.out, "error[E102]: 'label' in choice 'go' in scene 'first' contains the control character U+0000; "));
    }
    SUBCASE("DEL in a fact") {
        const auto path = dir.write("del.toml", minimal_scenario("", "facts = [\"a\\u007fb\"]\n"));
        const auto r = lint_must_fail(path, "E102");
        CHECK(contains(r.out, "contains the control character U+007F; "));
    }
    SUBCASE("line breaks and tabs are fine") {
        const auto path = dir.write("ok.toml", with_text("one\\ttab\\nand a line\\r\\n"));
        const auto r = run_cli({"lint", path}, "", hang_guard);
        CHECK(r.exit_code == 0);
        CHECK(r.out.empty());
    }
}

// --- session files given to play --resume ----------------------------------------------------------

TEST_CASE("cli/hostile: damaged session files given to play --resume") {
    TempDir dir;
    const std::string vigil = source_path(vigil_rel);
    const auto saved = dir.path() + "/saved.toml";
    // Three decisions: meet the organisers, separate the groups, arrest with the stewards (random draw).
    const auto first = run_cli({"play", "--quiet", "--seed", "3", "--choose", "2,1,1", "--session-out", saved, vigil}, "", hang_guard);
    REQUIRE(first.exit_code == 3);
    const std::string good = read_file(saved);
    REQUIRE(count_of(good, "[[decision]]") == 3);

    SUBCASE("truncated in the middle of a value") {
        const auto at = good.find("scenario_fingerprint = \"") + 28;
        const auto path = dir.write("cut.toml", good.substr(0, at));
        const auto r = resume_must_fail(path, vigil, "E010");
        // The file ends after `scenario_fingerprint = "` and four digits: column 29 is the end of the file.
        CHECK(r.err == path + ":" + std::to_string(line_of(good, "scenario_fingerprint")) +
                           ":29: error[E010]: Error while parsing string: encountered end-of-file\n");
    }
    SUBCASE("truncated in the middle of a decision") {
        const auto at = good.rfind("choice = ");
        const auto path = dir.write("cut.toml", good.substr(0, at));
        const auto r = resume_must_fail(path, vigil, "E100");
        CHECK(contains(r.err, "error[E100]: a decision has no 'choice', which is required\n"));
    }
    SUBCASE("truncated to the first line") {
        const auto path = dir.write("cut.toml", good.substr(0, good.find("scenario_id")));
        const auto r = resume_must_fail(path, vigil, "E100");
        CHECK(contains(r.err, "error[E100]: the session file has no 'scenario_id', which is required\n"));
    }
    SUBCASE("empty") {
        const auto path = dir.write("empty.toml", "");
        const auto r = resume_must_fail(path, vigil, "E013");
        CHECK(r.err == path + ": error[E013]: the file is empty\n");
    }
    SUBCASE("not a session at all") {
        const auto path = dir.write("other.toml", "title = \"notes\"\n");
        const auto r = resume_must_fail(path, vigil, "E700");
        CHECK(contains(r.err, path + ": error[E700]: this is not a Measured session file\n"));
    }
    SUBCASE("a session format from the future") {
        const auto path = dir.write("future.toml", replace_first(good, "measured_session = 1", "measured_session = 2"));
        const auto r = resume_must_fail(path, vigil, "E700");
        CHECK(contains(r.err, "error[E700]: session format 2 is not supported; this version reads format 1\n"));
    }
    SUBCASE("a seed that is not a number") {
        const auto path = dir.write("seed.toml", replace_first(good, "seed = \"3\"", "seed = \"-3\""));
        const auto r = resume_must_fail(path, vigil, "E700");
        CHECK(r.err == path + ":" + std::to_string(line_of(good, "seed = ")) + ":8: error[E700]: the seed must be a whole number in quotes, not '-3'\n");
    }
    SUBCASE("seconds that are not a number of seconds") {
        for (const char* bad : {"nan", "inf", "-1.0", "1e300", "\"soon\""}) {
            CAPTURE(bad);
            const auto path = dir.write("secs.toml", replace_first(good, "seconds = 0.000", std::string("seconds = ") + bad));
            const auto r = resume_must_fail(path, vigil, "E700");
            CHECK(contains(r.err, "error[E700]: 'seconds' must be a number of seconds, 0 or more\n"));
        }
    }
    SUBCASE("a timer scale out of range") {
        const auto path = dir.write("scale.toml", replace_first(good, "timer_scale = 1.000", "timer_scale = 99.0"));
        const auto r = resume_must_fail(path, vigil, "E700");
        CHECK(contains(r.err, "error[E700]: 'timer_scale' must be a number from 0 (timers off) to 4\n"));
    }
    SUBCASE("from another scenario is E701") {
        const auto other = dir.write("min/scenario.toml", minimal_scenario());
        const auto other_session = dir.path() + "/min.toml";
        REQUIRE(run_cli({"play", "--quiet", "--seed", "1", "--choose", "1", "--session-out", other_session, other}, "", hang_guard).exit_code == 0);
        const auto r = resume_must_fail(other_session, vigil, "E701");
        CHECK(r.err == other_session + ": error[E701]: this session was played on scenario 'minimal', not 'vigil-and-counter-protest'\n");
    }
    SUBCASE("tampered: a decision that was not available is E703") {
        // Asking for reinforcements twice: the second time the choice is hidden.
        std::string t = replace_first(good, "choice = \"meet-organisers\"", "choice = \"radio-control\"");
        t = replace_first(t, "scene = \"counter-arrives\"\nchoice = \"separate-and-offer-space\"", "scene = \"briefing\"\nchoice = \"radio-control\"");
        const auto path = dir.write("tampered.toml", t);
        const auto r = resume_must_fail(path, vigil, "E703");
        CHECK(r.err == path + ": error[E703]: the recorded decisions do not replay: decision 2: choice 'radio-control' is not available now\n");
    }
    SUBCASE("tampered: a choice the scene does not have is E703") {
        const auto path = dir.write("tampered.toml", replace_first(good, "choice = \"meet-organisers\"", "choice = \"bribe-the-mayor\""));
        const auto r = resume_must_fail(path, vigil, "E703");
        CHECK(r.err == path + ": error[E703]: the recorded decisions do not replay: decision 1: scene 'briefing' has no choice 'bribe-the-mayor'\n");
    }
    SUBCASE("tampered: another random outcome is E703") {
        const auto line_start = good.find("outcome = \"");
        REQUIRE(line_start != std::string::npos);
        const auto line_end = good.find('\n', line_start);
        const std::string drawn = good.substr(line_start + 11, line_end - line_start - 12);
        const std::string forged = drawn == "lost" ? "clean" : "lost";
        const auto path = dir.write("tampered.toml", good.substr(0, line_start) + "outcome = \"" + forged + "\"" + good.substr(line_end));
        const auto r = resume_must_fail(path, vigil, "E703");
        CHECK(r.err == path + ": error[E703]: the recorded decisions do not replay: decision 3 drew outcome '" + drawn + "', but the record says '" +
                           forged + "'\n");
    }
    SUBCASE("tampered: a decision in the wrong scene is E703") {
        const auto path = dir.write("tampered.toml", replace_first(good, "scene = \"briefing\"", "scene = \"bottle\""));
        const auto r = resume_must_fail(path, vigil, "E703");
        CHECK(contains(r.err, "decision 1 was made in scene 'bottle', but the replay is in scene 'briefing'\n"));
    }
    SUBCASE("decisions after the ending are E703") {
        const auto whole = dir.path() + "/whole.toml";
        REQUIRE(run_cli({"play", "--quiet", "--seed", "3", "--choose", "2,1,1,1,1,1,1", "--session-out", whole, vigil}, "", hang_guard).exit_code == 0);
        const std::string w = read_file(whole);
        const auto path = dir.write("after.toml", w + w.substr(w.rfind("\n[[decision]]")));
        const auto r = resume_must_fail(path, vigil, "E703");
        CHECK(contains(r.err, "decision 8 comes after the scenario ended\n"));
    }
    SUBCASE("a session file over 1 MiB is E002") {
        const auto path = dir.write("huge.toml", good + "# " + std::string(1024 * 1024, 'x') + "\n");
        resume_must_fail(path, vigil, "E002");
    }
    SUBCASE("10001 decisions is E105") {
        std::string t = good.substr(0, good.find("\n[[decision]]"));
        for (int i = 0; i < 10001; ++i) t += "\n[[decision]]\nscene = \"briefing\"\nchoice = \"radio-control\"\n";
        const auto path = dir.write("many.toml", t);
        const auto r = resume_must_fail(path, vigil, "E105");
        CHECK(contains(r.err, "error[E105]: the session file has 10001 'decision' entries; the limit is 10000\n"));
    }
    SUBCASE("invalid UTF-8 and garbage") {
        resume_must_fail(dir.write("bad.toml", replace_first(good, "briefing", "brief\xFFing")), vigil, "E003");
        resume_must_fail(dir.write("bin.toml", garbage(4096, 11)), vigil, "E003");
    }
    SUBCASE("JSON by mistake") {
        resume_must_fail(dir.write("s.json.toml", "{\"measured_session\": 1}\n"), vigil, "E012");
    }
}

TEST_CASE("cli/hostile: a folder given as the scenario or the session is E001, exit 2") {
    TempDir dir;
    const std::string folder = dir.path() + "/folder.toml";
    fs::create_directories(folder);
    SUBCASE("the scenario") {
        const auto r = run_cli({"play", "--quiet", "--choose", "1", folder}, "", hang_guard);
        CHECK(r.exit_code == 2);
        CHECK(r.err == folder + ": error[E001]: cannot read the file (is it a folder?)\n");
    }
    SUBCASE("the session") {
        const auto r = run_cli({"play", "--quiet", "--resume", folder, source_path(vigil_rel)}, "", hang_guard);
        CHECK(r.exit_code == 2);
        CHECK(r.err == folder + ": error[E001]: cannot read the file (is it a folder?)\n");
    }
}

TEST_CASE("cli/hostile: play refuses named pipes and devices instead of waiting on them") {
    TempDir dir;
    const std::string fifo = dir.path() + "/pipe.toml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string expected = ": error[E001]: cannot read the file: it is not a regular file (a pipe or a device?)\n";
    SUBCASE("a named pipe as the scenario") {
        const auto r = run_cli({"play", "--quiet", "--choose", "1", fifo}, "", hang_guard);
        INFO("exit code " << r.exit_code << " (137 = killed by the harness timeout)");
        CHECK(r.exit_code == 2);
        CHECK(r.err == fifo + expected);
    }
    SUBCASE("a named pipe as the session") {
        const auto r = run_cli({"play", "--quiet", "--resume", fifo, source_path(vigil_rel)}, "", hang_guard);
        CHECK(r.exit_code == 2);
        CHECK(r.err == fifo + expected);
    }
    SUBCASE("a device that never ends") {
        const auto r = run_cli({"play", "--quiet", "--choose", "1", "/dev/zero"}, "", hang_guard);
        CHECK(r.exit_code == 2);
        CHECK(r.err == "/dev/zero" + expected);
    }
}

TEST_CASE("cli/hostile: lint skips named pipes and devices instead of blocking") {
    TempDir dir;
    const std::string fifo = dir.path() + "/pipe.toml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    SUBCASE("given directly") {
        const auto r = run_cli({"lint", fifo}, "", hang_guard);
        CHECK(r.exit_code == 2);
        CHECK(r.err == "measured-cli lint: not a file or folder: " + fifo + "\n");
    }
    SUBCASE("inside a folder, next to a symlink to /dev/zero") {
        fs::create_symlink("/dev/zero", dir.path() + "/zero.toml");
        dir.write("ok.toml", minimal_scenario());
        const auto r = run_cli({"lint", dir.path()}, "", hang_guard);
        CHECK(r.exit_code == 0);
        CHECK(r.err == "1 file checked: 0 errors, 0 warnings\n");
    }
}

}  // TEST_SUITE
