// measured-cli bounds: the lowest and highest result reachable on each principle.
#include "cli_common.hpp"
#include "commands.hpp"

#include "bounds.hpp"
#include "json.hpp"

namespace measured::cli {

namespace {
const char* const help =
    "Usage: measured-cli bounds [--format text|json] [--max-states N] [--standards DIR] SCENARIO\n"
    "\n"
    "For each principle the scenario rates: the lowest and the highest result (percentage, as the\n"
    "debrief computes it) that a playthrough from the start to an ending can get, a shortest\n"
    "playthrough for each, and the range of its worst rating (the best a trainee can keep and the\n"
    "worst they can collect). Exact: every combination of scene, variable values and score so far is\n"
    "walked, up to --max-states (default 1000000) per principle. A loop that keeps rating a principle\n"
    "makes that space endless; when the bound is hit the output says the figures are not exact.\n"
    "\n"
    "Exit codes: 0 done; 1 the scenario has errors; 2 usage or I/O error.\n";

std::string route_text(const Scenario& s, const std::vector<PathStep>& steps) {
    std::string out;
    for (const auto& st : steps) out += (out.empty() ? "" : ", ") + describe_step(s, st);
    return out.empty() ? "(no decisions)" : out;
}
}  // namespace

int run_bounds(int argc, char** argv, int first) {
    Args args = parse_args(argc, argv, first, {"--format", "--max-states", "--standards"}, {"--help"});
    if (args.has("--help")) {
        std::fputs(help, stdout);
        return Exit::ok;
    }
    if (!args.error.empty()) return usage_error("bounds", args.error);
    const std::string format = args.get("--format").value_or("text");
    if (format != "text" && format != "json") return usage_error("bounds", "--format must be text or json");
    std::size_t max_states = 1'000'000;
    if (auto m = args.get("--max-states")) {
        auto v = parse_u64(*m);
        if (!v || *v < 1 || *v > 50'000'000) return usage_error("bounds", "--max-states must be a whole number from 1 to 50000000");
        max_states = static_cast<std::size_t>(*v);
    }
    if (args.positional.size() != 1) return usage_error("bounds", "give one scenario file");
    const Checked checked = load_checked(args.positional[0], args.get("--standards"));
    if (!checked.ok()) return checked.exit;
    const Scenario& s = *checked.lint.scenario;
    const BoundsResult b = compute_bounds(s, max_states);

    if (format == "json") {
        JsonWriter j;
        j.begin_object().field("scenario", s.id).field("exact", b.exact).field("states", b.states).field("max_states", b.limit);
        j.key("principles").begin_array();
        for (const auto& p : b.principles) {
            j.begin_object().field("principle", p.principle).field("name", principle_name(checked.cat(), p.principle)).field("reached", p.reached);
            j.field("rated_on_every_path", p.rated_on_every_path);
            j.field("lowest_percent", p.low_percent).field("highest_percent", p.high_percent);
            j.field("best_worst_rating", rating_name(p.best_worst)).field("worst_rating", rating_name(p.worst_worst));
            j.key("lowest_choices").strings(route_choice_ids(s, p.low_route)).key("highest_choices").strings(route_choice_ids(s, p.high_route));
            j.end_object();
        }
        j.end_array().end_object();
        std::fputs(j.str().c_str(), stdout);
        return Exit::ok;
    }
    std::printf("%s — lowest and highest result per principle (%s, %zu states)\n", s.id.c_str(),
                b.exact ? "exact" : "NOT exact: the state bound was hit, so the true range may be wider", b.states);
    for (const auto& p : b.principles) {
        std::printf("\n%s (%s)\n", principle_name(checked.cat(), p.principle).c_str(), p.principle.c_str());
        if (!p.reached) {
            std::printf("  no playthrough that rates it reached an ending within the bound\n");
            continue;
        }
        std::printf("  result:       %d %% to %d %%%s\n", p.low_percent, p.high_percent,
                    p.rated_on_every_path ? "" : " (some playthroughs never rate it)");
        std::printf("  worst rating: at best %s, at worst %s\n", std::string(rating_name(p.best_worst)).c_str(),
                    std::string(rating_name(p.worst_worst)).c_str());
        std::printf("  lowest via:   %s\n", route_text(s, p.low_route).c_str());
        std::printf("  highest via:  %s\n", route_text(s, p.high_route).c_str());
    }
    return Exit::ok;
}

}  // namespace measured::cli
