// The standards catalogue: the bundled files load cleanly, lookups, labels, and problems reported.
#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace measured;
using namespace measured::test;

TEST_SUITE("core/catalogue") {

TEST_CASE("the bundled catalogue loads without diagnostics") {
    Diagnostics d;
    const Catalogue c = load_catalogue(source_path("assets/standards"), d);
    INFO(dump(d));
    CHECK(d.empty());
    for (const char* id : {"bpuff", "ccleo", "llw-guidance", "gc37", "iccpr", "cat", "mandela-rules", "odihr-assembly", "a-hrc-31-66", "torture-trade"})
        CHECK_MESSAGE(c.find_instrument(id), id);
    for (const char* id : {"legality", "necessity", "proportionality", "precaution", "accountability", "non-discrimination", "humanity",
                           "assembly-protect", "presumption-of-peacefulness"})
        CHECK_MESSAGE(c.find_principle(id), id);
    CHECK(c.instruments.size() >= 10);
}

TEST_CASE("every BPUFF principle is present and labelled") {
    const Catalogue& c = catalogue();
    for (int i = 1; i <= 26; ++i) CHECK(c.find_provision("bpuff-" + std::to_string(i)));
    CHECK(c.citation_label("bpuff-9") == "BPUFF 9");
    CHECK(c.find_provision("bpuff-9")->instrument == "bpuff");
    CHECK(c.source_of(*c.find_provision("bpuff-9")).find("1990") != std::string::npos);
}

TEST_CASE("every provision has its parts, a valid status and known principles") {
    const Catalogue& c = catalogue();
    for (const auto& p : c.provisions) {
        INFO(p.id);
        CHECK_FALSE(p.title.empty());
        CHECK(p.text.size() > 20);
        CHECK((p.status == "confirmed" || p.status == "partial" || p.status == "unverified"));
        for (const auto& pr : p.principles) CHECK(c.find_principle(pr));
    }
    for (const auto& pr : c.principles)
        for (const auto& g : pr.grounds) CHECK_MESSAGE(c.find_provision(g), std::string(pr.id + " → " + g));
}

TEST_CASE("problems in catalogue files are reported with locations") {
    TempDir dir;
    dir.write("principles.toml", R"(format = 1
[[principle]]
id = "necessity"
name = "Necessity"
group = "force"
definition = "Only force that is needed."
test = "Is there another way?"
grounds = ["x-1", "x-9"]
)");
    const std::string src = R"(format = 1
[instrument]
id = "x"
title = "X"
short_title = "X"
kind = "treaty"
year = 2000
symbol = "X/1"
summary = "A test instrument."

[[provision]]
id = "x-1"
number = "1"
title = "One"
text = "The first provision of the test instrument."
principles = ["necesity"]
status = "confirmed"

[[provision]]
id = "y-2"
number = "2"
title = "Two"
text = "A provision with the wrong prefix."
principles = ["necessity"]
status = "maybe"
)";
    dir.write("x.toml", src);
    Diagnostics d;
    const Catalogue c = load_catalogue(dir.path(), d);
    INFO(dump(d));
    CHECK(with_code(d, "E203").size() == 1);   // "necesity"
    CHECK(with_code(d, "E204").size() == 1);   // x-9
    const Pos status = find_pos(src, "\"maybe\"");
    CHECK(has_diagnostic(d, "E102", status.line, status.column));
    const Pos prefix = find_pos(src, "\"y-2\"");
    CHECK(has_diagnostic(d, "E102", prefix.line, prefix.column));
}

}
