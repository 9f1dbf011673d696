// Text utilities: UTF-8, ids, suggestions, positions; diagnostics formatting and caps.
#include "helpers.hpp"
#include "text.hpp"

#include <doctest/doctest.h>

using namespace measured;

TEST_SUITE("core/text") {

TEST_CASE("invalid UTF-8 is found at its byte") {
    CHECK_FALSE(find_invalid_utf8("plain ascii").has_value());
    CHECK_FALSE(find_invalid_utf8("Árvíztűrő Живе Ωα €").has_value());
    CHECK(find_invalid_utf8("ab\xff").value() == 2);
    CHECK(find_invalid_utf8("a\xc3").value() == 1);              // truncated sequence
    CHECK(find_invalid_utf8("\xc0\xaf").value() == 0);           // overlong
    CHECK(find_invalid_utf8("x\xed\xa0\x80").value() == 1);      // surrogate
}

TEST_CASE("line and column count code points") {
    const auto lc = line_column_at("ab\nŽžx", 6);
    CHECK(lc.line == 2);
    CHECK(lc.column == 3);
}

TEST_CASE("ids") {
    CHECK(is_valid_id("knife-in-the-kitchen"));
    CHECK(is_valid_id("a_1"));
    CHECK(is_valid_id("9lives"));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("Upper"));
    CHECK_FALSE(is_valid_id("-lead"));
    CHECK_FALSE(is_valid_id("has space"));
    CHECK_FALSE(is_valid_id(std::string(65, 'a')));
}

TEST_CASE("suggestions catch typos and nothing else") {
    const std::vector<std::string_view> keys{"label", "target", "condition", "effects"};
    CHECK(did_you_mean("lable", keys) == " (did you mean 'label'?)");
    CHECK(did_you_mean("taget", keys) == " (did you mean 'target'?)");
    CHECK(did_you_mean("banana", keys).empty());
}

TEST_CASE("diagnostics format as path:line:col: severity[code]: message") {
    Diagnostic d{Severity::error, "E201", "broken", {"a/b.toml", 3, 7}};
    CHECK(format_diagnostic(d) == "a/b.toml:3:7: error[E201]: broken");
    d.severity = Severity::warning;
    d.span.line = 0;
    CHECK(format_diagnostic(d) == "a/b.toml: warning[E201]: broken");
}

TEST_CASE("diagnostics beyond the cap are counted, never lost") {
    Diagnostics d(3);
    for (int i = 0; i < 5; ++i) d.error("E100", {"f", 1, 1}, "x");
    d.warning("W100", {"f", 1, 1}, "y");
    CHECK(d.items().size() == 3);
    CHECK(d.error_count() == 5);
    CHECK(d.warning_count() == 1);
    CHECK(d.suppressed() == 3);
    Diagnostics all(100);
    all.append(d);
    CHECK(all.error_count() == 5);
    CHECK(all.warning_count() == 1);
    CHECK(all.suppressed() == 3);
}

}
