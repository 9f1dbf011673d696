// Crash safety of the runner's autosave: the real runner, under its own Xvfb, plays library
// scenarios in assess mode from --choose (one autosave per decision, then the finished session
// moves to completed/) and is killed with SIGKILL at random moments: two trials in three during
// the burst of saves (after the first autosave appears), one in three anywhere in the run. Every
// file it leaves must read and replay; the session to resume holds a prefix of the decisions
// played and resumes to the same ending; a kill after the first save never loses it; nothing
// appears but the saves and the temporary file of an interrupted one.
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

using namespace measured;
using namespace measured::test;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// A private Xvfb for the trials; DISPLAY points to it while the object lives.
class Display {
public:
    Display() {
        for (int n = 140; n < 200 && !server_; ++n) {
            const std::string socket = "/tmp/.X11-unix/X" + std::to_string(n);
            if (fs::exists(socket) || fs::exists("/tmp/.X" + std::to_string(n) + "-lock")) continue;
            server_ = std::make_unique<Child>("Xvfb", std::vector<std::string>{":" + std::to_string(n), "-screen", "0", "1280x800x24", "-nolisten", "tcp"});
            for (int i = 0; i < 100 && !fs::exists(socket); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (fs::exists(socket)) ::setenv("DISPLAY", (":" + std::to_string(n)).c_str(), 1);
            else server_.reset();
        }
        REQUIRE(server_);
    }

private:
    std::unique_ptr<Child> server_;
};

std::vector<std::string> runner_args(const std::string& folder, const PlayReference& ref) {
    std::string choose;
    for (std::size_t i = 0; i < ref.plan.size(); ++i) choose += i ? ",1" : "1";
    return {"--config", folder, "--data", folder, "--open", ref.scenario.id, "--mode", "assess", "--seed", "3",
            "--choose", choose, "--frames", "2"};
}

struct Files {
    std::string autosave;    // sessions/ID.toml
    std::string completed;   // completed/ID-3-assess.toml
};

Files files_of(const std::string& folder, const PlayReference& ref) {
    return {folder + "/sessions/" + ref.scenario.id + ".toml", folder + "/completed/" + ref.scenario.id + "-3-assess.toml"};
}

}  // namespace

TEST_SUITE("app/crash-safety") {

TEST_CASE("the runner killed with SIGKILL at random moments while it autosaves loses no completed decision (102 trials)") {
    ::setenv("ASAN_OPTIONS", "detect_leaks=0", 1);   // Mesa keeps allocations until exit
    TempDir dir;
    const auto refs = library_references(dir);
    const Display display;

    // Calibration: when the first autosave appears and when the finished session is moved, on an
    // uninterrupted run.
    const std::string calibration = dir.path() + "/calibration";
    const Files cal = files_of(calibration, refs[0]);
    Child full(MEASURED_RUNNER, runner_args(calibration, refs[0]), dir.path() + "/calibration.err");
    const auto start = Clock::now();
    double first_save = -1, moved = -1;
    while (full.running() && moved < 0) {
        const double t = std::chrono::duration<double>(Clock::now() - start).count();
        if (first_save < 0 && fs::exists(cal.autosave)) first_save = t;
        if (fs::exists(cal.completed)) moved = t;
        if (t > 60) break;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    REQUIRE(full.wait(60) == 0);
    REQUIRE(first_save > 0);
    REQUIRE(moved >= first_save);
    CHECK(same_choices(history_of(cal.completed, refs[0].scenario), refs[0].plan));
    const double per_decision = std::max(moved - first_save, 0.005) / static_cast<double>(refs[0].plan.size());
    const double run = moved + 0.05;
    MESSAGE("calibration: first autosave after " << first_save << " s, then " << per_decision * 1000 << " ms per decision");

    std::mt19937_64 rng(20261124);
    int before_first = 0, interrupted_save = 0, resumable = 0, completed = 0;
    const int trials = 102;
    for (int trial = 0; trial < trials; ++trial) {
        const PlayReference& ref = refs[static_cast<std::size_t>(trial) % refs.size()];
        const std::string folder = dir.path() + "/trial-" + std::to_string(trial);
        const Files f = files_of(folder, ref);
        const bool in_burst = trial % 3 != 2;
        INFO("trial " << trial << ": " << ref.scenario.id << (in_burst ? ", killed during the saves" : ", killed at any moment"));

        Child runner(MEASURED_RUNNER, runner_args(folder, ref), folder + ".err");
        const auto t0 = Clock::now();
        bool saw_save = false;
        if (in_burst) {
            while (!fs::exists(f.autosave) && !fs::exists(f.completed) && Clock::now() - t0 < std::chrono::seconds(60))
                std::this_thread::sleep_for(std::chrono::microseconds(100));
            saw_save = true;
            std::this_thread::sleep_for(std::chrono::duration<double>(std::uniform_real_distribution<double>(0, per_decision * static_cast<double>(ref.plan.size()))(rng)));
        } else {
            std::this_thread::sleep_for(std::chrono::duration<double>(std::uniform_real_distribution<double>(0, run)(rng)));
        }
        runner.kill_now();

        bool temporary = false;
        std::vector<std::string> unexpected;
        if (fs::exists(folder)) {
            for (const auto& e : fs::recursive_directory_iterator(folder)) {
                if (!e.is_regular_file()) continue;
                const std::string name = e.path().filename().string();
                if (e.path() == f.autosave || e.path() == f.completed) continue;
                if (name.starts_with(".") && name.find(".toml.") != std::string::npos) temporary = true;
                else unexpected.push_back(e.path().string());
            }
        }
        CHECK(unexpected.empty());
        if (temporary) ++interrupted_save;

        const bool has_autosave = fs::exists(f.autosave), has_completed = fs::exists(f.completed);
        if (saw_save) CHECK((has_autosave || has_completed));   // once saved, never lost
        if (has_completed) {
            CHECK(same_choices(history_of(f.completed, ref.scenario), ref.plan));
            ++completed;
        }
        if (has_autosave) {
            const auto saved = history_of(f.autosave, ref.scenario);
            CHECK(!saved.empty());
            CHECK(same_choices(saved, std::vector<Decision>(ref.plan.begin(), ref.plan.begin() + static_cast<std::ptrdiff_t>(saved.size()))));
            // Resumes where it stopped and reaches the same ending by the same path.
            const std::string copy = folder + "/resumed.toml";
            fs::copy_file(f.autosave, copy);
            const auto r = run_cli({"play", "--resume", copy, "--session-out", copy, "--timers", "off", "--quiet", ref.path}, first_choices(60));
            CHECK_MESSAGE(r.exit_code == 0, r.err);
            CHECK(same_choices(history_of(copy, ref.scenario), ref.plan));
            if (!has_completed) ++resumable;
        }
        if (!has_autosave && !has_completed) ++before_first;
    }
    MESSAGE("killed before the first autosave: " << before_first << "; left a session to resume: " << resumable
                                                  << "; after the finished session was kept: " << completed
                                                  << "; trials that interrupted a save (temporary file left): " << interrupted_save);
    CHECK(before_first + resumable + completed == trials);
}

}  // TEST_SUITE
