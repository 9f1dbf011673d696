// Debrief reports.
#include "report.hpp"

#include "json.hpp"

#include <algorithm>
#include <cstdio>

namespace measured {

std::string seconds_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", s);
    return buf;
}

std::string rating_word(Rating r) {
    std::string w(rating_name(r));
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
}

std::string markdown_cell(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') out += ' ';
        else if (c == '|') out += "\\|";
        else out += c;
    }
    return out;
}

std::string timers_text(double timer_scale) {
    if (timer_scale == 0) return " · timers off";
    if (timer_scale == 1.0) return {};
    char buf[32];
    std::snprintf(buf, sizeof buf, " · timers ×%.1f", timer_scale);
    return buf;
}

std::string rating_counts_text(const PrincipleResult& p) {
    std::string counts;
    for (std::size_t r = 0; r < 4; ++r) {
        if (!p.counts[r]) continue;
        if (!counts.empty()) counts += ", ";
        counts += std::to_string(p.counts[r]) + " " + std::string(rating_name(static_cast<Rating>(r)));
    }
    return counts;
}

std::string markdown_principles(const std::vector<PrincipleResult>& principles) {
    std::string o = "| Principle | Result | Worst rating | Ratings | Decisions |\n|---|---|---|---|---|\n";
    for (const auto& p : principles) {
        std::string decisions;
        for (std::size_t i = 0; i < p.decisions.size(); ++i) decisions += (i ? ", " : "") + std::to_string(p.decisions[i]);
        o += "| " + p.name + " | " + std::to_string(p.percent) + "% | " + rating_word(p.worst) + " | " + rating_counts_text(p) + " | " + decisions + " |\n";
    }
    o += "\nResult: exemplary 3 points, compliant 2, concern 1, violation 0, as a share of the maximum.\n";
    return o;
}

std::string markdown_critical(const std::vector<CriticalViolation>& critical, const Catalogue* cat) {
    std::string o;
    for (const auto& c : critical) {
        o += "- **Decision " + std::to_string(c.decision) + ", " + c.principle_name + ":** " +
             (c.hard_fail_title.empty() ? "" : "*" + c.hard_fail_title + ".* ") + markdown_cell(c.feedback) + " (" + citation_list(c.cites, cat) + ")\n";
    }
    return o;
}

std::string citation_list(const std::vector<std::string>& ids, const Catalogue* cat) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i) out += ", ";
        out += cat ? cat->citation_label(ids[i]) : ids[i];
    }
    return out;
}

std::string report_markdown(const Debrief& d, const Catalogue* cat) {
    std::string o;
    o += "# Debrief: " + d.scenario_title + "\n\n";
    o += "Scenario `" + d.scenario_id + "` version " + d.scenario_version + " · seed " + std::to_string(d.seed) + timers_text(d.timer_scale);
    o += " · " + std::to_string(d.decisions.size()) + " decisions in " + seconds_text(d.total_seconds) + "\n\n";

    o += "## Outcome\n\n";
    if (d.complete) {
        o += "**" + d.ending_title + "** (" + d.outcome + ")\n\n" + d.ending_text + "\n\n" + d.summary + "\n\n";
    } else {
        o += "The scenario was not finished.\n\n";
    }

    if (!d.critical.empty()) {
        o += "## Critical violations\n\n" + markdown_critical(d.critical, cat) + "\n";
    }

    if (!d.principles.empty()) {
        o += "## Principles\n\n" + markdown_principles(d.principles) + "\n";
    }

    o += "## Decisions\n\n";
    for (const auto& dr : d.decisions) {
        o += "### " + std::to_string(dr.number) + ". " + (dr.scene_title.empty() ? dr.scene : dr.scene_title) + "\n\n";
        if (dr.timed_out) o += "- Did not decide in time (" + seconds_text(dr.seconds) + ")\n";
        else o += "- Chose: " + dr.label + " (" + seconds_text(dr.seconds) + ")\n";
        if (!dr.outcome.empty()) o += "- Chance: " + dr.outcome + "\n";
        if (!dr.narration.empty()) o += "- What happened: " + markdown_cell(dr.narration) + "\n";
        if (dr.ratings.empty()) o += "- Not scored.\n";
        for (const auto& r : dr.ratings) {
            o += "- **" + r.principle_name + ": " + rating_word(r.rating) + (r.critical ? " (critical)" : "") + ".** " + markdown_cell(r.feedback) +
                 " (" + citation_list(r.cites, cat) + ")\n";
        }
        bool any_alt = false;
        for (const auto& a : dr.alternatives) {
            if (a.chosen) continue;
            if (!any_alt) o += "- Other options:\n";
            any_alt = true;
            std::string ratings;
            for (const auto& r : a.ratings) ratings += (ratings.empty() ? "" : ", ") + r.principle_name + " " + std::string(rating_name(r.rating));
            o += "  - " + a.label + (ratings.empty() ? " (not scored)" : " — " + ratings) + "\n";
        }
        o += "\n";
    }

    if (!d.discussion.empty()) {
        o += "## For discussion\n\n";
        for (const auto& q : d.discussion) o += "- " + markdown_cell(q) + "\n";
        o += "\n";
    }

    std::vector<std::string> cited;
    for (const auto& dr : d.decisions)
        for (const auto& r : dr.ratings)
            for (const auto& c : r.cites)
                if (std::find(cited.begin(), cited.end(), c) == cited.end()) cited.push_back(c);
    if (!cited.empty() && cat) {
        o += "## Provisions cited\n\n";
        for (const auto& id : cited) {
            const Provision* p = cat->find_provision(id);
            if (!p) continue;
            o += "- **" + cat->citation_label(id) + " — " + p->title + ".** " + markdown_cell(p->paraphrase) + " *(" + cat->source_of(*p) + ")*\n";
        }
        o += "\n";
    }
    return o;
}

