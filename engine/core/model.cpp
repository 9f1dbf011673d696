// The scenario model: names of enumerations and node lookups.
#include "model.hpp"

namespace measured {

std::string_view rating_name(Rating r) {
    switch (r) {
        case Rating::exemplary: return "exemplary";
        case Rating::compliant: return "compliant";
        case Rating::concern: return "concern";
        case Rating::violation: return "violation";
    }
    return "compliant";
}

std::optional<Rating> parse_rating(std::string_view s) {
    if (s == "exemplary") return Rating::exemplary;
    if (s == "compliant") return Rating::compliant;
    if (s == "concern") return Rating::concern;
    if (s == "violation") return Rating::violation;
    return std::nullopt;
}

int rating_points(Rating r) {
    switch (r) {
        case Rating::exemplary: return 3;
        case Rating::compliant: return 2;
        case Rating::concern: return 1;
        case Rating::violation: return 0;
    }
    return 0;
}

std::string_view difficulty_name(Difficulty d) {
    switch (d) {
        case Difficulty::introductory: return "introductory";
        case Difficulty::intermediate: return "intermediate";
        case Difficulty::advanced: return "advanced";
    }
    return "introductory";
}

const std::vector<std::string_view>& outcome_names() {
    static const std::vector<std::string_view> names{
        "de-escalated", "resolved", "arrest", "injury", "serious-injury", "death", "rights-violated",
        "assembly-facilitated", "assembly-dispersed", "misconduct-reported", "unresolved"};
    return names;
}

const std::vector<std::string_view>& content_warning_names() {
    static const std::vector<std::string_view> names{"violence", "weapons", "serious-injury", "death", "suicide", "self-harm",
                                                     "sexual-violence", "torture", "racism", "child-harm"};
    return names;
}

int outcome_severity(std::string_view outcome) {
    if (outcome == "de-escalated" || outcome == "resolved" || outcome == "assembly-facilitated") return 0;
    if (outcome == "arrest" || outcome == "unresolved" || outcome == "misconduct-reported") return 1;
    if (outcome == "injury" || outcome == "assembly-dispersed") return 2;
    return 3;
}

int Scenario::find_node(std::string_view node_id_) const {
    for (std::size_t i = 0; i < scenes.size(); ++i)
        if (scenes[i].id == node_id_) return static_cast<int>(i);
    for (std::size_t i = 0; i < endings.size(); ++i)
        if (endings[i].id == node_id_) return static_cast<int>(scenes.size() + i);
    return -1;
}

std::vector<VariableInfo> Scenario::variable_infos() const {
    std::vector<VariableInfo> out;
    out.reserve(variables.size());
    for (const auto& v : variables) out.push_back(v.info);
    return out;
}

std::vector<std::int64_t> Scenario::initial_values() const {
    std::vector<std::int64_t> out;
    out.reserve(variables.size());
    for (const auto& v : variables) out.push_back(v.initial);
    return out;
}

}  // namespace measured
