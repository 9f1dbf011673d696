// A set of fixed-width integer states stored once, side by side, in one arena; used by the
// state-space walks (analysis, bounds). Internal to the core.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <vector>

namespace measured {

// States live once, side by side in one arena (width values each); the set holds their indices.
struct StateSet {
    std::vector<std::int64_t> arena;
    std::size_t width = 1;

    struct Hash {
        const StateSet* set;
        std::size_t operator()(std::size_t index) const {
            std::uint64_t h = 0xcbf29ce484222325ULL;
            const std::int64_t* s = set->arena.data() + index * set->width;
            for (std::size_t i = 0; i < set->width; ++i) {
                h ^= static_cast<std::uint64_t>(s[i]);
                h *= 0x100000001b3ULL;
            }
            return static_cast<std::size_t>(h);
        }
    };
    struct Equal {
        const StateSet* set;
        bool operator()(std::size_t a, std::size_t b) const {
            return std::equal(set->arena.begin() + static_cast<std::ptrdiff_t>(a * set->width),
                              set->arena.begin() + static_cast<std::ptrdiff_t>((a + 1) * set->width),
                              set->arena.begin() + static_cast<std::ptrdiff_t>(b * set->width));
        }
    };
    std::unordered_set<std::size_t, Hash, Equal> index{1024, Hash{this}, Equal{this}};

    [[nodiscard]] std::size_t size() const { return arena.size() / width; }
    // Adds the state in `candidate` if it is new.
    void add(const std::vector<std::int64_t>& candidate) {
        arena.insert(arena.end(), candidate.begin(), candidate.end());
        if (!index.insert(size() - 1).second) arena.resize(arena.size() - width);
    }
};

}  // namespace measured
