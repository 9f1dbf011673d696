// measured-cli paths: the shortest way to each ending, and the choices that can never be taken.
#include "cli_common.hpp"
#include "commands.hpp"

#include "json.hpp"
#include "paths.hpp"

namespace measured::cli {

namespace {
const char* const help =
    "Usage: measured-cli paths [--format text|json] [--standards DIR] SCENARIO\n"
    "\n"
    "For each ending, the shortest sequence of decisions that reaches it from the start, taking\n"
    "conditions, effects and random outcomes into account (the outcome a step must draw is named in\n"
    "brackets), or the reason it cannot be reached. Then each choice that can never be taken, and why.\n"
    "The search walks every combination of scene and variable values, up to 200 000; when it stops\n"
    "early it says so and claims nothing about what it did not see.\n"
    "\n"
    "The choice ids of a route can be replayed with 'measured-cli test' transcripts.\n"
    "\n"
    "Exit codes: 0 every ending can be reached; 1 some cannot, or the scenario has errors;\n"
    "2 usage or I/O error.\n";
}  // namespace

int run_paths(int argc, char** argv, int first) {
    Args args = parse_args(argc, argv, first, {"--format", "--standards"}, {"--help"});
    if (args.has("--help")) {
        std::fputs(help, stdout);
        return Exit::ok;
    }
    if (!args.error.empty()) return usage_error("paths", args.error);
    const std::string format = args.get("--format").value_or("text");
    if (format != "text" && format != "json") return usage_error("paths", "--format must be text or json");
    if (args.positional.size() != 1) return usage_error("paths", "give one scenario file");
    const Checked checked = load_checked(args.positional[0], args.get("--standards"));
    if (!checked.ok()) return checked.exit;
    const Scenario& s = *checked.lint.scenario;
    const PathsReport report = find_paths(s);
    bool all = true;
    for (const auto& e : report.endings) all = all && e.reached;

    if (format == "json") {
        JsonWriter j;
        j.begin_object().field("scenario", s.id).field("complete", report.complete).field("states", report.states);
        j.key("endings").begin_array();
        for (const auto& e : report.endings) {
            const Ending& en = s.ending(e.ending);
            j.begin_object().field("ending", en.id).field("outcome", en.outcome).field("reachable", e.reached);
            if (e.reached) {
                j.field("decisions", e.steps.size()).key("steps").begin_array();
                for (const auto& st : e.steps) {
                    const Scene& sc = s.scene(st.scene);
                    j.begin_object().field("scene", sc.id).field("choice", st.choice < 0 ? std::string("timeout") : sc.choices[static_cast<std::size_t>(st.choice)].id);
                    if (st.outcome >= 0) {
                        const Choice& c = st.choice < 0 ? *sc.timeout : sc.choices[static_cast<std::size_t>(st.choice)];
                        j.field("outcome", c.outcomes[static_cast<std::size_t>(st.outcome)].id);
                    }
                    j.end_object();
                }
                j.end_array().key("choices").strings(route_choice_ids(s, e.steps));
            } else {
                j.field("reason", e.reason);
            }
            j.end_object();
        }
        j.end_array().key("never_taken").begin_array();
        for (const auto& n : report.never_taken) {
            const Scene& sc = s.scene(n.scene);
            j.begin_object().field("scene", sc.id).field("choice", n.choice < 0 ? std::string("timeout") : sc.choices[static_cast<std::size_t>(n.choice)].id);
            j.field("reason", n.reason).end_object();
        }
        j.end_array().end_object();
        std::fputs(j.str().c_str(), stdout);
        return all ? Exit::ok : Exit::found_errors;
    }

    std::size_t reached = 0;
    for (const auto& e : report.endings) reached += e.reached ? 1 : 0;
    std::printf("%s — %zu of %zu endings can be reached%s\n", s.id.c_str(), reached, report.endings.size(),
                report.complete ? "" : " (the search stopped early; the rest is unknown)");
    for (const auto& e : report.endings) {
        const Ending& en = s.ending(e.ending);
        std::printf("\n%s (%s)", en.id.c_str(), en.outcome.c_str());
        if (!e.reached) {
            std::printf(": cannot be reached — %s\n", e.reason.c_str());
            continue;
        }
        std::printf(": %zu decision%s\n", e.steps.size(), e.steps.size() == 1 ? "" : "s");
        for (std::size_t i = 0; i < e.steps.size(); ++i) std::printf("  %2zu. %s\n", i + 1, describe_step(s, e.steps[i]).c_str());
    }
    if (report.complete) {
        if (report.never_taken.empty()) {
            std::printf("\nEvery choice can be taken.\n");
        } else {
            std::printf("\nChoices that can never be taken:\n");
            for (const auto& n : report.never_taken) {
                const Scene& sc = s.scene(n.scene);
                const Choice& c = n.choice < 0 ? *sc.timeout : sc.choices[static_cast<std::size_t>(n.choice)];
                std::printf("  %s:%u:%u: %s → %s: %s\n", c.span.path.c_str(), c.span.line, c.span.column, sc.id.c_str(),
                            n.choice < 0 ? "timeout" : c.id.c_str(), n.reason.c_str());
            }
        }
    }
    return all ? Exit::ok : Exit::found_errors;
}

}  // namespace measured::cli
