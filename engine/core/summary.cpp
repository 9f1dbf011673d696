// The summary across records: read, replay, score, then tally per scenario.
#include "summary.hpp"

#include "debrief.hpp"
#include "json.hpp"
#include "report.hpp"
#include "session_file.hpp"
#include "workshop.hpp"
#include "workshop_report.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

namespace measured {

namespace {

// One replayed record, reduced to what the summary needs.
struct Replayed {
    std::string path;
    const Scenario* scenario = nullptr;
    Debrief played;                          // the session, or the workshop's path played
    std::optional<WorkshopRecord> workshop;  // set for workshop records
    std::string label;                       // for overrides: group and date, or the file name
};

// A scenario's tallies while records are added.
struct Tally {
    const Scenario* scenario = nullptr;
    ScenarioSummary out;
    std::vector<DecisionTally> scenes;       // every scene, file order; the reached ones are kept
    std::vector<std::vector<int>> percents;  // per principle in out.principles
    std::vector<double> clock;
    std::vector<double> durations;
    std::vector<ViolationTally> violations;  // first-seen order
};

Tally new_tally(const Scenario& s) {
    Tally t;
    t.scenario = &s;
    t.out.id = s.id;
    t.out.title = s.title;
    t.out.version = s.version;
    for (const auto& e : s.endings) t.out.endings.push_back({e.id, e.title, e.outcome, 0});
    for (const auto& sc : s.scenes) {
        DecisionTally d;
        d.scene = sc.id;
        d.scene_title = sc.title.empty() ? sc.id : sc.title;
        for_each_choice(sc, [&](const Choice& c, int) { d.options.push_back({c.id, c.id == "timeout" ? "(let the time run out)" : c.label, 0, 0, 0}); });
        t.scenes.push_back(std::move(d));
    }
    return t;
}

OptionTally& option(DecisionTally& d, const std::string& choice, const std::string& label) {
    for (auto& o : d.options)
        if (o.choice == choice) return o;
    d.options.push_back({choice, label, 0, 0, 0});
    return d.options.back();
}

void add_decisions(Tally& t, const Replayed& r) {
    for (std::size_t i = 0; i < r.played.decisions.size(); ++i) {
        const DecisionReport& dr = r.played.decisions[i];
        auto it = std::find_if(t.scenes.begin(), t.scenes.end(), [&](const DecisionTally& d) { return d.scene == dr.scene; });
        if (it == t.scenes.end()) continue;
        DecisionTally& d = *it;
        // Labels as they were shown (interpolated), from the first record that met the decision.
        if (d.reached == 0) {
            d.scene_title = dr.scene_title.empty() ? d.scene_title : dr.scene_title;
            for (const auto& a : dr.alternatives) option(d, a.choice, a.label).label = a.label;
        }
        ++d.reached;
        ++(r.workshop ? d.in_workshops : d.in_sessions);
        option(d, dr.choice, dr.label).played++;
        if (!r.workshop || i >= r.workshop->branches[0].decisions.size()) continue;
        const WorkshopDecision& wd = r.workshop->branches[0].decisions[i];
        if (!wd.votes.empty()) {
            ++d.votes_taken;
            d.votes += total_votes(wd.votes);
            for (const auto& v : wd.votes) option(d, v.choice, v.choice).votes += v.votes;
            if (const std::string top = plurality(wd.votes); !top.empty()) option(d, top, top).majorities++;
        }
        if (wd.overridden) {
            const std::string top = plurality(wd.votes);
            std::string majority;
            for (const auto& a : dr.alternatives)
                if (a.choice == top) majority = a.label;
            d.overrides.push_back({r.label, dr.label, top.empty() ? std::string() : majority.empty() ? top : majority, wd.reason});
        }
    }
}

void add_principles(Tally& t, const Debrief& d) {
    for (const auto& p : d.principles) {
        auto it = std::find_if(t.out.principles.begin(), t.out.principles.end(), [&](const PrincipleTally& x) { return x.principle == p.principle; });
        if (it == t.out.principles.end()) {
            t.out.principles.push_back({p.principle, p.name, 0, 0, p.percent, p.percent});
            t.percents.emplace_back();
            it = t.out.principles.end() - 1;
        }
        const auto k = static_cast<std::size_t>(it - t.out.principles.begin());
        t.percents[k].push_back(p.percent);
        it->min_percent = std::min(it->min_percent, p.percent);
        it->max_percent = std::max(it->max_percent, p.percent);
    }
}

void add_violations(Tally& t, const Debrief& d) {
    std::vector<std::size_t> seen;   // counted once per record
    for (const auto& dr : d.decisions) {
        for (const auto& r : dr.ratings) {
            if (r.rating != Rating::violation && !r.critical) continue;
            auto it = std::find_if(t.violations.begin(), t.violations.end(), [&](const ViolationTally& v) {
                return v.scene == dr.scene && v.choice == dr.choice && v.principle == r.principle;
            });
            if (it == t.violations.end()) {
                t.violations.push_back({r.principle, r.principle_name, dr.scene, dr.scene_title, dr.choice, dr.label, false, 0});
                it = t.violations.end() - 1;
            }
            it->critical = it->critical || r.critical;
            const auto k = static_cast<std::size_t>(it - t.violations.begin());
            if (std::find(seen.begin(), seen.end(), k) == seen.end()) {
                seen.push_back(k);
                ++it->records;
            }
        }
    }
}

void add(Tally& t, const Replayed& r) {
    ++(r.workshop ? t.out.workshops : t.out.sessions);
    if (r.workshop) {
        t.out.what_if_branches += static_cast<int>(r.workshop->branches.size()) - 1;
        if (r.played.complete) t.durations.push_back(r.workshop->duration);
    }
    if (r.played.complete) {
        for (auto& e : t.out.endings)
            if (e.ending == r.played.ending) ++e.records;
        t.clock.push_back(r.played.total_seconds);
    } else {
        ++t.out.unfinished;
    }
    add_decisions(t, r);
    add_principles(t, r.played);
    add_violations(t, r.played);
}

TimeStats stats_of(std::vector<double> v) {
    TimeStats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    s.count = static_cast<int>(v.size());
    double sum = 0;
    for (double x : v) sum += x;
    s.mean = sum / static_cast<double>(v.size());
    const std::size_t n = v.size();
    s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    s.min = v.front();
    s.max = v.back();
    return s;
}

std::size_t index_of(const std::vector<std::string>& order, const std::string& id) {
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), id) - order.begin());
}

