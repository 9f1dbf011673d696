// Workshop records.
#include "workshop.hpp"

#include "files.hpp"
#include "schema.hpp"
#include "session_file.hpp"
#include "text.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace measured {

namespace {

// TOML bare keys are [A-Za-z0-9_-]; choice ids are that and nothing else, but quote anything else.
std::string toml_key(const std::string& k) {
    for (char c : k)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return toml_quote(k);
    return k.empty() ? toml_quote(k) : k;
}

}  // namespace

std::string plurality(const std::vector<VoteCount>& votes) {
    int best = 0;
    std::string winner;
    bool tie = false;
    for (const auto& v : votes) {
        if (v.votes > best) {
            best = v.votes;
            winner = v.choice;
            tie = false;
        } else if (v.votes == best && best > 0) {
            tie = true;
        }
    }
    return tie ? std::string() : winner;
}

int total_votes(const std::vector<VoteCount>& votes) {
    int n = 0;
    for (const auto& v : votes) n += v.votes;
    return n;
}

WorkshopRecord new_workshop_record(const Scenario& s, std::uint64_t seed, std::string started) {
    WorkshopRecord r;
    r.scenario_id = s.id;
    r.scenario_version = s.version;
    r.scenario_fingerprint = hex64(s.fingerprint);
    r.scenario_path = s.path;
    r.scenario_title = s.title;
    r.seed = seed;
    r.started = std::move(started);
    r.branches.emplace_back();
    return r;
}

std::string workshop_to_toml(const WorkshopRecord& r) {
    std::string o;
    o += "# A Measured workshop record: how the group voted and what was played at each decision, the\n";
    o += "# flags, and every \"what if\" branch. Each branch replays exactly from the seed.\n";
    o += "measured_workshop = " + std::to_string(workshop_file_version) + "\n";
    o += "scenario_id = " + toml_quote(r.scenario_id) + "\n";
    o += "scenario_version = " + toml_quote(r.scenario_version) + "\n";
    o += "scenario_fingerprint = " + toml_quote(r.scenario_fingerprint) + "\n";
    o += "scenario_path = " + toml_quote(r.scenario_path) + "\n";
    o += "scenario_title = " + toml_quote(r.scenario_title) + "\n";
    o += "seed = " + toml_quote(std::to_string(r.seed)) + "\n";
    o += "timer_scale = " + toml_decimal(r.timer_scale) + "\n";
    o += "started = " + toml_quote(r.started) + "\n";
    if (!r.group.empty()) o += "group = " + toml_quote(r.group) + "\n";
    o += "duration = " + toml_decimal(r.duration) + "\n";
    if (r.ended) o += "ended = true\n";
    for (const auto& b : r.branches) {
        o += "\n[[branch]]\n";
        o += "parent = " + std::to_string(b.parent) + "\n";
        o += "fork = " + std::to_string(b.fork) + "\n";
        if (!b.ending.empty()) o += "ending = " + toml_quote(b.ending) + "\n";
        for (const auto& wd : b.decisions) {
            o += "\n[[branch.decision]]\n";
            append_decision_fields(o, wd.decision);
            o += "at = " + toml_decimal(wd.at) + "\n";
            if (!wd.votes.empty()) {
                o += "votes = { ";
                for (std::size_t i = 0; i < wd.votes.size(); ++i)
                    o += (i ? ", " : "") + toml_key(wd.votes[i].choice) + " = " + std::to_string(wd.votes[i].votes);
                o += " }\n";
                o += "vote_order = [";
                for (std::size_t i = 0; i < wd.votes.size(); ++i) o += (i ? ", " : "") + toml_quote(wd.votes[i].choice);
                o += "]\n";
            }
            if (wd.overridden) o += "override = " + toml_quote(wd.reason) + "\n";
        }
    }
    for (const auto& f : r.flags) {
        o += "\n[[flag]]\n";
        o += "branch = " + std::to_string(f.branch) + "\n";
        o += "decisions = " + std::to_string(f.decisions) + "\n";
        o += "node = " + toml_quote(f.node) + "\n";
        o += "at = " + toml_decimal(f.at) + "\n";
        if (!f.note.empty()) o += "note = " + toml_quote(f.note) + "\n";
    }
    return o;
}

