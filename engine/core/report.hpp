// Debrief reports as Markdown (for people) and JSON (for tools). Both are deterministic: the same
// scenario, seed and decisions give byte-identical reports.
#pragma once

#include "catalogue.hpp"
#include "debrief.hpp"

#include <string>

namespace measured {

[[nodiscard]] std::string report_markdown(const Debrief& d, const Catalogue* catalogue);
[[nodiscard]] std::string report_json(const Debrief& d, const Catalogue* catalogue);

// "BPUFF 9, CCLEO 3" — citation labels from the catalogue (ids when it is missing).
[[nodiscard]] std::string citation_list(const std::vector<std::string>& ids, const Catalogue* catalogue);

}  // namespace measured
