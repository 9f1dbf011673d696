// The controller's Author mode: watching the file, reloading it in place, and the author panel's
// view-model (map, variables, hidden choices, scenes, diagnostics).

#include "controller.hpp"

#include "files.hpp"
#include "strings.hpp"
#include "text.hpp"
#include "toml_source.hpp"
#include "validator.hpp"

#include <algorithm>
#include <filesystem>

namespace measured::ui {

namespace fs = std::filesystem;

namespace {

// The bytes decide, not the modification time: editors that save twice in a second, or restore a
// file, are seen as they are. 0 when the file cannot be read.
std::uint64_t file_stamp(const std::string& path) {
    Diagnostics ignored;
    const auto file = read_source_file(path, ignored);
    return file ? fnv1a64(file->text) | 1 : 0;
}

std::uint64_t folder_stamp(const std::string& dir) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    std::error_code ec;
    std::vector<std::string> entries;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const auto size = it->file_size(ec);
        const auto time = it->last_write_time(ec).time_since_epoch().count();
        entries.push_back(it->path().string() + "|" + std::to_string(size) + "|" + std::to_string(time));
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& e : entries) h = fnv1a64(e, h);
    return h;
}

std::string location(const Span& s) { return s.path + ":" + std::to_string(s.line) + ":" + std::to_string(s.column); }

}  // namespace

void Controller::open_author(const std::string& path, double now) {
    session_.reset();
    feedback_ = false;
    author_ = std::make_unique<Author>();
    author_->path = path;
    author_->stamp = file_stamp(path);
    if (!config_.standards_dir.empty()) author_->catalogue_stamp = folder_stamp(config_.standards_dir);
    mode_ = Mode::author;
    const LibraryEntry* e = nullptr;
    std::error_code ec;
    for (const auto& entry : library_.entries)
        if (fs::equivalent(entry.path, path, ec)) e = &entry;
    entry_ = e ? static_cast<int>(e - library_.entries.data()) : -1;
    screen_ = Screen::player;
    reload_author(now);
}

bool Controller::check_files(double now) {
    if (!author_) return false;
    bool changed = false;
    if (!config_.standards_dir.empty()) {
        const std::uint64_t cs = folder_stamp(config_.standards_dir);
        if (cs != author_->catalogue_stamp) {
            author_->catalogue_stamp = cs;
            Diagnostics diags;
            auto cat = load_catalogue(config_.standards_dir, diags);
            // A catalogue being edited may be broken for a moment; keep the last good one.
            if (!diags.has_errors()) {
                catalogue_ = std::move(cat);
                catalogue_error_.clear();
                changed = true;
            }
        }
    }
    const std::uint64_t stamp = file_stamp(author_->path);
    if (stamp != author_->stamp) {
        author_->stamp = stamp;
        changed = true;
    }
    if (changed) reload_author(now);
    return changed;
}

void Controller::reload_author(double now) {
    Author& a = *author_;
    ValidateOptions options;
    options.catalogue = catalogue();
    LintResult r = lint_scenario(a.path, options);
    a.diagnostics = std::move(r.diagnostics);
    a.diagnostics.sort();
    ++a.reloads;
    if (!r.scenario || a.diagnostics.has_errors()) {
        a.stale = true;
        a.status = trf(a.scenario ? "author.status_stale" : "author.status_broken", {{"n", std::to_string(a.diagnostics.error_count())}});
        if (screen_ == Screen::player) build_player_view(now);
        build_author_view();
        return;
    }
    auto fresh = std::make_unique<Scenario>(std::move(*r.scenario));
    const bool first = !a.scenario;
    a.stale = false;
    if (session_) {
        std::size_t kept = 0;
        std::string why;
        Session moved = session_->replay_on(*fresh, &kept, &why);
        a.status = why.empty() ? trf("author.status_reloaded", {{"n", std::to_string(kept)}})
                               : trf("author.status_partial", {{"n", std::to_string(kept)}, {"why", why}});
        session_.emplace(std::move(moved));
    } else {
        start_author_session(*fresh, -1, {});
        a.status = trf("author.status_loaded", {{"path", a.path}});
    }
    if (!first && a.diagnostics.warning_count() > 0)
        a.status += " " + trf("author.status_warnings", {{"n", std::to_string(a.diagnostics.warning_count())}});
    a.scenario = std::move(fresh);   // the previous version goes only now: the old session pointed at it
    a.map = build_map(*a.scenario);
    if (screen_ == Screen::player || screen_ == Screen::debrief || screen_ == Screen::warning) {
        screen_ = Screen::player;
        begin_scene(now);
    }
    build_author_view();
}

