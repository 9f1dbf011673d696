// Group debrief exports. The three formats share what they say: the helpers in the anonymous
// namespace work out the vote tables, where each flag was set, where each branch forked and the
// principles to compare; each writer only lays them out.
#include "workshop_report.hpp"

#include "json.hpp"
#include "report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace measured {

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string clock_text(double seconds) {
    const long long total = seconds > 0 && std::isfinite(seconds) ? static_cast<long long>(seconds) : 0;
    char buf[40];
    if (total >= 3600) std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
    else std::snprintf(buf, sizeof buf, "%02lld:%02lld", total / 60, total % 60);
    return buf;
}

std::string branch_name(std::size_t branch) { return branch == 0 ? std::string("Path played") : "What if " + std::to_string(branch); }

int percent_of(long long part, long long whole) {
    return whole > 0 ? static_cast<int>(std::lround(100.0 * static_cast<double>(part) / static_cast<double>(whole))) : 0;
}

namespace {

// ---------------------------------------------------------------------------------------------
// What the three formats share

struct VoteRow {
    std::string choice;
    std::string label;
    int votes = 0;
    int percent = 0;
    bool played = false;
    bool offered = true;   // false: a vote for an option the scenario did not offer at that moment
};

// One decision of a branch: the debrief's view of it and the record's (votes, override, time).
struct DecisionView {
    const DecisionReport* report = nullptr;
    const WorkshopDecision* record = nullptr;
    std::vector<VoteRow> rows;   // every option offered, in the order shown, then any other option voted for
    int total = 0;
    bool voted = false;
    std::string majority_choice; // the option with the most votes, "" when none or tied
    std::string majority;        // its label
};

std::string label_of(const DecisionReport& dr, const std::string& choice) {
    for (const auto& a : dr.alternatives)
        if (a.choice == choice) return a.label;
    return choice;
}

DecisionView decision_view(const GroupDebrief& g, std::size_t branch, std::size_t i) {
    DecisionView v;
    v.report = &g.branches[branch].decisions[i];
    const auto& recorded = g.record.branches[branch].decisions;
    if (i < recorded.size()) v.record = &recorded[i];
    const std::vector<VoteCount> none;
    const std::vector<VoteCount>& votes = v.record ? v.record->votes : none;
    v.voted = !votes.empty();
    v.total = total_votes(votes);
    auto count = [&](const std::string& choice) {
        for (const auto& c : votes)
            if (c.choice == choice) return c.votes;
        return 0;
    };
    for (const auto& a : v.report->alternatives)
        v.rows.push_back({a.choice, a.label, count(a.choice), percent_of(count(a.choice), v.total), a.chosen, true});
    for (const auto& c : votes) {
        const bool listed = std::any_of(v.rows.begin(), v.rows.end(), [&](const VoteRow& r) { return r.choice == c.choice; });
        if (!listed) v.rows.push_back({c.choice, c.choice, c.votes, percent_of(c.votes, v.total), false, false});
    }
    v.majority_choice = plurality(votes);
    if (!v.majority_choice.empty()) v.majority = label_of(*v.report, v.majority_choice);
    return v;
}

// How the option played relates to the vote.
std::string vote_verdict(const DecisionView& v) {
    if (v.record && v.record->overridden) return "overridden by the trainer";
    if (!v.voted) return "no vote taken";
    if (v.total == 0) return "no votes cast";
    if (v.majority_choice.empty()) return "the vote was tied";
    return v.majority_choice == v.report->choice ? "the group's choice" : "not the option with most votes";
}

// Where a flag was set: "before decision 2, In the hall", "at the ending Hurt", "at scene 'x'".
std::string flag_place(const GroupDebrief& g, const WorkshopFlag& f) {
    if (f.branch >= g.branches.size()) return "at '" + f.node + "'";
    const Debrief& d = g.branches[f.branch];
    if (f.decisions < d.decisions.size() && d.decisions[f.decisions].scene == f.node)
        return "before decision " + std::to_string(f.decisions + 1) + ", " + d.decisions[f.decisions].scene_title;
    if (d.complete && f.node == d.ending) return "at the ending " + d.ending_title;
    return "after decision " + std::to_string(f.decisions) + ", at '" + f.node + "'";
}

std::vector<const WorkshopFlag*> timeline(const GroupDebrief& g) {
    std::vector<const WorkshopFlag*> out;
    for (const auto& f : g.record.flags) out.push_back(&f);
    std::stable_sort(out.begin(), out.end(), [](const WorkshopFlag* a, const WorkshopFlag* b) { return a->at < b->at; });
    return out;
}

// Where a branch left its parent: "from the path played, after decision 1 (At the door)".
std::string fork_text(const GroupDebrief& g, std::size_t b) {
    const WorkshopBranch& br = g.record.branches[b];
    const std::string parent = br.parent <= 0 ? std::string("the path played") : branch_name(static_cast<std::size_t>(br.parent));
    if (br.fork == 0) return "from " + parent + ", at the start";
    const auto& decisions = g.branches[b].decisions;
    const std::string title = br.fork <= decisions.size() ? " (" + decisions[br.fork - 1].scene_title + ")" : std::string();
    return "from " + parent + ", after decision " + std::to_string(br.fork) + title;
}

// Critical violations on a branch after it left its parent (the shared part is the parent's).
std::vector<CriticalViolation> critical_after_fork(const GroupDebrief& g, std::size_t b) {
    std::vector<CriticalViolation> out;
    const std::size_t fork = b == 0 ? 0 : g.record.branches[b].fork;
    for (const auto& c : g.branches[b].critical)
        if (static_cast<std::size_t>(c.decision) > fork) out.push_back(c);
    return out;
}

// The principles rated on either branch: those of the first in its order, then the second's others.
std::vector<std::pair<std::string, std::string>> principles_of(const Debrief& a, const Debrief& b) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Debrief* d : {&a, &b})
        for (const auto& p : d->principles)
            if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.first == p.principle; })) out.emplace_back(p.principle, p.name);
    return out;
}

