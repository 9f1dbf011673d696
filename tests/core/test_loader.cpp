// The loader: each diagnostic code with its exact line and column, and a well-formed file loads whole.
#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace measured;
using namespace measured::test;

namespace {

void expect_at(const Loaded& l, const std::string& code, const std::string& src, const std::string& needle, std::size_t offset = 0) {
    const Pos p = find_pos(src, needle, offset);
    INFO("expected " << code << " at " << p.line << ":" << p.column << "\n" << dump(l.diags));
    CHECK(has_diagnostic(l.diags, code, p.line, p.column));
}

}  // namespace

TEST_SUITE("core/loader") {

TEST_CASE("a minimal scenario loads without diagnostics") {
    const auto l = load_text(minimal_scenario());
    INFO(dump(l.diags));
    REQUIRE(l.scenario);
    CHECK(l.diags.empty());
    CHECK(l.scenario->id == "minimal");
    CHECK(l.scenario->scenes.size() == 1);
    CHECK(l.scenario->endings.size() == 1);
    CHECK(l.scenario->scenes[0].choices[0].target.node == 1);
    CHECK(l.scenario->start_node() == 0);
}

TEST_CASE("every key of the format is read into the model") {
    const std::string src = minimal_scenario(
        R"(tension = { type = "int", initial = 4, min = 0, max = 10, label = "Tension", description = "How tense." }
medics = { type = "bool", initial = false })",
        R"(title = "Door"
image = "door.png"
image_alt = "A door."
facts = ["Tension is {tension}", "Medics: {medics}"]
dialogue = [ { speaker = "Ana", text = "Hello." } ]
time_limit = 10
discussion = ["Why?"]
trainer_notes = "Watch this."
  [scene.timeout]
  target = "end"
  effects = ["tension += 2"]
    [[scene.timeout.assessment]]
    principle = "precaution"
    rating = "concern"
    feedback = "Waiting has a cost."
    cite = ["bpuff-4"]
)",
        R"(  condition = "tension < 8 and not medics"
  effects = ["tension -= 1", "medics = true"]
  narration = "You go."
    [[scene.choice.assessment]]
    principle = "necessity"
    rating = "exemplary"
    feedback = "Good."
    cite = ["bpuff-4", "bpuff-5"]
    [[scene.choice.assessment]]
    principle = "accountability"
    rating = "violation"
    critical = true
    feedback = "Bad."
    cite = ["bpuff-22"]
)");
    const auto l = load_text(src);
    INFO(dump(l.diags));
    REQUIRE(l.scenario);
    CHECK(l.diags.empty());
    const auto& s = *l.scenario;
    REQUIRE(s.variables.size() == 2);
    CHECK(s.variables[0].info.id == "tension");   // declaration order, not alphabetical
    CHECK(s.variables[0].label == "Tension");
    CHECK(s.variables[1].info.type == ValueType::boolean);
    const auto& sc = s.scenes[0];
    CHECK(sc.title == "Door");
    CHECK(sc.image == "door.png");
    CHECK(sc.facts.size() == 2);
    CHECK(sc.dialogue.at(0).speaker == "Ana");
    CHECK(sc.time_limit == 10);
    REQUIRE(sc.timeout);
    CHECK(sc.timeout->assessments.at(0).rating == Rating::concern);
    const auto& c = sc.choices.at(0);
    CHECK(c.condition.has_value());
    CHECK(c.effects.size() == 2);
    CHECK(c.narration == "You go.");
    REQUIRE(c.assessments.size() == 2);
    CHECK(c.assessments[1].critical);
    CHECK(c.assessments[0].cites.size() == 2);
}

TEST_CASE("E010 syntax errors carry toml++'s location") {
    const std::string src = "format = 1\n[scenario]\nid = \"x\"\ntitle = [1, 2,, 3]\n";
    const auto l = load_text(src);
    CHECK_FALSE(l.scenario);
    REQUIRE(with_code(l.diags, "E010").size() == 1);
    CHECK(with_code(l.diags, "E010")[0].span.line == 4);
}

