// The scenario loader.
#include "loader.hpp"

#include "interpolate.hpp"
#include "schema.hpp"
#include "text.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace measured {
namespace {

const std::vector<std::string_view> difficulty_words{"introductory", "intermediate", "advanced"};
const std::vector<std::string_view> rating_words{"exemplary", "compliant", "concern", "violation"};

class Loader {
public:
    Loader(const SourceFile& file, Diagnostics& diags, ScenarioLimits limits) : file_(file), diags_(diags), limits_(limits) {}

    std::optional<Scenario> run();

private:
    void read_metadata(const toml::table& t);
    void read_variables(const toml::table& t);
    void read_scene(const toml::table& t);
    void read_ending(const toml::table& t);
    std::optional<Choice> read_choice(const toml::table& t, const std::string& scene_id, bool is_timeout);
    std::optional<Assessment> read_assessment(const toml::table& t, const std::string& where);
    std::optional<Outcome> read_outcome(const toml::table& t, const std::string& where);
    std::vector<Effect> read_effects(TableReader& r);
    std::optional<Target> read_target(TableReader& r, Need need);
    std::string text(TableReader& r, std::string_view key, Need need, std::size_t max_chars);
    std::vector<std::string> texts(TableReader& r, std::string_view key, Need need, std::size_t min_items = 0);
    void check_text(const Located& s);
    void resolve_targets();
    void check_ids();
    void check_variables_used();

