// Transcripts: load, run, record.
#include "transcript.hpp"

#include "debrief.hpp"
#include "paths.hpp"
#include "schema.hpp"
#include "session.hpp"
#include "text.hpp"
#include "toml_source.hpp"

#include <algorithm>
#include <filesystem>

namespace measured {

namespace {

constexpr std::size_t max_cases = 1000;
constexpr std::size_t max_steps = 10000;

std::string value_text(std::int64_t v, bool boolean) { return boolean ? (v ? "true" : "false") : std::to_string(v); }

// Reads `key = { id = value, … }` into expectations; `read` converts one value or reports it.
// `read` returns false for a value of the wrong type, which is reported as E101 with `expected`.
template <typename T, typename Read>
void read_map(const SourceFile& file, Diagnostics& diags, TableReader& r, std::string_view key, std::string_view expected,
              std::vector<Expected<T>>& out, Read read) {
    const toml::table* t = r.table(key, Need::optional);
    if (!t) return;
    for (const auto& [k, v] : *t) {
        Expected<T> e;
        e.key = std::string(k.str());
        e.span = span_of(file, v);
        if (read(v, e)) out.push_back(std::move(e));
        else diags.error("E101", e.span, "'" + e.key + "' in '" + std::string(key) + "' must be " + std::string(expected) + ", not " + std::string(toml_type_name(v)));
    }
}

}  // namespace

std::string default_scenario_for(const std::string& transcript_path) {
    const std::string suffix = ".test.toml";
    if (transcript_path.size() > suffix.size() && transcript_path.ends_with(suffix))
        return transcript_path.substr(0, transcript_path.size() - suffix.size()) + ".toml";
    return (std::filesystem::path(transcript_path).parent_path() / "scenario.toml").string();
}

std::string transcript_path_for(const std::string& scenario_path) {
    const std::string suffix = ".toml";
    if (scenario_path.ends_with(suffix)) return scenario_path.substr(0, scenario_path.size() - suffix.size()) + ".test.toml";
    return scenario_path + ".test.toml";
}

std::optional<Transcript> load_transcript(const std::string& path, Diagnostics& diags) {
    auto file = read_source_file(path, diags);
    if (!file) return std::nullopt;
    auto root = parse_toml(*file, diags);
    if (!root) return std::nullopt;
    const std::size_t errors_before = diags.error_count();
    Transcript t;
    t.path = path;
    TableReader r(*file, diags, *root, "the transcript");
    if (auto sc = r.string("scenario", Need::optional, 1000)) {
        t.scenario_path = (std::filesystem::path(path).parent_path() / sc->value).lexically_normal().string();
        t.scenario_span = sc->span;
    } else {
        t.scenario_path = default_scenario_for(path);
        t.scenario_span = {path, 0, 0};
    }
    const auto outcome_words = outcome_names();
    for (const toml::table* ct : r.tables("case", Need::required, max_cases)) {
        TableReader cr(*file, diags, *ct, "a case");
        TranscriptCase c;
        c.span = cr.span();
        if (auto n = cr.string("name", Need::required, 200)) {
            c.name = n->value;
            cr.rename("case '" + c.name + "'");
        }
        if (auto seed = cr.integer("seed", Need::optional, 0, std::int64_t{1} << 53)) c.seed = static_cast<std::uint64_t>(*seed);
        for (auto& ch : cr.strings("choices", Need::required, 1, 200)) {
            if (c.choices.size() >= max_steps) break;
            c.choices.push_back({{}, ch.value, ch.span});
        }
        if (const toml::table* et = cr.table("expect", Need::optional)) {
            TableReader er(*file, diags, *et, "the expectations of case '" + c.name + "'");
            auto scenes = er.strings("scenes", Need::optional, 1, 200);
            if (!scenes.empty()) {
                Expected<std::vector<std::string>> e;
                e.span = er.key_span("scenes");
                for (auto& sc : scenes) e.value.push_back(sc.value);
                c.scenes = std::move(e);
            }
            if (auto e = er.id("ending", Need::optional)) c.ending = Expected<std::string>{{}, e->value, e->span};
            if (auto o = er.word("outcome", Need::optional, outcome_words)) c.outcome = Expected<std::string>{{}, o->value, o->span};
            read_map<std::int64_t>(*file, diags, er, "variables", "an integer or true/false", c.variables, [](const toml::node& v, Expected<std::int64_t>& e) {
                if (auto b = v.value_exact<bool>()) return e.value = *b ? 1 : 0, true;
                if (auto i = v.value_exact<std::int64_t>()) return e.value = *i, true;
                return false;
            });
            read_map<Rating>(*file, diags, er, "ratings", "a rating word", c.ratings, [&](const toml::node& v, Expected<Rating>& e) {
                const auto word = v.value_exact<std::string>();
                if (!word) return false;
                const auto rating = parse_rating(*word);
                if (rating) e.value = *rating;
                else diags.error("E102", e.span, "the rating of '" + e.key + "' cannot be " + quote_value(*word) + "; write exemplary, compliant, concern or violation");
                return true;
            });
            read_map<std::int64_t>(*file, diags, er, "percent", "a whole number", c.percent, [&](const toml::node& v, Expected<std::int64_t>& e) {
                const auto i = v.value_exact<std::int64_t>();
                if (!i) return false;
                if (*i < 0 || *i > 100) diags.error("E102", e.span, "the percentage for '" + e.key + "' must be from 0 to 100, not " + std::to_string(*i));
                e.value = *i;
                return true;
            });
            if (auto n = er.integer("critical", Need::optional, 0, 10000)) c.critical = Expected<std::int64_t>{{}, *n, er.key_span("critical")};
            er.finish();
        }
        cr.finish();
        t.cases.push_back(std::move(c));
    }
    if (t.cases.empty() && diags.error_count() == errors_before)
        diags.error("E100", r.span(), "the transcript has no [[case]]: add at least one, or run 'measured-cli test --record'");
    r.finish();
    if (diags.error_count() > errors_before) return std::nullopt;
    return t;
}

std::vector<CaseOutcome> run_transcript(const Transcript& t, const Scenario& s, const Catalogue* catalogue, Diagnostics& diags) {
    std::vector<CaseOutcome> results;
    const auto infos = s.variable_infos();
    for (const auto& c : t.cases) {
        const std::size_t before = diags.error_count();
        const std::string who = "case '" + c.name + "': ";
        Session session(s, c.seed);
        bool played = true;
        for (const auto& ch : c.choices) {
            if (session.finished()) {
                diags.error("E901", ch.span, who + "the run already ended at '" + session.ending()->id + "' before choice '" + ch.value + "'");
                played = false;
                break;
            }
            const StepResult step = ch.value == "timeout" ? session.time_out(0) : session.choose_id(ch.value, 0);
            if (!step.ok) {
                std::vector<std::string> offered;
                for (int i : session.available_choices()) offered.push_back(session.scene()->choices[static_cast<std::size_t>(i)].id);
                if (session.scene()->timeout) offered.push_back("timeout");
                diags.error("E901", ch.span, who + step.error + " (scene '" + session.scene()->id + "' offers " + join(offered, ", ") + ")");
                played = false;
                break;
            }
        }
        if (played) {
            if (c.scenes) {
                std::vector<std::string> visited;
                for (const auto& d : session.history()) visited.push_back(d.scene);
                visited.push_back(s.node_id(session.node()));
                const auto& want = c.scenes->value;
                const auto [a, b] = std::mismatch(want.begin(), want.end(), visited.begin(), visited.end());
                if (a != want.end() || b != visited.end()) {
                    const auto at = static_cast<std::size_t>(a - want.begin());
                    std::string msg = who + "the scenes differ at position " + std::to_string(at + 1) + ": expected " +
                                      (a == want.end() ? std::string("the run to stop") : "'" + *a + "'") + ", the run " +
                                      (b == visited.end() ? std::string("stopped") : "went to '" + *b + "'") + "; the run visited " +
                                      join(visited, " → ");
                    diags.error("E902", c.scenes->span, msg);
                }
            }
            const Ending* ending = session.ending();
            if (c.ending && (!ending || ending->id != c.ending->value))
                diags.error("E902", c.ending->span,
                            who + "expected the ending '" + c.ending->value + "', " +
                                (ending ? "the run reached '" + ending->id + "'" : "the run stopped in scene '" + session.scene()->id + "' without an ending"));
            if (c.outcome && (!ending || ending->outcome != c.outcome->value))
                diags.error("E902", c.outcome->span,
                            who + "expected the outcome '" + c.outcome->value + "', " + (ending ? "the ending's outcome is '" + ending->outcome + "'" : "no ending was reached"));
            for (const auto& v : c.variables) {
                const auto it = std::find_if(infos.begin(), infos.end(), [&](const VariableInfo& i) { return i.id == v.key; });
                if (it == infos.end()) {
                    std::vector<std::string_view> names;
                    for (const auto& i : infos) names.push_back(i.id);
                    diags.error("E202", v.span, who + "unknown variable '" + v.key + "'" + did_you_mean(v.key, names));
                    continue;
                }
                const bool boolean = it->type == ValueType::boolean;
                const std::int64_t actual = session.values()[static_cast<std::size_t>(it - infos.begin())];
                if (actual != v.value)
                    diags.error("E902", v.span, who + "expected " + v.key + " = " + value_text(v.value, boolean) + ", it is " + value_text(actual, boolean));
            }
            if (!c.ratings.empty() || !c.percent.empty() || c.critical) {
                const Debrief d = make_debrief(session, catalogue);
                auto find = [&](const std::string& id) {
                    return std::find_if(d.principles.begin(), d.principles.end(), [&](const PrincipleResult& p) { return p.principle == id; });
                };
                auto check = [&](const std::string& id, const Span& span) -> const PrincipleResult* {
                    const auto it = find(id);
                    if (it != d.principles.end()) return &*it;
                    diags.error("E902", span, who + "principle '" + id + "' was not rated in this run");
                    return nullptr;
                };
                for (const auto& r : c.ratings)
                    if (const auto* p = check(r.key, r.span); p && p->worst != r.value)
                        diags.error("E902", r.span,
                                    who + "expected the worst rating of '" + r.key + "' to be " + std::string(rating_name(r.value)) + ", it is " +
                                        std::string(rating_name(p->worst)));
                for (const auto& r : c.percent)
                    if (const auto* p = check(r.key, r.span); p && p->percent != r.value)
                        diags.error("E902", r.span,
                                    who + "expected " + std::to_string(r.value) + " % on '" + r.key + "', the run scored " + std::to_string(p->percent) + " %");
                if (c.critical && static_cast<std::int64_t>(d.critical.size()) != c.critical->value)
                    diags.error("E902", c.critical->span,
                                who + "expected " + std::to_string(c.critical->value) + " critical violation(s), the run had " + std::to_string(d.critical.size()));
            }
        }
        results.push_back({c.name, diags.error_count() == before});
    }
    return results;
}

std::string record_cases(const Scenario& s, const Catalogue* catalogue, const std::vector<std::string>& covered, std::vector<std::string>& missing) {
    const PathsReport paths = find_paths(s);
    const auto infos = s.variable_infos();
    std::string out;
    for (const auto& p : paths.endings) {
        const Ending& ending = s.ending(p.ending);
        if (std::find(covered.begin(), covered.end(), ending.id) != covered.end()) continue;
        if (!p.reached) {
            missing.push_back(ending.id + ": " + p.reason);
            continue;
        }
        const auto ids = route_choice_ids(s, p.steps);
        // A seed whose draws take the route's random outcomes (the draw is a pure function of the seed).
        std::optional<Session> found;
        for (std::uint64_t seed = 1; seed <= 100000 && !found; ++seed) {
            Session session(s, seed);
            bool ok = true;
            for (std::size_t i = 0; i < p.steps.size() && ok; ++i) {
                const StepResult r = ids[i] == "timeout" ? session.time_out(0) : session.choose_id(ids[i], 0);
                ok = r.ok;
                if (ok && p.steps[i].outcome >= 0) {
                    const Scene& sc = s.scene(p.steps[i].scene);
                    const Choice& c = p.steps[i].choice < 0 ? *sc.timeout : sc.choices[static_cast<std::size_t>(p.steps[i].choice)];
                    ok = session.history().back().outcome == c.outcomes[static_cast<std::size_t>(p.steps[i].outcome)].id;
                }
            }
            if (ok && session.ending() && session.ending()->id == ending.id) found = std::move(session);
        }
        if (!found) {
            missing.push_back(ending.id + ": no seed up to 100000 draws the random outcomes of its shortest route");
            continue;
        }
        const Session& session = *found;
        std::vector<std::string> scenes;
        for (const auto& d : session.history()) scenes.push_back(toml_quote(d.scene));
        scenes.push_back(toml_quote(ending.id));
        std::vector<std::string> choices;
        for (const auto& id : ids) choices.push_back(toml_quote(id));
        std::vector<std::string> vars, ratings, percent;
        for (std::size_t i = 0; i < infos.size(); ++i)
            vars.push_back(infos[i].id + " = " + value_text(session.values()[i], infos[i].type == ValueType::boolean));
        const Debrief d = make_debrief(session, catalogue);
        for (const auto& pr : d.principles) {
            ratings.push_back(pr.principle + " = " + toml_quote(rating_name(pr.worst)));
            percent.push_back(pr.principle + " = " + std::to_string(pr.percent));
        }
        out += "\n[[case]]\n";
        out += "name = " + toml_quote("shortest way to '" + ending.id + "' (" + ending.outcome + ")") + "\n";
        out += "seed = " + std::to_string(session.seed()) + "\n";
        out += "choices = [" + join(choices, ", ") + "]\n";
        out += "\n[case.expect]\n";
        out += "scenes = [" + join(scenes, ", ") + "]\n";
        out += "ending = " + toml_quote(ending.id) + "\n";
        out += "outcome = " + toml_quote(ending.outcome) + "\n";
        if (!vars.empty()) out += "variables = { " + join(vars, ", ") + " }\n";
        if (!ratings.empty()) out += "ratings = { " + join(ratings, ", ") + " }\n";
        if (!percent.empty()) out += "percent = { " + join(percent, ", ") + " }\n";
        out += "critical = " + std::to_string(d.critical.size()) + "\n";
    }
    return out;
}

}  // namespace measured
