// The simulator: the scenario flattened into arrays, a small fast generator, no allocation per run.
#include "simulate.hpp"

#include "text.hpp"

#include <algorithm>
#include <cmath>

namespace measured {

namespace {

// xoshiro256** seeded through splitmix64: fast, good enough for sampling, reproducible.
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& w : s_) {
            w = splitmix64(seed);
            seed += 0x9E3779B97F4A7C15ULL;
        }
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform in [0, n) (Lemire's multiply-shift; the bias is below 2^-32 for the small n used here).
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32); }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4]{};
};

struct FlatOutcome {
    int weight_end = 0;        // cumulative weight
    int target = -1;
    const std::vector<Effect>* effects = nullptr;
};

struct FlatChoice {
    const Expr* condition = nullptr;
    const std::vector<Effect>* effects = nullptr;
    int target = -1;
    std::vector<FlatOutcome> outcomes;
    int total_weight = 0;
    std::vector<std::pair<int, int>> ratings;   // (principle index, points)
    bool critical = false;
    int rank = 0;              // for best/worst: higher is better
};

struct FlatScene {
    std::vector<FlatChoice> choices;   // the timeout last when there is one
    bool has_timeout = false;
};

// Best-first key of a choice: its lowest rating first, then the sum; an unscored choice counts as
// compliant (it is neither praised nor faulted).
int rank_of(const Choice& c) {
    if (c.assessments.empty()) return 2 * 100 + 2 * 10;
    int low = 3, sum = 0;
    for (const auto& a : c.assessments) {
        low = std::min(low, rating_points(a.rating));
        sum += rating_points(a.rating);
    }
    return low * 100 + (sum * 10) / static_cast<int>(c.assessments.size());
}

}  // namespace

std::string_view policy_name(Policy p) {
    switch (p) {
        case Policy::random: return "random";
        case Policy::best: return "best";
        case Policy::worst: return "worst";
    }
    return "random";
}