    const SourceFile& file_;
    Diagnostics& diags_;
    ScenarioLimits limits_;
    Scenario s_;
    std::vector<VariableInfo> vars_;
    std::vector<int> used_vars_;
    std::vector<Span> scene_id_spans_, ending_id_spans_;
};

std::string value_or(const std::optional<Located>& l) { return l ? l->value : std::string(); }

std::optional<Scenario> Loader::run() {
    auto root = parse_toml(file_, diags_);
    if (!root) return std::nullopt;

    s_.path = file_.path;
    s_.folder = std::filesystem::path(file_.path).parent_path().string();
    s_.fingerprint = fnv1a64(file_.text);

    TableReader top(file_, diags_, *root, "the scenario file");
    if (auto f = top.integer("format", Need::required, 1, 1000)) {
        s_.format = static_cast<int>(*f);
        if (*f != 1)
            diags_.error("E106", top.key_span("format"),
                         "scenario format " + std::to_string(*f) + " is not supported; this version of Measured reads format 1");
    }
    const toml::table* meta = top.table("scenario", Need::required);
    const toml::table* variables = top.table("variables", Need::optional);
    const auto scenes = top.tables("scene", Need::required, limits_.max_nodes);
    const auto endings = top.tables("ending", Need::required, limits_.max_nodes);
    top.finish();
    // Over the limit, tables() reported E105 and returned nothing; going on would only add errors
    // about scenes that exist but were not read.
    for (const char* key : {"scene", "ending"})
        if (const auto* arr = root->get_as<toml::array>(key); arr && arr->size() > limits_.max_nodes) return s_;
    if (scenes.size() + endings.size() > limits_.max_nodes) {
        diags_.error("E105", top.span(),
                     "the scenario has " + std::to_string(scenes.size() + endings.size()) + " scenes and endings; the limit is " +
                         std::to_string(limits_.max_nodes));
        return s_;
    }

    // Variables first: text, conditions and effects refer to them.
    if (variables) read_variables(*variables);
    if (meta) read_metadata(*meta);
    for (const auto* t : scenes) read_scene(*t);
    for (const auto* t : endings) read_ending(*t);
    check_ids();
    resolve_targets();
    check_variables_used();
    return std::move(s_);
}

std::string Loader::text(TableReader& r, std::string_view key, Need need, std::size_t max_chars) {
    auto l = r.string(key, need, max_chars);
    if (!l) return {};
    check_text(*l);
    return l->value;
}

std::vector<std::string> Loader::texts(TableReader& r, std::string_view key, Need need, std::size_t min_items) {
    std::vector<std::string> out;
    for (auto& l : r.strings(key, need, min_items, limits_.max_text)) {
        check_text(l);
        out.push_back(std::move(l.value));
    }
    return out;
}

void Loader::check_text(const Located& s) {
    for (const auto& e : check_interpolation(s.value, vars_, used_vars_)) {
        const Span where = s.node ? span_in_string(file_, *s.node, e.offset) : s.span;
        diags_.error(e.code, where, e.message);
    }
}

void Loader::read_metadata(const toml::table& t) {
    TableReader r(file_, diags_, t, "[scenario]");
    s_.span = r.span();
    s_.id = value_or(r.id("id", Need::required));
    s_.title = value_or(r.string("title", Need::required, 120));
    s_.summary = value_or(r.string("summary", Need::required, 2000));
    s_.version = value_or(r.string("version", Need::required, 40));
    if (auto lang = r.string("language", Need::required, 35)) {
        // BCP 47 in the shape authors use: a 2–3 letter language, then subtags of 2–8 letters or digits.
        const std::string& v = lang->value;
        bool ok = !v.empty();
        std::size_t start = 0, index = 0;
        while (ok && start <= v.size()) {
            std::size_t end = v.find('-', start);
            if (end == std::string::npos) end = v.size();
            const std::string_view part(v.data() + start, end - start);
            const bool alnum = std::all_of(part.begin(), part.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            });
            const bool alpha = std::all_of(part.begin(), part.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
            ok = index == 0 ? (part.size() >= 2 && part.size() <= 3 && alpha) : (part.size() >= 1 && part.size() <= 8 && alnum);
            start = end + 1;
            ++index;
            if (end == v.size()) break;
        }
        if (!ok) diags_.error("E102", lang->span, "'language' must be a BCP 47 tag such as \"en\", \"fr\" or \"pt-BR\", not " + quote_value(v));
        else s_.language = v;
    }
    for (auto& a : r.strings("authors", Need::required, 1, 200)) s_.authors.push_back(a.value);
    s_.license = value_or(r.string("license", Need::required, 80));
    if (auto m = r.integer("minutes", Need::required, 1, 600)) s_.minutes = static_cast<int>(*m);
    if (auto d = r.word("difficulty", Need::required, difficulty_words))
        s_.difficulty = d->value == "introductory" ? Difficulty::introductory
                        : d->value == "intermediate" ? Difficulty::intermediate
                                                     : Difficulty::advanced;
    for (auto& a : r.strings("audience", Need::required, 1, 60)) s_.audience.push_back(a.value);
    for (auto& a : r.strings("topics", Need::required, 1, 60)) s_.topics.push_back(a.value);
    for (auto& a : r.strings("objectives", Need::required, 1, 1000)) s_.objectives.push_back(a.value);
    for (auto& w : r.strings("content_warnings", Need::optional, 0, 60)) {
        const auto& names = content_warning_names();
        if (std::find(names.begin(), names.end(), w.value) == names.end()) {
            std::string list;
            for (std::size_t i = 0; i < names.size(); ++i) list += (i ? ", " : "") + std::string(names[i]);
            diags_.error("E102", w.span, "unknown content warning " + quote_value(w.value) + did_you_mean(w.value, names) + "; use one of: " + list);
        } else {
            s_.content_warnings.push_back(w.value);
        }
    }
    s_.role = value_or(r.string("role", Need::required, 80));
    if (auto st = r.id("start", Need::required)) {
        s_.start = st->value;
        s_.start_span = st->span;
    }
    s_.discussion = texts(r, "discussion", Need::optional);
    s_.trainer_notes = value_or(r.string("trainer_notes", Need::optional, limits_.max_text));
    s_.author_note = value_or(r.string("author_note", Need::optional, limits_.max_text));
    for (const auto* src : r.tables("source", Need::optional, 100)) {
        TableReader sr(file_, diags_, *src, "a [[scenario.source]]");
        Source so;
        so.title = value_or(sr.string("title", Need::required, 300));
        so.detail = value_or(sr.string("detail", Need::optional, 1000));
        so.url = value_or(sr.string("url", Need::optional, 500));
        sr.finish();
        s_.sources.push_back(std::move(so));
    }
    r.finish();
}

void Loader::read_variables(const toml::table& t) {
    // Declaration order is the order a reader sees; toml++ keeps keys sorted, so sort by line.
    std::vector<std::pair<std::string, const toml::node*>> entries;
    for (auto&& [k, v] : t) entries.emplace_back(std::string(k.str()), &v);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        const auto& x = a.second->source().begin;
        const auto& y = b.second->source().begin;
        return x.line != y.line ? x.line < y.line : x.column < y.column;
    });
    if (entries.size() > limits_.max_variables) {
        diags_.error("E105", span_of(file_, t),
                     "the scenario declares " + std::to_string(entries.size()) + " variables; the limit is " + std::to_string(limits_.max_variables));
        return;
    }
    for (const auto& [name, node] : entries) {
        const Span where = span_of(file_, *node);
        if (!is_valid_id(name) || name == "and" || name == "or" || name == "not" || name == "true" || name == "false") {
            diags_.error("E104", where, "variable name " + quote_value(name) +
                                            " is not a valid id; use lowercase letters, digits, '-' or '_', and not and/or/not/true/false");
            continue;
        }
        const auto* vt = node->as_table();
        if (!vt) {
            diags_.error("E101", where, "variable '" + name + "' must be a table such as { type = \"int\", initial = 0, min = 0, max = 10 }");
            continue;
        }
        TableReader r(file_, diags_, *vt, "variable '" + name + "'");
        Variable v;
        v.info.id = name;
        v.span = where;
        auto type = r.word("type", Need::required, {"int", "bool"});
        v.label = value_or(r.string("label", Need::optional, 80));
        if (v.label.empty()) v.label = name;
        v.description = value_or(r.string("description", Need::optional, 1000));
        bool ok = type.has_value();
        if (type && type->value == "bool") {
            v.info.type = ValueType::boolean;
            v.info.min = 0;
            v.info.max = 1;
            if (auto init = r.boolean("initial", Need::required)) v.initial = *init ? 1 : 0;
            else ok = false;
            for (auto key : {"min", "max"})
                if (vt->contains(key)) diags_.error("E102", r.key_span(key), "variable '" + name + "' is a bool; '" + key + "' applies to ints only");
            (void)r.node("min");
            (void)r.node("max");
        } else if (type) {
            v.info.type = ValueType::integer;
            auto lo = r.integer("min", Need::required, -max_magnitude, max_magnitude);
            auto hi = r.integer("max", Need::required, -max_magnitude, max_magnitude);
            auto init = r.integer("initial", Need::required, -max_magnitude, max_magnitude);
            if (lo && hi && *lo > *hi) {
                diags_.error("E102", r.key_span("min"), "variable '" + name + "' has min " + std::to_string(*lo) + " above max " + std::to_string(*hi));
                ok = false;
            }
            if (lo && hi && init && (*init < *lo || *init > *hi)) {
                diags_.error("E102", r.key_span("initial"),
                             "variable '" + name + "' starts at " + std::to_string(*init) + ", outside its range " + std::to_string(*lo) + "…" +
                                 std::to_string(*hi));
                ok = false;
            }
            if (!lo || !hi || !init) ok = false;
            if (ok) {
                v.info.min = *lo;
                v.info.max = *hi;
                v.initial = *init;
            }
        }
        r.finish();
        if (!ok) continue;
        vars_.push_back(v.info);
        s_.variables.push_back(std::move(v));
    }
}

