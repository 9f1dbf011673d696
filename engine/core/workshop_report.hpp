// The group debrief of a workshop as a record to keep or share: the path the group played with how
// it voted at each decision and every override with its reason, the flags as a timeline, the "what
// if" branches next to the path played, the results per principle, the critical moments and the
// questions for discussion. Markdown, one self-contained HTML file (printable, no scripts, nothing
// loaded from elsewhere) and JSON; all three deterministic. Trainer notes are left out: the record
// is often handed to the participants.
#pragma once

#include "catalogue.hpp"
#include "workshop.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace measured {

// `g` as make_group_debrief gives it: one debrief per branch of the record, the path played first.
[[nodiscard]] std::string workshop_markdown(const GroupDebrief& g, const Catalogue* catalogue);
[[nodiscard]] std::string workshop_html(const GroupDebrief& g, const Catalogue* catalogue);
[[nodiscard]] std::string workshop_json(const GroupDebrief& g, const Catalogue* catalogue);

// & < > " ' as entities: every text that goes into HTML goes through this.
[[nodiscard]] std::string html_escape(std::string_view s);

// "04:07", or "1:04:07" from an hour on (whole seconds, rounded down).
[[nodiscard]] std::string clock_text(double seconds);

// "Path played" for branch 0, "What if 2" for branch 2.
[[nodiscard]] std::string branch_name(std::size_t branch);

// The share of `part` in `whole` as a whole percentage, rounded; 0 when `whole` is 0.
[[nodiscard]] int percent_of(long long part, long long whole);

}  // namespace measured
