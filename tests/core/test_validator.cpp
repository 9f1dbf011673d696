// The validator: graph checks, images, principles and citations against the real catalogue.
#include "analysis.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace measured;
using namespace measured::test;

namespace {

const std::string scored_choice = R"(    [[scene.choice.assessment]]
    principle = "necessity"
    rating = "compliant"
    feedback = "Fine."
    cite = ["bpuff-4"]
)";

// A scenario whose second scene is "loop" with choices given by the caller.
std::string with_second_scene(const std::string& second_scene_body, const std::string& variables = "") {
    return replace_first(minimal_scenario(variables), "[[ending]]", "[[scene]]\nid = \"loop\"\ntext = \"Again.\"\n" + second_scene_body + "\n[[ending]]");
}

}  // namespace

TEST_SUITE("core/validator") {

TEST_CASE("a clean scenario with a real citation passes") {
    const auto l = lint_text(minimal_scenario("", "", scored_choice));
    INFO(dump(l.diags));
    CHECK(l.diags.empty());
}

TEST_CASE("E203 unknown principle and E204 unknown provision, each with a suggestion") {
    std::string src = replace_first(minimal_scenario("", "", scored_choice), "principle = \"necessity\"", "principle = \"neccessity\"");
    src = replace_first(src, "cite = [\"bpuff-4\"]", "cite = [\"bpuff-4\", \"bpuff-99\"]");
    const auto l = lint_text(src);
    const Pos p = find_pos(src, "\"neccessity\"");
    CHECK(has_diagnostic(l.diags, "E203", p.line, p.column));
    CHECK(with_code(l.diags, "E203")[0].message.find("did you mean 'necessity'?") != std::string::npos);
    const Pos c = find_pos(src, "\"bpuff-99\"");
    CHECK(has_diagnostic(l.diags, "E204", c.line, c.column));
}

TEST_CASE("W401 an unreachable scene") {
    const std::string src = with_second_scene("  [[scene.choice]]\n  id = \"out\"\n  label = \"Out\"\n  target = \"end\"\n");
    const auto l = lint_text(src);
    const Pos p = find_pos(src, "[[scene]]\nid = \"loop\"");
    CHECK(has_diagnostic(l.diags, "W401", p.line, p.column));
    CHECK_FALSE(l.diags.has_errors());
}

TEST_CASE("E403 a loop with no way out") {
    std::string src = with_second_scene("  [[scene.choice]]\n  id = \"again\"\n  label = \"Again\"\n  target = \"loop\"\n");
    src = replace_first(src, "target = \"end\"", "target = \"loop\"");
    const auto l = lint_text(src);
    INFO(dump(l.diags));
    REQUIRE(with_code(l.diags, "E403").size() == 1);
    CHECK(with_code(l.diags, "E403")[0].message == "scenes loop form a loop with no way out and no ending");
    CHECK(with_code(l.diags, "E400").size() == 1);   // and so no ending can be reached
}

TEST_CASE("a loop with a way out is fine") {
    std::string src = with_second_scene(
        "  [[scene.choice]]\n  id = \"again\"\n  label = \"Again\"\n  target = \"first\"\n"
        "  [[scene.choice]]\n  id = \"out\"\n  label = \"Out\"\n  target = \"end\"\n");
    src = replace_first(src, "target = \"end\"", "target = \"loop\"");
    const auto l = lint_text(src);
    INFO(dump(l.diags));
    CHECK(l.diags.empty());
}

TEST_CASE("E402 a dead end where no condition can hold") {
    const std::string vars = R"(tension = { type = "int", initial = 2, min = 0, max = 10 })";
    std::string src = with_second_scene(
        "  [[scene.choice]]\n  id = \"calm\"\n  label = \"Calm\"\n  condition = \"tension < 3\"\n  target = \"end\"\n"
        "  [[scene.choice]]\n  id = \"hot\"\n  label = \"Hot\"\n  condition = \"tension > 8\"\n  target = \"end\"\n",
        vars);
    src = replace_first(src, "target = \"end\"", "target = \"loop\"\n  effects = [\"tension += 4\"]");
    const auto l = lint_text(src);
    INFO(dump(l.diags));
    REQUIRE(with_code(l.diags, "E402").size() == 1);
    CHECK(with_code(l.diags, "E402")[0].message == "dead end: in scene 'loop' no choice is available when tension=6");
    // Both choices are never offered in practice.
    CHECK(with_code(l.diags, "W404").size() == 2);
}

TEST_CASE("the state walk tracks only the variables conditions depend on") {
    // `score` climbs in a loop over a range of a billion and no condition reads it: tracked, it
    // would cut the walk off (W409); untracked, the walk stays small. Once `alarm` is computed from
    // `tension`, both are tracked, and a dead end names them, never `score`.
    const std::string vars = "score = { type = \"int\", initial = 0, min = 0, max = 1000000000 }\n"
                             "tension = { type = \"int\", initial = 2, min = 0, max = 10 }\n"
                             "alarm = { type = \"bool\", initial = false }";
    std::string src = with_second_scene(
        "  [[scene.choice]]\n  id = \"again\"\n  label = \"Again\"\n  condition = \"tension < 5\"\n  target = \"loop\"\n"
        "  effects = [\"score += 1\"]\n"
        "  [[scene.choice]]\n  id = \"calm\"\n  label = \"Calm\"\n  condition = \"not alarm\"\n  target = \"end\"\n",
        vars);
    src = replace_first(src, "target = \"end\"", "target = \"loop\"");
    const auto l = lint_text(src);
    INFO(dump(l.diags));
    CHECK(l.diags.empty());
    const auto loaded = load_text(src);
    REQUIRE(loaded.scenario);
    CHECK(condition_variables(*loaded.scenario) == std::vector<bool>{false, true, true});

    const std::string fed = replace_first(src, "effects = [\"score += 1\"]", "effects = [\"score += 1\", \"tension += 3\", \"alarm = tension > 1\"]");
    const auto stuck = lint_text(fed);
    INFO(dump(stuck.diags));
    REQUIRE(with_code(stuck.diags, "E402").size() == 1);
    CHECK(with_code(stuck.diags, "E402")[0].message == "dead end: in scene 'loop' no choice is available when tension=5, alarm=true");
}

TEST_CASE("W404 a choice that is never offered, though its condition could be true in general") {
    const std::string vars = R"(tension = { type = "int", initial = 2, min = 0, max = 10 })";
    const std::string src = minimal_scenario(vars, "",
                                             "  effects = [\"tension += 1\"]\n"
                                             "  [[scene.choice]]\n  id = \"never\"\n  label = \"Never\"\n  condition = \"tension > 5\"\n  target = \"end\"\n");
    const auto l = lint_text(src);
    const Pos p = find_pos(src, "\"tension > 5\"");
    CHECK(has_diagnostic(l.diags, "W404", p.line, p.column));
}

TEST_CASE("images: absolute, escaping, missing, wrong type, symlink out, and a good one") {
    TempDir dir;
    dir.write("ok/images/door.png", "\x89PNG\r\n\x1a\n");
    dir.write("outside.png", "\x89PNG\r\n\x1a\n");
    std::filesystem::create_symlink(dir.path() + "/outside.png", dir.path() + "/ok/images/link.png");
    auto lint_image = [&](const std::string& image) {
        const std::string src = minimal_scenario("", "image = \"" + image + "\"\nimage_alt = \"A door.\"\n");
        const std::string path = dir.write("ok/scenario.toml", src);
        ValidateOptions o;
        o.catalogue = &catalogue();
        return lint_scenario(path, o).diagnostics;
    };
    CHECK(lint_image("images/door.png").empty());
    CHECK(with_code(lint_image("/etc/passwd.png"), "E501").size() == 1);
    CHECK(with_code(lint_image("../outside.png"), "E502").size() == 1);
    CHECK(with_code(lint_image("images/../../outside.png"), "E502").size() == 1);
    CHECK(with_code(lint_image("images/link.png"), "E502").size() == 1);
    CHECK(with_code(lint_image("images/missing.png"), "E500").size() == 1);
    CHECK(with_code(lint_image("images/door.gif"), "E503").size() == 1);
    dir.write("ok/images/empty.png", "");
    CHECK(with_code(lint_image("images/empty.png"), "E503").size() == 1);
}

TEST_CASE("graph checks are skipped after loader errors, so one mistake gives one message") {
    const std::string src = with_second_scene("  [[scene.choice]]\n  id = \"out\"\n  label = \"Out\"\n  target = \"end\"\n");
    const std::string broken = replace_first(src, "target = \"end\"", "target = \"lop\"");
    const auto l = lint_text(broken);
    INFO(dump(l.diags));
    CHECK(with_code(l.diags, "E201").size() == 1);
    CHECK(with_code(l.diags, "W401").empty());
}

}

