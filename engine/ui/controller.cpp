// The controller. Every state change goes through apply(); views are rebuilt when the state
// changes, never inside a widget.

#include "controller.hpp"

#include "analysis.hpp"
#include "debrief.hpp"
#include "files.hpp"
#include "report.hpp"
#include "session_file.hpp"
#include "strings.hpp"
#include "theme.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

namespace measured::ui {

namespace fs = std::filesystem;

namespace {

std::string first_problem(const Diagnostics& d) {
    for (const auto& item : d.items())
        if (item.severity == Severity::error) return format_diagnostic(item);
    return d.items().empty() ? std::string() : format_diagnostic(d.items().front());
}

}  // namespace

Controller::Controller(ControllerConfig config, Settings settings) : config_(std::move(config)), settings_(std::move(settings)) {
    if (!config_.make_seed) config_.make_seed = [] { return std::uint64_t{1}; };
}

void Controller::load() {
    Diagnostics diags;
    catalogue_.reset();
    catalogue_error_.clear();
    std::error_code ec;
    if (config_.standards_dir.empty() || !fs::is_directory(config_.standards_dir, ec)) {
        catalogue_error_ = tr("standards.missing");
    } else {
        catalogue_ = load_catalogue(config_.standards_dir, diags);
        if (diags.has_errors()) catalogue_error_ = first_problem(diags);
    }
    library_ = load_library(config_.library_dir, catalogue());
    scan_saved();
    build_library_view();
    build_standards_view();
    build_settings_view();
}

// ---------------------------------------------------------------------------------------------
// Commands

void Controller::apply_all(Commands& commands, double now) {
    // Applying may not add commands, but copy first so a screen's list is never invalidated.
    Commands list;
    list.swap(commands);
    for (const auto& c : list) apply(c, now);
}

void Controller::apply(const Command& c, double now) {
    // Workshop mode has its own flow; navigation (the standards, the settings) works as everywhere.
    if (workshop_ && !std::holds_alternative<cmd::Show>(c) && !std::holds_alternative<cmd::Leave>(c) &&
        !std::holds_alternative<cmd::OpenProvision>(c) && !std::holds_alternative<cmd::Back>(c) &&
        !std::holds_alternative<cmd::ChangeSettings>(c)) {
        apply_workshop(c, now);
        return;
    }
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, cmd::Show>) {
                if (x.screen == Screen::workshop && !workshop_) return;
                // While a workshop runs, "back to the scenario" (or its debrief) is the console.
                if (workshop_ && (x.screen == Screen::player || x.screen == Screen::warning || x.screen == Screen::debrief)) {
                    screen_ = Screen::workshop;
                    return;
                }
                if ((x.screen == Screen::player || x.screen == Screen::warning) && !(session_ && !session_->finished())) return;
                if (x.screen == Screen::debrief && !(session_ && session_->finished())) return;
                if (screen_ == Screen::player && x.screen != Screen::player && timer_running()) paused_at_ = now;
                if (x.screen == Screen::standards) {
                    before_standards_ = screen_ == Screen::standards ? before_standards_ : screen_;
                    standards_view_.can_go_back = false;
                }
                screen_ = x.screen;
                if (screen_ == Screen::player) build_player_view(now);
            } else if constexpr (std::is_same_v<T, cmd::StartWorkshop>) {
                start_workshop(x.entry, now);
            } else if constexpr (std::is_same_v<T, cmd::Start>) {
                if (x.mode == Mode::workshop) start_workshop(x.entry, now);
                else if (x.mode == Mode::author && x.entry >= 0 && x.entry < static_cast<int>(library_.entries.size()))
                    open_author(library_.entries[static_cast<std::size_t>(x.entry)].path, now);
                else start(x.entry, x.mode, now);
            } else if constexpr (std::is_same_v<T, cmd::AcceptWarning>) {
                if (screen_ == Screen::warning && session_) {
                    screen_ = Screen::player;
                    begin_scene(now);
                }
            } else if constexpr (std::is_same_v<T, cmd::DeclineWarning>) {
                if (screen_ == Screen::warning) {
                    session_.reset();
                    screen_ = Screen::library;
                }
            } else if constexpr (std::is_same_v<T, cmd::Choose>) {
                if (screen_ != Screen::player || !session_ || session_->finished() || feedback_ || paused_at_ >= 0) return;
                // Author mode runs no clock: the timeout is a choice like the others.
                if (x.choice < 0 && mode_ == Mode::author) {
                    if (session_->time_out(0).ok) after_decision(now);
                    return;
                }
                const auto offered = session_->available_choices();
                if (std::find(offered.begin(), offered.end(), x.choice) == offered.end()) return;
                if (session_->choose(x.choice, elapsed(now)).ok) after_decision(now);
            } else if constexpr (std::is_same_v<T, cmd::Continue>) {
                if (screen_ != Screen::player || !feedback_ || !session_) return;
                if (session_->finished()) finish();
                else begin_scene(now);
            } else if constexpr (std::is_same_v<T, cmd::Rewind>) {
                if (!session_) return;
                const bool from_debrief = screen_ == Screen::debrief;
                if (!from_debrief && (screen_ != Screen::player || mode_ == Mode::assess)) return;
                if (x.keep > session_->history().size() || !session_->rewind(x.keep).ok) return;
                autosave();
                screen_ = Screen::player;
                begin_scene(now);
            } else if constexpr (std::is_same_v<T, cmd::SetPaused>) {
                if (x.paused && paused_at_ < 0 && screen_ == Screen::player) paused_at_ = now;
                if (!x.paused && paused_at_ >= 0) {
                    paused_total_ += now - paused_at_;
                    paused_at_ = -1;
                }
                if (screen_ == Screen::player) build_player_view(now);
            } else if constexpr (std::is_same_v<T, cmd::Leave>) {
                if (!author_ && !workshop_ && session_ && !session_->finished() && !session_->history().empty()) {
                    Saved s;
                    s.path = autosave_path();
                    s.scenario_id = session_->scenario().id;
                    s.mode = mode_;
                    s.session = std::move(session_);
                    saved_.insert(saved_.begin(), std::move(s));
                }
                if (workshop_) {
                    workshop_->record.ended = true;
                    save_workshop_record();
                }
                session_.reset();
                author_.reset();
                workshop_.reset();
                feedback_ = false;
                screen_ = Screen::library;
                build_library_view();
            } else if constexpr (std::is_same_v<T, cmd::PlayAgain>) {
                if (author_ && author_->scenario) {
                    start_author_session(*author_->scenario, -1, {});
                    screen_ = Screen::player;
                    begin_scene(now);
                } else if (entry_ >= 0) {
                    start(entry_, mode_, now);
                }
            } else if constexpr (std::is_same_v<T, cmd::Export>) {
                if (!session_ || config_.data_dir.empty()) return;
                const Debrief d = make_debrief(*session_, catalogue());
                const bool md = x.format == ExportFormat::markdown;
                const std::string dir = (fs::path(config_.data_dir) / "reports").string();
                const std::string path =
                    (fs::path(dir) / (d.scenario_id + "-" + std::to_string(d.seed) + (md ? ".md" : ".json"))).string();
                std::string err = make_dirs(dir);
                if (err.empty()) err = write_file_atomic(path, md ? report_markdown(d, catalogue()) : report_json(d, catalogue()));
                debrief_view_.export_message = err.empty() ? trf("debrief.exported", {{"path", path}}) : err;
            } else if constexpr (std::is_same_v<T, cmd::OpenProvision>) {
                if (screen_ != Screen::standards) before_standards_ = screen_;
                if (screen_ == Screen::player && timer_running()) paused_at_ = now;
                standards_view_.focus = x.id;
                ++standards_view_.focus_serial;
                standards_view_.can_go_back = before_standards_ != Screen::library && before_standards_ != Screen::standards;
                screen_ = Screen::standards;
            } else if constexpr (std::is_same_v<T, cmd::Back>) {
                if (screen_ == Screen::standards) {
                    screen_ = before_standards_;
                    if (screen_ == Screen::player) build_player_view(now);
                }
            } else if constexpr (std::is_same_v<T, cmd::Resume>) {
                if (x.slot < 0 || x.slot >= static_cast<int>(saved_.size()) || !saved_[x.slot].session) return;
                Saved s = std::move(saved_[x.slot]);
                saved_.erase(saved_.begin() + x.slot);
                if (s.workshop) {
                    resume_workshop(std::move(s), now);
                    build_library_view();
                    return;
                }
                const LibraryEntry* e = library_.find(s.scenario_id);
                entry_ = static_cast<int>(e - library_.entries.data());
                mode_ = s.mode;
                session_ = std::move(s.session);
                session_->timer_scale = timer_scale(settings_.timers);
                screen_ = Screen::player;
                begin_scene(now);
                build_library_view();
            } else if constexpr (std::is_same_v<T, cmd::Discard>) {
                if (x.slot < 0 || x.slot >= static_cast<int>(saved_.size())) return;
                std::error_code ec;
                // A workshop record is kept, even one that does not read: it is only no longer offered.
                if (auto& w = saved_[x.slot].workshop) {
                    w->ended = true;
                    (void)save_workshop(*w, saved_[x.slot].path);
                } else if (saved_[x.slot].mode != Mode::workshop) {
                    fs::remove(saved_[x.slot].path, ec);
                }
                saved_.erase(saved_.begin() + x.slot);
                build_library_view();
            } else if constexpr (std::is_same_v<T, cmd::ChangeSettings>) {
                Settings s = x.settings;
                s.font_scale = std::clamp(s.font_scale, Settings::min_font_scale, Settings::max_font_scale);
                s.font_scale = std::round(s.font_scale * 10.0f) / 10.0f;
                if (s == settings_) return;
                settings_ = s;
                settings_changed_ = true;
                settings_view_.message.clear();
                if (!config_.config_dir.empty()) {
                    const std::string path = (fs::path(config_.config_dir) / "settings.toml").string();
                    if (std::string err = save_settings(settings_, path); !err.empty()) settings_view_.message = err;
                }
                if (session_ && !session_->finished()) session_->timer_scale = timer_scale(settings_.timers);
                build_settings_view();
                if (screen_ == Screen::player) build_player_view(now);
            } else if constexpr (std::is_same_v<T, cmd::OpenAuthor>) {
                open_author(x.path, now);
            } else if constexpr (std::is_same_v<T, cmd::SetVariable>) {
                if (!author_ || !session_ || session_->finished() || !session_->set_value(x.id, x.value).ok) return;
                if (screen_ == Screen::player) build_player_view(now);
            } else if constexpr (std::is_same_v<T, cmd::JumpTo>) {
                if (!author_ || !author_->scenario || x.node < 0 || x.node >= static_cast<int>(author_->scenario->scenes.size())) return;
                std::vector<std::int64_t> values;
                if (session_) values.assign(session_->values().begin(), session_->values().end());
                start_author_session(*author_->scenario, x.node, std::move(values));
                author_->status = trf("author.status_jumped", {{"scene", author_->scenario->scenes[static_cast<std::size_t>(x.node)].id}});
                screen_ = Screen::player;
                begin_scene(now);
            }
        },
        c);
    if (author_) build_author_view();
}

