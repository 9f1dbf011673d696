// The controller's Workshop mode: the clock that waits for the trainer, the group's votes, playing
// the vote or overriding it with a reason, flags, "what if" branches, what the projector may show,
// the workshop record (saved after every change) and its exports.

#include "controller.hpp"

#include "files.hpp"
#include "strings.hpp"
#include "text.hpp"
#include "workshop_report.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace measured::ui {

namespace fs = std::filesystem;

namespace {

// "2026-11-23 14:05" → "20261123-1405" for file names.
std::string file_stamp(const std::string& local_time) {
    std::string out;
    for (char c : local_time) {
        if (c >= '0' && c <= '9') out += c;
        else if (c == ' ' || c == 'T') out += '-';
    }
    return out;
}

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

std::string branch_label(std::size_t b) { return b == 0 ? std::string(tr("workshop.main_line")) : trf("workshop.what_if_n", {{"n", std::to_string(b)}}); }

// The decisions of one branch with their votes, as the timelines show them.
std::vector<WorkshopStepItem> workshop_steps(const GroupDebrief& g, std::size_t b) {
    const WorkshopRecord& rec = g.record;
    std::vector<WorkshopStepItem> out;
    const auto& decisions = rec.branches[b].decisions;
    const Debrief& d = g.branches[b];
    for (std::size_t i = 0; i < decisions.size() && i < d.decisions.size(); ++i) {
        const WorkshopDecision& wd = decisions[i];
        const DecisionReport& r = d.decisions[i];
        WorkshopStepItem item;
        item.number = r.number;
        item.scene_title = r.scene_title;
        item.played = r.timed_out ? tr("player.timed_out_choice") : r.label;
        item.timed_out = r.timed_out;
        item.seconds = r.seconds;
        item.overridden = wd.overridden;
        item.reason = wd.reason;
        item.total_votes = total_votes(wd.votes);
        const std::string lead = plurality(wd.votes);
        for (std::size_t k = 0; k < wd.votes.size(); ++k) {
            VoteOption o;
            o.option = static_cast<int>(k);
            o.label = wd.votes[k].choice;
            for (const auto& a : r.alternatives)
                if (a.choice == wd.votes[k].choice) o.label = a.label;
            o.votes = wd.votes[k].votes;
            o.percent = percent_of(o.votes, item.total_votes);
            o.leading = !lead.empty() && lead == wd.votes[k].choice;
            item.votes.push_back(std::move(o));
        }
        item.rated = !r.ratings.empty();
        item.worst = Rating::exemplary;
        for (const auto& rp : r.ratings) {
            item.worst = std::max(item.worst, rp.rating);
            item.critical = item.critical || rp.critical;
        }
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

void Controller::start_workshop(int entry, double now) {
    if (entry < 0 || entry >= static_cast<int>(library_.entries.size()) || !library_.entries[entry].usable()) return;
    const Scenario& sc = *library_.entries[entry].scenario;
    author_.reset();
    entry_ = entry;
    mode_ = Mode::workshop;
    feedback_ = false;
    session_.emplace(sc, config_.make_seed());
    session_->timer_scale = timer_scale(settings_.timers);
    session_->mode = std::string(mode_name(Mode::workshop));
    workshop_ = std::make_unique<Workshop>();
    Workshop& w = *workshop_;
    w.record = new_workshop_record(sc, session_->seed(), config_.local_time ? config_.local_time() : std::string());
    w.record.timer_scale = session_->timer_scale;
    w.began = now;
    if (!config_.data_dir.empty()) {
        const fs::path dir = fs::path(config_.data_dir) / "workshops";
        const std::string stem = sc.id + (w.record.started.empty() ? "" : "-" + file_stamp(w.record.started));
        std::string path = (dir / (stem + ".toml")).string();
        std::error_code ec;
        for (int n = 2; fs::exists(path, ec) && n < 10000; ++n) path = (dir / (stem + "-" + std::to_string(n) + ".toml")).string();
        w.path = path;
    }
    screen_ = Screen::workshop;
    begin_decision(now);
    w.stage = sc.content_warnings.empty() ? WorkshopStage::scene : WorkshopStage::warning;
    save_workshop_record();
    build_workshop_views(now);
}

// Workshops the runner stopped before the trainer ended them (a crash, a power cut): offered in the
// library like an unfinished session, at the end of the path played.
void Controller::scan_workshops() {
    std::vector<std::string> files;
    const fs::path dir = fs::path(config_.data_dir) / "workshops";
    std::error_code ec;
    if (!fs::is_directory(dir, ec) || !find_toml_files(dir.string(), files).empty()) return;
    for (const auto& f : files) {
        Diagnostics diags;
        auto rec = read_workshop_file(f, diags);
        if (rec && rec->ended) continue;
        Saved s;
        s.path = f;
        s.mode = Mode::workshop;
        if (!rec) {
            s.scenario_id = fs::path(f).stem().string();
            s.problem = diags.items().empty() ? std::string() : format_diagnostic(diags.items().front());
            saved_.push_back(std::move(s));
            continue;
        }
        s.scenario_id = rec->scenario_id;
        const LibraryEntry* e = library_.find(rec->scenario_id);
        if (!e || !e->usable()) s.problem = trf("library.saved_missing", {{"id", rec->scenario_id}});
        else if (auto session = replay_branch(*e->scenario, *rec, 0, f, diags)) s.session = std::move(session);
        else s.problem = format_diagnostic(diags.items().front());
        s.workshop = std::move(rec);
        saved_.push_back(std::move(s));
    }
}

void Controller::resume_workshop(Saved saved, double now) {
    const LibraryEntry* e = library_.find(saved.scenario_id);
    if (!e || !saved.session || !saved.workshop) return;
    entry_ = static_cast<int>(e - library_.entries.data());
    author_.reset();
    mode_ = Mode::workshop;
    feedback_ = false;
    session_ = std::move(saved.session);
    session_->timer_scale = saved.workshop->timer_scale;
    workshop_ = std::make_unique<Workshop>();
    Workshop& w = *workshop_;
    w.record = std::move(*saved.workshop);
    w.path = saved.path;
    w.began = now - w.record.duration;   // the record's clock goes on from where it stopped
    screen_ = Screen::workshop;
    begin_decision(now);
    w.message = tr("workshop.resumed");
    build_workshop_views(now);
}

void Controller::begin_decision(double now) {
    Workshop& w = *workshop_;
    w.stage = session_->finished() ? WorkshopStage::ending : WorkshopStage::scene;
    w.votes.assign(session_->finished() ? 0 : session_->available_choices().size(), 0);
    w.clock = ClockState::waiting;
    w.clock_since = now;
    w.clock_total = 0;
    // Each decision starts with nothing revealed on the projector.
    w.projected.votes = w.projected.feedback = w.projected.discussion = w.projected.notes = false;
}

double Controller::clock_seconds(double now) const {
    const Workshop& w = *workshop_;
    return w.clock == ClockState::running ? w.clock_total + std::max(0.0, now - w.clock_since) : w.clock_total;
}

void Controller::save_workshop_record() {
    Workshop& w = *workshop_;
    if (w.path.empty()) return;
    std::string err = make_dirs(fs::path(w.path).parent_path().string());
    if (err.empty()) err = save_workshop(w.record, w.path);
    if (!err.empty()) w.message = trf("workshop.save_failed", {{"reason", err}});
}

void Controller::workshop_play(int option, const std::string& reason, double now) {
    Workshop& w = *workshop_;
    if (w.stage != WorkshopStage::scene || session_->finished()) return;
    const Scene& scene = *session_->scene();
    const auto offered = session_->available_choices();
    if (option < -1 || option >= static_cast<int>(offered.size())) return;
    if (option == -1 && !scene.timeout) return;

    WorkshopDecision wd;
    for (std::size_t i = 0; i < offered.size(); ++i) wd.votes.push_back({scene.choices[static_cast<std::size_t>(offered[i])].id, w.votes[i]});
    if (total_votes(wd.votes) == 0) wd.votes.clear();
    // What the trainer is expected to play: the time-out once the countdown ran out, else the vote.
    // Anything else, a tie broken by the trainer included, is an override and needs a reason.
    const std::string played_id = option == -1 ? std::string("timeout") : scene.choices[static_cast<std::size_t>(offered[option])].id;
    const bool expired = w.clock == ClockState::expired;
    const std::string expected = expired ? std::string("timeout") : plurality(wd.votes);
    wd.overridden = (expired || !wd.votes.empty()) && played_id != expected;
    wd.reason = trimmed(reason);
    if (wd.overridden && wd.reason.empty()) {
        w.message = tr("workshop.reason_needed");
        return;
    }
    if (!wd.overridden) wd.reason.clear();
    const double seconds = clock_seconds(now);
    const StepResult r = option == -1 ? session_->time_out(seconds) : session_->choose(offered[static_cast<std::size_t>(option)], seconds);
    if (!r.ok) {
        w.message = r.error;
        return;
    }
    wd.decision = session_->history().back();
    wd.at = now - w.began;
    WorkshopBranch& b = w.record.branches[w.branch];
    b.decisions.push_back(std::move(wd));
    if (session_->finished()) b.ending = session_->ending()->id;
    w.record.duration = std::max(w.record.duration, now - w.began);
    w.clock = ClockState::stopped;
    w.clock_total = seconds;
    w.stage = WorkshopStage::consequence;
    w.projected.votes = w.projected.feedback = false;
    w.message.clear();
    save_workshop_record();
}

void Controller::apply_workshop(const Command& c, double now) {
    if (!workshop_ || !session_) return;
    Workshop& w = *workshop_;
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, cmd::AcceptWarning>) {
                if (w.stage == WorkshopStage::warning) begin_decision(now);
            } else if constexpr (std::is_same_v<T, cmd::RunClock>) {
                if (w.stage != WorkshopStage::scene || w.clock == ClockState::expired) return;
                if (x.run && w.clock != ClockState::running) {
                    w.clock = ClockState::running;
                    w.clock_since = now;
                } else if (!x.run && w.clock == ClockState::running) {
                    w.clock_total = clock_seconds(now);
                    w.clock = ClockState::stopped;
                }
            } else if constexpr (std::is_same_v<T, cmd::Vote>) {
                if (w.stage != WorkshopStage::scene || x.option < 0 || x.option >= static_cast<int>(w.votes.size())) return;
                int& v = w.votes[static_cast<std::size_t>(x.option)];
                v = std::clamp(v + x.delta, 0, 9999);
            } else if constexpr (std::is_same_v<T, cmd::SetVotes>) {
                if (w.stage != WorkshopStage::scene || x.option < 0 || x.option >= static_cast<int>(w.votes.size())) return;
                w.votes[static_cast<std::size_t>(x.option)] = std::clamp(x.count, 0, 9999);
            } else if constexpr (std::is_same_v<T, cmd::ClearVotes>) {
                if (w.stage == WorkshopStage::scene) std::fill(w.votes.begin(), w.votes.end(), 0);
            } else if constexpr (std::is_same_v<T, cmd::Play>) {
                workshop_play(x.option, x.reason, now);
            } else if constexpr (std::is_same_v<T, cmd::Continue>) {
                if (w.stage == WorkshopStage::consequence) begin_decision(now);
            } else if constexpr (std::is_same_v<T, cmd::AddFlag>) {
                WorkshopFlag f;
                f.branch = w.branch;
                f.decisions = session_->history().size();
                f.node = session_->scenario().node_id(session_->node());
                f.at = now - w.began;
                f.note = trimmed(x.note);
                w.record.flags.push_back(std::move(f));
                w.record.duration = std::max(w.record.duration, now - w.began);
                w.message = trf("workshop.flag_set", {{"time", clock_text(now - w.began)}});
                save_workshop_record();
            } else if constexpr (std::is_same_v<T, cmd::WhatIf> || std::is_same_v<T, cmd::Rewind>) {
                const std::size_t keep = x.keep;
                WorkshopBranch& cur = w.record.branches[w.branch];
                if (keep > cur.decisions.size()) return;
                // A what-if that has not gone past its fork yet is reused, not left behind empty.
                if (w.branch > 0 && cur.decisions.size() <= cur.fork && keep <= cur.decisions.size()) {
                    cur.fork = std::min(cur.fork, keep);
                    cur.decisions.resize(keep);
                } else {
                    WorkshopBranch b;
                    b.parent = static_cast<int>(w.branch);
                    b.fork = keep;
                    b.decisions.assign(cur.decisions.begin(), cur.decisions.begin() + static_cast<std::ptrdiff_t>(keep));
                    w.record.branches.push_back(std::move(b));
                    w.branch = w.record.branches.size() - 1;
                }
                w.record.branches[w.branch].ending.clear();
                if (!session_->rewind(keep).ok) return;
                begin_decision(now);
                w.message = trf("workshop.branch_started", {{"name", branch_label(w.branch)}, {"n", std::to_string(keep + 1)}});
                save_workshop_record();
            } else if constexpr (std::is_same_v<T, cmd::SwitchBranch>) {
                if (x.branch < 0 || x.branch >= static_cast<int>(w.record.branches.size())) return;
                Diagnostics diags;
                auto s = replay_branch(session_->scenario(), w.record, static_cast<std::size_t>(x.branch), "", diags);
                if (!s) return;
                s->timer_scale = session_->timer_scale;
                session_ = std::move(s);
                w.branch = static_cast<std::size_t>(x.branch);
                begin_decision(now);
                w.message = trf("workshop.branch_resumed", {{"name", branch_label(w.branch)}});
            } else if constexpr (std::is_same_v<T, cmd::Project>) {
                ProjectorToggles& p = w.projected;
                switch (x.what) {
                case cmd::Projected::votes: p.votes = x.on; break;
                case cmd::Projected::feedback: p.feedback = x.on; break;
                case cmd::Projected::discussion: p.discussion = x.on; break;
                case cmd::Projected::notes: p.notes = x.on; break;
                case cmd::Projected::debrief: p.debrief = x.on; break;
                case cmd::Projected::high_contrast: p.high_contrast = x.on; break;
                }
            } else if constexpr (std::is_same_v<T, cmd::SetGroup>) {
                w.record.group = trimmed(x.label);
                save_workshop_record();
            } else if constexpr (std::is_same_v<T, cmd::ExportWorkshop>) {
                if (config_.data_dir.empty()) return;
                Diagnostics diags;
                auto g = make_group_debrief(session_->scenario(), catalogue(), w.record, w.path, diags);
                if (!g) {
                    w.message = diags.items().empty() ? std::string() : format_diagnostic(diags.items().front());
                    return;
                }
                const char* ext = x.format == ExportFormat::markdown ? ".md" : x.format == ExportFormat::html ? ".html" : ".json";
                const std::string text = x.format == ExportFormat::markdown ? workshop_markdown(*g, catalogue())
                                         : x.format == ExportFormat::html ? workshop_html(*g, catalogue())
                                                                          : workshop_json(*g, catalogue());
                const fs::path dir = fs::path(config_.data_dir) / "reports";
                const std::string stem = w.path.empty() ? w.record.scenario_id + "-workshop" : fs::path(w.path).stem().string() + "-workshop";
                const std::string path = (dir / (stem + ext)).string();
                std::string err = make_dirs(dir.string());
                if (err.empty()) err = write_file_atomic(path, text);
                w.message = err.empty() ? trf("debrief.exported", {{"path", path}}) : err;
            }
        },
        c);
    build_workshop_views(now);
}