void Controller::start_author_session(const Scenario& s, int node, std::vector<std::int64_t> values) {
    if (values.empty()) values = s.initial_values();
    session_.emplace(s, config_.make_seed(), node < 0 ? s.start_node() : node, std::move(values));
    session_->mode = std::string(mode_name(Mode::author));
}

void Controller::build_author_view() {
    AuthorView v;
    if (!author_) {
        author_view_ = std::move(v);
        return;
    }
    const Author& a = *author_;
    v.active = true;
    v.path = a.path;
    v.status = a.status;
    v.stale = a.stale;
    v.reload_count = a.reloads;
    for (const auto& d : a.diagnostics.items())
        v.diagnostics.push_back({location(d.span), d.severity == Severity::error, d.code, d.message});
    if (!a.scenario || !session_) {
        author_view_ = std::move(v);
        return;
    }
    const Scenario& s = *a.scenario;
    const Session& ses = *session_;
    v.has_session = true;
    for (std::size_t i = 0; i < s.variables.size(); ++i) {
        const Variable& var = s.variables[i];
        v.variables.push_back({var.info.id, var.label.empty() ? var.info.id : var.label, var.info.type == ValueType::boolean, ses.values()[i],
                               var.info.min, var.info.max});
    }
    const auto infos = s.variable_infos();
    if (const Scene* scene = ses.scene(); scene && !feedback_) {
        for (const auto& c : scene->choices)
            if (c.condition && !evaluate(*c.condition, ses.values()))
                v.hidden.push_back({c.id, ses.render(c.label), explain_false(*c.condition, infos, ses.values())});
    }

    // The map, spread out in em: columns 14 apart, each column centred on the start's row.
    std::vector<int> per_column(static_cast<std::size_t>(a.map.columns), 0);
    for (const auto& n : a.map.nodes) ++per_column[static_cast<std::size_t>(n.column)];
    std::vector<bool> visited(static_cast<std::size_t>(s.node_count()), false);
    for (const auto& d : ses.history()) visited[static_cast<std::size_t>(s.find_node(d.scene))] = true;
    visited[static_cast<std::size_t>(ses.node())] = true;
    if (ses.start() >= 0) visited[static_cast<std::size_t>(ses.start())] = true;
    for (const auto& n : a.map.nodes) {
        MapNodeView mv;
        mv.node = n.node;
        mv.id = s.node_id(n.node);
        mv.ending = s.is_ending(n.node);
        mv.title = mv.ending ? s.ending(n.node).title : s.scene(n.node).title;
        mv.severity = mv.ending ? outcome_severity(s.ending(n.node).outcome) : 0;
        mv.time_limit = mv.ending ? 0 : s.scene(n.node).time_limit;
        mv.x = static_cast<float>(n.column) * 14.0f;
        mv.y = (static_cast<float>(n.row) - static_cast<float>(per_column[static_cast<std::size_t>(n.column)] - 1) * 0.5f) * 3.8f;
        mv.current = n.node == ses.node();
        mv.visited = visited[static_cast<std::size_t>(n.node)];
        mv.reachable = n.reachable;
        mv.start = n.node == s.start_node();
        v.nodes.push_back(std::move(mv));
    }
    // Edges the session took: decision i goes from its scene to the next decision's scene (or to
    // where the session is now), by its choice and drawn outcome.
    const auto& history = ses.history();
    for (const auto& e : a.map.edges) {
        MapEdgeView ev{e.from, e.to, e.worst, e.outcome >= 0, e.choice < 0, false, e.backward};
        const Scene& from = s.scene(e.from);
        const std::string choice_id = e.choice < 0 ? std::string("timeout") : from.choices[static_cast<std::size_t>(e.choice)].id;
        for (std::size_t i = 0; i < history.size() && !ev.visited; ++i) {
            const int to = i + 1 < history.size() ? s.find_node(history[i + 1].scene) : ses.node();
            ev.visited = history[i].scene == from.id && history[i].choice == choice_id && to == e.to;
        }
        v.edges.push_back(ev);
    }
    for (std::size_t i = 0; i < s.scenes.size(); ++i)
        v.scenes.push_back({static_cast<int>(i), s.scenes[i].id, s.scenes[i].title, !ses.finished() && ses.node() == static_cast<int>(i)});
    author_view_ = std::move(v);
}

}  // namespace measured::ui