void Controller::start(int entry, Mode mode, double now) {
    if (entry < 0 || entry >= static_cast<int>(library_.entries.size()) || !library_.entries[entry].usable()) return;
    const Scenario& sc = *library_.entries[entry].scenario;
    entry_ = entry;
    mode_ = mode;
    session_.emplace(sc, config_.make_seed());
    session_->timer_scale = timer_scale(settings_.timers);
    session_->mode = std::string(mode_name(mode));
    feedback_ = false;
    // A new run replaces an unfinished one of the same scenario at its first decision.
    std::erase_if(saved_, [&](const Saved& s) { return s.scenario_id == sc.id; });
    build_library_view();
    if (!sc.content_warnings.empty()) {
        warning_view_ = {sc.title, sc.summary, sc.content_warnings};
        screen_ = Screen::warning;
        return;
    }
    screen_ = Screen::player;
    begin_scene(now);
}

void Controller::begin_scene(double now) {
    feedback_ = false;
    scene_started_ = now;
    paused_at_ = -1;
    paused_total_ = 0;
    if (session_ && session_->finished()) {
        finish();
        return;
    }
    build_player_view(now);
}

void Controller::after_decision(double now) {
    autosave();
    if (mode_ != Mode::assess) {
        feedback_ = true;
        build_player_view(now);
        return;
    }
    if (session_->finished()) finish();
    else begin_scene(now);
}