// ---------------------------------------------------------------------------------------------
// Views

GroupDebriefView Controller::group_debrief_view(const GroupDebrief& g) const {
    GroupDebriefView v;
    const WorkshopRecord& rec = g.record;
    const Debrief& main = g.branches.front();
    v.complete = main.complete;
    v.ending_title = main.ending_title;
    v.outcome = main.outcome;
    v.ending_text = main.ending_text;
    v.summary = main.summary;
    v.clock_seconds = main.total_seconds;
    v.discussion = main.discussion;
    for (const auto& c : main.critical) v.critical.push_back({c.decision, c.principle_name, c.hard_fail_title, c.feedback, cited(c.cites)});
    for (const auto& p : main.principles) v.principles.push_back({p.name, p.percent, p.worst, p.assessed});

    v.path = workshop_steps(g, 0);
    for (std::size_t b = 0; b < rec.branches.size(); ++b) {
        const WorkshopBranch& br = rec.branches[b];
        const Debrief& d = g.branches[b];
        BranchItem item;
        item.index = static_cast<int>(b);
        item.name = branch_label(b);
        if (br.parent >= 0)
            item.from = trf("workshop.branch_from", {{"n", std::to_string(br.fork + 1)}, {"parent", branch_label(static_cast<std::size_t>(br.parent))}});
        item.decisions = static_cast<int>(br.decisions.size());
        if (d.complete) {
            item.ending_title = d.ending_title;
            item.outcome = d.outcome;
        }
        for (const auto& p : d.principles) item.principles.push_back({p.name, p.percent, p.worst, p.assessed});
        v.branches.push_back(std::move(item));
    }
    for (const auto& f : rec.flags) {
        FlagItem item;
        item.time = clock_text(f.at);
        item.note = f.note;
        if (f.branch > 0) item.branch = branch_label(f.branch);
        const Scenario& sc = session_->scenario();
        const int node = sc.find_node(f.node);
        if (node >= 0 && sc.is_ending(node)) item.where = trf("workshop.flag_at_ending", {{"title", sc.ending(node).title}});
        else item.where = trf("workshop.flag_before", {{"n", std::to_string(f.decisions + 1)},
                                                       {"title", node >= 0 ? session_->render(sc.scene(node).title) : f.node}});
        v.flags.push_back(std::move(item));
    }
    return v;
}