TEST_CASE("E010 a key defined twice") {
    const std::string src = "format = 1\nformat = 2\n";
    const auto l = load_text(src);
    REQUIRE(with_code(l.diags, "E010").size() == 1);
    CHECK(with_code(l.diags, "E010")[0].span.line == 2);
}

TEST_CASE("E003 invalid UTF-8 at the bad byte") {
    const auto l = load_text("format = 1\ntitle = \"ab\xff\"\n");
    CHECK(has_diagnostic(l.diags, "E003", 2, 12));
}

TEST_CASE("E012 JSON or YAML by mistake, E013 empty file") {
    CHECK(with_code(load_text("{\"format\": 1}").diags, "E012").size() == 1);
    CHECK(with_code(load_text("---\nformat: 1\n").diags, "E012").size() == 1);
    CHECK(with_code(load_text("format: 1\ntitle: x\n").diags, "E012").size() == 1);
    CHECK(with_code(load_text("").diags, "E013").size() == 1);
    CHECK(with_code(load_text("  \n# only a comment\n\n").diags, "E013").size() == 1);
}

TEST_CASE("E100 missing required key, at the table that lacks it") {
    const std::string src = replace_first(minimal_scenario(), "text = \"The first scene.\"\n", "");
    const auto l = load_text(src);
    expect_at(l, "E100", src, "[[scene]]");
    CHECK(with_code(l.diags, "E100")[0].message == "scene 'first' has no 'text', which is required");
}

TEST_CASE("E101 wrong type, at the value") {
    const std::string src = replace_first(minimal_scenario(), "minutes = 5", "minutes = \"five\"");
    const auto l = load_text(src);
    expect_at(l, "E101", src, "\"five\"");
    CHECK(with_code(l.diags, "E101")[0].message == "'minutes' in [scenario] must be an integer, not a string");
}

TEST_CASE("E102 invalid values") {
    SUBCASE("enumeration with a suggestion") {
        const std::string src = replace_first(minimal_scenario(), "difficulty = \"introductory\"", "difficulty = \"intermediat\"");
        const auto l = load_text(src);
        expect_at(l, "E102", src, "\"intermediat\"");
        CHECK(with_code(l.diags, "E102")[0].message.find("did you mean 'intermediate'?") != std::string::npos);
    }
    SUBCASE("out of range integer") {
        const std::string src = replace_first(minimal_scenario(), "minutes = 5", "minutes = 0");
        expect_at(load_text(src), "E102", src, "minutes = 0", 10);
    }
    SUBCASE("language tag") {
        const std::string src = replace_first(minimal_scenario(), "language = \"en\"", "language = \"english language\"");
        expect_at(load_text(src), "E102", src, "\"english language\"");
    }
    SUBCASE("critical without violation") {
        const std::string src = minimal_scenario("", "", R"(    [[scene.choice.assessment]]
    principle = "necessity"
    rating = "concern"
    critical = true
    feedback = "x"
    cite = ["bpuff-4"]
)");
        expect_at(load_text(src), "E102", src, "critical = true");
    }
    SUBCASE("both target and outcomes") {
        const std::string src = minimal_scenario("", "", R"(    [[scene.choice.outcome]]
    id = "a"
    weight = 1
    target = "end"
)");
        expect_at(load_text(src), "E102", src, "\"end\"\n");
    }
    SUBCASE("initial outside the range") {
        const std::string src = minimal_scenario(R"(t = { type = "int", initial = 11, min = 0, max = 10 })");
        expect_at(load_text(src), "E102", src, "initial = 11");
    }
}

TEST_CASE("E103 text too long") {
    const std::string src = replace_first(minimal_scenario(), "text = \"The first scene.\"", "text = \"" + std::string(20001, 'x') + "\"");
    const auto l = load_text(src);
    expect_at(l, "E103", src, "text = \"", 7);
}

TEST_CASE("E104 invalid id") {
    const std::string src = replace_first(minimal_scenario(), "id = \"first\"", "id = \"First Scene\"");
    const auto l = load_text(src);
    expect_at(l, "E104", src, "\"First Scene\"");
}