const PrincipleResult* result_for(const Debrief& d, const std::string& principle) {
    for (const auto& p : d.principles)
        if (p.principle == principle) return &p;
    return nullptr;
}

// The path played's questions (its ending's, then the scenario's), then those of the other endings reached.
std::vector<std::string> discussion(const GroupDebrief& g) {
    std::vector<std::string> out;
    for (const auto& d : g.branches)
        for (const auto& q : d.discussion)
            if (std::find(out.begin(), out.end(), q) == out.end()) out.push_back(q);
    return out;
}

std::string outcome_line(const Debrief& d) {
    return d.complete ? d.ending_title + " (" + d.outcome + ")" : std::string("not finished");
}

// ---------------------------------------------------------------------------------------------
// Markdown

// The line under the title; `esc` makes a text safe for the format, `code` marks up the scenario id.
template <typename Escape, typename Code>
std::string meta_line(const GroupDebrief& g, Escape esc, Code code) {
    const WorkshopRecord& r = g.record;
    const Debrief& d = g.branches[0];
    std::string o = "Scenario " + code(r.scenario_id) + " version " + esc(r.scenario_version);
    if (!r.started.empty()) o += " · started " + esc(r.started);
    if (!r.group.empty()) o += " · group: " + esc(r.group);
    o += " · seed " + std::to_string(r.seed) + timers_text(r.timer_scale);
    o += " · " + std::to_string(d.decisions.size()) + " decisions played, " + std::to_string(r.branches.size() - 1) + " what-if branch" +
         (r.branches.size() == 2 ? "" : "es") + " · " + clock_text(r.duration) + " in all";
    return o;
}

std::string md_vote_table(const DecisionView& v) {
    std::string o = "| Option | Votes | Share |\n|---|---|---|\n";
    for (const auto& row : v.rows) {
        std::string label = markdown_cell(row.label);
        if (row.played) label = "**" + label + "** (played)";
        if (!row.offered) label += " (not offered at this point)";
        o += "| " + label + " | " + (v.voted ? std::to_string(row.votes) : "—") + " | " +
             (v.voted && v.total > 0 ? std::to_string(row.percent) + "%" : "—") + " |\n";
    }
    return o;
}