std::optional<Target> Loader::read_target(TableReader& r, Need need) {
    auto t = r.id("target", need);
    if (!t) return std::nullopt;
    return Target{t->value, t->span, -1};
}

std::vector<Effect> Loader::read_effects(TableReader& r) {
    std::vector<Effect> out;
    for (const auto& l : r.strings("effects", Need::optional, 0, 2000)) {
        auto res = parse_effect(l.value, vars_);
        for (const auto& e : res.errors) diags_.error(e.code, span_in_string(file_, *l.node, e.offset), e.message);
        if (!res.effect) continue;
        const auto& var = vars_[static_cast<std::size_t>(res.effect->variable)];
        used_vars_.push_back(res.effect->variable);
        for (const auto& n : res.effect->value.nodes)
            if (n.op == ExprNode::Op::variable) used_vars_.push_back(static_cast<int>(n.value));
        if (res.effect->op == Effect::Op::assign && var.type == ValueType::integer) {
            const Interval iv = interval_of(res.effect->value, vars_);
            if (iv.hi < var.min || iv.lo > var.max) {
                const auto eq = l.value.find('=');
                diags_.error("E304", span_in_string(file_, *l.node, eq == std::string::npos ? 0 : eq + 1),
                             "'" + var.id + "' ranges over " + std::to_string(var.min) + "…" + std::to_string(var.max) +
                                 "; this value is always outside it");
            }
        }
        out.push_back(std::move(*res.effect));
    }
    return out;
}