double Controller::elapsed(double now) const {
    const double until = paused_at_ >= 0 ? paused_at_ : now;
    return std::max(0.0, until - scene_started_ - paused_total_);
}

bool Controller::timer_running() const {
    if (workshop_) return workshop_->clock == ClockState::running;
    return screen_ == Screen::player && session_ && !session_->finished() && !feedback_ && paused_at_ < 0 &&
           player_view_.timed;
}

void Controller::tick(double now) {
    if (workshop_) {
        Workshop& w = *workshop_;
        if (w.clock != ClockState::running) return;
        // The countdown ran out: the clock stops at the limit and the trainer plays the time-out.
        if (console_view_.timed && clock_seconds(now) >= console_view_.time_limit) {
            w.clock = ClockState::expired;
            w.clock_total = console_view_.time_limit;
            build_workshop_views(now);
            return;
        }
        // Several times a second while the clock runs: only the clock's fields change, so the
        // views are not rebuilt (that replays every branch).
        console_view_.clock_seconds = clock_seconds(now);
        console_view_.remaining = std::max(0.0, console_view_.time_limit - console_view_.clock_seconds);
        console_view_.elapsed = now - w.began;
        projector_view_.remaining = console_view_.remaining;
        return;
    }
    if (screen_ != Screen::player || !session_ || !player_view_.timed || feedback_) return;
    player_view_.remaining = std::max(0.0, player_view_.time_limit - elapsed(now));
    if (paused_at_ < 0 && player_view_.remaining <= 0 && session_->time_out(elapsed(now)).ok) after_decision(now);
}