ScenarioSummary finish(Tally t, const Catalogue* cat) {
    ScenarioSummary s = std::move(t.out);
    std::vector<std::string> scene_order;
    for (auto& d : t.scenes) {
        scene_order.push_back(d.scene);
        if (d.reached > 0) s.decisions.push_back(std::move(d));
        else s.not_reached.push_back(d.scene);
    }
    for (std::size_t i = 0; i < s.principles.size(); ++i) {
        double sum = 0;
        for (int p : t.percents[i]) sum += p;
        s.principles[i].records = static_cast<int>(t.percents[i].size());
        s.principles[i].mean_percent = sum / static_cast<double>(t.percents[i].size());
    }
    std::vector<std::string> principle_order;
    if (cat)
        for (const auto& p : cat->principles) principle_order.push_back(p.id);
    std::stable_sort(s.principles.begin(), s.principles.end(), [&](const PrincipleTally& a, const PrincipleTally& b) {
        return index_of(principle_order, a.principle) < index_of(principle_order, b.principle);
    });

    // Most frequent first; then in the order of the scenario, so equal counts read like the story.
    auto choice_index = [&](const ViolationTally& v) {
        const Scene* sc = nullptr;
        for (const auto& x : t.scenario->scenes)
            if (x.id == v.scene) sc = &x;
        std::size_t k = 0, found = 1000000;
        if (sc) for_each_choice(*sc, [&](const Choice& c, int) {
                if (c.id == v.choice) found = k;
                ++k;
            });
        return found;
    };
    std::stable_sort(t.violations.begin(), t.violations.end(), [&](const ViolationTally& a, const ViolationTally& b) {
        if (a.records != b.records) return a.records > b.records;
        if (a.critical != b.critical) return a.critical;
        const auto sa = index_of(scene_order, a.scene), sb = index_of(scene_order, b.scene);
        if (sa != sb) return sa < sb;
        const auto ca = choice_index(a), cb = choice_index(b);
        if (ca != cb) return ca < cb;
        return index_of(principle_order, a.principle) < index_of(principle_order, b.principle);
    });
    s.violation_kinds = static_cast<int>(t.violations.size());
    if (t.violations.size() > summary_top_violations) t.violations.resize(summary_top_violations);
    s.violations = std::move(t.violations);
    s.clock = stats_of(std::move(t.clock));
    s.workshop_duration = stats_of(std::move(t.durations));
    return s;
}

