// measured-cli play: a scenario in the terminal — interactive with a countdown for timed scenes,
// or scripted with --choose / piped choices — then the debrief. The clock is read here, never in core.
#include "cli_common.hpp"
#include "commands.hpp"

#include "debrief.hpp"
#include "report.hpp"
#include "session_file.hpp"
#include "files.hpp"
#include "text.hpp"
#include "validator.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>

#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace measured::cli {

namespace {

const char* const help =
    "Usage: measured-cli play [OPTIONS] SCENARIO\n"
    "\n"
    "Plays a scenario in the terminal: numbered choices, remaining time for timed scenes, then the\n"
    "debrief. Choices come from --choose, then from the keyboard (or from standard input when it is\n"
    "not a terminal, one number per line).\n"
    "\n"
    "Options:\n"
    "  --seed N             seed for random outcomes (default: a new one, printed at the start)\n"
    "  --choose LIST        decisions to make, comma-separated, 1-based in the order shown;\n"
    "                       't' lets a timed scene's clock run out: --choose 2,1,t,3\n"
    "  --report FILE        write the debrief to FILE.md (Markdown) or FILE.json (JSON)\n"
    "  --session-out FILE   save the session after every decision (atomically)\n"
    "  --resume FILE        continue a saved session\n"
    "  --timers SCALE       normal (default), 1.5, 2 or off: more time to decide, recorded in the debrief\n"
    "  --standards DIR      the standards catalogue (default: the bundled assets/standards)\n"
    "  --quiet              print only the debrief\n"
    "\n"
    "Exit codes: 0 finished; 1 the scenario has errors; 2 usage or I/O error;\n"
    "3 the decisions ran out before an ending (standard input is not a terminal): the session was\n"
    "saved to --session-out, or to SCENARIO-ID.session.toml in the current folder.\n";

bool stdin_is_tty() { return ::isatty(STDIN_FILENO) == 1; }
bool stdout_is_tty() { return ::isatty(STDOUT_FILENO) == 1; }

std::size_t terminal_width() {
    winsize w{};
    if (stdout_is_tty() && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col >= 40) return std::min<std::size_t>(w.ws_col, 88);
    return 80;
}

// Renders the light markup for a terminal: bold/italic on a terminal, plain text otherwise.
std::string render_markup(std::string_view text) {
    const bool ansi = stdout_is_tty();
    std::string out;
    bool bold = false, italic = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i, 2) == "**") {
            bold = !bold;
            if (ansi) out += bold ? "\033[1m" : "\033[22m";
            ++i;
        } else if (text[i] == '*') {
            italic = !italic;
            if (ansi) out += italic ? "\033[3m" : "\033[23m";
        } else {
            out += text[i];
        }
    }
    if (ansi && (bold || italic)) out += "\033[0m";
    return out;
}

// Wraps each paragraph to the width; blank lines separate paragraphs. The first line starts with
// `first`, the following ones with as many spaces (a hanging indent for bullets).
std::string wrap(std::string_view text, std::size_t width, std::string_view first = "") {
    std::string out, line;
    std::size_t line_len = 0;
    const std::string hang(utf8_length(first), ' ');
    bool first_line = true;
    const std::string_view indent = hang;
    auto flush = [&] {
        if (!line.empty()) out += (first_line ? std::string(first) : hang) + line + "\n";
        if (!line.empty()) first_line = false;
        line.clear();
        line_len = 0;
    };
    std::size_t i = 0;
    while (i <= text.size()) {
        std::size_t end = text.find('\n', i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view raw = text.substr(i, end - i);
        if (raw.find_first_not_of(" \t\r") == std::string_view::npos) {
            flush();
            if (!out.empty() && out.substr(out.size() - 2) != "\n\n") out += "\n";
        } else {
            std::size_t w = 0;
            while (w < raw.size()) {
                while (w < raw.size() && raw[w] == ' ') ++w;
                std::size_t e = raw.find(' ', w);
                if (e == std::string_view::npos) e = raw.size();
                if (e > w) {
                    const std::string_view word = raw.substr(w, e - w);
                    std::size_t visible = 0;
                    for (char c : word)
                        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != '*') ++visible;
                    if (line_len + visible + (line.empty() ? 0 : 1) > width - indent.size()) flush();
                    if (!line.empty()) {
                        line += ' ';
                        ++line_len;
                    }
                    line += word;
                    line_len += visible;
                }
                w = e;
            }
        }
        if (end == text.size()) break;
        i = end + 1;
    }
    flush();
    while (out.size() > 1 && out.substr(out.size() - 2) == "\n\n") out.pop_back();
    return out;
}

