#include "targets.hpp"

#include "catalogue.hpp"
#include "debrief.hpp"
#include "expr.hpp"
#include "loader.hpp"
#include "session.hpp"
#include "session_file.hpp"
#include "toml_source.hpp"
#include "validator.hpp"
#include "workshop.hpp"
#include "workshop_report.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace measured::fuzz {
namespace {

// A property that must hold for every input; a violation is a finding.
void require(bool holds, const char* what) {
    if (holds) return;
    std::fprintf(stderr, "measured fuzz: property violated: %s\n", what);
    std::abort();
}

std::string text_of(Bytes data) { return {reinterpret_cast<const char*>(data.data()), data.size()}; }

std::string source_path(std::string_view relative) { return std::string(MEASURED_SOURCE_DIR) + "/" + std::string(relative); }

// The bundled standards catalogue, loaded once.
const Catalogue& standards() {
    static const Catalogue c = [] {
        Diagnostics d;
        Catalogue loaded = load_catalogue(source_path("assets/standards"), d);
        require(!d.has_errors(), "the bundled catalogue loads without errors");
        return loaded;
    }();
    return c;
}

// The scenario that session files and workshop records are restored on, loaded once.
const Scenario& golden() {
    static const Scenario s = [] {
        Diagnostics d;
        auto loaded = load_scenario(source_path("tests/data/golden/scenario.toml"), d);
        require(loaded && !d.has_errors(), "the golden scenario loads without errors");
        return *loaded;
    }();
    return s;
}

// What every diagnostic must look like, whatever the input: a documented code whose letter matches
// its severity, a message, and a place inside the file.
void check_diagnostics(const Diagnostics& diags, const SourceFile& file) {
    const auto lines = static_cast<std::uint32_t>(std::count(file.text.begin(), file.text.end(), '\n') + 1);
    for (const auto& d : diags.items()) {
        require(d.code.size() == 4 && (d.code[0] == 'E' || d.code[0] == 'W'), "a diagnostic code is E or W and three digits");
        require(std::all_of(d.code.begin() + 1, d.code.end(), [](char c) { return c >= '0' && c <= '9'; }), "a diagnostic code ends in digits");
        require((d.code[0] == 'E') == (d.severity == Severity::error), "a diagnostic's code letter matches its severity");
        require(!d.message.empty(), "a diagnostic has a message");
        require(d.span.path == file.path || d.span.path.empty(), "a diagnostic names the file read");
        require(d.span.line <= lines, "a diagnostic's line is inside the file");
        require(!format_diagnostic(d).empty(), "a diagnostic formats");
    }
}

bool same_history(const std::vector<Decision>& a, const std::vector<Decision>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Decision& x, const Decision& y) {
        return x.scene == y.scene && x.choice == y.choice && x.outcome == y.outcome && x.timed_out == y.timed_out &&
               toml_decimal(x.seconds) == toml_decimal(y.seconds);
    });
}

// Saves a session, reads the save back and restores it on the same scenario: nothing may be lost.
void check_session_round_trip(const Session& s, const Scenario& scenario) {
    const SourceFile saved{"saved.toml", session_to_toml(s)};
    Diagnostics d;
    auto record = read_session_source(saved, d);
    require(record.has_value() && !d.has_errors(), "a saved session reads back");
    auto restored = restore_session(scenario, *record, saved.path, d);
    require(restored.has_value() && !d.has_errors(), "a saved session restores");
    require(same_history(restored->history(), s.history()), "a restored session has the saved history");
    require(restored->node() == s.node(), "a restored session is at the saved scene");
    require(session_to_toml(*restored) == saved.text, "a restored session saves the same bytes");
}

}  // namespace

void scenario(Bytes data) {
    const SourceFile file{source_path("tests/fuzz/scenario/input.toml"), text_of(data)};
    Diagnostics diags;
    auto s = load_scenario_source(file, diags);
    require(s.has_value() || diags.has_errors(), "a file that gives no scenario reports an error");
    if (s) validate(*s, diags, {&standards(), 20000});
    diags.sort();
    check_diagnostics(diags, file);
    if (!s || diags.has_errors()) return;

    // A clean scenario plays: always the first choice on offer, or the timeout when none is.
    Session session(*s, 7);
    for (int step = 0; step < 300 && !session.finished(); ++step) {
        const Scene* scene = session.scene();
        std::string shown = session.render(scene->text);
        for (const auto& line : scene->dialogue) shown += session.render(line.text);
        const auto offered = session.available_choices();
        for (int i : offered) shown += session.render(scene->choices[static_cast<std::size_t>(i)].label);
        StepResult r;
        if (!offered.empty()) {
            r = session.choose(offered[static_cast<std::size_t>(step) % offered.size()], 0.5);
        } else if (scene->timeout) {
            r = session.time_out(0.5);
        } else {
            break;   // a dead end: the validator warns about it
        }
        require(r.ok, "a choice on offer can be made");
    }
    if (session.finished()) (void)session.render(session.ending()->text);
    const Debrief debrief = make_debrief(session, &standards());
    (void)debrief;
    check_session_round_trip(session, *s);
}