void md_decision(std::string& o, const DecisionView& v) {
    const DecisionReport& dr = *v.report;
    o += "### " + std::to_string(dr.number) + ". " + (dr.scene_title.empty() ? dr.scene : dr.scene_title) + "\n\n";
    o += md_vote_table(v) + "\n";
    std::string played = dr.timed_out ? "the time ran out" : "**" + dr.label + "**";
    o += "- Played: " + played + " — " + vote_verdict(v);
    if (v.voted) o += " (" + std::to_string(v.total) + " vote" + (v.total == 1 ? "" : "s") + ")";
    o += "\n";
    if (v.record && v.record->overridden) {
        o += "- Override: ";
        o += v.majority.empty() ? std::string("no option had most votes") : "most votes went to **" + v.majority + "**";
        o += "; the trainer's reason: " + (v.record->reason.empty() ? std::string("(none given)") : "“" + markdown_cell(v.record->reason) + "”") + "\n";
    }
    o += "- On the clock: " + seconds_text(dr.seconds) + (v.record ? " · played at " + clock_text(v.record->at) : std::string()) + "\n";
    if (!dr.outcome.empty()) o += "- Chance: " + dr.outcome + "\n";
    if (!dr.narration.empty()) o += "- What happened: " + markdown_cell(dr.narration) + "\n";
    std::string rated;
    for (const auto& r : dr.ratings)
        rated += (rated.empty() ? "" : ", ") + r.principle_name + " " + std::string(rating_name(r.rating)) + (r.critical ? " (critical)" : "");
    o += "- Rated: " + (rated.empty() ? std::string("not scored") : rated) + "\n\n";
}

}  // namespace

std::string workshop_markdown(const GroupDebrief& g, const Catalogue* cat) {
    const WorkshopRecord& r = g.record;
    const Debrief& played = g.branches.at(0);
    std::string o = "# Workshop: " + r.scenario_title + "\n\n" +
                    meta_line(g, markdown_cell, [](const std::string& id) { return "`" + id + "`"; }) + "\n\n";

    o += "## Outcome\n\n";
    if (played.complete) o += "**" + played.ending_title + "** (" + played.outcome + ")\n\n" + played.ending_text + "\n\n" + played.summary + "\n\n";
    else o += "The group did not finish the scenario.\n\n";

    o += "## Critical moments\n\n";
    o += played.critical.empty() ? "None on the path played.\n\n" : "On the path played:\n\n" + markdown_critical(played.critical, cat) + "\n";
    for (std::size_t b = 1; b < g.branches.size(); ++b) {
        const auto crit = critical_after_fork(g, b);
        if (!crit.empty()) o += "In " + branch_name(b) + ":\n\n" + markdown_critical(crit, cat) + "\n";
    }

    if (!played.principles.empty()) o += "## Principles (path played)\n\n" + markdown_principles(played.principles) + "\n";

    o += "## The path played\n\n";
    if (played.decisions.empty()) o += "No decision was made.\n\n";
    for (std::size_t i = 0; i < played.decisions.size(); ++i) md_decision(o, decision_view(g, 0, i));

    o += "## Flags\n\n";
    const auto flags = timeline(g);
    if (flags.empty()) o += "No flags were set.\n\n";
    else {
        o += "| Time | Branch | Where | Note |\n|---|---|---|---|\n";
        for (const WorkshopFlag* f : flags)
            o += "| " + clock_text(f->at) + " | " + branch_name(f->branch) + " | " + markdown_cell(flag_place(g, *f)) + " | " + markdown_cell(f->note) + " |\n";
        o += "\n";
    }

    o += "## What if: branches explored\n\n";
    if (g.branches.size() < 2) o += "No other branch was explored.\n\n";
    for (std::size_t b = 1; b < g.branches.size(); ++b) {
        const Debrief& d = g.branches[b];
        o += "### " + branch_name(b) + ": " + fork_text(g, b) + "\n\n";
        for (std::size_t i = std::min(r.branches[b].fork, d.decisions.size()); i < d.decisions.size(); ++i) {
            const DecisionView v = decision_view(g, b, i);
            const DecisionReport& dr = *v.report;
            o += "- Decision " + std::to_string(dr.number) + ", " + dr.scene_title + ": " + (dr.timed_out ? "the time ran out" : "**" + dr.label + "**");
            if (!dr.outcome.empty()) o += " · chance: " + dr.outcome;
            if (v.voted) {
                std::string votes;
                for (const auto& row : v.rows) votes += (votes.empty() ? "" : ", ") + row.label + " " + std::to_string(row.votes);
                o += " · votes: " + votes;
            }
            if (v.record && v.record->overridden) o += " · override: “" + markdown_cell(v.record->reason) + "”";
            o += "\n";
        }
        o += "\nEnding: **" + outcome_line(d) + "**.\n\n";
        const auto principles = principles_of(played, d);
        if (!principles.empty()) {
            o += "| Principle | Path played | " + branch_name(b) + " |\n|---|---|---|\n";
            for (const auto& [id, name] : principles) {
                const PrincipleResult* a = result_for(played, id);
                const PrincipleResult* c = result_for(d, id);
                o += "| " + name + " | " + (a ? std::to_string(a->percent) + "%, worst " + std::string(rating_name(a->worst)) : "—") + " | " +
                     (c ? std::to_string(c->percent) + "%, worst " + std::string(rating_name(c->worst)) : "—") + " |\n";
            }
            o += "\n";
        }
    }

    const auto questions = discussion(g);
    if (!questions.empty()) {
        o += "## For discussion\n\n";
        for (const auto& q : questions) o += "- " + markdown_cell(q) + "\n";
        o += "\n";
    }
    return o;
}