// The debrief for a terminal: paragraphs and bullets wrapped with hanging indents; tables as they are.
std::string wrap_markdown(std::string_view md, std::size_t width) {
    std::string out;
    std::size_t i = 0;
    while (i < md.size()) {
        std::size_t end = md.find('\n', i);
        if (end == std::string_view::npos) end = md.size();
        const std::string_view line = md.substr(i, end - i);
        i = end + 1;
        if (line.empty() || line.front() == '|' || line.front() == '#') {
            out += std::string(line) + "\n";
            continue;
        }
        const std::size_t lead = line.find_first_not_of(' ');
        const bool bullet = lead != std::string_view::npos && line.substr(lead, 2) == "- ";
        const std::size_t prefix = bullet ? lead + 2 : 0;
        out += wrap(line.substr(prefix), width, line.substr(0, prefix));
    }
    return out;
}

struct Script {
    std::vector<std::string> items;
    std::size_t next = 0;
};

enum class InputKind { choice, timeout, end, invalid };
struct Input {
    InputKind kind = InputKind::end;
    int number = 0;
    double seconds = 0;
    std::string raw;
};

Input parse_input(const std::string& raw) {
    std::string s;
    for (char c : raw)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') s += c;
    if (s == "t" || s == "timeout") return {InputKind::timeout, 0, 0, raw};
    if (auto v = parse_u64(s); v && *v >= 1 && *v <= 9) return {InputKind::choice, static_cast<int>(*v), 0, raw};
    return {InputKind::invalid, 0, 0, raw};
}

using Clock = std::chrono::steady_clock;

// Reads one line from a terminal, showing the time left since the scene appeared at `start`;
// returns a timeout when it runs out. A wrong entry does not restart the clock.
Input read_timed(double limit_seconds, Clock::time_point start) {
    using clock = Clock;
    std::string buffer;
    int last_shown = -1;
    while (true) {
        const double elapsed = std::chrono::duration<double>(clock::now() - start).count();
        if (limit_seconds > 0 && elapsed >= limit_seconds) {
            std::printf("\n");
            return {InputKind::timeout, 0, limit_seconds, {}};
        }
        if (limit_seconds > 0) {
            const int left = static_cast<int>(limit_seconds - elapsed + 0.999);
            if (left != last_shown) {
                std::printf("\r[%3d s left] > %s", left, buffer.c_str());
                std::fflush(stdout);
                last_shown = left;
            }
        }
        pollfd p{STDIN_FILENO, POLLIN, 0};
        const int wait_ms = limit_seconds > 0 ? 200 : -1;
        if (::poll(&p, 1, wait_ms) > 0) {
            char buf[256];
            const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
            if (n <= 0) return {InputKind::end, 0, 0, {}};
            buffer.append(buf, static_cast<std::size_t>(n));
            if (auto nl = buffer.find('\n'); nl != std::string::npos) {
                Input in = parse_input(buffer.substr(0, nl));
                in.seconds = std::chrono::duration<double>(clock::now() - start).count();
                return in;
            }
        }
    }
}

Input read_line_untimed(bool prompt, Clock::time_point start) {
    using clock = Clock;
    if (prompt) {
        std::printf("> ");
        std::fflush(stdout);
    }
    std::string line;
    if (!std::getline(std::cin, line)) return {InputKind::end, 0, 0, {}};
    Input in = parse_input(line);
    in.seconds = std::chrono::duration<double>(clock::now() - start).count();
    return in;
}

void print_scene(const Session& s, bool quiet, std::size_t width) {
    if (quiet) return;
    const Scene& sc = *s.scene();
    std::printf("\n");
    if (!sc.title.empty()) std::printf("== %s ==\n\n", render_markup(s.render(sc.title)).c_str());
    std::printf("%s", render_markup(wrap(s.render(sc.text), width)).c_str());
    for (const auto& line : sc.dialogue)
        std::printf("\n%s", render_markup(wrap(line.speaker + ": \u201c" + s.render(line.text) + "\u201d", width, "  ")).c_str());
    if (!sc.image.empty()) std::printf("\n%s", wrap(sc.image_alt + "]", width, "[Image: ").c_str());
    if (!sc.facts.empty()) {
        std::printf("\nWhat you know:\n");
        for (const auto& f : sc.facts) std::printf("%s", render_markup(wrap(s.render(f), width, "  - ")).c_str());
    }
    std::printf("\n");
    const auto available = s.available_choices();
    for (std::size_t i = 0; i < available.size(); ++i) {
        const auto& c = sc.choices[static_cast<std::size_t>(available[i])];
        std::printf("%s", render_markup(wrap(s.render(c.label), width, "  " + std::to_string(i + 1) + ". ")).c_str());
    }
}

}  // namespace