std::optional<Assessment> Loader::read_assessment(const toml::table& t, const std::string& where) {
    TableReader r(file_, diags_, t, "an assessment of " + where);
    Assessment a;
    a.span = r.span();
    auto principle = r.id("principle", Need::required);
    auto rating = r.word("rating", Need::required, rating_words);
    a.feedback = text(r, "feedback", Need::required, limits_.max_text);
    const toml::node* cite_node = t.get("cite");
    for (auto& c : r.strings("cite", Need::optional, 0, 200)) a.cites.push_back({c.value, c.span});
    a.critical = r.boolean("critical", Need::optional).value_or(false);
    if (auto hf = r.id("hard_fail", Need::optional)) {
        a.hard_fail = hf->value;
        a.hard_fail_span = hf->span;
        a.critical = true;
    }
    r.finish();
    if (!principle || !rating) return std::nullopt;
    a.principle = principle->value;
    a.principle_span = principle->span;
    a.rating = *parse_rating(rating->value);
    if (a.cites.empty() && (!cite_node || cite_node->is_array()))
        diags_.error("E206", cite_node ? span_of(file_, *cite_node) : a.span,
                     "the assessment of '" + a.principle + "' in " + where + " cites no provision; every rating needs its grounds");
    if (a.critical && a.rating != Rating::violation)
        diags_.error("E102", r.key_span(a.hard_fail.empty() ? "critical" : "hard_fail"),
                     "'" + std::string(a.hard_fail.empty() ? "critical" : "hard_fail") +
                         "' marks grave violations; this assessment is rated '" + std::string(rating_name(a.rating)) + "'");
    return a;
}

std::optional<Outcome> Loader::read_outcome(const toml::table& t, const std::string& where) {
    TableReader r(file_, diags_, t, "an outcome of " + where);
    Outcome o;
    o.span = r.span();
    auto id = r.id("id", Need::required);
    auto w = r.integer("weight", Need::required, 1, 1000);
    auto target = read_target(r, Need::required);
    o.effects = read_effects(r);
    o.narration = text(r, "narration", Need::optional, limits_.max_text);
    r.finish();
    if (!id || !w || !target) return std::nullopt;
    o.id = id->value;
    o.weight = static_cast<int>(*w);
    o.target = *target;
    return o;
}

std::optional<Choice> Loader::read_choice(const toml::table& t, const std::string& scene_id, bool is_timeout) {
    const std::string where = is_timeout ? "the timeout of scene '" + scene_id + "'" : "a choice in scene '" + scene_id + "'";
    TableReader r(file_, diags_, t, where);
    Choice c;
    c.span = r.span();
    std::optional<Located> id;
    if (is_timeout) {
        c.id = "timeout";
    } else {
        id = r.id("id", Need::required);
        if (id) {
            c.id = id->value;
            r.rename("choice '" + c.id + "' in scene '" + scene_id + "'");
        }
        c.label = text(r, "label", Need::required, 200);
        if (auto cond = r.string("condition", Need::optional, 2000)) {
            c.condition_text = cond->value;
            c.condition_span = cond->span;
            auto res = parse_expression(cond->value, vars_);
            for (const auto& e : res.errors) diags_.error(e.code, span_in_string(file_, *cond->node, e.offset), e.message);
            if (res.expr && res.expr->type != ValueType::boolean) {
                diags_.error("E302", cond->span, "a condition must be true or false; this is a number (compare it: 'tension > 3')");
            } else if (res.expr) {
                for (const auto& n : res.expr->nodes)
                    if (n.op == ExprNode::Op::variable) used_vars_.push_back(static_cast<int>(n.value));
                const Interval iv = interval_of(*res.expr, vars_);
                if (iv.hi == 0)
                    diags_.warning("W303", cond->span, "this condition is always false given the variables' ranges, so the choice is never offered");
                c.condition = std::move(res.expr);
            }
        }
    }
    const std::string named = is_timeout ? where : "choice '" + c.id + "' in scene '" + scene_id + "'";
    auto target = read_target(r, Need::optional);
    c.effects = read_effects(r);
    c.narration = text(r, "narration", Need::optional, limits_.max_text);
    for (const auto* at : r.tables("assessment", Need::optional, 20)) {
        if (auto a = read_assessment(*at, named)) {
            for (const auto& other : c.assessments)
                if (other.principle == a->principle)
                    diags_.error("E200", a->principle_span, named + " assesses '" + a->principle + "' twice");
            c.assessments.push_back(std::move(*a));
        }
    }
    for (const auto* ot : r.tables("outcome", Need::optional, limits_.max_outcomes)) {
        if (auto o = read_outcome(*ot, named)) {
            for (const auto& other : c.outcomes)
                if (other.id == o->id) diags_.error("E200", o->span, named + " has two outcomes with id '" + o->id + "'");
            c.outcomes.push_back(std::move(*o));
        }
    }
    const bool has_outcome_key = t.contains("outcome");
    if (target && has_outcome_key)
        diags_.error("E102", target->span, named + " has both 'target' and random outcomes; the outcomes decide where it leads, so remove 'target'");
    else if (!target && !has_outcome_key)
        diags_.error("E100", c.span, named + " has no 'target' (or [[…outcome]] list), so it leads nowhere");
    if (target) c.target = *target;
    r.finish();
    if (!is_timeout && !id) return std::nullopt;
    return c;
}