std::string save_workshop(const WorkshopRecord& r, const std::string& path) { return write_file_atomic(path, workshop_to_toml(r)); }

bool looks_like_workshop_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    for (int i = 0; i < 20 && std::getline(in, line); ++i)
        if (line.rfind("measured_workshop", 0) == 0) return true;
    return false;
}

std::optional<WorkshopRecord> read_workshop_file(const std::string& path, Diagnostics& diags) {
    auto file = read_source_file(path, diags, {8 * 1024 * 1024});
    if (!file) return std::nullopt;
    return read_workshop_source(*file, diags);
}

std::optional<WorkshopRecord> read_workshop_source(const SourceFile& file, Diagnostics& diags) {
    auto root = parse_toml(file, diags);
    if (!root) return std::nullopt;
    const std::size_t errors_before = diags.error_count();
    TableReader r(file, diags, *root, "the workshop record");
    auto version = r.integer("measured_workshop", Need::optional, 1, 1000);
    if (!version) {
        diags.error("E710", {file.path, 0, 0}, "this is not a Measured workshop record (it has no 'measured_workshop' key)");
        return std::nullopt;
    }
    if (*version != workshop_file_version) {
        diags.error("E710", r.key_span("measured_workshop"),
                    "workshop record format " + std::to_string(*version) + " is not supported; this version reads format " +
                        std::to_string(workshop_file_version));
        return std::nullopt;
    }
    WorkshopRecord rec;
    auto str = [&](TableReader& t, std::string_view key, Need need) {
        auto l = t.string(key, need, 4000);
        return l ? l->value : std::string();
    };
    rec.scenario_id = str(r, "scenario_id", Need::required);
    rec.scenario_version = str(r, "scenario_version", Need::required);
    rec.scenario_fingerprint = str(r, "scenario_fingerprint", Need::required);
    rec.scenario_path = str(r, "scenario_path", Need::optional);
    rec.scenario_title = str(r, "scenario_title", Need::optional);
    rec.started = str(r, "started", Need::optional);
    rec.group = str(r, "group", Need::optional);
    read_seed(diags, r, "E710", rec.seed);
    read_timer_scale(file, diags, r, "E710", rec.timer_scale);
    rec.duration = read_seconds(file, diags, r, "duration", "E710", 1e8).value_or(0);
    rec.ended = r.boolean("ended", Need::optional).value_or(false);

    const auto branch_tables = r.tables("branch", Need::required, 1000);
    for (const auto* bt : branch_tables) {
        TableReader br(file, diags, *bt, "branch " + std::to_string(rec.branches.size() + 1));
        WorkshopBranch b;
        const std::int64_t index = static_cast<std::int64_t>(rec.branches.size());
        b.parent = static_cast<int>(br.integer("parent", Need::required, -1, 999).value_or(-1));
        if (b.parent >= index || (index == 0 && b.parent != -1) || (index > 0 && b.parent < 0)) {
            diags.error("E710", br.key_span("parent"),
                        index == 0 ? std::string("the first branch is the main line: its 'parent' must be -1")
                                   : "'parent' must name an earlier branch (0 to " + std::to_string(index - 1) + ")");
        }
        b.fork = static_cast<std::size_t>(br.integer("fork", Need::optional, 0, 10000).value_or(0));
        if (auto e = br.id("ending", Need::optional)) b.ending = e->value;
        for (const auto* dt : br.tables("decision", Need::optional, 10000)) {
            TableReader dr(file, diags, *dt, "a decision");
            WorkshopDecision wd;
            wd.decision = read_decision_fields(file, diags, dr, "E710");
            wd.at = read_seconds(file, diags, dr, "at", "E710", 1e8).value_or(0);
            const auto order = dr.strings("vote_order", Need::optional, 0, 200);
            if (const toml::table* vt = dr.table("votes", Need::optional)) {
                for (const auto& o : order) {
                    if (std::any_of(wd.votes.begin(), wd.votes.end(), [&](const VoteCount& v) { return v.choice == o.value; })) {
                        diags.error("E710", o.span, "'vote_order' names '" + o.value + "' twice");
                        continue;
                    }
                    const toml::node* n = vt->get(o.value);
                    const auto count = n ? n->value<std::int64_t>() : std::nullopt;
                    if (!count || *count < 0 || *count > 100000) {
                        diags.error("E710", n ? span_of(file, *n) : o.span,
                                    "the votes for '" + o.value + "' must be a whole number from 0 to 100000");
                        continue;
                    }
                    wd.votes.push_back({o.value, static_cast<int>(*count)});
                }
                if (vt->size() != order.size())
                    diags.error("E710", dr.key_span("votes"), "'votes' and 'vote_order' must name the same options");
            } else if (!order.empty()) {
                diags.error("E710", dr.key_span("vote_order"), "'vote_order' without 'votes'");
            }
            if (auto reason = dr.string("override", Need::optional, 2000)) {
                wd.overridden = true;
                wd.reason = reason->value;
                if (reason->value.find_first_not_of(" \t\r\n") == std::string::npos)
                    diags.error("E710", reason->span, "an override must say why: 'override' is the trainer's reason");
            }
            // The console asks for a reason whenever the option played is not the vote's plurality
            // (a tie included); a record without one contradicts itself.
            if (total_votes(wd.votes) > 0 && !wd.overridden && wd.decision.choice != plurality(wd.votes))
                diags.error("E710", dr.key_span("votes"),
                            "'" + wd.decision.choice + "' was played although the vote's " +
                                (plurality(wd.votes).empty() ? std::string("result was a tie") : "majority was '" + plurality(wd.votes) + "'") +
                                ", and there is no 'override' with the trainer's reason");
            dr.finish();
            b.decisions.push_back(std::move(wd));
        }
        if (b.parent >= 0 && b.parent < index && b.fork > b.decisions.size())
            diags.error("E710", br.key_span("fork"), "'fork' is larger than the branch's number of decisions");
        else if (b.parent >= 0 && b.parent < index) {
            // A what-if replays its parent's first `fork` decisions, then goes its own way.
            const auto& shared = rec.branches[static_cast<std::size_t>(b.parent)].decisions;
            const auto same = [](const WorkshopDecision& x, const WorkshopDecision& y) {
                return x.decision.scene == y.decision.scene && x.decision.choice == y.decision.choice &&
                       x.decision.outcome == y.decision.outcome && x.decision.timed_out == y.decision.timed_out;
            };
            if (b.fork > shared.size() || !std::equal(b.decisions.begin(), b.decisions.begin() + static_cast<std::ptrdiff_t>(b.fork), shared.begin(), same))
                diags.error("E710", br.key_span("fork"),
                            "this branch forks after decision " + std::to_string(b.fork) + " of branch " + std::to_string(b.parent + 1) +
                                ", but the decisions before the fork differ from that branch's");
        }
        br.finish();
        rec.branches.push_back(std::move(b));
    }
    for (const auto* ft : r.tables("flag", Need::optional, 10000)) {
        TableReader fr(file, diags, *ft, "a flag");
        WorkshopFlag f;
        const auto branch = fr.integer("branch", Need::required, 0, 999).value_or(0);
        if (static_cast<std::size_t>(branch) >= rec.branches.size() && !rec.branches.empty())
            diags.error("E710", fr.key_span("branch"), "the flag names branch " + std::to_string(branch) + ", which does not exist");
        f.branch = static_cast<std::size_t>(branch);
        f.decisions = static_cast<std::size_t>(fr.integer("decisions", Need::required, 0, 10000).value_or(0));
        if (f.branch < rec.branches.size() && f.decisions > rec.branches[f.branch].decisions.size())
            diags.error("E710", fr.key_span("decisions"),
                        "the flag is after decision " + std::to_string(f.decisions) + ", but its branch has " +
                            std::to_string(rec.branches[f.branch].decisions.size()));
        if (auto n = fr.id("node", Need::required)) f.node = n->value;
        f.at = read_seconds(file, diags, fr, "at", "E710", 1e8).value_or(0);
        if (auto note = fr.string("note", Need::optional, 2000)) f.note = note->value;
        fr.finish();
        rec.flags.push_back(std::move(f));
    }
    r.finish();
    if (diags.error_count() > errors_before) return std::nullopt;
    return rec;
}

