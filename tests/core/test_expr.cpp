// The expression language: parsing, precise errors, types, limits, evaluation, ranges, effects.
#include "expr.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace measured;

namespace {

const std::vector<VariableInfo> vars{
    {"tension", ValueType::integer, 0, 10},
    {"distance", ValueType::integer, 0, 5},
    {"medics", ValueType::boolean, 0, 1},
    {"shield-ready", ValueType::boolean, 0, 1},
};

std::int64_t eval(const std::string& text, std::vector<std::int64_t> values = {6, 2, 0, 1}) {
    auto r = parse_expression(text, vars);
    REQUIRE_MESSAGE(r.expr.has_value(), (r.errors.empty() ? std::string() : r.errors[0].message));
    return evaluate(*r.expr, values);
}

ExprError first_error(const std::string& text) {
    auto r = parse_expression(text, vars);
    REQUIRE_FALSE(r.errors.empty());
    return r.errors[0];
}

}  // namespace

TEST_SUITE("core/expr") {

TEST_CASE("precedence and evaluation") {
    CHECK(eval("tension > 5") == 1);
    CHECK(eval("tension > 5 and distance >= 3") == 0);
    CHECK(eval("tension > 5 or distance >= 3") == 1);
    CHECK(eval("not medics and shield-ready") == 1);
    CHECK(eval("not (medics or shield-ready)") == 0);
}

TEST_CASE("arithmetic and comparison") {
    CHECK(eval("tension + distance == 8") == 1);
    CHECK(eval("tension - 2 - 1 == 3") == 1);   // left-associative
    CHECK(eval("-distance < 0") == 1);
    CHECK(eval("medics == false") == 1);
    CHECK(eval("medics != shield-ready") == 1);
    CHECK(eval("tension <= 6 and tension >= 6 and tension != 7") == 1);
}

TEST_CASE("syntax errors point at the offending character") {
    SUBCASE("missing operand") {
        const auto e = first_error("tension > ");
        CHECK(e.code == "E300");
        CHECK(e.offset == 10);
    }
    SUBCASE("assignment instead of comparison") {
        const auto e = first_error("tension = 3");
        CHECK(e.code == "E300");
        CHECK(e.offset == 8);
        CHECK(e.message == "'=' is assignment; compare with '=='");
    }
    SUBCASE("unclosed parenthesis") {
        const auto e = first_error("(tension > 3");
        CHECK(e.code == "E300");
        CHECK(e.offset == 12);
        CHECK(e.message == "expected ')' to close the '(' at column 1, found the end of the expression");
    }
    SUBCASE("C-style operators") {
        CHECK(first_error("medics && shield-ready").message == "unexpected '&'; write 'and' / 'or'");
        CHECK(first_error("!medics").message == "unexpected '!'; write 'not'");
    }
    SUBCASE("chained comparison") {
        const auto e = first_error("0 < tension < 5");
        CHECK(e.message == "comparisons cannot be chained; join them with 'and'");
        CHECK(e.offset == 12);
    }
    SUBCASE("uppercase keywords") { CHECK(first_error("medics AND medics").code == "E300"); }
    SUBCASE("stray character") { CHECK(first_error("tension > 3 $").message == "unexpected character '$'"); }
    SUBCASE("a '*' is not an operator") { CHECK(first_error("tension * 2 > 3").message == "unexpected character '*'"); }
}

TEST_CASE("unknown variables suggest the closest name") {
    const auto e = first_error("tenson > 3");
    CHECK(e.code == "E202");
    CHECK(e.offset == 0);
    CHECK(e.message == "unknown variable 'tenson' (did you mean 'tension'?); declare it under [variables]");
}

TEST_CASE("type errors") {
    SUBCASE("comparing a bool with a number") {
        const auto e = first_error("medics == 1");
        CHECK(e.code == "E302");
        CHECK(e.offset == 7);
    }
    SUBCASE("and on numbers") {
        const auto e = first_error("tension and medics");
        CHECK(e.code == "E302");
        CHECK(e.offset == 0);
    }
    SUBCASE("adding booleans") { CHECK(first_error("medics + 1 > 0").code == "E302"); }
    SUBCASE("ordering booleans") { CHECK(first_error("medics < shield-ready").code == "E302"); }
}

TEST_CASE("limits on length, depth and numbers") {
    SUBCASE("length") {
        std::string long_expr = "tension > 0";
        while (long_expr.size() <= 500) long_expr += " and tension > 0";
        const auto e = first_error(long_expr);
        CHECK(e.code == "E301");
    }
    SUBCASE("depth") {
        const std::string deep = std::string(40, '(') + "medics" + std::string(40, ')');
        CHECK(first_error(deep).code == "E301");
        const std::string nots = [] {
            std::string s;
            for (int i = 0; i < 40; ++i) s += "not ";
            return s + "medics";
        }();
        CHECK(first_error(nots).code == "E301");
    }
    SUBCASE("within limits") {
        const std::string ok = std::string(5, '(') + "medics" + std::string(5, ')');
        CHECK(eval(ok) == 0);
    }
    SUBCASE("huge literal") { CHECK(first_error("tension > 99999999999999999999").code == "E301"); }
}

TEST_CASE("intervals from declared ranges") {
    auto iv = [](const std::string& t) { return interval_of(*parse_expression(t, vars).expr, vars); };
    CHECK(iv("tension + distance").lo == 0);
    CHECK(iv("tension + distance").hi == 15);
    CHECK(iv("tension - distance").lo == -5);
    CHECK(iv("tension > 20").hi == 0);        // always false
    CHECK(iv("tension >= 0").lo == 1);        // always true
    CHECK(iv("tension > 3").lo == 0);
    CHECK(iv("tension > 3").hi == 1);
    CHECK(iv("medics and tension > 20").hi == 0);
}

TEST_CASE("effects parse, check and clamp") {
    std::vector<std::int64_t> values{6, 2, 0, 1};
    auto apply = [&](const std::string& text) {
        auto r = parse_effect(text, vars);
        REQUIRE_MESSAGE(r.effect.has_value(), (r.errors.empty() ? std::string() : r.errors[0].message));
        apply_effect(*r.effect, vars, values);
    };
    apply("tension += 3");
    CHECK(values[0] == 9);
    apply("tension += 5");
    CHECK(values[0] == 10);   // clamped to max
    apply("distance -= 9");
    CHECK(values[1] == 0);    // clamped to min
    apply("medics = true");
    CHECK(values[2] == 1);
    apply("distance = tension - 7");
    CHECK(values[1] == 3);

    auto error = [](const std::string& text) {
        auto r = parse_effect(text, vars);
        REQUIRE_FALSE(r.errors.empty());
        return r.errors[0];
    };
    CHECK(error("medics += 1").code == "E302");
    CHECK(error("medics = 3").code == "E302");
    CHECK(error("tension = medics").code == "E302");
    CHECK(error("tension == 3").message == "an effect assigns with '=', not '=='");
    CHECK(error("tenshun += 1").code == "E202");
    CHECK(error("+= 1").code == "E300");
    const auto e = error("tension += ");
    CHECK(e.code == "E300");
    CHECK(e.offset == 11);
}

}