SimulateResult simulate(const Scenario& s, const SimulateOptions& options) {
    SimulateResult result;
    result.ending_counts.assign(s.endings.size(), 0);
    result.scene_visits.assign(s.scenes.size(), 0);
    const int start = s.start_node();
    if (start < 0) return result;
    const auto vars = s.variable_infos();
    const int scene_count = static_cast<int>(s.scenes.size());

    std::vector<std::string> principles;
    auto principle_index = [&](const std::string& id) {
        const auto it = std::find(principles.begin(), principles.end(), id);
        if (it != principles.end()) return static_cast<int>(it - principles.begin());
        principles.push_back(id);
        return static_cast<int>(principles.size()) - 1;
    };
    std::vector<FlatScene> flat(s.scenes.size());
    for (std::size_t i = 0; i < s.scenes.size(); ++i) {
        const Scene& sc = s.scenes[i];
        for_each_choice(sc, [&](const Choice& c, int index) {
            FlatChoice f;
            f.condition = index >= 0 && c.condition ? &*c.condition : nullptr;
            f.effects = &c.effects;
            f.target = c.target.node;
            for (const auto& o : c.outcomes) {
                f.total_weight += o.weight;
                f.outcomes.push_back({f.total_weight, o.target.node, &o.effects});
            }
            for (const auto& a : c.assessments) {
                f.ratings.push_back({principle_index(a.principle), rating_points(a.rating)});
                f.critical = f.critical || a.critical;
            }
            f.rank = rank_of(c);
            flat[i].choices.push_back(std::move(f));
            if (index < 0) flat[i].has_timeout = true;
        });
        result.choice_counts.emplace_back(flat[i].choices.size(), 0);
    }
    const std::size_t pcount = principles.size();
    result.principles.resize(pcount);
    std::vector<double> percent_sum(pcount, 0);
    for (std::size_t p = 0; p < pcount; ++p) result.principles[p].principle = principles[p];

    Rng rng(options.seed);
    const auto initial = s.initial_values();
    std::vector<std::int64_t> values;
    std::vector<int> points(pcount), assessed(pcount), low(pcount);
    std::vector<int> offered;
    offered.reserve(16);
    for (std::uint64_t run = 0; run < options.runs; ++run) {
        values = initial;
        std::fill(points.begin(), points.end(), 0);
        std::fill(assessed.begin(), assessed.end(), 0);
        std::fill(low.begin(), low.end(), 3);
        bool critical = false;
        int node = start;
        int made = 0;
        while (node < scene_count && made < options.max_decisions) {
            ++result.scene_visits[static_cast<std::size_t>(node)];
            const FlatScene& sc = flat[static_cast<std::size_t>(node)];
            offered.clear();
            for (std::size_t c = 0; c < sc.choices.size(); ++c) {
                const FlatChoice& fc = sc.choices[c];
                if (!fc.condition || evaluate(*fc.condition, values)) offered.push_back(static_cast<int>(c));
            }
            if (offered.empty()) break;   // a dead end (lint reports it); counted as unfinished
            int pick = offered[rng.below(static_cast<std::uint32_t>(offered.size()))];
            if (options.policy != Policy::random) {
                int best_rank = options.policy == Policy::best ? -1 : 1 << 30;
                int ties = 0;
                for (int c : offered) {
                    const int r = sc.choices[static_cast<std::size_t>(c)].rank;
                    const bool better = options.policy == Policy::best ? r > best_rank : r < best_rank;
                    if (better) {
                        best_rank = r;
                        pick = c;
                        ties = 1;
                    } else if (r == best_rank && rng.below(static_cast<std::uint32_t>(++ties)) == 0) {
                        pick = c;   // reservoir sampling among equals
                    }
                }
            }
            const FlatChoice& fc = sc.choices[static_cast<std::size_t>(pick)];
            ++result.choice_counts[static_cast<std::size_t>(node)][static_cast<std::size_t>(pick)];
            for (const auto& e : *fc.effects) apply_effect(e, vars, values);
            for (const auto& [p, pts] : fc.ratings) {
                points[static_cast<std::size_t>(p)] += pts;
                ++assessed[static_cast<std::size_t>(p)];
                low[static_cast<std::size_t>(p)] = std::min(low[static_cast<std::size_t>(p)], pts);
            }
            critical = critical || fc.critical;
            int target = fc.target;
            if (!fc.outcomes.empty()) {
                const int r = static_cast<int>(rng.below(static_cast<std::uint32_t>(fc.total_weight)));
                for (const auto& o : fc.outcomes) {
                    if (r < o.weight_end) {
                        for (const auto& e : *o.effects) apply_effect(e, vars, values);
                        target = o.target;
                        break;
                    }
                }
            }
            ++made;
            node = target;
            if (node < 0) break;
        }
        result.decisions += static_cast<std::uint64_t>(made);
        if (node >= scene_count) ++result.ending_counts[static_cast<std::size_t>(node - scene_count)];
        else ++result.unfinished;
        if (critical) ++result.critical_runs;
        for (std::size_t p = 0; p < pcount; ++p) {
            if (assessed[p] == 0) continue;
            auto& ps = result.principles[p];
            const int percent = static_cast<int>(std::lround(100.0 * points[p] / (3.0 * assessed[p])));
            ++ps.runs_assessed;
            percent_sum[p] += percent;
            ps.min_percent = std::min(ps.min_percent, percent);
            ps.max_percent = std::max(ps.max_percent, percent);
            ++ps.worst[static_cast<std::size_t>(3 - low[p])];
        }
    }
    result.runs = options.runs;
    for (std::size_t p = 0; p < pcount; ++p)
        if (result.principles[p].runs_assessed > 0) result.principles[p].mean_percent = percent_sum[p] / static_cast<double>(result.principles[p].runs_assessed);
    return result;
}

}  // namespace measured