// ---------------------------------------------------------------------------------------------
// Saving

std::string Controller::autosave_path() const {
    // Author mode plays drafts: nothing is kept, so the trainees' resume list stays theirs. A
    // workshop keeps its own record (workshop_path()).
    if (!session_ || config_.data_dir.empty() || mode_ == Mode::author || mode_ == Mode::workshop) return {};
    return (fs::path(config_.data_dir) / "sessions" / (session_->scenario().id + ".toml")).string();
}

void Controller::autosave() {
    const std::string path = autosave_path();
    if (path.empty()) return;
    if (std::string err = make_dirs(fs::path(path).parent_path().string()); !err.empty()) return;
    (void)save_session(*session_, path);
}

void Controller::finish() {
    screen_ = Screen::debrief;
    feedback_ = false;
    build_debrief_view();
    // The finished session moves from sessions/ (resumable) to completed/ (a record).
    const std::string path = autosave_path();
    if (path.empty()) return;
    const fs::path done = fs::path(config_.data_dir) / "completed";
    if (!make_dirs(done.string()).empty()) return;
    // A replayed branch finishes again with the same seed: number the records, never overwrite one.
    const std::string stem = session_->scenario().id + "-" + std::to_string(session_->seed()) + "-" + std::string(mode_name(mode_));
    std::string record = (done / (stem + ".toml")).string();
    std::error_code exists_ec;
    for (int n = 2; fs::exists(record, exists_ec) && n < 10000; ++n) record = (done / (stem + "-" + std::to_string(n) + ".toml")).string();
    if (save_session(*session_, record).empty()) {
        std::error_code ec;
        fs::remove(path, ec);
    }
}

