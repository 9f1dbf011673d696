// measured-bench: the measurements behind tools/bench (the script). Each command prints one line of
// `key=value` figures; tools/bench runs them (each phase in a process of its own, so that its peak
// memory is its own) and writes the tables in the README. Never a test: nothing here passes or fails.
//
//   measured-bench library DIR ROUNDS       lint every scenario.toml under DIR vs a bare toml++
//                                            parse of the same bytes, both in this process
//   measured-bench generate N TOML INK      a generated scenario of N scenes, and the same story in ink
//   measured-bench phase PHASE FILE [RUNS]  one of parse, load, lint, paths, bounds, simulate, play
//                                            on a (generated) scenario file
#include "catalogue.hpp"
#include "loader.hpp"
#include "paths.hpp"
#include "bounds.hpp"
#include "session.hpp"
#include "simulate.hpp"
#include "toml_source.hpp"
#include "validator.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace measured;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// The process's peak resident set (VmHWM) in MiB.
double peak_rss_mb() {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.starts_with("VmHWM:")) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    return 0;
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "measured-bench: cannot read %s\n", path.c_str());
        std::exit(2);
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_all(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) {
        std::fprintf(stderr, "measured-bench: cannot write %s\n", path.c_str());
        std::exit(2);
    }
}

// The baseline: toml++ alone, parsing the same bytes into its own tree.
bool bare_parse(const SourceFile& f) {
    try {
        const toml::table t = toml::parse(f.text, std::string_view(f.path));
        return !t.empty();
    } catch (const toml::parse_error&) {
        return false;
    }
}

const Catalogue& standards() {
    static const Catalogue c = [] {
        Diagnostics d;
        return load_catalogue(std::string(MEASURED_SOURCE_DIR) + "/assets/standards", d);
    }();
    return c;
}

// Generated scenarios go far beyond what an author may write (2 000 scenes): these limits are
// the benchmark's, not the product's.
ScenarioLimits bench_limits() {
    ScenarioLimits l;
    l.max_nodes = 1'000'000;
    return l;
}

Scenario load_or_die(const SourceFile& file) {
    Diagnostics d;
    auto s = load_scenario_source(file, d, bench_limits());
    if (!s || d.has_errors()) {
        std::fprintf(stderr, "measured-bench: %s does not load (%zu errors)\n", file.path.c_str(), d.error_count());
        std::exit(1);
    }
    return std::move(*s);
}

int library(const std::string& dir, int rounds) {
    std::vector<SourceFile> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.path().filename() == "scenario.toml") files.push_back({e.path().string(), read_all(e.path().string())});
    std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    std::size_t bytes = 0;
    for (const auto& f : files) bytes += f.text.size();
    (void)standards();
    std::vector<double> parse_ms, load_ms, lint_ms;
    for (int r = 0; r < rounds; ++r) {
        auto t0 = Clock::now();
        for (const auto& f : files)
            if (!bare_parse(f)) return 1;
        parse_ms.push_back(ms_since(t0));
        t0 = Clock::now();
        for (const auto& f : files) {
            Diagnostics d;
            if (!load_scenario_source(f, d) || d.has_errors()) return 1;
        }
        load_ms.push_back(ms_since(t0));
        t0 = Clock::now();
        for (const auto& f : files) {
            Diagnostics d;
            auto s = load_scenario_source(f, d);
            if (s) validate(*s, d, {&standards()});
            if (d.has_errors()) return 1;
        }
        lint_ms.push_back(ms_since(t0));
    }
    auto median = [](std::vector<double>& v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    const double p = median(parse_ms), lo = median(load_ms), l = median(lint_ms);
    std::printf("files=%zu bytes=%zu rounds=%d parse_ms=%.2f load_ms=%.2f lint_ms=%.2f load_ratio=%.2f lint_ratio=%.2f\n", files.size(), bytes,
                rounds, p, lo, l, lo / p, l / p);
    return 0;
}

