// Command-line parsing for the runner.

#include "options.hpp"

#include <charconv>
#include <string_view>

namespace measured::app {

const char* const usage =
    "Usage: measured [options]\n"
    "\n"
    "Opens the Measured runner on a scenario library.\n"
    "\n"
    "  --library DIR        the scenarios to list (default: the bundled scenarios/)\n"
    "  --standards DIR      the standards catalogue (default: the bundled assets/standards)\n"
    "  --config DIR         where settings.toml is kept (default: $XDG_CONFIG_HOME/measured)\n"
    "  --data DIR           where sessions and reports are kept (default: $XDG_DATA_HOME/measured)\n"
    "  --open SCENARIO      start this scenario (its id, or the path of its file)\n"
    "  --mode learn|assess  the mode for --open (default: learn)\n"
    "  --author FILE        open a scenario file in Author mode: it reloads on every save and keeps\n"
    "                       your place; map, variables, scenes and diagnostics beside the story\n"
    "  --seed N             the seed for random outcomes (default: a new one each run)\n"
    "  --choose 2,1,3       make these choices (1-based, as shown), as if clicked; 'c' continues\n"
    "                       after the feedback on a decision\n"
    "  --screen NAME        start on library, standards or settings\n"
    "  --frames N           render N frames after the choices, then exit\n"
    "  --screenshot FILE    with --frames: write the last frame as a PNG\n"
    "  --timing             print startup and frame timings to standard error\n"
    "  --help, --version\n";

std::string parse_options(int argc, char** argv, Options& o) {
    auto number = [](std::string_view s, auto& out) {
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        return ec == std::errc() && p == s.data() + s.size();
    };
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&](std::string& err) -> std::optional<std::string> {
            if (i + 1 >= argc) {
                err = std::string(a) + " needs a value";
                return std::nullopt;
            }
            return std::string(argv[++i]);
        };
        std::string err;
        if (a == "--help" || a == "-h") o.help = true;
        else if (a == "--version") o.version = true;
        else if (a == "--timing") o.timing = true;
        else if (a == "--library") o.library = value(err);
        else if (a == "--standards") o.standards = value(err);
        else if (a == "--config") o.config = value(err);
        else if (a == "--data") o.data = value(err);
        else if (a == "--open") o.open = value(err);
        else if (a == "--author") o.author = value(err);
        else if (a == "--screenshot") o.screenshot = value(err);
        else if (a == "--screen") {
            o.screen = value(err);
            if (o.screen && *o.screen != "library" && *o.screen != "standards" && *o.screen != "settings")
                return "--screen must be library, standards or settings";
        } else if (a == "--mode") {
            auto v = value(err);
            if (v && *v != "learn" && *v != "assess") return "--mode must be learn or assess";
            if (v) o.mode = *v;
        } else if (a == "--seed") {
            auto v = value(err);
            std::uint64_t seed = 0;
            if (v && !number(*v, seed)) return "--seed must be a whole number, not '" + *v + "'";
            if (v) o.seed = seed;
        } else if (a == "--frames") {
            auto v = value(err);
            int n = 0;
            if (v && (!number(*v, n) || n < 1 || n > 100000)) return "--frames must be a number from 1 to 100000";
            if (v) o.frames = n;
        } else if (a == "--choose") {
            auto v = value(err);
            if (!v) return err;
            std::string_view list = *v;
            while (!list.empty()) {
                const auto comma = list.find(',');
                const std::string_view item = list.substr(0, comma);
                int n = 0;
                if (item != "c" && (!number(item, n) || n < 1 || n > 9))
                    return "--choose takes numbers from 1 to 9 (or c), separated by commas, not '" + std::string(item) + "'";
                o.choose.emplace_back(item);
                if (comma == std::string_view::npos) break;
                list.remove_prefix(comma + 1);
            }
        } else {
            return "unknown option '" + std::string(a) + "'";
        }
        if (!err.empty()) return err;
    }
    if (o.screenshot && o.frames == 0) return "--screenshot needs --frames N";
    if (o.open && o.author) return "--open and --author cannot be used together";
    if (!o.choose.empty() && !o.open && !o.author) return "--choose needs --open SCENARIO or --author FILE";
    return {};
}

}  // namespace measured::app
