// The scenario model: what a loaded scenario file is, independent of TOML. Every element keeps its
// stable id and the span it came from, so later stages (validator, reports, translations) can point
// back at the source.
#pragma once

#include "diagnostics.hpp"
#include "expr.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace measured {

enum class Rating { exemplary, compliant, concern, violation };
[[nodiscard]] std::string_view rating_name(Rating r);
[[nodiscard]] std::optional<Rating> parse_rating(std::string_view s);
// Points for scoring: exemplary 3, compliant 2, concern 1, violation 0.
[[nodiscard]] int rating_points(Rating r);

enum class Difficulty { introductory, intermediate, advanced };
[[nodiscard]] std::string_view difficulty_name(Difficulty d);

// The outcome categories of endings; the words authors write are listed by outcome_names().
[[nodiscard]] const std::vector<std::string_view>& outcome_names();
[[nodiscard]] const std::vector<std::string_view>& content_warning_names();
// How grave an ending's outcome is, on the rating scale: 0 good (de-escalated, resolved, assembly
// facilitated), 1 mixed (arrest, unresolved, misconduct reported), 2 harmful (injury, assembly
// dispersed), 3 grave (serious injury, death, rights violated). Maps and charts colour by it.
[[nodiscard]] int outcome_severity(std::string_view outcome);

struct Source {
    std::string title;
    std::string detail;
    std::string url;
};

struct Variable {
    VariableInfo info;       // id, type, range
    std::int64_t initial = 0;
    std::string label;
    std::string description;
    Span span;
};

// A citation of a provision by id, with where it was written.
struct Citation {
    std::string id;
    Span span;
};

struct Assessment {
    std::string principle;
    Span principle_span;
    Rating rating = Rating::compliant;
    std::string feedback;
    std::vector<Citation> cites;
    bool critical = false;
    std::string hard_fail;   // id of a hard-fail rule in principles.toml; implies critical
    Span hard_fail_span;
    Span span;
};

// A reference to a scene or ending; `node` is resolved by the loader (-1 when unresolved).
struct Target {
    std::string id;
    Span span;
    int node = -1;
};

struct Outcome {
    std::string id;
    int weight = 1;
    Target target;
    std::vector<Effect> effects;
    std::string narration;
    Span span;
};

struct Choice {
    std::string id;          // "timeout" for a scene's timeout
    std::string label;
    Target target;           // unused when outcomes are present
    std::optional<Expr> condition;
    std::string condition_text;
    Span condition_span;
    std::vector<Effect> effects;
    std::string narration;
    std::vector<Assessment> assessments;
    std::vector<Outcome> outcomes;
    Span span;

    [[nodiscard]] bool scored() const { return !assessments.empty(); }
};

struct DialogueLine {
    std::string speaker;
    std::string text;
};

struct Scene {
    std::string id;
    std::string title;
    std::string text;
    std::string image;
    std::string image_alt;
    Span image_span;
    std::vector<DialogueLine> dialogue;
    std::vector<std::string> facts;
    int time_limit = 0;      // seconds; 0 = untimed
    std::optional<Choice> timeout;
    std::vector<std::string> discussion;
    std::string trainer_notes;
    std::vector<Choice> choices;
    Span span;
};

// Calls f(choice, index) for each choice of a scene in order, then f(timeout, -1) when it has one:
// the one place that knows a timeout is a choice like the others.
template <typename SceneT, typename F>
void for_each_choice(SceneT& scene, F&& f) {
    for (std::size_t i = 0; i < scene.choices.size(); ++i) f(scene.choices[i], static_cast<int>(i));
    if (scene.timeout) f(*scene.timeout, -1);
}

struct Ending {
    std::string id;
    std::string title;
    std::string outcome;     // one of outcome_names()
    std::string text;
    std::string debrief;
    std::string image;
    std::string image_alt;
    Span image_span;
    std::vector<std::string> discussion;
    std::string trainer_notes;
    Span span;
};

struct Scenario {
    // Where it came from.
    std::string path;
    std::string folder;
    std::uint64_t fingerprint = 0;   // of the file's bytes; saves record it

    // Metadata.
    int format = 1;
    std::string id;
    std::string title;
    std::string summary;
    std::string version;
    std::string language;
    std::vector<std::string> authors;
    std::string license;
    int minutes = 0;
    Difficulty difficulty = Difficulty::introductory;
    std::vector<std::string> audience;
    std::vector<std::string> topics;
    std::vector<std::string> objectives;
    std::vector<std::string> content_warnings;
    std::string role;
    std::string start;
    Span start_span;
    std::vector<std::string> discussion;
    std::string trainer_notes;
    std::string author_note;
    std::vector<Source> sources;
    Span span;

    std::vector<Variable> variables;
    std::vector<Scene> scenes;
    std::vector<Ending> endings;

    // Nodes: scenes first (0 … scenes-1), then endings.
    [[nodiscard]] int node_count() const { return static_cast<int>(scenes.size() + endings.size()); }
    [[nodiscard]] bool is_ending(int node) const { return node >= static_cast<int>(scenes.size()); }
    [[nodiscard]] const Ending& ending(int node) const { return endings[static_cast<std::size_t>(node) - scenes.size()]; }
    [[nodiscard]] const Scene& scene(int node) const { return scenes[static_cast<std::size_t>(node)]; }
    [[nodiscard]] const std::string& node_id(int node) const { return is_ending(node) ? ending(node).id : scene(node).id; }
    [[nodiscard]] int find_node(std::string_view id) const;
    [[nodiscard]] int start_node() const { return find_node(start); }
    [[nodiscard]] std::vector<VariableInfo> variable_infos() const;
    [[nodiscard]] std::vector<std::int64_t> initial_values() const;
};

}  // namespace measured
