// The runner's command line: where things are, and the automation flags for tests, demos and
// screenshots.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace measured::app {

struct Options {
    std::optional<std::string> library, standards, config, data;
    std::optional<std::string> open;          // scenario id or path
    std::string mode = "learn";
    std::optional<std::string> author;        // a scenario file to open in Author mode
    std::optional<std::uint64_t> seed;
    std::vector<std::string> choose;          // "2", "1", … ("c" continues after feedback); see usage for workshops
    int frames = 0;                           // > 0: render this many frames after the choices, then exit
    std::optional<std::string> screenshot;
    std::optional<std::string> projector_screenshot;   // Workshop mode: the projector window's last frame
    std::optional<std::string> screen;        // start on: library, standards, settings, debrief
    bool timing = false;                      // print startup and frame timings to stderr
    bool help = false, version = false;
};

// A workshop step of --choose: clock, flag, contrast, show-…, whatifN, v3/12/5.
[[nodiscard]] bool is_workshop_step(std::string_view step);

// Parses argv; on a mistake returns the message (and the caller exits with status 2).
[[nodiscard]] std::string parse_options(int argc, char** argv, Options& out);

extern const char* const usage;

}  // namespace measured::app