namespace {
void write_ratings(JsonWriter& j, const std::vector<RatedPrinciple>& ratings, const Catalogue* cat) {
    j.begin_array();
    for (const auto& r : ratings) {
        j.begin_object();
        j.field("principle", r.principle).field("principle_name", r.principle_name).field("rating", std::string(rating_name(r.rating)));
        j.field("critical", r.critical).field("feedback", r.feedback);
        j.key("cites").begin_array();
        for (const auto& c : r.cites) {
            j.begin_object().field("id", c).field("label", cat ? cat->citation_label(c) : c).end_object();
        }
        j.end_array();
        j.end_object();
    }
    j.end_array();
}
}  // namespace

void write_critical_json(JsonWriter& j, const std::vector<CriticalViolation>& critical) {
    j.begin_array();
    for (const auto& c : critical) {
        j.begin_object().field("decision", c.decision).field("principle", c.principle).field("hard_fail", c.hard_fail)
            .field("feedback", c.feedback).key("cites").strings(c.cites).end_object();
    }
    j.end_array();
}

void write_principles_json(JsonWriter& j, const std::vector<PrincipleResult>& principles) {
    j.begin_array();
    for (const auto& p : principles) {
        j.begin_object().field("id", p.principle).field("name", p.name).field("percent", p.percent).field("points", p.points)
            .field("max_points", p.max_points).field("worst", std::string(rating_name(p.worst)));
        j.key("counts").begin_object();
        for (std::size_t r = 0; r < 4; ++r) j.field(rating_name(static_cast<Rating>(r)), p.counts[r]);
        j.end_object();
        j.key("decisions").begin_array();
        for (int n : p.decisions) j.value(n);
        j.end_array().end_object();
    }
    j.end_array();
}

std::string report_json(const Debrief& d, const Catalogue* cat) {
    JsonWriter j;
    j.begin_object();
    j.field("report", "measured-debrief").field("report_version", 1);
    j.key("scenario").begin_object().field("id", d.scenario_id).field("title", d.scenario_title).field("version", d.scenario_version).end_object();
    j.field("seed", std::to_string(d.seed)).field("timer_scale", d.timer_scale).field("complete", d.complete);
    j.key("ending");
    if (d.complete) {
        j.begin_object().field("id", d.ending).field("title", d.ending_title).field("outcome", d.outcome).field("text", d.ending_text)
            .field("debrief", d.summary).end_object();
    } else {
        j.null();
    }
    j.field("total_seconds", d.total_seconds);
    j.key("critical");
    write_critical_json(j, d.critical);
    j.key("principles");
    write_principles_json(j, d.principles);
    j.key("decisions").begin_array();
    for (const auto& dr : d.decisions) {
        j.begin_object().field("number", dr.number).field("scene", dr.scene).field("scene_title", dr.scene_title).field("choice", dr.choice)
            .field("label", dr.label).field("timed_out", dr.timed_out).field("seconds", dr.seconds).field("outcome", dr.outcome)
            .field("narration", dr.narration);
        j.key("ratings");
        write_ratings(j, dr.ratings, cat);
        j.key("alternatives").begin_array();
        for (const auto& a : dr.alternatives) {
            j.begin_object().field("choice", a.choice).field("label", a.label).field("chosen", a.chosen).key("ratings");
            write_ratings(j, a.ratings, cat);
            j.end_object();
        }
        j.end_array().end_object();
    }
    j.end_array();
    j.key("discussion").strings(d.discussion);
    j.end_object();
    return j.str();
}

}  // namespace measured