void Controller::build_workshop_views(double now) {
    if (!workshop_ || !session_) return;
    const Workshop& w = *workshop_;
    const Session& s = *session_;
    const Scenario& sc = s.scenario();
    ConsoleView v;
    v.scenario_title = sc.title;
    v.started = w.record.started;
    v.group = w.record.group;
    v.stage = w.stage;
    v.warnings = sc.content_warnings;
    v.role = s.render(sc.role);
    v.branch = static_cast<int>(w.branch);
    v.branch_name = branch_label(w.branch);
    v.projected = w.projected;
    v.record_path = w.path;
    v.message = w.message;
    v.elapsed = now - w.began;
    v.decision = static_cast<int>(s.history().size()) + (w.stage == WorkshopStage::consequence ? 0 : 1);

    // The scene on screen: during the consequence, the one the decision was made in.
    const Scene* scene = s.scene();
    if (w.stage == WorkshopStage::consequence && !s.history().empty()) scene = &sc.scene(sc.find_node(s.history().back().scene));
    if (scene) {
        v.scene_title = s.render(scene->title);
        v.text = s.render(scene->text);
        for (const auto& d : scene->dialogue) v.dialogue.push_back({s.render(d.speaker), s.render(d.text)});
        for (const auto& f : scene->facts) v.facts.push_back(s.render(f));
        if (!scene->image.empty()) v.image_path = (fs::path(sc.folder) / scene->image).string();
        v.image_alt = scene->image_alt;
        v.discussion = scene->discussion;
        v.trainer_notes = scene->trainer_notes;
    }
    const Debrief d = make_debrief(s, catalogue());
    if (w.stage == WorkshopStage::scene && scene) {
        const auto offered = s.available_choices();
        std::vector<VoteCount> counts;
        for (std::size_t i = 0; i < offered.size(); ++i) counts.push_back({scene->choices[static_cast<std::size_t>(offered[i])].id, w.votes[i]});
        v.total_votes = total_votes(counts);
        const std::string lead = plurality(counts);
        v.tie = v.total_votes > 0 && lead.empty();
        for (std::size_t i = 0; i < offered.size(); ++i) {
            const Choice& ch = scene->choices[static_cast<std::size_t>(offered[i])];
            VoteOption o;
            o.option = static_cast<int>(i);
            o.label = s.render(ch.label);
            o.votes = w.votes[i];
            o.percent = percent_of(o.votes, v.total_votes);
            o.leading = !lead.empty() && lead == ch.id;
            o.ratings = rating_items(rate_choice(ch, catalogue()));
            v.options.push_back(std::move(o));
        }
        if (scene->timeout)
            v.timeout_label = scene->timeout->label.empty() ? std::string(tr("player.timed_out_choice")) : s.render(scene->timeout->label);
        v.timed = scene->time_limit > 0 && scene->timeout && s.timer_scale > 0;
        v.time_limit = scene->time_limit * s.timer_scale;
    }
    v.clock = w.clock;
    v.clock_seconds = clock_seconds(now);
    v.remaining = std::max(0.0, v.time_limit - v.clock_seconds);
    if (w.stage == WorkshopStage::consequence && !d.decisions.empty()) {
        v.feedback = last_feedback(d, s.finished());
        const WorkshopDecision& wd = w.record.branches[w.branch].decisions.back();
        v.overridden = wd.overridden;
        v.reason = wd.reason;
    }
    if (w.stage == WorkshopStage::ending && s.ending()) {
        const Ending& e = *s.ending();
        v.ending_title = s.render(e.title);
        v.outcome = e.outcome;
        v.ending_text = s.render(e.text);
        v.discussion = d.discussion;
        v.trainer_notes = e.trainer_notes;
        if (!sc.trainer_notes.empty()) v.trainer_notes += (v.trainer_notes.empty() ? "" : "\n\n") + sc.trainer_notes;
    }
    Diagnostics ignored;
    if (auto g = make_group_debrief(sc, catalogue(), w.record, w.path, ignored)) {
        v.debrief = group_debrief_view(*g);
        v.branches = v.debrief.branches;
        v.flags = v.debrief.flags;
        for (auto& b : v.branches) b.current = b.index == v.branch;
        v.timeline = workshop_steps(*g, w.branch);
    }

    // The projector: the story and the options; the rest only as the trainer reveals it.
    ProjectorView p;
    p.active = true;
    p.projected = w.projected;
    p.stage = w.stage;
    p.scenario_title = v.scenario_title;
    p.warnings = v.warnings;
    p.role = v.role;
    p.scene_title = v.scene_title;
    p.text = v.text;
    p.dialogue = v.dialogue;
    p.facts = v.facts;
    p.image_path = v.image_path;
    p.image_alt = v.image_alt;
    p.decision = v.decision;
    for (const auto& o : v.options) p.options.push_back(o.label);
    p.timed = v.timed;
    p.clock = v.clock;
    p.time_limit = v.time_limit;
    p.remaining = v.remaining;
    p.reduce_motion = settings_.reduce_motion;
    if (w.projected.votes) {
        for (const auto& o : v.options) p.votes.push_back({o.option, o.label, o.votes, o.percent, o.leading, {}});
        p.total_votes = v.total_votes;
    }
    if (w.stage == WorkshopStage::consequence) {
        p.played = v.feedback.chose;
        p.narration = v.feedback.narration;
        if (w.projected.feedback) p.ratings = v.feedback.ratings;
    }
    if (w.projected.discussion) p.discussion = v.discussion;
    if (w.projected.notes) p.notes = v.trainer_notes;
    if (w.stage == WorkshopStage::ending) {
        p.ending_title = v.ending_title;
        p.outcome = v.outcome;
        p.ending_text = v.ending_text;
    }
    if (w.projected.debrief) p.debrief = v.debrief;
    console_view_ = std::move(v);
    projector_view_ = std::move(p);
}

}  // namespace measured::ui