void Controller::scan_saved() {
    saved_.clear();
    if (config_.data_dir.empty()) return;
    scan_workshops();
    std::vector<std::string> files;
    const fs::path dir = fs::path(config_.data_dir) / "sessions";
    std::error_code ec;
    if (!fs::is_directory(dir, ec) || !find_toml_files(dir.string(), files).empty()) return;
    for (const auto& f : files) {
        Saved s;
        s.path = f;
        Diagnostics diags;
        auto rec = read_session_file(f, diags);
        if (!rec) {
            s.scenario_id = fs::path(f).stem().string();
            s.problem = first_problem(diags);
            saved_.push_back(std::move(s));
            continue;
        }
        s.scenario_id = rec->scenario_id;
        s.mode = rec->mode == "assess" ? Mode::assess : Mode::learn;
        const LibraryEntry* e = library_.find(rec->scenario_id);
        if (!e || !e->usable()) {
            s.problem = trf("library.saved_missing", {{"id", rec->scenario_id}});
        } else if (auto session = restore_session(*e->scenario, *rec, f, diags)) {
            if (session->finished()) continue;
            s.session = std::move(session);
        } else {
            s.problem = first_problem(diags);
        }
        saved_.push_back(std::move(s));
    }
}

// ---------------------------------------------------------------------------------------------
// Views

std::string Controller::playing_title() const { return session_ ? session_->scenario().title : std::string(); }

bool Controller::take_settings_changed() {
    const bool changed = settings_changed_;
    settings_changed_ = false;
    return changed;
}

void Controller::set_font_report(std::string font) {
    font_report_ = std::move(font);
    build_settings_view();
}

std::vector<CitedProvision> Controller::cited(const std::vector<std::string>& ids) const {
    std::vector<CitedProvision> out;
    for (const auto& id : ids) {
        const Provision* p = catalogue_ ? catalogue_->find_provision(id) : nullptr;
        out.push_back({id, catalogue_ ? catalogue_->citation_label(id) : id, p ? p->title : std::string()});
    }
    return out;
}

std::vector<RatingItem> Controller::rating_items(const std::vector<RatedPrinciple>& ratings) const {
    std::vector<RatingItem> out;
    for (const auto& r : ratings) {
        RatingItem item;
        item.principle_name = r.principle_name;
        item.rating = r.rating;
        item.feedback = r.feedback;
        item.critical = r.critical;
        if (!r.hard_fail.empty() && catalogue_) {
            for (const auto& h : catalogue_->hard_fails)
                if (h.id == r.hard_fail) item.hard_fail_title = h.title;
        }
        item.cites = cited(r.cites);
        out.push_back(std::move(item));
    }
    return out;
}

void Controller::build_library_view() {
    LibraryView v;
    v.folder = library_.folder;
    v.folder_error = library_.error;
    std::set<std::string> topics, audiences, languages;
    for (std::size_t i = 0; i < library_.entries.size(); ++i) {
        const LibraryEntry& e = library_.entries[i];
        LibraryItem item;
        item.entry = static_cast<int>(i);
        item.usable = e.usable();
        item.path = e.path;
        item.errors = static_cast<int>(e.diagnostics.error_count());
        item.warnings = static_cast<int>(e.diagnostics.warning_count());
        for (const auto& d : e.diagnostics.items())
            if (d.severity == Severity::error) item.diagnostics.push_back(format_diagnostic(d));
        for (const auto& d : e.diagnostics.items())
            if (d.severity == Severity::warning) item.diagnostics.push_back(format_diagnostic(d));
        if (e.scenario) {
            const Scenario& s = *e.scenario;
            item.id = s.id;
            item.title = s.title.empty() ? fs::path(e.path).filename().string() : s.title;
            item.summary = s.summary;
            item.version = s.version;
            item.language = s.language;
            item.difficulty = std::string(difficulty_name(s.difficulty));
            item.minutes = s.minutes;
            item.topics = s.topics;
            item.audience = s.audience;
            item.objectives = s.objectives;
            item.content_warnings = s.content_warnings;
            item.authors = s.authors;
            std::set<std::string> seen;
            for (const auto& use : citations_in(s)) {
                if (!seen.insert(use.provision).second) continue;
                item.standards.push_back(catalogue_ ? catalogue_->citation_label(use.provision) : use.provision);
            }
            std::sort(item.standards.begin(), item.standards.end());
            if (item.usable) {
                item.decisions = longest_path(s, scenario_edges(s)).decisions;
                topics.insert(s.topics.begin(), s.topics.end());
                audiences.insert(s.audience.begin(), s.audience.end());
                if (!s.language.empty()) languages.insert(s.language);
            }
        } else {
            item.title = fs::path(e.path).filename().string();
        }
        v.items.push_back(std::move(item));
    }
    v.topics.assign(topics.begin(), topics.end());
    v.audiences.assign(audiences.begin(), audiences.end());
    v.languages.assign(languages.begin(), languages.end());
    for (std::size_t i = 0; i < saved_.size(); ++i) {
        const Saved& s = saved_[i];
        ResumableSession r;
        r.slot = static_cast<int>(i);
        const LibraryEntry* e = library_.find(s.scenario_id);
        r.scenario_title = e && e->scenario ? e->scenario->title : s.scenario_id;
        r.mode = std::string(mode_name(s.mode));
        r.decisions = s.session ? static_cast<int>(s.session->history().size()) : 0;
        r.problem = s.problem;
        v.resumable.push_back(std::move(r));
    }
    library_view_ = std::move(v);
}