// ---------------------------------------------------------------------------------------------
// HTML

namespace {

const char* const html_style =
    "body{font:16px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#111;background:#fff;max-width:54rem;margin:2rem auto;padding:0 1rem}\n"
    "h1{font-size:1.7rem;margin:0 0 .3rem}h2{font-size:1.3rem;border-bottom:2px solid #111;padding-bottom:.15rem;margin-top:2.2rem}\n"
    "h3{font-size:1.08rem;margin:1.4rem 0 .4rem}.meta{color:#333;margin-top:0}\n"
    "table{border-collapse:collapse;width:100%;margin:.4rem 0 .6rem}\n"
    "th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid #bbb}th{border-bottom:2px solid #111}\n"
    "td.n{text-align:right;white-space:nowrap;width:4.5rem}td.bar{width:11rem}\n"
    // Bars are borders, not backgrounds, so they print even when the browser leaves backgrounds out.
    ".track{border:1px solid #111;height:.9rem}.fill{border-top:.9rem solid #444;height:0}\n"
    "tr.played td{font-weight:bold}.tag{font-weight:normal;font-size:.85em;border:1px solid #111;border-radius:.3rem;padding:0 .3rem;margin-left:.4rem}\n"
    "ul{padding-left:1.3rem}li{margin:.15rem 0}.critical{border-left:5px solid #111;padding-left:.6rem}\n"
    "@media print{body{margin:0;max-width:none;font-size:11pt}h2,h3{break-after:avoid}tr,li,.decision{break-inside:avoid}}\n";

// Text from the scenario: escaped, with its *emphasis* and **strong** as HTML.
std::string html_inline(std::string_view text) {
    const std::string escaped = html_escape(text);
    std::string out;
    bool strong = false, em = false;
    for (std::size_t i = 0; i < escaped.size(); ++i) {
        if (escaped.compare(i, 2, "**") == 0) {
            out += strong ? "</strong>" : "<strong>";
            strong = !strong;
            ++i;
        } else if (escaped[i] == '*') {
            out += em ? "</em>" : "<em>";
            em = !em;
        } else {
            out += escaped[i] == '\n' ? ' ' : escaped[i];
        }
    }
    if (em) out += "</em>";
    if (strong) out += "</strong>";
    return out;
}

// Paragraphs separated by blank lines.
std::string html_paragraphs(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = text.find("\n\n", i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view para = text.substr(i, end - i);
        while (!para.empty() && (para.front() == '\n' || para.front() == ' ')) para.remove_prefix(1);
        while (!para.empty() && (para.back() == '\n' || para.back() == ' ')) para.remove_suffix(1);
        if (!para.empty()) out += "<p>" + html_inline(para) + "</p>\n";
        i = end + 2;
    }
    return out;
}

std::string html_critical(const std::vector<CriticalViolation>& critical, const Catalogue* cat) {
    std::string o = "<ul class=\"critical\">\n";
    for (const auto& c : critical) {
        o += "<li><strong>Decision " + std::to_string(c.decision) + ", " + html_escape(c.principle_name) + ":</strong> ";
        if (!c.hard_fail_title.empty()) o += "<em>" + html_escape(c.hard_fail_title) + ".</em> ";
        o += html_inline(c.feedback) + " (" + html_escape(citation_list(c.cites, cat)) + ")</li>\n";
    }
    return o + "</ul>\n";
}

std::string html_vote_table(const DecisionView& v) {
    std::string o = "<table>\n<tr><th>Option</th><th>Votes</th><th>Share</th><th></th></tr>\n";
    for (const auto& row : v.rows) {
        o += row.played ? "<tr class=\"played\">" : "<tr>";
        o += "<td>" + html_inline(row.label);
        if (row.played) o += "<span class=\"tag\">played</span>";
        if (!row.offered) o += "<span class=\"tag\">not offered at this point</span>";
        o += "</td><td class=\"n\">" + (v.voted ? std::to_string(row.votes) : "—") + "</td><td class=\"n\">" +
             (v.voted && v.total > 0 ? std::to_string(row.percent) + "%" : "—") + "</td><td class=\"bar\">";
        if (v.voted && v.total > 0)
            o += "<div class=\"track\" aria-hidden=\"true\"><div class=\"fill\" style=\"width:" + std::to_string(row.percent) + "%\"></div></div>";
        o += "</td></tr>\n";
    }
    return o + "</table>\n";
}

void html_decision(std::string& o, const DecisionView& v) {
    const DecisionReport& dr = *v.report;
    o += "<section class=\"decision\">\n<h3>" + std::to_string(dr.number) + ". " + html_inline(dr.scene_title.empty() ? dr.scene : dr.scene_title) + "</h3>\n";
    o += html_vote_table(v);
    o += "<ul>\n<li>Played: " + (dr.timed_out ? std::string("the time ran out") : "<strong>" + html_inline(dr.label) + "</strong>") + " — " +
         vote_verdict(v);
    if (v.voted) o += " (" + std::to_string(v.total) + " vote" + (v.total == 1 ? "" : "s") + ")";
    o += "</li>\n";
    if (v.record && v.record->overridden) {
        o += "<li>Override: ";
        o += v.majority.empty() ? std::string("no option had most votes") : "most votes went to <strong>" + html_inline(v.majority) + "</strong>";
        o += "; the trainer's reason: " + (v.record->reason.empty() ? std::string("(none given)") : "“" + html_escape(v.record->reason) + "”") + "</li>\n";
    }
    o += "<li>On the clock: " + seconds_text(dr.seconds) + (v.record ? " · played at " + clock_text(v.record->at) : std::string()) + "</li>\n";
    if (!dr.outcome.empty()) o += "<li>Chance: " + html_escape(dr.outcome) + "</li>\n";
    if (!dr.narration.empty()) o += "<li>What happened: " + html_inline(dr.narration) + "</li>\n";
    std::string rated;
    for (const auto& r : dr.ratings)
        rated += (rated.empty() ? "" : ", ") + html_escape(r.principle_name) + " " + std::string(rating_name(r.rating)) + (r.critical ? " (critical)" : "");
    o += "<li>Rated: " + (rated.empty() ? std::string("not scored") : rated) + "</li>\n</ul>\n</section>\n";
}

std::string html_percent(const PrincipleResult* p) {
    return p ? std::to_string(p->percent) + "%, worst " + std::string(rating_name(p->worst)) : std::string("—");
}

}  // namespace