int run_play(int argc, char** argv, int first) {
    Args args = parse_args(argc, argv, first, {"--seed", "--choose", "--report", "--session-out", "--resume", "--timers", "--standards"},
                           {"--help", "--quiet"});
    if (args.has("--help")) {
        std::fputs(help, stdout);
        return Exit::ok;
    }
    if (!args.error.empty()) return usage_error("play", args.error);
    if (args.positional.size() != 1) return usage_error("play", "give exactly one scenario file");
    const std::string path = args.positional[0];
    const bool quiet = args.has("--quiet");

    double timer_scale = 1.0;
    if (auto t = args.get("--timers")) {
        if (*t == "normal" || *t == "1") timer_scale = 1.0;
        else if (*t == "1.5") timer_scale = 1.5;
        else if (*t == "2") timer_scale = 2.0;
        else if (*t == "off") timer_scale = 0.0;
        else return usage_error("play", "--timers must be normal, 1.5, 2 or off");
    }
    std::optional<std::string> report_path = args.get("--report");
    if (report_path && !(report_path->ends_with(".md") || report_path->ends_with(".json")))
        return usage_error("play", "--report must name a .md or .json file");

    Script script;
    if (auto list = args.get("--choose")) {
        std::size_t i = 0;
        while (i <= list->size()) {
            std::size_t e = list->find(',', i);
            if (e == std::string::npos) e = list->size();
            const std::string item = list->substr(i, e - i);
            const Input in = parse_input(item);
            if (in.kind == InputKind::invalid) return usage_error("play", "--choose: '" + item + "' is not a choice number (1–9) or 't'");
            script.items.push_back(item);
            if (e == list->size()) break;
            i = e + 1;
        }
    }

    const Checked checked = load_checked(path, args.get("--standards"));
    if (!checked.ok()) return checked.exit;
    const Scenario& scenario = *checked.lint.scenario;
    const Catalogue* cat = checked.cat();

    std::optional<Session> session;
    if (auto resume = args.get("--resume")) {
        Diagnostics d;
        auto record = read_session_file(*resume, d);
        if (record) session = restore_session(scenario, *record, *resume, d);
        if (!session) {
            print_diagnostics(d, stderr);
            return d.items().size() == 1 && d.items()[0].code == "E001" ? Exit::usage : Exit::found_errors;
        }
        if (args.get("--seed") && parse_u64(*args.get("--seed")) != session->seed())
            return usage_error("play", "--seed differs from the seed of the session being resumed");
        if (args.get("--timers")) session->timer_scale = timer_scale;
    } else {
        std::uint64_t seed;
        if (auto s = args.get("--seed")) {
            auto v = parse_u64(*s);
            if (!v) return usage_error("play", "--seed must be a whole number from 0 to 18446744073709551615");
            seed = *v;
        } else {
            std::random_device rd;
            seed = (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
        }
        session.emplace(scenario, seed);
        session->timer_scale = timer_scale;
    }
    Session& s = *session;
    const std::size_t width = terminal_width();
    const std::optional<std::string> session_out = args.get("--session-out");

    auto save_to = [&](const std::string& path) -> bool {
        if (auto err = save_session(s, path); !err.empty()) {
            std::fprintf(stderr, "measured-cli play: cannot save the session: %s\n", err.c_str());
            return false;
        }
        return true;
    };

    if (!quiet) {
        std::printf("%s\n", scenario.title.c_str());
        std::printf("%s\n", std::string(std::min<std::size_t>(scenario.title.size(), width), '=').c_str());
        std::printf("%s", wrap(scenario.summary, width).c_str());
        std::printf("\nYour role: %s. About %d minutes. Seed %llu.\n", scenario.role.c_str(), scenario.minutes,
                    static_cast<unsigned long long>(s.seed()));
        if (!scenario.content_warnings.empty()) {
            std::string w;
            for (std::size_t i = 0; i < scenario.content_warnings.size(); ++i) w += (i ? ", " : "") + scenario.content_warnings[i];
            std::printf("Content warning: %s.\n", w.c_str());
        }
        if (!s.history().empty()) std::printf("Resuming after %zu decisions.\n", s.history().size());
    }

    const bool tty = stdin_is_tty();
    bool show_scene = true;
    Clock::time_point scene_start = Clock::now();
    while (!s.finished()) {
        if (show_scene) {
            print_scene(s, quiet, width);
            scene_start = Clock::now();
        }
        show_scene = false;
        const Scene& sc = *s.scene();
        const auto available = s.available_choices();
        const double limit = sc.time_limit > 0 && s.timer_scale > 0 ? sc.time_limit * s.timer_scale : 0.0;
        if (!quiet && limit > 0 && Clock::now() - scene_start < std::chrono::milliseconds(50))
            std::printf("\nYou have %.0f seconds to decide.\n", limit);

        Input in;
        if (script.next < script.items.size()) {
            in = parse_input(script.items[script.next++]);
            if (!quiet) std::printf("> %s\n", in.kind == InputKind::timeout ? "(waits)" : std::to_string(in.number).c_str());
            if (in.kind == InputKind::timeout) in.seconds = limit > 0 ? limit : sc.time_limit;
        } else if (tty) {
            in = limit > 0 ? read_timed(limit, scene_start) : read_line_untimed(true, scene_start);
        } else {
            // Piped: the prompt is flushed before waiting, so a program driving `play` sees each
            // scene before it answers (and knows the last decision is saved); the answer is echoed
            // so that the output reads as a transcript.
            in = read_line_untimed(!quiet, scene_start);
            if (!quiet) std::printf("%s\n", in.kind == InputKind::end ? "" : in.raw.c_str());
        }

        if (in.kind == InputKind::end) {
            const std::string out = session_out.value_or(scenario.id + ".session.toml");
            if (!save_to(out)) return Exit::usage;
            std::fprintf(stderr, "measured-cli play: no more decisions before an ending; session saved to %s (resume with --resume %s)\n",
                         out.c_str(), out.c_str());
            return Exit::incomplete;
        }
        StepResult r;
        if (in.kind == InputKind::timeout) {
            if (!sc.timeout) {
                if (!tty || script.next > 0) return usage_error("play", "scene '" + sc.id + "' has no time limit, so 't' cannot be used there");
                std::printf("This decision has no time limit. Choose a number from 1 to %zu.\n", available.size());
                continue;
            }
            if (!quiet) std::printf("\nTime ran out before you acted.\n");
            r = s.time_out(in.seconds);
        } else if (in.kind == InputKind::invalid || in.number < 1 || static_cast<std::size_t>(in.number) > available.size()) {
            if (!tty) {
                std::fprintf(stderr, "measured-cli play: '%s' is not one of the choices 1–%zu in scene '%s'\n",
                             in.kind == InputKind::choice ? std::to_string(in.number).c_str() : in.raw.c_str(), available.size(), sc.id.c_str());
                return Exit::usage;
            }
            std::printf("Please choose a number from 1 to %zu.\n", available.size());
            continue;
        } else {
            r = s.choose(available[static_cast<std::size_t>(in.number - 1)], in.seconds);
        }
        if (!r.ok) {
            std::fprintf(stderr, "measured-cli play: %s\n", r.error.c_str());
            return Exit::usage;
        }
        if (!quiet && !s.narration().empty()) std::printf("\n%s", render_markup(wrap(s.narration(), width)).c_str());
        if (session_out && !save_to(*session_out)) return Exit::usage;
        show_scene = true;
    }

    // Choices left over mean the script and the scenario disagree: say so, as the runner does.
    if (script.next < script.items.size())
        return usage_error("play", "--choose lists " + std::to_string(script.items.size()) + " choices, but the scenario ended at '" +
                                       s.ending()->id + "' after " + std::to_string(script.next));

    const Debrief d = make_debrief(s, cat);
    const std::string markdown = report_markdown(d, cat);
    if (!quiet) std::printf("\n");
    std::fputs(stdout_is_tty() ? wrap_markdown(markdown, width).c_str() : markdown.c_str(), stdout);
    if (report_path) {
        const std::string content = report_path->ends_with(".json") ? report_json(d, cat) : markdown;
        if (auto err = write_file_atomic(*report_path, content); !err.empty()) {
            std::fprintf(stderr, "measured-cli play: cannot write the report: %s\n", err.c_str());
            return Exit::usage;
        }
    }
    return Exit::ok;
}

}  // namespace measured::cli