void Controller::build_standards_view() {
    StandardsView v;
    v.error = catalogue_error_;
    v.focus = standards_view_.focus;
    v.focus_serial = standards_view_.focus_serial;
    if (catalogue_) {
        const Catalogue& cat = *catalogue_;
        // Every citation in the library, gathered once and indexed by provision.
        std::vector<CitationUse> all;
        for (const auto& e : library_.entries) {
            if (!e.usable()) continue;
            auto in = citations_in(*e.scenario);
            all.insert(all.end(), std::make_move_iterator(in.begin()), std::make_move_iterator(in.end()));
        }
        std::map<std::string, std::vector<const CitationUse*>, std::less<>> uses;
        for (const auto& u : all) uses[u.provision].push_back(&u);
        for (const auto& ins : cat.instruments) {
            InstrumentItem item{ins.id, ins.title, ins.short_title, ins.symbol, ins.summary, ins.url, ins.year, {}};
            for (auto i : ins.provisions) item.provisions.push_back(static_cast<int>(i));
            v.instruments.push_back(std::move(item));
        }
        for (const auto& p : cat.provisions) {
            ProvisionItem item;
            item.id = p.id;
            item.label = cat.citation_label(p.id);
            item.number = p.number;
            item.title = p.title;
            item.paraphrase = p.paraphrase;
            item.source = cat.source_of(p);
            const Instrument* ins = cat.find_instrument(p.instrument);
            item.url = !p.url.empty() ? p.url : ins ? ins->url : std::string();
            item.verified = p.verified;
            item.verified_by = p.verified_by;
            item.keywords = p.keywords;
            for (const auto& pr : p.principles) {
                const Principle* principle = cat.find_principle(pr);
                item.principles.push_back(principle ? principle->name : pr);
            }
            if (auto it = uses.find(p.id); it != uses.end()) {
                for (const CitationUse* use : it->second) {
                    const Scenario& s = *library_.find(use->scenario)->scenario;
                    const int node = s.find_node(use->scene);
                    const std::string scene = node >= 0 && !s.is_ending(node) ? s.scene(node).title : use->scene;
                    const Principle* principle = cat.find_principle(use->principle);
                    item.cited_by.push_back(trf("standards.use", {{"scenario", s.title},
                                                                  {"scene", scene},
                                                                  {"principle", principle ? principle->name : use->principle},
                                                                  {"rating", rating_label(use->rating)}}));
                }
            }
            v.provisions.push_back(std::move(item));
        }
    }
    standards_view_ = std::move(v);
}

