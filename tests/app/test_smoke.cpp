// The real runner under Xvfb: a window, OpenGL through llvmpipe, the real fonts and library. Opens a
// scenario, makes choices, writes a screenshot and checks the picture is a rendered screen, not a
// blank one. Also the command line's mistakes, which need no display.

#include "files.hpp"
#include "helpers.hpp"
#include "workshop.hpp"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;
using namespace measured;
using namespace measured::test;

namespace {

CliResult run_runner(const std::vector<std::string>& args, bool with_display) {
    // Mesa keeps allocations until exit; the sanitizer build checks our leaks in the headless tests.
    ::setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
    if (!with_display) return run_program(MEASURED_RUNNER, args, "", 60);
    std::vector<std::string> full = {"-a", "-s", "-screen 0 1280x800x24", MEASURED_RUNNER};
    full.insert(full.end(), args.begin(), args.end());
    return run_program("xvfb-run", full, "", 120);
}

struct Picture {
    int width = 0, height = 0;
    std::size_t colours = 0;
    double bright_share = 0;   // pixels clearly lighter than the background
};

Picture inspect(const std::string& path) {
    Picture p;
    int channels = 0;
    unsigned char* px = stbi_load(path.c_str(), &p.width, &p.height, &channels, 3);
    REQUIRE(px);
    std::set<unsigned> colours;
    std::size_t bright = 0;
    const std::size_t n = static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height);
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned r = px[i * 3], g = px[i * 3 + 1], b = px[i * 3 + 2];
        colours.insert((r << 16) | (g << 8) | b);
        if (r + g + b > 400) ++bright;
    }
    stbi_image_free(px);
    p.colours = colours.size();
    p.bright_share = static_cast<double>(bright) / static_cast<double>(n);
    return p;
}

}  // namespace

TEST_SUITE("app/runner") {

TEST_CASE("under Xvfb the runner opens a scenario, makes choices and writes a screenshot of the feedback") {
    TempDir dir;
    const std::string png = (fs::path(dir.path()) / "shot.png").string();
    const auto r = run_runner({"--config", dir.path(), "--data", dir.path(), "--open", "knife-in-the-kitchen", "--seed", "3",
                               "--choose", "1,1", "--frames", "4", "--screenshot", png},
                              true);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(fs::exists(png));
    const Picture p = inspect(png);
    CHECK(p.width == 1280);
    CHECK(p.height == 800);
    CHECK(p.colours > 200);          // anti-aliased text and an image, not a flat fill
    CHECK(p.bright_share > 0.02);    // light text on the dark theme
    CHECK(p.bright_share < 0.6);
    // The two decisions were autosaved like any other.
    CHECK(fs::exists(fs::path(dir.path()) / "sessions" / "knife-in-the-kitchen.toml"));
    CHECK(read_file((fs::path(dir.path()) / "sessions" / "knife-in-the-kitchen.toml").string()).find("mode = \"learn\"") !=
          std::string::npos);
    // Scripted runs leave the settings alone.
    CHECK_FALSE(fs::exists(fs::path(dir.path()) / "settings.toml"));
}

TEST_CASE("the runner explains command-line mistakes with exit code 2, unknown scenarios with 1") {
    TempDir dir;
    auto r = run_runner({"--frames", "x"}, false);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--frames must be a number") != std::string::npos);
    r = run_runner({"--choose", "1"}, false);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--choose needs --open") != std::string::npos);
    r = run_runner({"--bogus"}, false);
    CHECK(r.exit_code == 2);
    r = run_runner({"--config", dir.path(), "--data", dir.path(), "--open", "no-such-scenario"}, false);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no scenario 'no-such-scenario'") != std::string::npos);
    r = run_runner({"--help"}, false);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("--screenshot FILE") != std::string::npos);
}

TEST_CASE("a choice that is not offered stops a scripted run with exit code 2") {
    TempDir dir;
    const auto r = run_runner({"--config", dir.path(), "--data", dir.path(), "--open", "last-bus", "--choose", "9", "--frames", "1"}, true);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("choice 9 is not offered") != std::string::npos);
}

}

TEST_CASE("under Xvfb the runner opens a file in Author mode, plays it and saves nothing") {
    TempDir dir;
    const std::string png = (fs::path(dir.path()) / "author.png").string();
    const std::string file = source_path("scenarios/use-of-force/knife-in-the-kitchen/scenario.toml");
    const auto r = run_runner({"--config", dir.path(), "--data", dir.path(), "--author", file, "--seed", "3", "--choose", "1,c,1",
                               "--frames", "4", "--screenshot", png},
                              true);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const Picture p = inspect(png);
    CHECK(p.colours > 200);          // the map's lines and boxes beside the story
    CHECK(p.bright_share > 0.02);
    CHECK_FALSE(fs::exists(fs::path(dir.path()) / "sessions"));   // drafts are never autosaved
    const auto missing = run_runner({"--config", dir.path(), "--data", dir.path(), "--author", "/no/such/scenario.toml"}, false);
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("is not a file") != std::string::npos);
    CHECK(run_runner({"--open", "x", "--author", file}, false).exit_code == 2);
}

TEST_CASE("under Xvfb a workshop opens a console and a projector window, and keeps a record") {
    TempDir dir;
    const std::string console = (fs::path(dir.path()) / "console.png").string();
    const std::string projector = (fs::path(dir.path()) / "projector.png").string();
    const auto r = run_runner({"--config", dir.path(), "--data", dir.path(), "--open", "knife-in-the-kitchen", "--mode", "workshop",
                               "--seed", "3", "--choose", "c,clock,v3/12/5,show-votes,2,c,flag,v0/4/9", "--frames", "5",
                               "--screenshot", console, "--projector-screenshot", projector},
                              true);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const Picture c = inspect(console);
    const Picture p = inspect(projector);
    CHECK(c.colours > 100);
    CHECK(p.colours > 50);
    CHECK(p.bright_share > 0.01);
    // The record: one decision played by the vote, one flag.
    std::vector<std::string> records;
    REQUIRE(find_toml_files((fs::path(dir.path()) / "workshops").string(), records).empty());
    REQUIRE(records.size() == 1);
    Diagnostics diags;
    const auto rec = read_workshop_file(records[0], diags);
    REQUIRE(rec);
    REQUIRE(rec->branches.size() == 1);
    REQUIRE(rec->branches[0].decisions.size() == 1);
    CHECK_FALSE(rec->branches[0].decisions[0].overridden);
    CHECK(rec->branches[0].decisions[0].votes[1].votes == 12);
    CHECK(rec->flags.size() == 1);
    CHECK_FALSE(fs::exists(fs::path(dir.path()) / "sessions"));   // a workshop is not a trainee's session
    // Workshop steps are only for workshops.
    CHECK(run_runner({"--open", "knife-in-the-kitchen", "--choose", "clock"}, false).exit_code == 2);
    CHECK(run_runner({"--open", "knife-in-the-kitchen", "--projector-screenshot", console, "--frames", "1"}, false).exit_code == 2);
}
