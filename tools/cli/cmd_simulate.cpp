// measured-cli simulate: many playthroughs, their endings, results and coverage.
#include "cli_common.hpp"
#include "commands.hpp"

#include "json.hpp"
#include "simulate.hpp"

#include <chrono>

namespace measured::cli {

namespace {
const char* const help =
    "Usage: measured-cli simulate [--runs N] [--seed S] [--policy random|best|worst]\n"
    "                             [--max-decisions N] [--format text|json] [--timing] [--standards DIR] SCENARIO\n"
    "\n"
    "Plays the scenario N times (default 10000) and reports the distribution of endings, the result\n"
    "on each principle (mean, lowest and highest percentage per run, and how often each rating was\n"
    "the worst one), the runs with a critical violation, and which scenes and choices were covered.\n"
    "\n"
    "  --policy random   each choice on offer (and letting a timer run out) is equally likely (default)\n"
    "  --policy best     take the best-rated choice on offer (its lowest rating first, then its average;\n"
    "                    unscored choices count as compliant); ties are broken at random\n"
    "  --policy worst    take the worst-rated choice on offer\n"
    "  --seed S          the seed of the whole simulation (default 1): the same seed gives the same report\n"
    "  --max-decisions N stop a run that has not ended after N decisions (default 1000); it counts as unfinished\n"
    "  --timing          print the number of decisions per second to standard error\n"
    "\n"
    "Random outcomes are drawn by their weights. Runs are independent of the seeds of 'play'.\n"
    "\n"
    "Exit codes: 0 done; 1 the scenario has errors; 2 usage or I/O error.\n";

double share(std::uint64_t part, std::uint64_t whole) { return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0; }
}  // namespace

int run_simulate(int argc, char** argv, int first) {
    Args args = parse_args(argc, argv, first, {"--runs", "--seed", "--policy", "--max-decisions", "--format", "--standards"}, {"--help", "--timing"});
    if (args.has("--help")) {
        std::fputs(help, stdout);
        return Exit::ok;
    }
    if (!args.error.empty()) return usage_error("simulate", args.error);
    SimulateOptions options;
    options.runs = 10000;
    if (auto r = args.get("--runs")) {
        auto v = parse_u64(*r);
        if (!v || *v == 0 || *v > 1'000'000'000) return usage_error("simulate", "--runs must be a whole number from 1 to 1000000000");
        options.runs = *v;
    }
    if (auto r = args.get("--seed")) {
        auto v = parse_u64(*r);
        if (!v) return usage_error("simulate", "--seed must be a whole number from 0 to 18446744073709551615");
        options.seed = *v;
    }
    if (auto r = args.get("--max-decisions")) {
        auto v = parse_u64(*r);
        if (!v || *v == 0 || *v > 1'000'000) return usage_error("simulate", "--max-decisions must be a whole number from 1 to 1000000");
        options.max_decisions = static_cast<int>(*v);
    }
    const std::string policy = args.get("--policy").value_or("random");
    if (policy == "random") options.policy = Policy::random;
    else if (policy == "best") options.policy = Policy::best;
    else if (policy == "worst") options.policy = Policy::worst;
    else return usage_error("simulate", "--policy must be random, best or worst");
    const std::string format = args.get("--format").value_or("text");
    if (format != "text" && format != "json") return usage_error("simulate", "--format must be text or json");
    if (args.positional.size() != 1) return usage_error("simulate", "give one scenario file");
    const Checked checked = load_checked(args.positional[0], args.get("--standards"));
    if (!checked.ok()) return checked.exit;
    const Scenario& s = *checked.lint.scenario;

    const auto t0 = std::chrono::steady_clock::now();
    const SimulateResult r = simulate(s, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (args.has("--timing"))
        std::fprintf(stderr, "%llu decisions in %.3f s: %.2f million decisions per second\n", static_cast<unsigned long long>(r.decisions), seconds,
                     seconds > 0 ? static_cast<double>(r.decisions) / seconds / 1e6 : 0.0);

    std::size_t scenes_seen = 0, choices_total = 0, choices_seen = 0;
    for (std::size_t i = 0; i < s.scenes.size(); ++i) {
        scenes_seen += r.scene_visits[i] > 0 ? 1 : 0;
        for (auto c : r.choice_counts[i]) {
            ++choices_total;
            choices_seen += c > 0 ? 1 : 0;
        }
    }
    auto choice_id = [&](std::size_t scene, std::size_t index) {
        const Scene& sc = s.scenes[scene];
        return index < sc.choices.size() ? sc.choices[index].id : std::string("timeout");
    };

    if (format == "json") {
        JsonWriter j;
        j.begin_object().field("scenario", s.id).field("runs", static_cast<std::int64_t>(r.runs)).field("seed", std::to_string(options.seed));
        j.field("policy", std::string(policy_name(options.policy))).field("decisions", static_cast<std::int64_t>(r.decisions));
        j.field("unfinished", static_cast<std::int64_t>(r.unfinished)).field("critical_runs", static_cast<std::int64_t>(r.critical_runs));
        j.key("endings").begin_array();
        for (std::size_t e = 0; e < s.endings.size(); ++e)
            j.begin_object().field("ending", s.endings[e].id).field("outcome", s.endings[e].outcome).field("runs", static_cast<std::int64_t>(r.ending_counts[e])).end_object();
        j.end_array().key("principles").begin_array();
        for (const auto& p : r.principles) {
            j.begin_object().field("principle", p.principle).field("runs_rated", static_cast<std::int64_t>(p.runs_assessed));
            j.field("mean_percent", p.mean_percent).field("min_percent", p.min_percent).field("max_percent", p.max_percent);
            j.key("worst").begin_object();
            for (int k = 0; k < 4; ++k) j.field(rating_name(static_cast<Rating>(k)), static_cast<std::int64_t>(p.worst[static_cast<std::size_t>(k)]));
            j.end_object().end_object();
        }
        j.end_array().key("coverage").begin_object().field("scenes", scenes_seen).field("scenes_total", s.scenes.size());
        j.field("choices", choices_seen).field("choices_total", choices_total).key("scene_visits").begin_object();
        for (std::size_t i = 0; i < s.scenes.size(); ++i) j.field(s.scenes[i].id, static_cast<std::int64_t>(r.scene_visits[i]));
        j.end_object().key("choices_taken").begin_array();
        for (std::size_t i = 0; i < s.scenes.size(); ++i)
            for (std::size_t c = 0; c < r.choice_counts[i].size(); ++c)
                j.begin_object().field("scene", s.scenes[i].id).field("choice", choice_id(i, c)).field("runs", static_cast<std::int64_t>(r.choice_counts[i][c])).end_object();
        j.end_array().end_object().end_object();
        std::fputs(j.str().c_str(), stdout);
        return Exit::ok;
    }

    std::printf("%s — %llu runs, policy %s, seed %llu\n", s.id.c_str(), static_cast<unsigned long long>(r.runs),
                std::string(policy_name(options.policy)).c_str(), static_cast<unsigned long long>(options.seed));
    std::printf("%llu decisions (%.1f per run); unfinished runs: %llu; runs with a critical violation: %.1f %%\n",
                static_cast<unsigned long long>(r.decisions), r.runs ? static_cast<double>(r.decisions) / static_cast<double>(r.runs) : 0.0,
                static_cast<unsigned long long>(r.unfinished), share(r.critical_runs, r.runs));
    std::printf("\nEndings\n");
    for (std::size_t e = 0; e < s.endings.size(); ++e)
        std::printf("  %-36s %-20s %10llu  %5.1f %%\n", s.endings[e].id.c_str(), s.endings[e].outcome.c_str(),
                    static_cast<unsigned long long>(r.ending_counts[e]), share(r.ending_counts[e], r.runs));
    if (!r.principles.empty()) {
        std::printf("\nPrinciples — result per run (mean, lowest–highest) and how often each rating was the worst\n");
        std::printf("  %-34s %5s %9s %9s %9s %8s %9s\n", "", "mean", "range", "exemplary", "compliant", "concern", "violation");
        for (const auto& p : r.principles) {
            if (p.runs_assessed == 0) {
                std::printf("  %-34s %s\n", principle_name(checked.cat(), p.principle).substr(0, 34).c_str(), "not rated in any run with this policy");
                continue;
            }
            const std::string range = std::to_string(p.min_percent) + "–" + std::to_string(p.max_percent);
            std::printf("  %-34s %4.0f%% %9s %8.1f%% %8.1f%% %7.1f%% %8.1f%%\n", principle_name(checked.cat(), p.principle).substr(0, 34).c_str(), p.mean_percent, range.c_str(),
                        share(p.worst[0], p.runs_assessed), share(p.worst[1], p.runs_assessed), share(p.worst[2], p.runs_assessed),
                        share(p.worst[3], p.runs_assessed));
        }
    }
    std::printf("\nCoverage: %zu of %zu scenes, %zu of %zu choices (timeouts included)\n", scenes_seen, s.scenes.size(), choices_seen, choices_total);
    for (std::size_t i = 0; i < s.scenes.size(); ++i) {
        if (r.scene_visits[i] == 0) {
            std::printf("  never visited: %s\n", s.scenes[i].id.c_str());
            continue;
        }
        for (std::size_t c = 0; c < r.choice_counts[i].size(); ++c)
            if (r.choice_counts[i][c] == 0) std::printf("  never taken: %s → %s\n", s.scenes[i].id.c_str(), choice_id(i, c).c_str());
    }
    return Exit::ok;
}

}  // namespace measured::cli
