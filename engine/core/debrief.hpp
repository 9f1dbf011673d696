// Scoring: a pure function of (scenario, catalogue, session history) → the debrief. Every point
// traces back to a decision and the provisions cited for it; critical violations come first.
#pragma once

#include "catalogue.hpp"
#include "model.hpp"
#include "session.hpp"

#include <array>
#include <string>
#include <vector>

namespace measured {

struct RatedPrinciple {
    std::string principle;
    std::string principle_name;
    Rating rating = Rating::compliant;
    std::string feedback;
    std::vector<std::string> cites;
    bool critical = false;
    std::string hard_fail;
};

struct Alternative {
    std::string choice;
    std::string label;
    bool chosen = false;
    std::vector<RatedPrinciple> ratings;   // empty: unscored
};

struct DecisionReport {
    int number = 0;                // 1-based
    std::string scene;
    std::string scene_title;
    std::string choice;            // id, or "timeout"
    std::string label;             // what the trainee chose, as shown
    bool timed_out = false;
    double seconds = 0;
    std::string outcome;           // random outcome id, or ""
    std::string narration;
    std::vector<RatedPrinciple> ratings;
    std::vector<Alternative> alternatives;   // every option offered at that moment, chosen one included
};

struct PrincipleResult {
    std::string principle;
    std::string name;
    int assessed = 0;              // number of ratings
    int points = 0;                // exemplary 3, compliant 2, concern 1, violation 0
    int max_points = 0;
    int percent = 0;               // points / max_points, rounded
    Rating worst = Rating::exemplary;
    std::array<int, 4> counts{};   // by Rating
    std::vector<int> decisions;    // numbers of the decisions that rated it
};

struct CriticalViolation {
    int decision = 0;
    std::string principle;
    std::string principle_name;
    std::string hard_fail;         // the absolute rule broken, when the author named one
    std::string hard_fail_title;
    std::string feedback;
    std::vector<std::string> cites;
};

struct Debrief {
    std::string scenario_id;
    std::string scenario_title;
    std::string scenario_version;
    std::uint64_t seed = 0;
    double timer_scale = 1.0;
    bool complete = false;         // an ending was reached
    std::string ending;
    std::string ending_title;
    std::string outcome;           // ending outcome category
    std::string ending_text;
    std::string summary;           // the ending's debrief text
    double total_seconds = 0;
    std::vector<CriticalViolation> critical;
    std::vector<PrincipleResult> principles;   // catalogue order, only those assessed
    std::vector<DecisionReport> decisions;
    std::vector<std::string> discussion;       // the ending's questions, then the scenario's
};

[[nodiscard]] Debrief make_debrief(const Session& session, const Catalogue* catalogue);

// What the scenario rates a choice, principle by principle (as a debrief shows it).
[[nodiscard]] std::vector<RatedPrinciple> rate_choice(const Choice& choice, const Catalogue* catalogue);

}  // namespace measured
