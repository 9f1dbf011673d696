// Workshop records and the group debrief: the record's TOML round trip, malformed records (E710)
// and replay checks (E701–E703), plurality and ties, and golden exports (Markdown, HTML, JSON) of a
// workshop really played on the golden scenario.
#include "helpers.hpp"
#include "session.hpp"
#include "text.hpp"
#include "workshop.hpp"
#include "workshop_report.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace measured;
using namespace measured::test;

namespace {

GroupDebrief debrief_of(const WorkshopRecord& r) {
    Diagnostics d;
    auto g = make_group_debrief(golden_scenario(), &catalogue(), r, "workshop.toml", d);
    REQUIRE_MESSAGE(g, dump(d));
    CHECK(d.empty());
    return *g;
}

void check_same(const WorkshopRecord& a, const WorkshopRecord& b) {
    CHECK(a.scenario_id == b.scenario_id);
    CHECK(a.scenario_version == b.scenario_version);
    CHECK(a.scenario_fingerprint == b.scenario_fingerprint);
    CHECK(a.scenario_path == b.scenario_path);
    CHECK(a.scenario_title == b.scenario_title);
    CHECK(a.seed == b.seed);
    CHECK(a.timer_scale == b.timer_scale);
    CHECK(a.started == b.started);
    CHECK(a.group == b.group);
    CHECK(a.duration == b.duration);
    REQUIRE(a.branches.size() == b.branches.size());
    for (std::size_t i = 0; i < a.branches.size(); ++i) {
        CAPTURE(i);
        const auto& x = a.branches[i];
        const auto& y = b.branches[i];
        CHECK(x.parent == y.parent);
        CHECK(x.fork == y.fork);
        CHECK(x.ending == y.ending);
        REQUIRE(x.decisions.size() == y.decisions.size());
        for (std::size_t k = 0; k < x.decisions.size(); ++k) {
            CAPTURE(k);
            const auto& p = x.decisions[k];
            const auto& q = y.decisions[k];
            CHECK(p.decision.scene == q.decision.scene);
            CHECK(p.decision.choice == q.decision.choice);
            CHECK(p.decision.outcome == q.decision.outcome);
            CHECK(p.decision.seconds == q.decision.seconds);
            CHECK(p.decision.timed_out == q.decision.timed_out);
            CHECK(p.at == q.at);
            CHECK(p.overridden == q.overridden);
            CHECK(p.reason == q.reason);
            REQUIRE(p.votes.size() == q.votes.size());
            for (std::size_t v = 0; v < p.votes.size(); ++v) {
                CHECK(p.votes[v].choice == q.votes[v].choice);
                CHECK(p.votes[v].votes == q.votes[v].votes);
            }
        }
    }
    REQUIRE(a.flags.size() == b.flags.size());
    for (std::size_t i = 0; i < a.flags.size(); ++i) {
        CHECK(a.flags[i].branch == b.flags[i].branch);
        CHECK(a.flags[i].decisions == b.flags[i].decisions);
        CHECK(a.flags[i].node == b.flags[i].node);
        CHECK(a.flags[i].at == b.flags[i].at);
        CHECK(a.flags[i].note == b.flags[i].note);
    }
}

// Reads a record from text; the diagnostics for the assertions.
struct Read {
    std::optional<WorkshopRecord> record;
    Diagnostics diags;
};
Read read_text(const TempDir& dir, const std::string& text) {
    Read r;
    r.record = read_workshop_file(dir.write("workshop.toml", text), r.diags);
    return r;
}

}  // namespace

