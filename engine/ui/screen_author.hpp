// Author mode: beside the story, a panel with the scenario map (pan, zoom, click to jump), the live
// variables (editable) with why each hidden choice is hidden, the scene list (jump, or start from a
// scene with the current values) and the diagnostics of the file being watched.
#pragma once

#include "commands.hpp"
#include "model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace measured::ui {

struct AuthorDiagnostic {
    std::string location;    // "path:line:col"
    bool error = false;
    std::string code;
    std::string message;
};

struct AuthorVariable {
    std::string id, label;
    bool boolean = false;
    std::int64_t value = 0, min = 0, max = 1;
};

struct HiddenChoice {
    std::string id, label;
    std::vector<std::string> why;   // the false parts of its condition, with the values
};

struct MapNodeView {
    int node = -1;
    std::string id, title;
    float x = 0, y = 0;              // in em, laid out by the core's build_map
    bool ending = false;
    int severity = 0;                // of an ending's outcome, 0 good … 3 grave
    int time_limit = 0;
    bool current = false, visited = false, reachable = true, start = false;
};

struct MapEdgeView {
    int from = -1, to = -1;          // indices into nodes
    std::optional<Rating> worst;
    bool random = false, timeout = false, visited = false, backward = false;
};

struct SceneItem {
    int node = -1;
    std::string id, title;
    bool current = false;
};

struct AuthorView {
    bool active = false;
    std::string path;
    std::string status;              // what the last reload did
    bool stale = false;              // the file has errors: the last good version is running
    bool has_session = false;
    std::vector<AuthorDiagnostic> diagnostics;
    std::vector<AuthorVariable> variables;
    std::vector<HiddenChoice> hidden;
    std::vector<MapNodeView> nodes;
    std::vector<MapEdgeView> edges;
    std::vector<SceneItem> scenes;
    int reload_count = 0;
};

enum class AuthorTab { map, variables, scenes, diagnostics };

struct AuthorUiState {
    AuthorTab tab = AuthorTab::map;
    float zoom = 1.0f;
    float pan_x = 1.0f, pan_y = 0.0f;   // em
    bool fitted = false;
    std::string copied;                 // the location last copied, shown as a confirmation
    int seen_reloads = 0;
};

void draw_author_panel(const AuthorView& vm, AuthorUiState& st, Commands& out);

}  // namespace measured::ui