TEST_CASE("E105 too many choices") {
    std::string choices;
    for (int i = 0; i < 10; ++i)
        choices += "  [[scene.choice]]\n  id = \"c" + std::to_string(i) + "\"\n  label = \"x\"\n  target = \"end\"\n";
    const std::string src = replace_first(minimal_scenario(), "[[ending]]", choices + "\n[[ending]]");
    const auto l = load_text(src);
    REQUIRE(with_code(l.diags, "E105").size() == 1);
    CHECK(with_code(l.diags, "E105")[0].message == "scene 'first' has 11 choices; the limit is 9 (keys 1–9)");
}

TEST_CASE("E106 unsupported format version") {
    const std::string src = replace_first(minimal_scenario(), "format = 1", "format = 2");
    expect_at(load_text(src), "E106", src, "format");
}

TEST_CASE("E200 duplicate ids") {
    SUBCASE("scene and ending share a namespace") {
        const std::string src = replace_first(minimal_scenario(), "id = \"end\"", "id = \"first\"");
        const auto l = load_text(src);
        const Pos second = find_pos(src, "id = \"first\"\ntitle = \"The end\"", 5);
        CHECK(has_diagnostic(l.diags, "E200", second.line, second.column));
    }
    SUBCASE("two choices with one id") {
        const std::string src =
            replace_first(minimal_scenario(), "[[ending]]", "  [[scene.choice]]\n  id = \"go\"\n  label = \"Again\"\n  target = \"end\"\n\n[[ending]]");
        const auto l = load_text(src);
        CHECK(with_code(l.diags, "E200").size() == 1);
    }
}

TEST_CASE("E201 unresolved target with a suggestion") {
    const std::string src = replace_first(minimal_scenario(), "target = \"end\"", "target = \"ned\"");
    const auto l = load_text(src);
    expect_at(l, "E201", src, "\"ned\"");
    CHECK(with_code(l.diags, "E201")[0].message ==
          "choice 'go' in scene 'first' leads to 'ned', which is neither a scene nor an ending (did you mean 'end'?)");
}

TEST_CASE("E201 start names no scene") {
    const std::string src = replace_first(minimal_scenario(), "start = \"first\"", "start = \"frist\"");
    expect_at(load_text(src), "E201", src, "\"frist\"");
}

TEST_CASE("E202 unknown variable inside a condition points at the name") {
    const std::string src = minimal_scenario(R"(tension = { type = "int", initial = 4, min = 0, max = 10 })", "",
                                             "  condition = \"tension > 2 and tenshun < 9\"\n");
    const auto l = load_text(src);
    expect_at(l, "E202", src, "tenshun");
}

TEST_CASE("E202 unknown variable inside text, through escapes") {
    const std::string src = replace_first(minimal_scenario(), "text = \"The first scene.\"", "text = \"Tab\\there: {nope}\"");
    const auto l = load_text(src);
    // The value reads "Tab<TAB>here: {nope}"; the diagnostic points at 'nope' in the source line.
    expect_at(l, "E202", src, "nope");
}

TEST_CASE("E202 in a multi-line text points at the right line") {
    const std::string src = replace_first(minimal_scenario(), "text = \"The first scene.\"", "text = \"\"\"\nLine one.\nLine two has {missing}.\n\"\"\"");
    expect_at(load_text(src), "E202", src, "missing");
}

TEST_CASE("E206 a rating without citations") {
    const std::string src = minimal_scenario("", "", R"(    [[scene.choice.assessment]]
    principle = "necessity"
    rating = "compliant"
    feedback = "Fine."
    cite = []
)");
    const auto l = load_text(src);
    expect_at(l, "E206", src, "[]");
}

TEST_CASE("E300 syntax error inside a condition points at the column") {
    const std::string src = minimal_scenario(R"(tension = { type = "int", initial = 4, min = 0, max = 10 })", "",
                                             "  condition = \"tension >> 2\"\n");
    const auto l = load_text(src);
    expect_at(l, "E300", src, "> 2\"", 0);
}

