// Crash safety of `play --session-out`: SIGKILL at random moments while it saves, over every
// scenario in the library. The test plays in lockstep: it answers only once the next prompt is out,
// which `play` prints after the previous decision's save, so it knows exactly which decisions were
// complete when it killed. The session file must then read, hold exactly those decisions or one
// more (when the kill came after the save of the one in flight), replay on the scenario, and resume
// to the same ending as an uninterrupted run. No other file may appear beside it but the unfinished
// temporary file of an interrupted save, which nothing reads.
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

using namespace measured;
using namespace measured::test;
namespace fs = std::filesystem;

TEST_SUITE("cli/crash-safety") {

TEST_CASE("play --session-out killed with SIGKILL at random moments keeps every completed decision (120 trials)") {
    TempDir dir;
    const auto refs = library_references(dir);
    REQUIRE(refs.size() >= 10);
    std::mt19937_64 rng(20261123);
    int before_save = 0, during_save = 0, after_save = 0, resumed = 0;
    const int trials = 120;
    for (int trial = 0; trial < trials; ++trial) {
        const PlayReference& ref = refs[static_cast<std::size_t>(trial) % refs.size()];
        const std::string folder = dir.path() + "/trial-" + std::to_string(trial);
        fs::create_directory(folder);
        const std::string file = folder + "/session.toml";
        // The decision in flight when the kill comes (1-based).
        const std::size_t fatal = 1 + rng() % ref.plan.size();
        INFO("trial " << trial << ": " << ref.path << ", killed during decision " << fatal << " of " << ref.plan.size());

        Child play(MEASURED_CLI, {"play", "--seed", "3", "--timers", "off", "--session-out", file, ref.path});
        REQUIRE(play.read_until("> ", 20));
        std::chrono::duration<double> cycles{0};
        for (std::size_t i = 1; i < fatal; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            play.send("1\n");
            REQUIRE(play.read_until("> ", 20));
            cycles += std::chrono::steady_clock::now() - t0;
        }
        // A random moment within about one decision's time (answer, narration, save, next scene).
        const double cycle = fatal > 1 ? cycles.count() / static_cast<double>(fatal - 1) : 0.003;
        const auto delay = std::chrono::duration<double>(std::uniform_real_distribution<double>(0, 1.2 * cycle)(rng));
        play.send("1\n");
        std::this_thread::sleep_for(delay);
        play.kill_now();

        std::vector<std::string> others;
        bool temporary = false;
        for (const auto& e : fs::directory_iterator(folder)) {
            const std::string name = e.path().filename().string();
            if (name == "session.toml") continue;
            if (name.starts_with(".session.toml.")) temporary = true;
            else others.push_back(name);
        }
        CHECK(others.empty());

        if (!fs::exists(file)) {
            // Only possible when the first decision's save had not finished.
            CHECK(fatal == 1);
            ++(temporary ? during_save : before_save);
            continue;
        }
        const auto saved = history_of(file, ref.scenario);
        CHECK((saved.size() == fatal - 1 || saved.size() == fatal));
        CHECK(same_choices(saved, std::vector<Decision>(ref.plan.begin(), ref.plan.begin() + static_cast<std::ptrdiff_t>(saved.size()))));
        if (temporary) ++during_save;
        else ++(saved.size() == fatal ? after_save : before_save);

        // It resumes where it stopped and reaches the same ending by the same path.
        const auto r = run_cli({"play", "--resume", file, "--session-out", file, "--timers", "off", "--quiet", ref.path}, first_choices(60));
        CHECK_MESSAGE(r.exit_code == 0, r.err);
        CHECK(same_choices(history_of(file, ref.scenario), ref.plan));
        ++resumed;
    }
    MESSAGE("kills before the save of the decision in flight: " << before_save << ", during it (a temporary file left): "
                                                                 << during_save << ", after it: " << after_save << "; resumed: " << resumed);
    CHECK(before_save + during_save + after_save == trials);
}

}  // TEST_SUITE