// Reads and replays one record; nullopt (with the reasons in `diags`) when it cannot be used.
std::optional<Replayed> replay(const std::string& path, const ScenarioLookup& find_scenario, const Catalogue* cat, Diagnostics& diags) {
    auto lookup = [&](const std::string& id) -> const Scenario* {
        const Scenario* s = find_scenario ? find_scenario(id) : nullptr;
        if (!s) unknown_scenario(diags, path, id);
        return s;
    };
    Replayed r;
    r.path = path;
    r.label = std::filesystem::path(path).filename().string();
    if (looks_like_workshop_file(path)) {
        auto record = read_workshop_file(path, diags);
        if (!record) return std::nullopt;
        r.scenario = lookup(record->scenario_id);
        if (!r.scenario) return std::nullopt;
        auto g = make_group_debrief(*r.scenario, cat, *record, path, diags);
        if (!g) return std::nullopt;
        if (!g->record.group.empty() || !g->record.started.empty())
            r.label = g->record.group + (g->record.group.empty() || g->record.started.empty() ? "" : ", ") + g->record.started;
        r.played = std::move(g->branches[0]);
        r.workshop = std::move(g->record);
        return r;
    }
    auto record = read_session_file(path, diags);
    if (!record) return std::nullopt;
    r.scenario = lookup(record->scenario_id);
    if (!r.scenario) return std::nullopt;
    auto session = restore_session(*r.scenario, *record, path, diags);
    if (!session) return std::nullopt;
    r.played = make_debrief(*session, cat);
    return r;
}

}  // namespace

void unknown_scenario(Diagnostics& diags, const std::string& path, const std::string& scenario_id) {
    diags.error("E704", {path, 0, 0}, "the scenario '" + scenario_id + "' of this record is not in the library (or does not load)");
}

Summary summarize(const std::vector<std::string>& paths, const ScenarioLookup& find_scenario, const Catalogue* cat, Diagnostics& diags) {
    Summary out;
    std::map<std::string, Tally> tallies;
    for (const auto& path : paths) {
        ++out.read;
        Diagnostics d;
        const auto r = replay(path, find_scenario, cat, d);
        diags.append(d);
        if (!r || d.has_errors()) {
            out.skipped.push_back(path);
            continue;
        }
        auto it = tallies.find(r->scenario->id);
        if (it == tallies.end()) it = tallies.emplace(r->scenario->id, new_tally(*r->scenario)).first;
        add(it->second, *r);
    }
    for (auto& [id, t] : tallies) out.scenarios.push_back(finish(std::move(t), cat));
    return out;
}

// ---------------------------------------------------------------------------------------------
// Markdown