TEST_CASE("E302 a condition that is a number") {
    const std::string src = minimal_scenario(R"(tension = { type = "int", initial = 4, min = 0, max = 10 })", "",
                                             "  condition = \"tension + 1\"\n");
    expect_at(load_text(src), "E302", src, "\"tension + 1\"");
}

TEST_CASE("E304 an effect that always leaves the range") {
    const std::string src = minimal_scenario(R"(tension = { type = "int", initial = 4, min = 0, max = 10 })", "",
                                             "  effects = [\"tension = 15\"]\n");
    expect_at(load_text(src), "E304", src, " 15\"");
}

TEST_CASE("E305 malformed interpolation") {
    SUBCASE("unclosed") {
        const std::string src = replace_first(minimal_scenario(), "The first scene.", "Open {brace here");
        expect_at(load_text(src), "E305", src, "{brace");
    }
    SUBCASE("stray closing brace") {
        const std::string src = replace_first(minimal_scenario(), "The first scene.", "Close } here");
        expect_at(load_text(src), "E305", src, "} here");
    }
    SUBCASE("doubled braces are literal") {
        const std::string src = replace_first(minimal_scenario(), "The first scene.", "Literal {{braces}} are fine");
        CHECK(load_text(src).diags.empty());
    }
}

TEST_CASE("W100 unknown keys with a suggestion, at the key") {
    const std::string src = minimal_scenario("", "", "  lable = \"typo\"\n");
    const auto l = load_text(src);
    expect_at(l, "W100", src, "lable");
    CHECK(with_code(l.diags, "W100")[0].message == "unknown key 'lable' in choice 'go' in scene 'first' (did you mean 'label'?)");
    CHECK_FALSE(l.diags.has_errors());
}

TEST_CASE("W303 a condition that can never be true") {
    const std::string src = minimal_scenario(R"(tension = { type = "int", initial = 4, min = 0, max = 10 })", "",
                                             "  condition = \"tension > 10\"\n");
    expect_at(load_text(src), "W303", src, "\"tension > 10\"");
}

TEST_CASE("W311 unused variable") {
    const std::string src = minimal_scenario(R"(idle = { type = "bool", initial = false })");
    const auto l = load_text(src);
    expect_at(l, "W311", src, "{ type");
}

TEST_CASE("timeouts need a time limit and the other way round") {
    SUBCASE("time limit without timeout") {
        const std::string src = minimal_scenario("", "time_limit = 20\n");
        expect_at(load_text(src), "E100", src, "time_limit");
    }
    SUBCASE("timeout without time limit") {
        const std::string src = minimal_scenario("", "  [scene.timeout]\n  target = \"end\"\n");
        CHECK(with_code(load_text(src).diags, "E102").size() == 1);
    }
}

}

TEST_SUITE("core/loader") {

TEST_CASE("E011 deep key paths are refused before parsing") {
    std::string path = "a";
    for (int i = 0; i < 100; ++i) path += ".a";
    const std::string src = "format = 1\n\n[" + path + "]\nx = 1\n";
    const auto l = load_text(src);
    CHECK_FALSE(l.scenario);
    CHECK(has_diagnostic(l.diags, "E011", 3, 1));
    // Dots inside strings and multi-line strings are not key paths.
    const std::string dots(200, '.');
    CHECK(with_code(load_text(replace_first(minimal_scenario(), "text = \"The first scene.\"", "text = \"\"\"\nWait" + dots + " = yes\n\"\"\"\nsummary2 = \"" + dots + "\"")).diags, "E011").empty());
}

}

TEST_SUITE("core/loader") {

TEST_CASE("E102 control characters in a text point at the character") {
    const std::string src = replace_first(minimal_scenario(), "The first scene.", "Bell \\u0007 here");
    const auto l = load_text(src);
    expect_at(l, "E102", src, "\\u0007");
    CHECK(with_code(l.diags, "E102")[0].message ==
          "'text' in scene 'first' contains the control character U+0007; texts may hold line breaks and tabs, but no terminal or control codes");
}

}
