// The standards catalogue: the bundled files load cleanly, lookups, labels, and problems reported.
#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace measured;
using namespace measured::test;

namespace {
// The [instrument] part of a small test catalogue file; tests append their [[provision]] entries.
const std::string test_instrument = R"(format = 1
[instrument]
id = "x"
title = "X"
short_title = "X"
kind = "treaty"
year = 2000
symbol = "X/1"
summary = "A test instrument."
)";
}  // namespace

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

TEST_CASE("counts per instrument") {
    const Catalogue& c = catalogue();
    auto count = [&](const std::string& instrument, const std::string& prefix = "") {
        int n = 0;
        for (const auto& p : c.provisions)
            if (p.instrument == instrument && p.id.rfind(prefix, 0) == 0) ++n;
        return n;
    };
    CHECK(count("bpuff") == 26);
    // The eight articles of the Code; commentary points are entries of their own ("ccleo-3a").
    int articles = 0;
    for (int a = 1; a <= 8; ++a) articles += c.find_provision("ccleo-" + std::to_string(a)) ? 1 : 0;
    CHECK(articles == 8);
    CHECK(count("gc37") >= 25);
    CHECK(count("llw-guidance") >= 20);
    for (const char* id : {"iccpr-2", "iccpr-4", "iccpr-6", "iccpr-7", "iccpr-9", "iccpr-10", "iccpr-17", "iccpr-19", "iccpr-21", "iccpr-26",
                           "cat-1", "cat-2", "cat-10", "cat-11", "cat-12", "cat-13", "cat-14", "cat-15", "cat-16", "mandela-rules-1",
                           "mandela-rules-43", "mandela-rules-47", "mandela-rules-48", "mandela-rules-49", "mandela-rules-82"})
        CHECK_MESSAGE(c.find_provision(id), id);
    for (const char* id : {"gc36", "minnesota-protocol", "istanbul-protocol", "ecosoc-1989-65", "a-hrc-55-60", "echr"})
        CHECK_MESSAGE(c.find_instrument(id), id);
    for (const char* id : {"a-hrc-31-66-a", "a-hrc-31-66-j"}) CHECK_MESSAGE(c.find_provision(id), id);
}

TEST_CASE("every principle is grounded and the hard-fail list is there") {
    const Catalogue& c = catalogue();
    CHECK(c.principles.size() == 14);
    for (const auto& pr : c.principles) {
        INFO(pr.id);
        CHECK_FALSE(pr.grounds.empty());
        CHECK_FALSE(pr.definition.empty());
        CHECK_FALSE(pr.test.empty());
    }
    CHECK(c.hard_fails.size() >= 8);
    for (const auto& h : c.hard_fails) {
        INFO(h.id);
        CHECK_FALSE(h.grounds.empty());
        for (const auto& g : h.grounds) CHECK(c.find_provision(g));
    }
}

TEST_CASE("search matches every word across id, title, paraphrase and keywords") {
    const Catalogue& c = catalogue();
    const auto firearms = c.search("firearms");
    CHECK(firearms.size() >= 5);
    bool has_bpuff9 = false;
    for (const auto* p : firearms) has_bpuff9 = has_bpuff9 || p->id == "bpuff-9";
    CHECK(has_bpuff9);
    CHECK(c.search("FIREARMS").size() == firearms.size());
    CHECK(c.search("firearms assembly").size() < firearms.size());
    CHECK(c.search("zzzz-no-such-word").empty());
    CHECK(c.search("   ").empty());
}

TEST_CASE("unverified provisions are labelled so in every citation") {
    TempDir dir;
    dir.write("x.toml", test_instrument + R"(
[[provision]]
id = "x-1"
number = "1"
title = "One"
paraphrase = "A checked provision of the test instrument."
principles = ["necessity"]
keywords = ["one"]
verified = true
verified_by = "the test"

[[provision]]
id = "x-2"
number = "2"
title = "Two"
paraphrase = "An unchecked provision of the test instrument."
principles = ["necessity"]
keywords = ["two"]
verified = false
)");
    Diagnostics d;
    const Catalogue c = load_catalogue(dir.path(), d);
    INFO(dump(d));
    CHECK(d.empty());
    CHECK(c.citation_label("x-1") == "X 1");
    CHECK(c.citation_label("x-2") == "X 2 (unverified)");
}

TEST_CASE("W210 provisions that nothing uses") {
    const Catalogue& c = catalogue();
    Diagnostics none_cited;
    c.check_unused({}, none_cited);
    Diagnostics all_cited;
    std::vector<std::string> everything;
    for (const auto& p : c.provisions) everything.push_back(p.id);
    c.check_unused(everything, all_cited);
    CHECK(all_cited.empty());
    // Grounds count as uses: a principle's grounding provision is never reported.
    for (const auto& d : none_cited.items()) {
        CHECK(d.code == "W210");
        for (const auto& pr : c.principles)
            for (const auto& g : pr.grounds) CHECK(d.message.find("'" + g + "'") == std::string::npos);
    }
}

TEST_CASE("every BPUFF principle is present and labelled") {
    const Catalogue& c = catalogue();
    for (int i = 1; i <= 26; ++i) CHECK(c.find_provision("bpuff-" + std::to_string(i)));
    CHECK(c.citation_label("bpuff-9") == "BPUFF 9");
    CHECK(c.find_provision("bpuff-9")->instrument == "bpuff");
    CHECK(c.source_of(*c.find_provision("bpuff-9")).find("1990") != std::string::npos);
    CHECK(c.find_provision("bpuff-9")->verified);
}

TEST_CASE("every provision has its parts, a valid status and known principles") {
    const Catalogue& c = catalogue();
    for (const auto& p : c.provisions) {
        INFO(p.id);
        CHECK_FALSE(p.title.empty());
        CHECK(p.paraphrase.size() > 20);
        CHECK_FALSE(p.keywords.empty());
        if (p.verified) CHECK_FALSE(p.verified_by.empty());
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
    const std::string src = test_instrument + R"(
[[provision]]
id = "x-1"
number = "1"
title = "One"
paraphrase = "The first provision of the test instrument."
principles = ["necesity"]
keywords = ["one"]
verified = true
verified_by = "the test"

[[provision]]
id = "y-2"
number = "2"
title = "Two"
paraphrase = "  "
principles = ["necessity"]
keywords = ["two"]
verified = true
)";
    dir.write("x.toml", src);
    Diagnostics d;
    const Catalogue c = load_catalogue(dir.path(), d);
    INFO(dump(d));
    CHECK(with_code(d, "E203").size() == 1);   // "necesity"
    CHECK(with_code(d, "E204").size() == 1);   // x-9
    const Pos empty = find_pos(src, "\"  \"");
    CHECK(has_diagnostic(d, "E102", empty.line, empty.column));   // empty paraphrase
    CHECK(with_code(d, "E100").size() == 1);                       // verified without verified_by
    const Pos prefix = find_pos(src, "\"y-2\"");
    CHECK(has_diagnostic(d, "E102", prefix.line, prefix.column));
}

}