void Loader::read_scene(const toml::table& t) {
    TableReader r(file_, diags_, t, "a scene");
    Scene sc;
    sc.span = r.span();
    auto id = r.id("id", Need::required);
    if (id) {
        sc.id = id->value;
        r.rename("scene '" + sc.id + "'");
    }
    sc.title = text(r, "title", Need::optional, 120);
    sc.text = text(r, "text", Need::required, limits_.max_text);
    if (auto img = r.string("image", Need::optional, 300)) {
        sc.image = img->value;
        sc.image_span = img->span;
        sc.image_alt = value_or(r.string("image_alt", Need::required, 1000));
    } else {
        sc.image_alt = value_or(r.string("image_alt", Need::optional, 1000));
        if (!sc.image_alt.empty()) diags_.warning("W101", r.key_span("image_alt"), "scene '" + sc.id + "' has 'image_alt' but no 'image'");
    }
    if (const toml::node* d = r.node("dialogue")) {
        const auto* arr = d->as_array();
        if (!arr) {
            diags_.error("E101", span_of(file_, *d), "'dialogue' in scene '" + sc.id + "' must be an array of { speaker = …, text = … }");
        } else {
            for (const auto& item : *arr) {
                const auto* lt = item.as_table();
                if (!lt) {
                    diags_.error("E101", span_of(file_, item), "each dialogue line must be a table { speaker = \"…\", text = \"…\" }");
                    continue;
                }
                TableReader lr(file_, diags_, *lt, "a dialogue line of scene '" + sc.id + "'");
                DialogueLine line;
                line.speaker = value_or(lr.string("speaker", Need::required, 80));
                line.text = text(lr, "text", Need::required, 4000);
                lr.finish();
                sc.dialogue.push_back(std::move(line));
            }
        }
    }
    sc.facts = texts(r, "facts", Need::optional);
    if (auto tl = r.integer("time_limit", Need::optional, 3, 600)) sc.time_limit = static_cast<int>(*tl);
    const toml::table* timeout = r.table("timeout", Need::optional);
    if (sc.time_limit > 0 && !timeout && !t.contains("timeout"))
        diags_.error("E100", r.key_span("time_limit"), "scene '" + sc.id + "' has a time limit but no [scene.timeout]: say what happens when time runs out");
    if (timeout && !t.contains("time_limit"))
        diags_.error("E102", span_of(file_, *timeout), "scene '" + sc.id + "' has a [scene.timeout] but no 'time_limit'");
    if (timeout) sc.timeout = read_choice(*timeout, sc.id, true);
    sc.discussion = texts(r, "discussion", Need::optional);
    sc.trainer_notes = value_or(r.string("trainer_notes", Need::optional, limits_.max_text));
    const auto choice_tables = r.tables("choice", Need::required, 1000);
    if (choice_tables.size() > limits_.max_choices)
        diags_.error("E105", r.key_span("choice"),
                     "scene '" + sc.id + "' has " + std::to_string(choice_tables.size()) + " choices; the limit is " +
                         std::to_string(limits_.max_choices) + " (keys 1–9)");
    else if (choice_tables.empty() && t.contains("choice"))
        diags_.error("E102", r.key_span("choice"), "scene '" + sc.id + "' needs at least one choice");
    for (std::size_t i = 0; i < choice_tables.size() && i < limits_.max_choices; ++i) {
        if (auto c = read_choice(*choice_tables[i], sc.id, false)) {
            for (const auto& other : sc.choices)
                if (other.id == c->id) diags_.error("E200", c->span, "scene '" + sc.id + "' has two choices with id '" + c->id + "'");
            sc.choices.push_back(std::move(*c));
        }
    }
    r.finish();
    if (!id) return;
    scene_id_spans_.push_back(id->span);
    s_.scenes.push_back(std::move(sc));
}