std::optional<Session> replay_branch(const Scenario& scenario, const WorkshopRecord& r, std::size_t branch,
                                     const std::string& path, Diagnostics& diags) {
    const Span where{path, 0, 0};
    if (r.scenario_id != scenario.id) {
        diags.error("E701", where, "this workshop used scenario '" + r.scenario_id + "', not '" + scenario.id + "'");
        return std::nullopt;
    }
    if (r.scenario_version != scenario.version || r.scenario_fingerprint != hex64(scenario.fingerprint)) {
        diags.error("E702", where,
                    "this workshop was recorded against " +
                        (r.scenario_version != scenario.version ? "version " + r.scenario_version
                                                                : "another copy of version " + r.scenario_version) +
                        " of '" + scenario.id + "'; the file is now version " + scenario.version + " with different content");
        return std::nullopt;
    }
    if (branch >= r.branches.size()) {
        diags.error("E703", where, "branch " + std::to_string(branch + 1) + " does not exist (the record has " +
                                       std::to_string(r.branches.size()) + ")");
        return std::nullopt;
    }
    std::vector<Decision> history;
    for (const auto& wd : r.branches[branch].decisions) history.push_back(wd.decision);
    std::string error;
    auto s = Session::replay(scenario, r.seed, history, &error);
    if (!s) {
        diags.error("E703", where, "branch " + std::to_string(branch + 1) + " does not replay: " + error);
        return std::nullopt;
    }
    s->timer_scale = r.timer_scale;
    s->mode = "workshop";
    // Votes can only be for options the console showed at that moment (or for letting a timer run out).
    Session step(scenario, r.seed);
    for (std::size_t i = 0; i < history.size() && !step.finished(); ++i) {
        const Scene& scene = *step.scene();
        const auto offered = step.available_choices();
        for (const auto& v : r.branches[branch].decisions[i].votes) {
            const bool shown = (v.choice == "timeout" && scene.timeout) ||
                               std::any_of(offered.begin(), offered.end(),
                                           [&](int c) { return scene.choices[static_cast<std::size_t>(c)].id == v.choice; });
            if (!shown) {
                diags.error("E703", where, "branch " + std::to_string(branch + 1) + ", decision " + std::to_string(i + 1) + ": votes for '" +
                                               v.choice + "', which scene '" + scene.id + "' did not offer");
                return std::nullopt;
            }
        }
        const Decision& d = history[i];
        (void)(d.timed_out ? step.time_out(d.seconds) : step.choose_id(d.choice, d.seconds));
    }
    // A flag sits where the branch was after that many decisions.
    for (const auto& f : r.flags) {
        if (f.branch != branch || f.decisions > history.size()) continue;
        const std::string& at = f.decisions < history.size() ? history[f.decisions].scene : scenario.node_id(s->node());
        if (f.node != at) {
            diags.error("E703", where, "a flag on branch " + std::to_string(branch + 1) + " after decision " + std::to_string(f.decisions) +
                                           " names '" + f.node + "', but the branch was at '" + at + "'");
            return std::nullopt;
        }
    }
    return s;
}

std::optional<GroupDebrief> make_group_debrief(const Scenario& scenario, const Catalogue* catalogue, WorkshopRecord record,
                                               const std::string& path, Diagnostics& diags) {
    GroupDebrief g;
    for (std::size_t b = 0; b < record.branches.size(); ++b) {
        auto s = replay_branch(scenario, record, b, path, diags);
        if (!s) return std::nullopt;
        g.branches.push_back(make_debrief(*s, catalogue));
    }
    g.record = std::move(record);
    return g;
}

}  // namespace measured