namespace {

std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string plural(int n, const std::string& one, const std::string& many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string share(int part, int whole) { return whole > 0 ? std::to_string(percent_of(part, whole)) + "%" : std::string("—"); }

void md_scenario(std::string& o, const ScenarioSummary& s) {
    o += "## " + s.title + "\n\nScenario `" + s.id + "` version " + s.version + " · " + plural(s.records(), "record", "records") + ": " +
         plural(s.sessions, "session", "sessions") + ", " + plural(s.workshops, "workshop", "workshops");
    if (s.workshops > 0) o += " (" + plural(s.what_if_branches, "what-if branch", "what-if branches") + " explored)";
    o += "\n\n### Endings\n\n| Ending | Outcome | Records | Share |\n|---|---|---|---|\n";
    for (const auto& e : s.endings)
        o += "| " + markdown_cell(e.title) + " | " + e.outcome + " | " + std::to_string(e.records) + " | " + share(e.records, s.records()) + " |\n";
    if (s.unfinished > 0) o += "| (not finished) | | " + std::to_string(s.unfinished) + " | " + share(s.unfinished, s.records()) + " |\n";

    o += "\n### Time taken\n\n";
    if (s.clock.count == 0) {
        o += "No record reached an ending.\n";
    } else {
        o += "Time on the clock over the path played, for the " + plural(s.clock.count, "record", "records") +
             " that reached an ending: mean " + seconds_text(s.clock.mean) + ", median " + seconds_text(s.clock.median) + ", shortest " +
             seconds_text(s.clock.min) + ", longest " + seconds_text(s.clock.max) + ".\n";
        if (s.workshop_duration.count > 0)
            o += "\nWorkshops from start to end: mean " + clock_text(s.workshop_duration.mean) + " (" +
                 plural(s.workshop_duration.count, "workshop", "workshops") + ", shortest " + clock_text(s.workshop_duration.min) + ", longest " +
                 clock_text(s.workshop_duration.max) + ").\n";
    }

    o += "\n### Principles\n\n";
    if (s.principles.empty()) o += "No decision on these paths was scored.\n";
    else {
        o += "| Principle | Mean | Lowest | Highest | Records rating it |\n|---|---|---|---|---|\n";
        for (const auto& p : s.principles)
            o += "| " + p.name + " | " + fixed1(p.mean_percent) + "% | " + std::to_string(p.min_percent) + "% | " + std::to_string(p.max_percent) +
                 "% | " + std::to_string(p.records) + " of " + std::to_string(s.records()) + " |\n";
        o += "\nThe result of each record as in its debrief (exemplary 3 points, compliant 2, concern 1, violation 0, as a share of "
             "the maximum), averaged over the records that rated the principle.\n";
    }

    o += "\n### Most frequent violations\n\n";
    if (s.violations.empty()) o += "None: no choice made on these paths was rated a violation or critical.\n";
    else {
        o += "| Principle | Decision | Choice | Records | Critical |\n|---|---|---|---|---|\n";
        for (const auto& v : s.violations)
            o += "| " + v.principle_name + " | " + markdown_cell(v.scene_title) + " | " + markdown_cell(v.label) + " | " + std::to_string(v.records) +
                 " of " + std::to_string(s.records()) + " | " + (v.critical ? "yes" : "no") + " |\n";
        if (s.violation_kinds > static_cast<int>(s.violations.size()))
            o += "\nThe " + std::to_string(s.violations.size()) + " most frequent of " + std::to_string(s.violation_kinds) + ".\n";
    }

    o += "\n### Decisions\n\n";
    for (const auto& d : s.decisions) {
        o += "#### " + d.scene_title + "\n\nReached " + plural(d.reached, "time", "times") + " (" + std::to_string(d.in_sessions) + " in sessions, " +
             std::to_string(d.in_workshops) + " in workshops)";
        if (d.votes_taken > 0) o += "; the groups voted " + plural(d.votes_taken, "time", "times") + ", " + plural(d.votes, "vote", "votes") + " cast";
        // Without a vote at this decision the vote columns would be all zeros: leave them out.
        const bool voted = d.votes_taken > 0;
        o += voted ? ".\n\n| Option | Votes | Share of votes | Most votes | Played |\n|---|---|---|---|---|\n" : ".\n\n| Option | Played |\n|---|---|\n";
        for (const auto& op : d.options) {
            o += "| " + markdown_cell(op.label) + " | ";
            if (voted) o += std::to_string(op.votes) + " | " + share(op.votes, d.votes) + " | " + std::to_string(op.majorities) + " | ";
            o += std::to_string(op.played) + " (" + share(op.played, d.reached) + ") |\n";
        }
        if (!d.overrides.empty()) {
            o += "\nThe trainer overrode the vote " + plural(static_cast<int>(d.overrides.size()), "time", "times") + ":\n\n";
            for (const auto& ov : d.overrides)
                o += "- " + markdown_cell(ov.record) + ": played **" + markdown_cell(ov.played) + "**" +
                     (ov.majority.empty() ? std::string(" (the vote was tied)") : " instead of **" + markdown_cell(ov.majority) + "**") + " — “" +
                     markdown_cell(ov.reason) + "”\n";
        }
        o += "\n";
    }
    if (!s.not_reached.empty()) {
        std::string ids;
        for (const auto& id : s.not_reached) ids += (ids.empty() ? "`" : ", `") + id + "`";
        o += "Not reached in any record: " + ids + ".\n\n";
    }
}

}  // namespace

std::string summary_markdown(const Summary& s) {
    int sessions = 0, workshops = 0;
    for (const auto& sc : s.scenarios) {
        sessions += sc.sessions;
        workshops += sc.workshops;
    }
    std::string o = "# Summary of sessions and workshops\n\n";
    o += plural(static_cast<int>(s.read), "record", "records") + " read: " + std::to_string(s.summarized()) + " summarized (" +
         plural(sessions, "session", "sessions") + ", " + plural(workshops, "workshop", "workshops") + "), " + std::to_string(s.skipped.size()) +
         " skipped";
    o += s.skipped.empty() ? std::string(".") : " (they could not be read or replayed; the diagnostics say why):";
    o += "\n\n";
    for (const auto& p : s.skipped) o += "- `" + p + "`\n";
    if (!s.skipped.empty()) o += "\n";
    o += "Each record was replayed and scored from its scenario. A workshop counts the path the group played; its what-if branches "
         "are counted, not added in. \"Votes\" and \"Most votes\" come from workshops; \"Played\" from sessions and workshops.\n\n";
    if (s.scenarios.empty()) o += "No record could be summarized.\n";
    for (const auto& sc : s.scenarios) md_scenario(o, sc);
    while (o.size() > 2 && o.compare(o.size() - 2, 2, "\n\n") == 0) o.pop_back();
    return o;
}

// ---------------------------------------------------------------------------------------------
// JSON

namespace {
void time_json(JsonWriter& j, const TimeStats& t) {
    j.begin_object().field("records", t.count).field("mean", t.mean).field("median", t.median).field("min", t.min).field("max", t.max).end_object();
}
}  // namespace

std::string summary_json(const Summary& s) {
    JsonWriter j;
    j.begin_object().field("report", "measured-summary").field("report_version", 1);
    j.field("read", s.read).field("summarized", s.summarized()).key("skipped").strings(s.skipped);
    j.key("scenarios").begin_array();
    for (const auto& sc : s.scenarios) {
        j.begin_object().field("id", sc.id).field("title", sc.title).field("version", sc.version).field("records", sc.records());
        j.field("sessions", sc.sessions).field("workshops", sc.workshops).field("what_if_branches", sc.what_if_branches).field("unfinished", sc.unfinished);
        j.key("endings").begin_array();
        for (const auto& e : sc.endings)
            j.begin_object().field("id", e.ending).field("title", e.title).field("outcome", e.outcome).field("records", e.records).end_object();
        j.end_array();
        j.key("clock_seconds");
        time_json(j, sc.clock);
        j.key("workshop_duration");
        time_json(j, sc.workshop_duration);
        j.key("principles").begin_array();
        for (const auto& p : sc.principles)
            j.begin_object().field("id", p.principle).field("name", p.name).field("records", p.records).field("mean_percent", p.mean_percent)
                .field("min_percent", p.min_percent).field("max_percent", p.max_percent).end_object();
        j.end_array();
        j.key("violations").begin_array();
        for (const auto& v : sc.violations)
            j.begin_object().field("principle", v.principle).field("scene", v.scene).field("choice", v.choice).field("label", v.label)
                .field("critical", v.critical).field("records", v.records).end_object();
        j.end_array().field("violation_kinds", sc.violation_kinds);
        j.key("decisions").begin_array();
        for (const auto& d : sc.decisions) {
            j.begin_object().field("scene", d.scene).field("scene_title", d.scene_title).field("reached", d.reached).field("in_sessions", d.in_sessions);
            j.field("in_workshops", d.in_workshops).field("votes_taken", d.votes_taken).field("votes", d.votes);
            j.key("options").begin_array();
            for (const auto& op : d.options)
                j.begin_object().field("choice", op.choice).field("label", op.label).field("votes", op.votes).field("majorities", op.majorities)
                    .field("played", op.played).end_object();
            j.end_array().key("overrides").begin_array();
            for (const auto& ov : d.overrides)
                j.begin_object().field("record", ov.record).field("played", ov.played).field("majority", ov.majority).field("reason", ov.reason).end_object();
            j.end_array().end_object();
        }
        j.end_array().key("not_reached").strings(sc.not_reached).end_object();
    }
    j.end_array().end_object();
    return j.str();
}

}  // namespace measured
