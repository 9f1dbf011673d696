// Session files.
#include "session_file.hpp"

#include "files.hpp"
#include "schema.hpp"
#include "text.hpp"

#include <charconv>
#include <cstdio>

namespace measured {

namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

}  // namespace

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
    out += "timer_scale = " + number(s.timer_scale) + "\n";
    if (!s.mode.empty()) out += "mode = " + toml_quote(s.mode) + "\n";
    for (const auto& d : s.history()) {
        out += "\n[[decision]]\n";
        out += "scene = " + toml_quote(d.scene) + "\n";
        out += "choice = " + toml_quote(d.choice) + "\n";
        if (!d.outcome.empty()) out += "outcome = " + toml_quote(d.outcome) + "\n";
        out += "seconds = " + number(d.seconds) + "\n";
        out += std::string("timed_out = ") + (d.timed_out ? "true" : "false") + "\n";
    }
    return out;
}

std::string save_session(const Session& s, const std::string& path) { return write_file_atomic(path, session_to_toml(s)); }

std::optional<SessionRecord> read_session_file(const std::string& path, Diagnostics& diags) {
    auto file = read_source_file(path, diags, {1024 * 1024});
    if (!file) return std::nullopt;
    auto root = parse_toml(*file, diags);
    if (!root) return std::nullopt;
    const std::size_t errors_before = diags.error_count();
    TableReader r(*file, diags, *root, "the session file");
    auto version = r.integer("measured_session", Need::required, 1, 1000);
    if (!version) {
        diags.error("E700", {path, 0, 0}, "this is not a Measured session file");
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
    if (auto seed = r.string("seed", Need::required, 30)) {
        auto [p, ec] = std::from_chars(seed->value.data(), seed->value.data() + seed->value.size(), rec.seed);
        if (ec != std::errc() || p != seed->value.data() + seed->value.size())
            diags.error("E700", seed->span, "the seed must be a whole number in quotes, not " + quote_value(seed->value));
    }
    if (const toml::node* ts = r.node("timer_scale")) {
        if (auto v = ts->value<double>(); v && *v >= 0 && *v <= 4) rec.timer_scale = *v;
        else diags.error("E700", span_of(*file, *ts), "'timer_scale' must be a number from 0 (timers off) to 4");
    }
    if (auto m = r.word("mode", Need::optional, {"learn", "assess"})) rec.mode = m->value;
    for (const auto* t : r.tables("decision", Need::optional, 10000)) {
        TableReader dr(*file, diags, *t, "a decision");
        Decision d;
        if (auto s = dr.id("scene", Need::required)) d.scene = s->value;
        if (auto c = dr.id("choice", Need::required)) d.choice = c->value;
        if (auto o = dr.id("outcome", Need::optional)) d.outcome = o->value;
        if (const toml::node* sec = dr.node("seconds")) {
            if (auto v = sec->value<double>(); v && *v >= 0 && *v < 1e7) d.seconds = *v;
            else diags.error("E700", span_of(*file, *sec), "'seconds' must be a number of seconds, 0 or more");
        }
        d.timed_out = dr.boolean("timed_out", Need::optional).value_or(false);
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