// N scenes in a forward lattice: from scene i, "talk" goes on to i+1, "wait" skips to i+2 and sets
// a flag, and "step back" (offered only while the flag is set) ends the story at one of five
// endings. Every choice is rated and cited, as in the library. The ink story is the same graph
// with the same flag and condition (ink has no ratings).
int generate(long n, const std::string& toml_path, const std::string& ink_path) {
    constexpr int endings = 5;
    std::string t, k;
    t.reserve(static_cast<std::size_t>(n) * 900);
    t += "# Generated by measured-bench for tools/bench: " + std::to_string(n) + " scenes.\nformat = 1\n\n[scenario]\n";
    t += "id = \"bench-" + std::to_string(n) + "\"\ntitle = \"Benchmark, " + std::to_string(n) + " scenes\"\n";
    t += "summary = \"A generated branching story for measuring the engine.\"\nversion = \"1.0.0\"\nlanguage = \"en\"\n";
    t += "authors = [\"measured-bench\"]\nlicense = \"CC0-1.0\"\nminutes = 5\ndifficulty = \"introductory\"\n";
    t += "audience = [\"benchmarks\"]\ntopics = [\"benchmarks\"]\nobjectives = [\"Measure the engine.\"]\n";
    t += "role = \"patrol officer\"\nstart = \"s0\"\n\n[variables]\nwarned = { type = \"bool\", initial = false, label = \"Warned\" }\n";
    k += "// Generated by measured-bench for tools/bench: " + std::to_string(n) + " scenes.\nVAR warned = false\n-> s0\n";
    auto node = [&](long i) { return i < n ? "s" + std::to_string(i) : "e" + std::to_string(i % endings); };
    for (long i = 0; i < n; ++i) {
        const std::string id = "s" + std::to_string(i);
        const std::string text = "Scene " + std::to_string(i) + ". The man at the door is still talking; his hands are empty and the hallway behind him is dark.";
        t += "\n[[scene]]\nid = \"" + id + "\"\ntext = \"" + text + "\"\n";
        t += "  [[scene.choice]]\n  id = \"talk\"\n  label = \"Keep talking to him\"\n  target = \"" + node(i + 1) + "\"\n";
        t += "    [[scene.choice.assessment]]\n    principle = \"necessity\"\n    rating = \"exemplary\"\n"
             "    feedback = \"Talking is the least harmful means that can still work.\"\n    cite = [\"bpuff-4\"]\n";
        t += "  [[scene.choice]]\n  id = \"wait\"\n  label = \"Wait and watch his hands\"\n  target = \"" + node(i + 2) + "\"\n  effects = [\"warned = true\"]\n";
        t += "    [[scene.choice.assessment]]\n    principle = \"precaution\"\n    rating = \"compliant\"\n"
             "    feedback = \"Watching keeps options open but gives him nothing.\"\n    cite = [\"bpuff-4\"]\n";
        t += "  [[scene.choice]]\n  id = \"back\"\n  label = \"Step back and call for support\"\n  condition = \"warned\"\n  target = \"e" +
             std::to_string(i % endings) + "\"\n  effects = [\"warned = false\"]\n";
        t += "    [[scene.choice.assessment]]\n    principle = \"precaution\"\n    rating = \"exemplary\"\n"
             "    feedback = \"Distance and support lower the risk for everyone.\"\n    cite = [\"bpuff-4\"]\n";
        k += "\n=== " + id + " ===\n" + text + "\n";
        k += "+ [Keep talking to him] -> " + node(i + 1) + "\n";
        k += "+ [Wait and watch his hands]\n  ~ warned = true\n  -> " + node(i + 2) + "\n";
        k += "+ {warned} [Step back and call for support]\n  ~ warned = false\n  -> e" + std::to_string(i % endings) + "\n";
    }
    const char* outcomes[endings] = {"de-escalated", "resolved", "arrest", "injury", "unresolved"};
    for (int e = 0; e < endings; ++e) {
        const std::string text = "Ending " + std::to_string(e) + ". The night ends; what you did is written up in the log.";
        t += "\n[[ending]]\nid = \"e" + std::to_string(e) + "\"\ntitle = \"Ending " + std::to_string(e) + "\"\noutcome = \"" + outcomes[e] +
             "\"\ntext = \"" + text + "\"\n" +
             "debrief = \"A generated ending: the figures are what matter here.\"\n";
        k += "\n=== e" + std::to_string(e) + " ===\n" + text + "\n-> END\n";
    }
    write_all(toml_path, t);
    write_all(ink_path, k);
    std::printf("scenes=%ld toml_bytes=%zu ink_bytes=%zu\n", n, t.size(), k.size());
    return 0;
}