void Loader::read_ending(const toml::table& t) {
    TableReader r(file_, diags_, t, "an ending");
    Ending e;
    e.span = r.span();
    auto id = r.id("id", Need::required);
    if (id) {
        e.id = id->value;
        r.rename("ending '" + e.id + "'");
    }
    e.title = text(r, "title", Need::required, 120);
    e.outcome = value_or(r.word("outcome", Need::required, outcome_names()));
    e.text = text(r, "text", Need::required, limits_.max_text);
    e.debrief = text(r, "debrief", Need::required, limits_.max_text);
    if (auto img = r.string("image", Need::optional, 300)) {
        e.image = img->value;
        e.image_span = img->span;
        e.image_alt = value_or(r.string("image_alt", Need::required, 1000));
    } else {
        e.image_alt = value_or(r.string("image_alt", Need::optional, 1000));
    }
    e.discussion = texts(r, "discussion", Need::optional);
    e.trainer_notes = value_or(r.string("trainer_notes", Need::optional, limits_.max_text));
    if (t.contains("choice"))
        diags_.error("E102", r.key_span("choice"), "ending '" + e.id + "' has choices; an ending ends the scenario (make it a [[scene]] instead)");
    r.finish({"choice"});
    if (!id) return;
    ending_id_spans_.push_back(id->span);
    s_.endings.push_back(std::move(e));
}

void Loader::check_ids() {
    std::map<std::string, Span> seen;
    auto check = [&](const std::string& id, const Span& span) {
        auto [it, inserted] = seen.emplace(id, span);
        if (!inserted)
            diags_.error("E200", span,
                         "id '" + id + "' is already used by the scene or ending at line " + std::to_string(it->second.line) +
                             "; scenes and endings share one set of ids");
    };
    for (std::size_t i = 0; i < s_.scenes.size(); ++i) check(s_.scenes[i].id, scene_id_spans_[i]);
    for (std::size_t i = 0; i < s_.endings.size(); ++i) check(s_.endings[i].id, ending_id_spans_[i]);
}

void Loader::resolve_targets() {
    std::map<std::string, int, std::less<>> index;
    for (int n = s_.node_count() - 1; n >= 0; --n) index[s_.node_id(n)] = n;  // first definition wins
    std::vector<std::string_view> names;
    for (const auto& [k, v] : index) names.push_back(k);
    auto resolve = [&](Target& t, const std::string& where) {
        if (t.id.empty()) return;   // missing or malformed: E100/E101 said so where it was read
        auto it = index.find(t.id);
        if (it == index.end()) {
            diags_.error("E201", t.span, where + " leads to '" + t.id + "', which is neither a scene nor an ending" + did_you_mean(t.id, names));
            return;
        }
        t.node = it->second;
    };
    for (auto& sc : s_.scenes) {
        for_each_choice(sc, [&](Choice& c, int index) {
            const std::string where = index < 0 ? "the timeout of scene '" + sc.id + "'" : "choice '" + c.id + "' in scene '" + sc.id + "'";
            if (c.outcomes.empty()) resolve(c.target, where);
            for (auto& o : c.outcomes) resolve(o.target, "outcome '" + o.id + "' of " + where);
        });
    }
    if (!s_.start.empty()) {
        auto it = index.find(s_.start);
        if (it == index.end())
            diags_.error("E201", s_.start_span, "'start' names '" + s_.start + "', which is not a scene" + did_you_mean(s_.start, names));
        else if (s_.is_ending(it->second))
            diags_.error("E102", s_.start_span, "'start' names ending '" + s_.start + "'; the first scene must be a [[scene]]");
    }
}

void Loader::check_variables_used() {
    std::set<int> used(used_vars_.begin(), used_vars_.end());
    for (std::size_t i = 0; i < s_.variables.size(); ++i) {
        if (!used.count(static_cast<int>(i)))
            diags_.warning("W311", s_.variables[i].span,
                           "variable '" + s_.variables[i].info.id + "' is never used in a condition, an effect or a text");
    }
}

}  // namespace

std::optional<Scenario> load_scenario_source(const SourceFile& file, Diagnostics& diags, ScenarioLimits limits) {
    return Loader(file, diags, limits).run();
}

std::optional<Scenario> load_scenario(const std::string& path, Diagnostics& diags, ScenarioLimits limits) {
    auto file = read_source_file(path, diags);
    if (!file) return std::nullopt;
    return load_scenario_source(*file, diags, limits);
}

}  // namespace measured
