// Session files.
#include "session_file.hpp"

#include "files.hpp"
#include "schema.hpp"
#include "text.hpp"

#include <charconv>
#include <cstdio>

namespace measured {

std::string toml_decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

void append_decision_fields(std::string& out, const Decision& d) {
    out += "scene = " + toml_quote(d.scene) + "\n";
    out += "choice = " + toml_quote(d.choice) + "\n";
    if (!d.outcome.empty()) out += "outcome = " + toml_quote(d.outcome) + "\n";
    out += "seconds = " + toml_decimal(d.seconds) + "\n";
    out += std::string("timed_out = ") + (d.timed_out ? "true" : "false") + "\n";
}

std::optional<double> read_seconds(const SourceFile& file, Diagnostics& diags, TableReader& t, std::string_view key,
                                   std::string_view code, double max) {
    const toml::node* n = t.node(key);
    if (!n) return std::nullopt;
    if (auto v = n->value<double>(); v && *v >= 0 && *v < max) return *v;
    diags.error(std::string(code), span_of(file, *n), "'" + std::string(key) + "' must be a number of seconds, 0 or more");
    return std::nullopt;
}

Decision read_decision_fields(const SourceFile& file, Diagnostics& diags, TableReader& t, std::string_view code) {
    Decision d;
    if (auto s = t.id("scene", Need::required)) d.scene = s->value;
    if (auto c = t.id("choice", Need::required)) d.choice = c->value;
    if (auto o = t.id("outcome", Need::optional)) d.outcome = o->value;
    d.seconds = read_seconds(file, diags, t, "seconds", code, 1e7).value_or(0);
    d.timed_out = t.boolean("timed_out", Need::optional).value_or(false);
    return d;
}

void read_seed(Diagnostics& diags, TableReader& t, std::string_view code, std::uint64_t& seed) {
    if (auto s = t.string("seed", Need::required, 30)) {
        auto [p, ec] = std::from_chars(s->value.data(), s->value.data() + s->value.size(), seed);
        if (ec != std::errc() || p != s->value.data() + s->value.size())
            diags.error(std::string(code), s->span, "the seed must be a whole number in quotes, not " + quote_value(s->value));
    }
}

void read_timer_scale(const SourceFile& file, Diagnostics& diags, TableReader& t, std::string_view code, double& scale) {
    if (const toml::node* ts = t.node("timer_scale")) {
        if (auto v = ts->value<double>(); v && *v >= 0 && *v <= 4) scale = *v;
        else diags.error(std::string(code), span_of(file, *ts), "'timer_scale' must be a number from 0 (timers off) to 4");
    }
}

std::string session_to_toml(const Session& s) {
    const Scenario& sc = s.scenario();
    std::string out;
    out += "# A Measured session: the seed and every decision, enough to replay it exactly.\n";
    out += "measured_session = " + std::to_string(session_file_version) + "\n";
    out += "scenario_id = " + toml_quote(sc.id) + "\n";
    out += "scenario_version = " + toml_quote(sc.version) + "\n";
    out += "scenario_fingerprint = " + toml_quote(hex64(sc.fingerprint)) + "\n";
    out += "scenario_path = " + toml_quote(sc.path) + "\n";
    out += "seed = " + toml_quote(std::to_string(s.seed())) + "\n";
    out += "timer_scale = " + toml_decimal(s.timer_scale) + "\n";
    if (!s.mode.empty()) out += "mode = " + toml_quote(s.mode) + "\n";
    for (const auto& d : s.history()) {
        out += "\n[[decision]]\n";
        append_decision_fields(out, d);
    }
    return out;
}

std::string save_session(const Session& s, const std::string& path) { return write_file_atomic(path, session_to_toml(s)); }

std::optional<SessionRecord> read_session_file(const std::string& path, Diagnostics& diags) {
    auto file = read_source_file(path, diags, {1024 * 1024});
    if (!file) return std::nullopt;
    return read_session_source(*file, diags);
}

std::optional<SessionRecord> read_session_source(const SourceFile& file, Diagnostics& diags) {
    auto root = parse_toml(file, diags);
    if (!root) return std::nullopt;
    const std::size_t errors_before = diags.error_count();
    TableReader r(file, diags, *root, "the session file");
    auto version = r.integer("measured_session", Need::required, 1, 1000);
    if (!version) {
        diags.error("E700", {file.path, 0, 0}, "this is not a Measured session file");
        return std::nullopt;
    }
    if (*version != session_file_version) {
        diags.error("E700", r.key_span("measured_session"),
                    "session format " + std::to_string(*version) + " is not supported; this version reads format " +
                        std::to_string(session_file_version));
        return std::nullopt;
    }
    SessionRecord rec;
    auto str = [&](std::string_view key, Need need) {
        auto l = r.string(key, need, 4000);
        return l ? l->value : std::string();
    };
    rec.scenario_id = str("scenario_id", Need::required);
    rec.scenario_version = str("scenario_version", Need::required);
    rec.scenario_fingerprint = str("scenario_fingerprint", Need::required);
    rec.scenario_path = str("scenario_path", Need::optional);
    read_seed(diags, r, "E700", rec.seed);
    read_timer_scale(file, diags, r, "E700", rec.timer_scale);
    if (auto m = r.word("mode", Need::optional, {"learn", "assess"})) rec.mode = m->value;
    for (const auto* t : r.tables("decision", Need::optional, 10000)) {
        TableReader dr(file, diags, *t, "a decision");
        Decision d = read_decision_fields(file, diags, dr, "E700");
        dr.finish();
        rec.decisions.push_back(std::move(d));
    }
    r.finish();
    if (diags.error_count() > errors_before) return std::nullopt;
    return rec;
}

std::optional<Session> restore_session(const Scenario& scenario, const SessionRecord& record, const std::string& path,
                                       Diagnostics& diags) {
    const Span where{path, 0, 0};
    if (record.scenario_id != scenario.id) {
        diags.error("E701", where, "this session was played on scenario '" + record.scenario_id + "', not '" + scenario.id + "'");
        return std::nullopt;
    }
    if (record.scenario_version != scenario.version) {
        diags.error("E702", where,
                    "this session was saved against version " + record.scenario_version + " of '" + scenario.id +
                        "'; the scenario is now version " + scenario.version + ", so the session cannot be resumed");
        return std::nullopt;
    }
    if (record.scenario_fingerprint != hex64(scenario.fingerprint)) {
        diags.error("E702", where,
                    "the scenario file '" + scenario.id + "' changed since this session was saved (same version " + scenario.version +
                        ", different content), so the session cannot be resumed safely; authors: bump 'version' when you edit a published scenario");
        return std::nullopt;
    }
    std::string error;
    auto s = Session::replay(scenario, record.seed, record.decisions, &error);
    if (!s) {
        diags.error("E703", where, "the recorded decisions do not replay: " + error);
        return std::nullopt;
    }
    s->timer_scale = record.timer_scale;
    s->mode = record.mode;
    return s;
}

}  // namespace measured