// `runs` random playthroughs through the session runtime, as the runner plays: each scene's text
// and choice labels rendered, a uniformly random choice among those on offer.
void play(const Scenario& s, long runs, std::uint64_t& decisions, std::size_t& text_bytes) {
    std::uint64_t x = 0x9E3779B97F4A7C15ull;
    for (long r = 0; r < runs; ++r) {
        Session session(s, static_cast<std::uint64_t>(r));
        while (!session.finished()) {
            const Scene& scene = *session.scene();
            text_bytes += session.render(scene.text).size();
            const auto offered = session.available_choices();
            for (int i : offered) text_bytes += session.render(scene.choices[static_cast<std::size_t>(i)].label).size();
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            (void)session.choose(offered[x % offered.size()], 1.0);
            ++decisions;
        }
        text_bytes += session.render(session.ending()->text).size();
    }
}

int phase(const std::string& name, const std::string& path, long runs) {
    const SourceFile file{path, read_all(path)};
    double ms = 0;
    std::string extra;
    if (name == "parse") {
        const auto t0 = Clock::now();
        const bool parsed = bare_parse(file);
        ms = ms_since(t0);
        if (!parsed) return 1;
    } else if (name == "load") {
        // Measured's own part is the difference from a bare parse of the same bytes, so both are
        // timed here, alternately, in one process (the median of 5 each; once for files over 50 MB).
        const int rounds = file.text.size() > 50'000'000 ? 1 : 5;
        std::vector<double> parse_ms, load_ms;
        std::size_t nodes = 0;
        for (int r = 0; r < rounds; ++r) {
            auto t0 = Clock::now();
            if (!bare_parse(file)) return 1;
            parse_ms.push_back(ms_since(t0));
            t0 = Clock::now();
            const Scenario s = load_or_die(file);
            load_ms.push_back(ms_since(t0));
            nodes = static_cast<std::size_t>(s.node_count());
        }
        std::sort(parse_ms.begin(), parse_ms.end());
        std::sort(load_ms.begin(), load_ms.end());
        ms = load_ms[load_ms.size() / 2];
        char buf[96];
        std::snprintf(buf, sizeof buf, " parse_ms=%.2f nodes=%zu", parse_ms[parse_ms.size() / 2], nodes);
        extra = buf;
    } else if (name == "lint") {
        // What `measured-cli lint` does for one file: load, then validate against the catalogue.
        (void)standards();
        const auto t0 = Clock::now();
        Diagnostics d(1'000'000);
        auto s = load_scenario_source(file, d, bench_limits());
        if (s) validate(*s, d, {&standards()});
        ms = ms_since(t0);
        extra = " errors=" + std::to_string(d.error_count()) + " warnings=" + std::to_string(d.warning_count());
    } else {
        const Scenario s = load_or_die(file);
        const auto t0 = Clock::now();
        if (name == "paths") {
            const PathsReport p = find_paths(s);
            ms = ms_since(t0);
            extra = " states=" + std::to_string(p.states) + " complete=" + std::to_string(p.complete);
        } else if (name == "bounds") {
            const BoundsResult b = compute_bounds(s);
            ms = ms_since(t0);
            extra = " states=" + std::to_string(b.states) + " exact=" + std::to_string(b.exact);
        } else if (name == "simulate") {
            SimulateOptions o;
            o.runs = static_cast<std::uint64_t>(runs);
            const SimulateResult r = simulate(s, o);
            ms = ms_since(t0);
            extra = " runs=" + std::to_string(r.runs) + " decisions=" + std::to_string(r.decisions);
        } else if (name == "play") {
            std::uint64_t decisions = 0;
            std::size_t text = 0;
            play(s, runs, decisions, text);
            ms = ms_since(t0);
            extra = " runs=" + std::to_string(runs) + " decisions=" + std::to_string(decisions) + " text_bytes=" + std::to_string(text);
        } else {
            std::fprintf(stderr, "measured-bench: unknown phase '%s'\n", name.c_str());
            return 2;
        }
    }
    std::printf("phase=%s ms=%.2f rss_mb=%.1f%s\n", name.c_str(), ms, peak_rss_mb(), extra.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> a(argv + 1, argv + argc);
    if (a.size() == 3 && a[0] == "library") return library(a[1], std::max(1, std::atoi(a[2].c_str())));
    if (a.size() == 4 && a[0] == "generate") return generate(std::atol(a[1].c_str()), a[2], a[3]);
    if ((a.size() == 3 || a.size() == 4) && a[0] == "phase") return phase(a[1], a[2], a.size() == 4 ? std::atol(a[3].c_str()) : 10000);
    std::fprintf(stderr, "usage: measured-bench library DIR ROUNDS | generate N TOML INK | phase PHASE FILE [RUNS]\n");
    return 2;
}