void Controller::build_player_view(double now) {
    if (!session_) return;
    const Session& s = *session_;
    // Feedback shows the scene the decision was made in, even when that decision ended the scenario.
    if (s.finished() && !feedback_) return;
    const Scenario& sc = s.scenario();
    const Scene& scene = feedback_ && !s.history().empty() ? sc.scene(sc.find_node(s.history().back().scene)) : *s.scene();
    PlayerView v;
    v.scenario_title = sc.title;
    v.role = s.render(sc.role);
    v.scene_title = s.render(scene.title);
    v.text = s.render(scene.text);
    for (const auto& d : scene.dialogue) v.dialogue.push_back({s.render(d.speaker), s.render(d.text)});
    for (const auto& f : scene.facts) v.facts.push_back(s.render(f));
    if (!scene.image.empty()) v.image_path = (fs::path(sc.folder) / scene.image).string();
    v.image_alt = scene.image_alt;
    if (mode_ == Mode::assess) v.narration = s.narration();
    if (!feedback_) {
        for (int i : s.available_choices()) v.choices.push_back({i, s.render(scene.choices[static_cast<std::size_t>(i)].label)});
        if (mode_ == Mode::author && scene.timeout) v.choices.push_back({-1, trf("author.let_time_run_out", {{"s", std::to_string(scene.time_limit)}})});
    }
    v.decision = static_cast<int>(s.history().size()) + 1;
    v.longest = entry_ >= 0 ? library_view_.items[static_cast<std::size_t>(entry_)].decisions : 0;
    v.mode = mode_;
    v.timed = scene.time_limit > 0 && scene.timeout && s.timer_scale > 0 && mode_ != Mode::author;
    v.time_limit = scene.time_limit * s.timer_scale;
    v.remaining = std::max(0.0, v.time_limit - elapsed(now));
    v.paused = paused_at_ >= 0;
    v.can_rewind = mode_ != Mode::assess && !s.history().empty();
    v.reduce_motion = settings_.reduce_motion;
    v.show_feedback = feedback_;
    if (feedback_ && !s.history().empty()) {
        const Debrief d = make_debrief(s, catalogue());
        const DecisionReport& r = d.decisions.back();
        v.feedback = last_feedback(d, s.finished());
        v.scene_title = r.scene_title;
        v.timed = false;
        v.decision = r.number;
    }
    player_view_ = std::move(v);
}

FeedbackView Controller::last_feedback(const Debrief& d, bool last) const {
    const DecisionReport& r = d.decisions.back();
    FeedbackView f;
    f.decision = r.number;
    f.timed_out = r.timed_out;
    f.chose = r.timed_out ? tr("player.timed_out_choice") : r.label;
    f.narration = r.narration;
    f.ratings = rating_items(r.ratings);
    for (const auto& a : r.alternatives) f.alternatives.push_back({a.label, a.chosen, rating_items(a.ratings)});
    f.last = last;
    return f;
}

void Controller::build_debrief_view() {
    const Debrief d = make_debrief(*session_, catalogue());
    DebriefView v;
    v.scenario_title = d.scenario_title;
    v.ending_title = d.ending_title;
    v.outcome = d.outcome;
    v.ending_text = d.ending_text;
    v.summary = d.summary;
    v.complete = d.complete;
    v.mode = mode_;
    v.seed = d.seed;
    if (d.timer_scale == 0) v.timer_note = tr("debrief.timers_off");
    else if (d.timer_scale != 1.0) v.timer_note = trf("debrief.timers_scaled", {{"x", d.timer_scale == 1.5 ? "1.5" : "2"}});
    v.total_seconds = d.total_seconds;
    for (const auto& c : d.critical)
        v.critical.push_back({c.decision, c.principle_name, c.hard_fail_title, c.feedback, cited(c.cites)});
    for (const auto& p : d.principles) v.principles.push_back({p.name, p.percent, p.worst, p.assessed});
    for (const auto& r : d.decisions) {
        TimelineItem t;
        t.number = r.number;
        t.scene_title = r.scene_title;
        t.chose = r.timed_out ? tr("player.timed_out_choice") : r.label;
        t.timed_out = r.timed_out;
        t.seconds = r.seconds;
        t.narration = r.narration;
        t.ratings = rating_items(r.ratings);
        for (const auto& a : r.alternatives) t.alternatives.push_back({a.label, a.chosen, rating_items(a.ratings)});
        v.timeline.push_back(std::move(t));
    }
    v.discussion = d.discussion;
    debrief_view_ = std::move(v);
}

void Controller::build_settings_view() {
    SettingsView v;
    v.settings = settings_;
    v.font = font_report_;
    v.config_path = config_.config_dir.empty() ? std::string() : (fs::path(config_.config_dir) / "settings.toml").string();
    v.data_dir = config_.data_dir;
    v.message = settings_view_.message;
    settings_view_ = std::move(v);
}

}  // namespace measured::ui