std::string workshop_html(const GroupDebrief& g, const Catalogue* cat) {
    const WorkshopRecord& r = g.record;
    const Debrief& played = g.branches.at(0);
    std::string o = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    o += "<title>Workshop: " + html_escape(r.scenario_title) + "</title>\n<style>\n" + html_style + "</style>\n</head>\n<body>\n";
    o += "<h1>Workshop: " + html_inline(r.scenario_title) + "</h1>\n";
    o += "<p class=\"meta\">" + meta_line(g, html_escape, [](const std::string& id) { return "<code>" + html_escape(id) + "</code>"; }) + "</p>\n";

    o += "<h2>Outcome</h2>\n";
    if (played.complete)
        o += "<p><strong>" + html_inline(played.ending_title) + "</strong> (" + html_escape(played.outcome) + ")</p>\n" + html_paragraphs(played.ending_text) +
             html_paragraphs(played.summary);
    else o += "<p>The group did not finish the scenario.</p>\n";

    o += "<h2>Critical moments</h2>\n";
    o += played.critical.empty() ? "<p>None on the path played.</p>\n" : "<p>On the path played:</p>\n" + html_critical(played.critical, cat);
    for (std::size_t b = 1; b < g.branches.size(); ++b) {
        const auto crit = critical_after_fork(g, b);
        if (!crit.empty()) o += "<p>In " + branch_name(b) + ":</p>\n" + html_critical(crit, cat);
    }

    if (!played.principles.empty()) {
        o += "<h2>Principles (path played)</h2>\n<table>\n<tr><th>Principle</th><th>Result</th><th></th><th>Worst rating</th><th>Ratings</th><th>Decisions</th></tr>\n";
        for (const auto& p : played.principles) {
            std::string decisions;
            for (std::size_t i = 0; i < p.decisions.size(); ++i) decisions += (i ? ", " : "") + std::to_string(p.decisions[i]);
            o += "<tr><td>" + html_escape(p.name) + "</td><td class=\"n\">" + std::to_string(p.percent) +
                 "%</td><td class=\"bar\"><div class=\"track\" aria-hidden=\"true\"><div class=\"fill\" style=\"width:" + std::to_string(p.percent) + "%\"></div></div></td><td>" +
                 rating_word(p.worst) + "</td><td>" + rating_counts_text(p) + "</td><td>" + decisions + "</td></tr>\n";
        }
        o += "</table>\n<p>Result: exemplary 3 points, compliant 2, concern 1, violation 0, as a share of the maximum.</p>\n";
    }

    o += "<h2>The path played</h2>\n";
    if (played.decisions.empty()) o += "<p>No decision was made.</p>\n";
    for (std::size_t i = 0; i < played.decisions.size(); ++i) html_decision(o, decision_view(g, 0, i));

    o += "<h2>Flags</h2>\n";
    const auto flags = timeline(g);
    if (flags.empty()) o += "<p>No flags were set.</p>\n";
    else {
        o += "<table>\n<tr><th>Time</th><th>Branch</th><th>Where</th><th>Note</th></tr>\n";
        for (const WorkshopFlag* f : flags)
            o += "<tr><td>" + clock_text(f->at) + "</td><td>" + branch_name(f->branch) + "</td><td>" + html_escape(flag_place(g, *f)) + "</td><td>" +
                 html_escape(f->note) + "</td></tr>\n";
        o += "</table>\n";
    }

    o += "<h2>What if: branches explored</h2>\n";
    if (g.branches.size() < 2) o += "<p>No other branch was explored.</p>\n";
    for (std::size_t b = 1; b < g.branches.size(); ++b) {
        const Debrief& d = g.branches[b];
        o += "<h3>" + branch_name(b) + ": " + html_escape(fork_text(g, b)) + "</h3>\n<ul>\n";
        for (std::size_t i = std::min(r.branches[b].fork, d.decisions.size()); i < d.decisions.size(); ++i) {
            const DecisionView v = decision_view(g, b, i);
            const DecisionReport& dr = *v.report;
            o += "<li>Decision " + std::to_string(dr.number) + ", " + html_inline(dr.scene_title) + ": " +
                 (dr.timed_out ? std::string("the time ran out") : "<strong>" + html_inline(dr.label) + "</strong>");
            if (!dr.outcome.empty()) o += " · chance: " + html_escape(dr.outcome);
            if (v.voted) {
                std::string votes;
                for (const auto& row : v.rows) votes += (votes.empty() ? "" : ", ") + html_inline(row.label) + " " + std::to_string(row.votes);
                o += " · votes: " + votes;
            }
            if (v.record && v.record->overridden) o += " · override: “" + html_escape(v.record->reason) + "”";
            o += "</li>\n";
        }
        o += "</ul>\n<p>Ending: <strong>" + html_escape(outcome_line(d)) + "</strong>.</p>\n";
        const auto principles = principles_of(played, d);
        if (!principles.empty()) {
            o += "<table>\n<tr><th>Principle</th><th>Path played</th><th>" + branch_name(b) + "</th></tr>\n";
            for (const auto& [id, name] : principles)
                o += "<tr><td>" + html_escape(name) + "</td><td>" + html_percent(result_for(played, id)) + "</td><td>" + html_percent(result_for(d, id)) +
                     "</td></tr>\n";
            o += "</table>\n";
        }
    }

    const auto questions = discussion(g);
    if (!questions.empty()) {
        o += "<h2>For discussion</h2>\n<ul>\n";
        for (const auto& q : questions) o += "<li>" + html_inline(q) + "</li>\n";
        o += "</ul>\n";
    }
    o += "</body>\n</html>\n";
    return o;
}

