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
    "  --mode MODE          the mode for --open: learn (default), assess, or workshop (a trainer's\n"
    "                       console here and a projector window for the room)\n"
    "  --author FILE        open a scenario file in Author mode: it reloads on every save and keeps\n"
    "                       your place; map, variables, scenes and diagnostics beside the story\n"
    "  --seed N             the seed for random outcomes (default: a new one each run)\n"
    "  --choose 2,1,3       make these choices (1-based, as shown), as if clicked; 'c' continues\n"
    "                       after the feedback on a decision. In a workshop also: 'clock' starts\n"
    "                       the clock, 'v3/12/5' enters the votes per option, 'flag' sets a flag,\n"
    "                       'whatif2' plays decision 2 again, 'show-votes', 'show-feedback',\n"
    "                       'show-debrief', 'show-discussion', 'show-notes', 'contrast' reveal on\n"
    "                       the projector\n"
    "  --screen NAME        start on library, standards or settings\n"
    "  --frames N           render N frames after the choices, then exit\n"
    "  --screenshot FILE    with --frames: write the last frame as a PNG\n"
    "  --projector-screenshot FILE  the same for the projector window of a workshop\n"
    "  --timing             print startup and frame timings to standard error\n"
    "  --help, --version\n";

bool is_workshop_step(std::string_view s) {
    if (s == "clock" || s == "flag" || s == "contrast" || s == "show-votes" || s == "show-feedback" || s == "show-debrief" ||
        s == "show-discussion" || s == "show-notes")
        return true;
    auto digits = [](std::string_view d) { return !d.empty() && d.size() <= 4 && d.find_first_not_of("0123456789") == std::string_view::npos; };
    if (s.rfind("whatif", 0) == 0) return digits(s.substr(6));
    if (s.rfind("v", 0) == 0) {
        std::string_view rest = s.substr(1);
        while (true) {
            const auto slash = rest.find('/');
            if (!digits(rest.substr(0, slash))) return false;
            if (slash == std::string_view::npos) return true;
            rest.remove_prefix(slash + 1);
        }
    }
    return false;
}

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
        else if (a == "--projector-screenshot") o.projector_screenshot = value(err);
        else if (a == "--screen") {
            o.screen = value(err);
            if (o.screen && *o.screen != "library" && *o.screen != "standards" && *o.screen != "settings")
                return "--screen must be library, standards or settings";
        } else if (a == "--mode") {
            auto v = value(err);
            if (v && *v != "learn" && *v != "assess" && *v != "workshop") return "--mode must be learn, assess or workshop";
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
                o.choose.emplace_back(item);
                if (comma == std::string_view::npos) break;
                list.remove_prefix(comma + 1);
            }
        } else {
            return "unknown option '" + std::string(a) + "'";
        }
        if (!err.empty()) return err;
    }
    // The workshop's steps are checked here, once the mode is known.
    for (const auto& item : o.choose) {
        int n = 0;
        if (item == "c" || (number(item, n) && n >= 1 && n <= 9)) continue;
        if (o.mode == "workshop" && is_workshop_step(item)) continue;
        return o.mode == "workshop" ? "--choose: '" + item + "' is not a workshop step (see --help)"
                                    : "--choose takes numbers from 1 to 9 (or c), separated by commas, not '" + item + "'";
    }
    if ((o.screenshot || o.projector_screenshot) && o.frames == 0) return "--screenshot needs --frames N";
    if (o.projector_screenshot && o.mode != "workshop") return "--projector-screenshot needs --mode workshop";
    if (o.open && o.author) return "--open and --author cannot be used together";
    if (!o.choose.empty() && !o.open && !o.author) return "--choose needs --open SCENARIO or --author FILE";
    return {};
}

}  // namespace measured::app