void expression(Bytes data) {
    const std::string text = text_of(data);
    const std::array<VariableInfo, 4> vars{{
        {"trust", ValueType::integer, 0, 5},
        {"calm", ValueType::boolean, 0, 1},
        {"n", ValueType::integer, -max_magnitude, max_magnitude},
        {"level", ValueType::integer, -3, 3},
    }};
    const std::array<std::array<std::int64_t, 4>, 6> samples{{
        {0, 0, -max_magnitude, -3},
        {5, 1, max_magnitude, 3},
        {0, 1, max_magnitude, -3},
        {5, 0, -max_magnitude, 3},
        {2, 1, 17, 0},
        {1, 0, -5, 2},
    }};
    const ExprLimits roomy{1'000'000, 100'000};

    const ExprResult parsed = parse_expression(text, vars);
    require(parsed.expr.has_value() != !parsed.errors.empty(), "an expression either parses or has errors");
    for (const auto& e : parsed.errors) require(e.offset <= text.size(), "an expression error points inside the text");
    if (parsed.expr) {
        const Expr& e = *parsed.expr;
        const std::string printed = expression_text(e, e.root, vars);
        const ExprResult again = parse_expression(printed, vars, roomy);
        require(again.expr.has_value(), "a printed expression parses");
        require(again.expr->type == e.type, "a printed expression has the same type");
        const Interval range = interval_of(e, vars);
        require(range.lo <= range.hi, "an interval is not empty");
        for (const auto& values : samples) {
            const std::int64_t v = evaluate(e, values);
            require(evaluate(*again.expr, values) == v, "a printed expression has the same value");
            require(range.lo <= v && v <= range.hi, "a value lies within the expression's interval");
            if (e.type == ValueType::boolean) {
                require(v == 0 || v == 1, "a condition is true or false");
                require(explain_false(e, vars, values).empty() == (v == 1), "a condition explains itself exactly when it is false");
            }
        }
    }

    const EffectResult effect = parse_effect(text, vars);
    require(effect.effect.has_value() != !effect.errors.empty(), "an effect either parses or has errors");
    for (const auto& e : effect.errors) require(e.offset <= text.size(), "an effect error points inside the text");
    if (effect.effect) {
        for (auto values : samples) {
            apply_effect(*effect.effect, vars, values);
            for (std::size_t i = 0; i < vars.size(); ++i)
                require(vars[i].min <= values[i] && values[i] <= vars[i].max, "an effect keeps every variable within its range");
        }
    }
}

namespace {
// The title of the first provision the input file added, or "".
std::string first_added_title(const Catalogue& c, const std::string& path) {
    for (const auto& ins : c.instruments)
        if (ins.path == path && !ins.provisions.empty()) return c.provisions[ins.provisions.front()].title;
    return {};
}

// The scoring principles and hard-fail rules alone (principles.toml), loaded once: what an
// instrument file's provisions refer to.
const Catalogue& principles_only() {
    static const Catalogue c = [] {
        Diagnostics d;
        Catalogue loaded;
        loaded.load_file(source_path("assets/standards/principles.toml"), d);
        return loaded;
    }();
    return c;
}
}  // namespace

void catalogue(Bytes data) {
    const SourceFile file{source_path("assets/standards/input.toml"), text_of(data)};
    Catalogue c = principles_only();   // so the file's references to principles meet real ones
    Diagnostics diags;
    c.load_source(file, diags);
    c.index();
    c.check(diags);
    c.check_unused({}, diags);
    Diagnostics own;   // the cross-file checks may also point into principles.toml
    for (const auto& d : diags.items())
        if (d.span.path == file.path || d.span.path.empty()) own.add(d);
    check_diagnostics(own, file);
    for (const auto& p : c.provisions) {
        require(!c.citation_label(p.id).empty(), "every provision has a citation label");
        (void)c.source_of(p);
    }
    // A search scans the whole catalogue: one per input, for the title of the file's first provision.
    if (const std::string title = first_added_title(c, file.path); !title.empty())
        require(!c.search(title).empty(), "a provision is found by its own title");
}

void session(Bytes data) {
    const SourceFile file{"session.toml", text_of(data)};
    Diagnostics diags;
    auto record = read_session_source(file, diags);
    require(record.has_value() != diags.has_errors(), "a session file either reads or has errors");
    check_diagnostics(diags, file);
    if (!record) return;
    auto restored = restore_session(golden(), *record, file.path, diags);
    require(restored.has_value() != diags.has_errors(), "a session either restores or has errors");
    if (!restored) return;
    check_session_round_trip(*restored, golden());
}

void workshop(Bytes data) {
    const SourceFile file{"workshop.toml", text_of(data)};
    Diagnostics diags;
    auto record = read_workshop_source(file, diags);
    require(record.has_value() != diags.has_errors(), "a workshop record either reads or has errors");
    check_diagnostics(diags, file);
    if (!record) return;

    const SourceFile written{"written.toml", workshop_to_toml(*record)};
    Diagnostics again;
    auto reread = read_workshop_source(written, again);
    require(reread.has_value() && !again.has_errors(), "a record that reads writes back to one that reads");
    require(workshop_to_toml(*reread) == written.text, "a record writes back the same bytes");

    auto group = make_group_debrief(golden(), &standards(), *record, file.path, diags);
    require(group.has_value() != diags.has_errors(), "a record either replays or has errors");
    if (!group) return;
    require(!workshop_markdown(*group, &standards()).empty(), "a group debrief exports to Markdown");
    require(!workshop_html(*group, &standards()).empty(), "a group debrief exports to HTML");
    require(!workshop_json(*group, &standards()).empty(), "a group debrief exports to JSON");
}

}  // namespace measured::fuzz