TEST_SUITE("core/workshop") {

TEST_CASE("workshop: plurality is the option with most votes, and nothing on a tie or without votes") {
    CHECK(plurality({{"a", 3}, {"b", 5}, {"c", 1}}) == "b");
    CHECK(plurality({{"a", 5}, {"b", 3}, {"c", 3}}) == "a");
    CHECK(plurality({{"a", 3}, {"b", 3}, {"c", 5}}) == "c");
    CHECK(plurality({{"a", 4}, {"b", 4}}).empty());
    CHECK(plurality({{"a", 2}, {"b", 4}, {"c", 4}}).empty());
    CHECK(plurality({{"a", 0}, {"b", 0}}).empty());
    CHECK(plurality({}).empty());
    CHECK(plurality({{"timeout", 1}}) == "timeout");
    CHECK(total_votes({{"a", 3}, {"b", 5}, {"c", 1}}) == 9);
    CHECK(total_votes({}) == 0);
}

TEST_CASE("workshop: a record written and read back is the same record") {
    const WorkshopRecord r = golden_workshop();
    TempDir dir;
    const std::string path = (dir.path() + "/w.toml");
    REQUIRE(save_workshop(r, path).empty());
    CHECK(looks_like_workshop_file(path));
    Diagnostics d;
    const auto back = read_workshop_file(path, d);
    REQUIRE_MESSAGE(back, dump(d));
    CHECK_MESSAGE(d.empty(), dump(d));
    check_same(r, *back);
    CHECK(workshop_to_toml(*back) == workshop_to_toml(r));
}

TEST_CASE("workshop: quotes, newlines and backslashes in a record's texts survive the round trip") {
    WorkshopRecord r = golden_workshop();
    r.group = "Group \"B\" — night shift\\early";
    r.flags[0].note = "Line one\nline two, with a \"quote\"";
    r.branches[0].decisions[1].reason = "Because: {not a variable} & <not html>";
    r.timer_scale = 1.5;
    TempDir dir;
    const auto got = read_text(dir, workshop_to_toml(r));
    REQUIRE_MESSAGE(got.record, dump(got.diags));
    check_same(r, *got.record);
}

TEST_CASE("workshop: malformed records are E710 at the line and column of the problem") {
    const std::string good = workshop_to_toml(golden_workshop());
    TempDir dir;
    struct Case {
        const char* name;
        std::string from, to, at;
        std::size_t offset;
    };
    const std::vector<Case> cases{
        {"votes that are not a number", "talk = 12", "talk = \"twelve\"", "\"twelve\"", 0},
        {"negative votes", "kick = 3", "kick = -3", "-3", 0},
        {"votes and vote_order naming different options", "vote_order = [\"talk\", \"kick\", \"timeout\"]", "vote_order = [\"talk\", \"kick\"]",
         "votes = { talk", 0},
        {"an option named twice in vote_order", "vote_order = [\"talk\", \"kick\", \"timeout\"]", "vote_order = [\"talk\", \"kick\", \"talk\"]",
         "\"talk\"]", 0},
        {"vote_order without votes", "votes = { talk = 12, kick = 3, timeout = 5 }\n", "", "vote_order", 0},
        {"a parent out of range", "parent = 0", "parent = 3", "parent = 3", 0},
        {"a main line with a parent", "parent = -1", "parent = 0", "parent = 0", 0},
        {"a fork beyond the branch's decisions", "fork = 1", "fork = 5", "fork = 5", 0},
        {"a flag on a branch that does not exist", "branch = 1", "branch = 4", "branch = 4", 0},
        {"seconds below zero", "seconds = 8.500", "seconds = -1.0", "-1.0", 0},
        {"a seed that is not a number", "seed = \"", "seed = \"x", "\"x", 0},
        {"an override without its reason", "override = \"He posed", "override = \" \"\nx_was = \"He posed", "\" \"", 0},
        {"a workshop format from the future", "measured_workshop = 1", "measured_workshop = 2", "measured_workshop", 0},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const std::string text = replace_first(good, c.from, c.to);
        const auto got = read_text(dir, text);
        CHECK_FALSE(got.record);
        const Pos p = find_pos(text, c.at, c.offset);
        CHECK_MESSAGE(has_diagnostic(got.diags, "E710", p.line, p.column), dump(got.diags));
    }
}

TEST_CASE("workshop: a record without a branch, or that is not a workshop record, is refused") {
    TempDir dir;
    const std::string good = workshop_to_toml(golden_workshop());
    SUBCASE("no branch at all") {
        const std::string text = good.substr(0, good.find("\n[[branch]]")) + "\n";
        const auto got = read_text(dir, text);
        CHECK_FALSE(got.record);
        // A missing required table is the loader's E100, as for every other file; it names what is missing.
        REQUIRE(got.diags.error_count() == 1);
        CHECK(got.diags.items()[0].code == "E100");
        CHECK(got.diags.items()[0].message == "the workshop record has no 'branch', which is required");
    }
    SUBCASE("a session file") {
        const std::string path = dir.write("session.toml", "measured_session = 1\nscenario_id = \"x\"\n");
        CHECK_FALSE(looks_like_workshop_file(path));
        Diagnostics d;
        CHECK_FALSE(read_workshop_file(path, d));
        CHECK(has_diagnostic(d, "E710", 0, 0));
    }
}

TEST_CASE("workshop: a record is replayed only on its own scenario, version and content") {
    const WorkshopRecord r = golden_workshop();
    Diagnostics ok;
    for (std::size_t b = 0; b < r.branches.size(); ++b) CHECK(replay_branch(golden_scenario(), r, b, "w.toml", ok));
    CHECK(ok.empty());

    SUBCASE("another version is E702") {
        Scenario other = golden_scenario();
        other.version = "1.1.0";
        Diagnostics d;
        CHECK_FALSE(replay_branch(other, r, 0, "w.toml", d));
        REQUIRE(d.items().size() == 1);
        CHECK(d.items()[0].code == "E702");
        CHECK(format_diagnostic(d.items()[0]) ==
              "w.toml: error[E702]: this workshop was recorded against version 1.0.0 of 'golden-doorway'; the file is now version 1.1.0 with "
              "different content");
        Diagnostics d2;
        CHECK_FALSE(make_group_debrief(other, &catalogue(), r, "w.toml", d2));
        CHECK(with_code(d2, "E702").size() == 1);
    }
    SUBCASE("the same version with other content is E702") {
        Scenario other = golden_scenario();
        other.fingerprint ^= 1;
        Diagnostics d;
        CHECK_FALSE(replay_branch(other, r, 1, "w.toml", d));
        CHECK(with_code(d, "E702").size() == 1);
    }
    SUBCASE("another scenario is E701") {
        Scenario other = golden_scenario();
        other.id = "another";
        Diagnostics d;
        CHECK_FALSE(replay_branch(other, r, 0, "w.toml", d));
        CHECK(with_code(d, "E701").size() == 1);
    }
    SUBCASE("a decision that no longer fits is E703, naming the branch") {
        WorkshopRecord bad = r;
        bad.branches[1].decisions[1].decision.outcome = "flees";
        Diagnostics d;
        CHECK(replay_branch(golden_scenario(), bad, 0, "w.toml", d));
        CHECK_FALSE(replay_branch(golden_scenario(), bad, 1, "w.toml", d));
        REQUIRE(with_code(d, "E703").size() == 1);
        CHECK(with_code(d, "E703")[0].message.rfind("branch 2 does not replay: ", 0) == 0);
    }
    SUBCASE("a branch that does not exist is E703, not a crash") {
        Diagnostics d;
        CHECK_FALSE(replay_branch(golden_scenario(), r, 7, "w.toml", d));
        CHECK(with_code(d, "E703").size() == 1);
    }
}

TEST_CASE("workshop: the group debrief scores every branch from the scenario") {
    const GroupDebrief g = debrief_of(golden_workshop());
    REQUIRE(g.branches.size() == 2);
    CHECK(g.branches[0].ending == "calm");
    CHECK(g.branches[0].critical.empty());
    CHECK(g.branches[1].ending == "hurt");
    REQUIRE(g.branches[1].critical.size() == 1);
    CHECK(g.branches[1].critical[0].decision == 2);
    CHECK(g.branches[1].critical[0].principle == "proportionality");
}

TEST_CASE("workshop: golden group debrief in Markdown, HTML and JSON") {
    const GroupDebrief g = debrief_of(golden_workshop());
    const std::string md = workshop_markdown(g, &catalogue());
    const std::string html = workshop_html(g, &catalogue());
    const std::string json = workshop_json(g, &catalogue());
    // Deterministic: a second export of the same record is byte-identical.
    CHECK(workshop_markdown(debrief_of(golden_workshop()), &catalogue()) == md);
    CHECK(workshop_html(g, &catalogue()) == html);
    CHECK(workshop_json(g, &catalogue()) == json);
    CHECK(valid_json(json));
    check_golden("workshop.md", md);
    check_golden("workshop.html", html);
    check_golden("workshop.json", json);
}

TEST_CASE("workshop: the exports show the votes, the override, the flags and the what-if") {
    const GroupDebrief g = debrief_of(golden_workshop());
    const std::string md = workshop_markdown(g, &catalogue());
    // 12 of 20 votes is 60 %; the played option is marked.
    CHECK(md.find("| **Knock, identify yourself and ask him to talk** (played) | 12 | 60% |") != std::string::npos);
    CHECK(md.find("| (let the time run out) | 5 | 25% |") != std::string::npos);
    // 14 of 18 is 78 %, and the vote was overridden with its reason.
    CHECK(md.find("| Strike him with the baton | 14 | 78% |") != std::string::npos);
    CHECK(md.find("most votes went to **Strike him with the baton**; the trainer's reason: “He posed no threat;") != std::string::npos);
    CHECK(md.find("| 06:30 | Path played | before decision 2, In the hall | Split on whether he is a threat |") != std::string::npos);
    CHECK(md.find("| 21:02 | What if 1 | at the ending Hurt | Compare with the path played: what changed? |") != std::string::npos);
    CHECK(md.find("### What if 1: from the path played, after decision 1 (At the door)") != std::string::npos);
    CHECK(md.find("24:10 in all") != std::string::npos);
    CHECK(md.find("group: Tuesday cohort") != std::string::npos);
}

TEST_CASE("workshop: the HTML export escapes every text and loads nothing from elsewhere") {
    WorkshopRecord r = golden_workshop();
    r.group = "<script>alert('x')</script> & co";
    r.flags[0].note = "\"quoted\" <b>bold</b>";
    r.branches[0].decisions[1].reason = "a < b && c > d";
    const std::string html = workshop_html(debrief_of(r), &catalogue());
    CHECK(html.rfind("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", 0) == 0);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co") != std::string::npos);
    CHECK(html.find("&quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("a &lt; b &amp;&amp; c &gt; d") != std::string::npos);
    for (const char* external : {"http:", "https:", "src=", "href=", "@import", "url("}) CHECK_MESSAGE(html.find(external) == std::string::npos, external);
    CHECK(html_escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST_CASE("workshop: the exports never carry the trainer notes (the record is shared with participants)") {
    Scenario noted = golden_scenario();
    noted.trainer_notes = "NOTE-SCENARIO";
    for (auto& sc : noted.scenes) sc.trainer_notes = "NOTE-SCENE-" + sc.id;
    for (auto& e : noted.endings) e.trainer_notes = "NOTE-ENDING-" + e.id;
    Diagnostics d;
    const auto g = make_group_debrief(noted, &catalogue(), golden_workshop(), "w.toml", d);
    REQUIRE_MESSAGE(g, dump(d));
    for (const std::string& out : {workshop_markdown(*g, &catalogue()), workshop_html(*g, &catalogue()), workshop_json(*g, &catalogue())}) {
        CHECK(out.find("NOTE-") == std::string::npos);
        CHECK(out.find("Calm") != std::string::npos);
    }
}

TEST_CASE("workshop: clock and percentages") {
    CHECK(clock_text(0) == "00:00");
    CHECK(clock_text(59.9) == "00:59");
    CHECK(clock_text(1450) == "24:10");
    CHECK(clock_text(3600) == "1:00:00");
    CHECK(clock_text(3723.5) == "1:02:03");
    CHECK(clock_text(-5) == "00:00");
    CHECK(percent_of(14, 18) == 78);
    CHECK(percent_of(1, 3) == 33);
    CHECK(percent_of(0, 0) == 0);
    CHECK(branch_name(0) == "Path played");
    CHECK(branch_name(3) == "What if 3");
}

TEST_CASE("workshop: a record with no votes, no flags and no branch still exports") {
    WorkshopRecord r = golden_workshop();
    r.branches.resize(1);
    r.flags.clear();
    for (auto& d : r.branches[0].decisions) {
        d.votes.clear();
        d.overridden = false;
        d.reason.clear();
    }
    const GroupDebrief g = debrief_of(r);
    const std::string md = workshop_markdown(g, &catalogue());
    CHECK(md.find("No flags were set.") != std::string::npos);
    CHECK(md.find("No other branch was explored.") != std::string::npos);
    CHECK(md.find("- Played: **Knock, identify yourself and ask him to talk** — no vote taken\n") != std::string::npos);
    CHECK(md.find("| Kick the door in | — | — |") != std::string::npos);
    CHECK(valid_json(workshop_json(g, &catalogue())));
}

}  // TEST_SUITE
