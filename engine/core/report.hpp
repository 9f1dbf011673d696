// Debrief reports as Markdown (for people) and JSON (for tools). Both are deterministic: the same
// scenario, seed and decisions give byte-identical reports. The pieces below the two reports are
// shared with the workshop reports (workshop_report.hpp) and the summary across records.
#pragma once

#include "catalogue.hpp"
#include "debrief.hpp"
#include "json.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace measured {

[[nodiscard]] std::string report_markdown(const Debrief& d, const Catalogue* catalogue);
[[nodiscard]] std::string report_json(const Debrief& d, const Catalogue* catalogue);

// "BPUFF 9, CCLEO 3" — citation labels from the catalogue (ids when it is missing).
[[nodiscard]] std::string citation_list(const std::vector<std::string>& ids, const Catalogue* catalogue);

// "12.5 s".
[[nodiscard]] std::string seconds_text(double seconds);
// "Violation": the rating as a word that can start a sentence.
[[nodiscard]] std::string rating_word(Rating r);
// Markdown table cells cannot hold newlines or bare pipes.
[[nodiscard]] std::string markdown_cell(std::string_view s);
// "", " · timers off" or " · timers ×1.5", for the line under a report's title.
[[nodiscard]] std::string timers_text(double timer_scale);
// "2 compliant, 1 violation": how often a principle got each rating.
[[nodiscard]] std::string rating_counts_text(const PrincipleResult& p);
// The per-principle table with the line explaining the result, as in the debrief.
[[nodiscard]] std::string markdown_principles(const std::vector<PrincipleResult>& principles);
// One bullet per critical violation: decision, principle, hard-fail rule, feedback, citations.
[[nodiscard]] std::string markdown_critical(const std::vector<CriticalViolation>& critical, const Catalogue* catalogue);
// The debrief JSON's "critical" and "principles" arrays.
void write_critical_json(JsonWriter& j, const std::vector<CriticalViolation>& critical);
void write_principles_json(JsonWriter& j, const std::vector<PrincipleResult>& principles);

}  // namespace measured
