// The fuzz targets: each takes arbitrary bytes, runs one of the engine's readers of untrusted input
// on them and checks what must hold whatever the bytes are. A violated property aborts, which
// libFuzzer (and the seed test) reports as a finding; a crash or a sanitizer report is one too.
//
// The same functions run in two builds: under libFuzzer with clang, ASan and UBSan (tools/fuzz,
// fuzz_main.cpp), and in the ordinary test build over every file in tests/fuzz/<target>/
// (tests/core/test_fuzz_seeds.cpp), so each finding stays a regression test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace measured::fuzz {

using Bytes = std::span<const std::uint8_t>;

// A scenario file: load and validate it as `lint` does; when it has no errors, play it (first
// choice on offer, then the timeout, up to 300 decisions), score it, and save and resume the
// session, which must come back identical.
void scenario(Bytes data);
// An expression and an effect over four fixed variables: when it parses, its printed form parses
// to the same value, its value lies within its computed interval, and a false condition explains
// itself; an effect keeps its variable within range.
void expression(Bytes data);
// A standards-catalogue file (an instrument file or principles.toml) beside the real principles,
// then the cross-file checks and the citation labels; a provision is found by its own title.
void catalogue(Bytes data);
// A session file, restored on tests/data/golden/scenario.toml; a restored session saves and
// restores to the same history.
void session(Bytes data);
// A workshop record, replayed on tests/data/golden/scenario.toml and exported; a record that reads
// writes back to one that reads the same.
void workshop(Bytes data);

struct Target {
    std::string_view name;
    void (*run)(Bytes);
};
inline constexpr Target targets[] = {
    {"scenario", scenario}, {"expression", expression}, {"catalogue", catalogue}, {"session", session}, {"workshop", workshop},
};

}  // namespace measured::fuzz
