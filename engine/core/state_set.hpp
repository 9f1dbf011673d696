// The pieces the state-space walks (analysis, bounds) share: a set of fixed-width integer states
// stored once, side by side, in one arena, and the step from a state to the states one decision
// later. Internal to the core.
#pragma once

#include "model.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace measured {

// States live once, side by side in one arena (width values each), found again through an
// open-addressing table of their indices: no allocation per state, which the walks' speed depends on.
struct StateSet {
    std::vector<std::int64_t> arena;
    std::size_t width = 1;

    [[nodiscard]] std::size_t size() const { return arena.size() / width; }
    // Adds the state in `candidate` if it is new.
    void add(const std::vector<std::int64_t>& candidate) {
        if ((size() + 1) * 2 > slots_.size()) grow();
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash(candidate.data()) & mask;; i = (i + 1) & mask) {
            if (slots_[i] == 0) {
                arena.insert(arena.end(), candidate.begin(), candidate.end());
                slots_[i] = size();   // the index plus one
                return;
            }
            if (std::equal(candidate.begin(), candidate.end(), arena.begin() + static_cast<std::ptrdiff_t>((slots_[i] - 1) * width))) return;
        }
    }

private:
    std::vector<std::size_t> slots_;   // 0 = empty, else the state's index plus one

    [[nodiscard]] std::size_t hash(const std::int64_t* s) const {
        std::uint64_t h = 0xcbf29ce484222325ULL;
        for (std::size_t i = 0; i < width; ++i) {
            h ^= static_cast<std::uint64_t>(s[i]);
            h *= 0x100000001b3ULL;
        }
        return static_cast<std::size_t>(h ^ (h >> 29));
    }
    void grow() {
        std::vector<std::size_t> old = std::move(slots_);
        slots_.assign(std::max<std::size_t>(1024, old.size() * 2), 0);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t entry : old) {
            if (entry == 0) continue;
            std::size_t i = hash(arena.data() + (entry - 1) * width) & mask;
            while (slots_[i] != 0) i = (i + 1) & mask;
            slots_[i] = entry;
        }
    }
};

// The states one decision after `st` = [node, values (vars.size() of them), extra…]: for each choice
// on offer (and the timeout), after its effects, and for a random one after each outcome's effects.
// `on_offered(choice)` is called for every choice whose condition holds (not the timeout);
// `step(candidate, choice, choice_index, outcome_index)` for each successor, which it may change
// (the extra slots are copied from `st`). `after` and `next` are scratch space. Returns whether a
// choice was on offer.
template <typename OnOffered, typename Step>
bool for_each_successor(const Scene& scene, std::span<const VariableInfo> vars, const std::vector<std::int64_t>& st,
                        std::vector<std::int64_t>& after, std::vector<std::int64_t>& next, OnOffered on_offered, Step step) {
    const std::span<const std::int64_t> values(st.data() + 1, vars.size());
    bool any = false;
    for_each_choice(scene, [&](const Choice& c, int choice_index) {
        if (choice_index >= 0) {
            if (c.condition && !evaluate(*c.condition, values)) return;
            any = true;
            on_offered(choice_index);
        }
        after = st;
        const std::span<std::int64_t> v(after.data() + 1, vars.size());
        for (const auto& e : c.effects) apply_effect(e, vars, v);
        if (c.outcomes.empty()) {
            if (c.target.node < 0) return;
            after[0] = c.target.node;
            step(after, c, choice_index, -1);
            return;
        }
        for (std::size_t o = 0; o < c.outcomes.size(); ++o) {
            if (c.outcomes[o].target.node < 0) continue;
            next = after;
            const std::span<std::int64_t> nv(next.data() + 1, vars.size());
            for (const auto& e : c.outcomes[o].effects) apply_effect(e, vars, nv);
            next[0] = c.outcomes[o].target.node;
            step(next, c, choice_index, static_cast<int>(o));
        }
    });
    return any;
}

}  // namespace measured