// ---------------------------------------------------------------------------------------------
// JSON

std::string workshop_json(const GroupDebrief& g, const Catalogue* cat) {
    const WorkshopRecord& r = g.record;
    JsonWriter j;
    j.begin_object();
    j.field("report", "measured-workshop").field("report_version", 1);
    j.key("scenario").begin_object().field("id", r.scenario_id).field("title", r.scenario_title).field("version", r.scenario_version).end_object();
    j.field("started", r.started).field("group", r.group).field("seed", std::to_string(r.seed)).field("timer_scale", r.timer_scale);
    j.field("duration", r.duration);
    j.key("branches").begin_array();
    for (std::size_t b = 0; b < g.branches.size(); ++b) {
        const Debrief& d = g.branches[b];
        const WorkshopBranch& br = r.branches[b];
        j.begin_object().field("branch", b).field("name", branch_name(b)).field("parent", br.parent).field("fork", br.fork);
        j.field("complete", d.complete).key("ending");
        if (d.complete) j.begin_object().field("id", d.ending).field("title", d.ending_title).field("outcome", d.outcome).end_object();
        else j.null();
        j.field("total_seconds", d.total_seconds);
        j.key("decisions").begin_array();
        for (std::size_t i = 0; i < d.decisions.size(); ++i) {
            const DecisionView v = decision_view(g, b, i);
            const DecisionReport& dr = *v.report;
            j.begin_object().field("number", dr.number).field("shared", b > 0 && i < br.fork).field("scene", dr.scene).field("scene_title", dr.scene_title);
            j.field("choice", dr.choice).field("label", dr.label).field("timed_out", dr.timed_out).field("seconds", dr.seconds);
            j.field("at", v.record ? v.record->at : 0.0).field("outcome", dr.outcome).field("narration", dr.narration);
            j.field("voted", v.voted).field("total_votes", v.total);
            j.key("options").begin_array();
            for (const auto& row : v.rows)
                j.begin_object().field("choice", row.choice).field("label", row.label).field("votes", row.votes).field("percent", row.percent)
                    .field("played", row.played).field("offered", row.offered).end_object();
            j.end_array();
            const std::string top = v.record ? plurality(v.record->votes) : std::string();
            j.field("plurality", top).field("overridden", v.record && v.record->overridden).field("reason", v.record ? v.record->reason : std::string());
            j.key("ratings").begin_array();
            for (const auto& rp : dr.ratings)
                j.begin_object().field("principle", rp.principle).field("principle_name", rp.principle_name)
                    .field("rating", std::string(rating_name(rp.rating))).field("critical", rp.critical).end_object();
            j.end_array().end_object();
        }
        j.end_array();
        j.key("principles");
        write_principles_json(j, d.principles);
        j.key("critical");
        write_critical_json(j, d.critical);
        j.end_object();
    }
    j.end_array();
    j.key("flags").begin_array();
    for (const WorkshopFlag* f : timeline(g))
        j.begin_object().field("at", f->at).field("time", clock_text(f->at)).field("branch", f->branch).field("decisions", f->decisions)
            .field("node", f->node).field("where", flag_place(g, *f)).field("note", f->note).end_object();
    j.end_array();
    j.key("citations").begin_object();
    std::vector<std::string> cited;
    for (const auto& d : g.branches)
        for (const auto& c : d.critical)
            for (const auto& id : c.cites)
                if (std::find(cited.begin(), cited.end(), id) == cited.end()) cited.push_back(id);
    for (const auto& id : cited) j.field(id, cat ? cat->citation_label(id) : id);
    j.end_object();
    j.key("discussion").strings(discussion(g));
    j.end_object();
    return j.str();
}

}  // namespace measured