TEST_SUITE("core/validator") {

TEST_CASE("E207 an unknown hard-fail rule, and a known one makes the rating critical") {
    const std::string known = minimal_scenario("", "", R"(    [[scene.choice.assessment]]
    principle = "proportionality"
    rating = "violation"
    hard_fail = "lethal-force-without-threat-to-life"
    feedback = "Shot without a threat to life."
    cite = ["bpuff-9"]
)");
    const auto ok = lint_text(known);
    INFO(dump(ok.diags));
    CHECK(with_code(ok.diags, "E207").empty());
    REQUIRE(ok.scenario);
    CHECK(ok.scenario->scenes[0].choices[0].assessments[0].critical);

    const std::string unknown = replace_first(known, "lethal-force-without-threat-to-life", "lethal-force");
    const auto bad = lint_text(unknown);
    const Pos p = find_pos(unknown, "\"lethal-force\"");
    CHECK(has_diagnostic(bad.diags, "E207", p.line, p.column));
}

TEST_CASE("W205 citing a provision that is not verified") {
    // The bundled catalogue plus one provision nobody has checked yet.
    Catalogue cat = catalogue();
    Provision p;
    p.id = "bpuff-99";
    p.instrument = "bpuff";
    p.number = "99";
    p.title = "Unchecked";
    p.paraphrase = "A provision that has not been checked.";
    p.principles = {"necessity"};
    p.keywords = {"test"};
    p.verified = false;
    cat.provisions.push_back(p);
    cat.index();
    const std::string src = replace_first(minimal_scenario("", "", scored_choice), "cite = [\"bpuff-4\"]", "cite = [\"bpuff-4\", \"bpuff-99\"]");
    TempDir dir;
    ValidateOptions o;
    o.catalogue = &cat;
    const auto r = lint_scenario(dir.write("scenario.toml", src), o);
    const Pos at = find_pos(src, "\"bpuff-99\"");
    CHECK(has_diagnostic(r.diagnostics, "W205", at.line, at.column));
    CHECK(with_code(r.diagnostics, "W205").size() == 1);   // bpuff-4 is verified
}

}
