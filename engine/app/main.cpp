// measured: the runner. Reads the options and settings, loads the library, opens the window and
// runs the event-driven loop: it sleeps in glfwWaitEvents() and draws only after input, while a
// countdown runs, or for the few frames ImGui needs to settle after a change.

#include "controller.hpp"
#include "files.hpp"
#include "frame.hpp"
#include "keys.hpp"
#include "options.hpp"
#include "settings.hpp"
#include "strings.hpp"
#include "textures.hpp"
#include "theme.hpp"
#include "window.hpp"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <filesystem>
#include <random>
#include <thread>

namespace {

namespace fs = std::filesystem;
using namespace measured;

constexpr float base_font_px = 18.0f;
constexpr int settle_frames = 3;   // ImGui needs a frame or two after input for hover and focus

struct Timing {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    double build_ms_total = 0;
    [[nodiscard]] double ms() const { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(); }
};

int find_entry(const ui::Controller& c, const std::string& what) {
    std::error_code ec;
    const fs::path wanted = fs::weakly_canonical(what, ec);
    const auto& entries = c.library().entries;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].scenario && entries[i].scenario->id == what) return static_cast<int>(i);
        if (!ec && fs::weakly_canonical(entries[i].path, ec) == wanted) return static_cast<int>(i);
    }
    return -1;
}

// --choose in a workshop: the trainer's steps (see the usage text). A number plays that option;
// when it is not what the votes say, the record gets the reason "scripted run".
std::string run_workshop_script(ui::Controller& c, const std::vector<std::string>& script, double now) {
    for (const auto& step : script) {
        const ui::ConsoleView& v = c.console_view();
        if (step == "c") {
            c.apply(v.stage == ui::WorkshopStage::warning ? ui::Command{ui::cmd::AcceptWarning{}} : ui::Command{ui::cmd::Continue{}}, now);
        } else if (step == "clock") {
            c.apply(ui::cmd::RunClock{true}, now);
        } else if (step == "flag") {
            c.apply(ui::cmd::AddFlag{"scripted flag"}, now);
        } else if (step == "contrast") {
            c.apply(ui::cmd::Project{ui::cmd::Projected::high_contrast, true}, now);
        } else if (step.rfind("show-", 0) == 0) {
            const std::string what = step.substr(5);
            const auto p = what == "votes" ? ui::cmd::Projected::votes : what == "feedback" ? ui::cmd::Projected::feedback
                         : what == "debrief" ? ui::cmd::Projected::debrief : what == "discussion" ? ui::cmd::Projected::discussion
                                                                                                  : ui::cmd::Projected::notes;
            c.apply(ui::cmd::Project{p, true}, now);
        } else if (step.rfind("whatif", 0) == 0) {
            const int n = std::stoi(step.substr(6));
            if (n < 1 || n > static_cast<int>(v.timeline.size()))
                return "--choose: " + step + ": there is no decision " + std::to_string(n) + " to play again";
            c.apply(ui::cmd::WhatIf{static_cast<std::size_t>(n - 1)}, now);
        } else if (step[0] == 'v') {
            if (v.stage != ui::WorkshopStage::scene) return "--choose: " + step + ": no decision is open for votes";
            std::size_t option = 0, pos = 1;
            while (pos <= step.size()) {
                const std::size_t slash = std::min(step.find('/', pos), step.size());
                if (option >= v.options.size()) return "--choose: " + step + ": this scene offers " + std::to_string(v.options.size()) + " options";
                c.apply(ui::cmd::SetVotes{static_cast<int>(option++), std::stoi(step.substr(pos, slash - pos))}, now);
                pos = slash + 1;
            }
        } else {
            if (v.stage == ui::WorkshopStage::consequence) c.apply(ui::cmd::Continue{}, now);
            if (c.console_view().stage != ui::WorkshopStage::scene) return "--choose: the scenario ended before '" + step + "'";
            const int n = std::stoi(step);
            if (n > static_cast<int>(c.console_view().options.size()))
                return "--choose: option " + step + " is not offered (this scene offers " + std::to_string(c.console_view().options.size()) + ")";
            c.apply(ui::cmd::Play{n - 1, "scripted run"}, now);
        }
    }
    return {};
}

// --choose: each number picks from the choices shown, as a click would; "c" continues.
std::string run_script(ui::Controller& c, const std::vector<std::string>& script, double now) {
    for (const auto& step : script) {
        if (c.screen() != ui::Screen::player) return "--choose: the scenario ended before '" + step + "'";
        const ui::PlayerView& v = c.player_view();
        if (step == "c") {
            if (!v.show_feedback) return "--choose: 'c' continues after feedback, but no feedback is shown";
            c.apply(ui::cmd::Continue{}, now);
            continue;
        }
        if (v.show_feedback) c.apply(ui::cmd::Continue{}, now);
        if (c.screen() != ui::Screen::player) return "--choose: the scenario ended before '" + step + "'";
        const int n = std::stoi(step);
        const auto& choices = c.player_view().choices;
        if (n > static_cast<int>(choices.size()))
            return "--choose: choice " + step + " is not offered (this scene offers " + std::to_string(choices.size()) + ")";
        c.apply(ui::cmd::Choose{choices[static_cast<std::size_t>(n - 1)].index}, now);
    }
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    Timing timing;
    app::Options opt;
    if (std::string err = app::parse_options(argc, argv, opt); !err.empty()) {
        std::fprintf(stderr, "measured: %s\n(see measured --help)\n", err.c_str());
        return 2;
    }
    if (std::error_code ec; opt.author && !fs::is_regular_file(*opt.author, ec)) {
        std::fprintf(stderr, "measured: %s is not a file\n", opt.author->c_str());
        return 1;
    }
    if (opt.help) {
        std::fputs(app::usage, stdout);
        return 0;
    }
    if (opt.version) {
        std::printf("measured %s\n", MEASURED_VERSION);
        return 0;
    }
    const std::string argv0 = argc > 0 ? argv[0] : "";
    ui::ControllerConfig cfg;
    cfg.library_dir = opt.library.value_or(find_bundled_dir("scenarios", "MEASURED_SCENARIOS", MEASURED_SOURCE_DIR, argv0));
    cfg.standards_dir = opt.standards.value_or(find_bundled_dir("assets/standards", "MEASURED_STANDARDS", MEASURED_SOURCE_DIR, argv0));
    cfg.config_dir = opt.config.value_or(default_config_dir());
    cfg.data_dir = opt.data.value_or(default_data_dir());
    cfg.local_time = [] {
        const std::time_t t = std::time(nullptr);
        std::tm local{};
        localtime_r(&t, &local);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
        return std::string(buf);
    };
    if (opt.seed) cfg.make_seed = [seed = *opt.seed] { return seed; };
    else cfg.make_seed = [] { return (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}(); };

    Diagnostics settings_diags;
    Settings settings = cfg.config_dir.empty() ? Settings{} : read_settings((fs::path(cfg.config_dir) / "settings.toml").string(), settings_diags);
    for (const auto& d : settings_diags.items()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    if (settings.language != "en") {
        const std::string dir = find_bundled_dir("assets/i18n", "MEASURED_I18N", MEASURED_SOURCE_DIR, argv0);
        if (std::string err = ui::load_translation((fs::path(dir) / (settings.language + ".toml")).string()); !err.empty())
            std::fprintf(stderr, "measured: %s; using English\n", err.c_str());
    }

    // The library loads (and is linted) on a second thread while the window and GL start up.
    ui::Controller controller(cfg, settings);
    const std::string first_title = ui::tr("app.window_title");
    double loaded_ms = 0;
    std::thread loader([&] {
        controller.load();
        loaded_ms = timing.ms();
    });
    app::Window window;
    const std::string window_error = window.open(settings.window, first_title.c_str());
    // The font atlas builds on this thread while the library is still loading on the other.
    ui::FontReport fonts;
    if (window_error.empty()) {
        const float scale = window.content_scale() * settings.font_scale;
        fonts = window.rebuild_fonts(base_font_px * scale);
        ui::apply_theme(settings.theme, scale);
    }
    const double window_ms = timing.ms();
    loader.join();
    (void)controller.take_settings_changed();   // the fonts and theme above are for these settings
    controller.set_font_report(fonts.problem.empty() ? fonts.family : fonts.problem);
    if (opt.timing) std::fprintf(stderr, "timing: library_loaded_ms=%.1f window_open_ms=%.1f\n", loaded_ms, window_ms);
    int open_entry = -1;
    if (opt.open) {
        open_entry = find_entry(controller, *opt.open);
        if (open_entry < 0) {
            std::fprintf(stderr, "measured: no scenario '%s' in %s\n", opt.open->c_str(), cfg.library_dir.c_str());
            return 1;
        }
        const LibraryEntry& e = controller.library().entries[static_cast<std::size_t>(open_entry)];
        if (!e.usable()) {
            for (const auto& d : e.diagnostics.items()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
            std::fprintf(stderr, "measured: %s has errors and cannot be played\n", e.path.c_str());
            return 1;
        }
    }

    if (!window_error.empty()) {
        std::fprintf(stderr, "measured: %s\n", window_error.c_str());
        return 1;
    }

    app::GlTextures textures;

    if (open_entry >= 0 && opt.mode == "workshop") {
        const double now = window.now();
        controller.apply(ui::cmd::StartWorkshop{open_entry}, now);
        if (std::string err = run_workshop_script(controller, opt.choose, now); !err.empty()) {
            std::fprintf(stderr, "measured: %s\n", err.c_str());
            return 2;
        }
    } else if (open_entry >= 0) {
        const double now = window.now();
        controller.apply(ui::cmd::Start{open_entry, opt.mode == "assess" ? ui::Mode::assess : ui::Mode::learn}, now);
        if (!opt.choose.empty()) controller.apply(ui::cmd::AcceptWarning{}, now);
        if (std::string err = run_script(controller, opt.choose, now); !err.empty()) {
            std::fprintf(stderr, "measured: %s\n", err.c_str());
            return 2;
        }
    } else if (opt.author) {
        const double now = window.now();
        controller.apply(ui::cmd::OpenAuthor{*opt.author}, now);
        if (std::string err = run_script(controller, opt.choose, now); !err.empty()) {
            std::fprintf(stderr, "measured: %s\n", err.c_str());
            return 2;
        }
    } else if (opt.screen) {
        const ui::Screen s = *opt.screen == "standards" ? ui::Screen::standards : *opt.screen == "settings" ? ui::Screen::settings : ui::Screen::library;
        controller.apply(ui::cmd::Show{s}, window.now());
    }

    // Workshop mode's projector: a second window with its own contexts, fonts sized for a room.
    std::unique_ptr<app::Window> projector;
    std::unique_ptr<app::GlTextures> projector_textures;
    int projector_font_height = 0;
    bool projector_contrast = false;
    auto projector_font_px = [](int framebuffer_height) { return std::clamp(framebuffer_height / 26.0f, 24.0f, 72.0f); };

    ui::FrameState frame;
    ui::Commands commands;
    int pending = settle_frames;
    int rendered = 0;
    std::string title;
    while (!window.should_close()) {
        if (pending <= 0 && opt.frames == 0) {
            // Sleep until something happens; wake for the countdown while one runs, and twice a
            // second in Author mode to look at the file.
            const bool countdown = controller.timer_running();
            const bool watching = controller.author_active();
            const double timeout = countdown ? (controller.settings().reduce_motion ? 0.5 : 1.0 / 15) : watching ? 0.5 : -1;
            const double before = window.now();
            window.wait(timeout);
            pending = settle_frames;
            // Woken by the watch timer alone and the file is unchanged: nothing to draw.
            const bool timed_out = timeout > 0 && window.now() - before >= timeout * 0.95;
            if (watching && !controller.check_files(window.now()) && timed_out && !countdown) {
                pending = 0;
                continue;
            }
        } else {
            window.poll();
        }
        const double now = window.now();
        controller.tick(now);
        if (opt.frames > 0 && controller.author_active()) (void)controller.check_files(now);
        if (controller.take_settings_changed()) {
            const Settings& s = controller.settings();
            const float scale = window.content_scale() * s.font_scale;
            const ui::FontReport fonts = window.rebuild_fonts(base_font_px * scale);
            ui::apply_theme(s.theme, scale);
            controller.set_font_report(fonts.problem.empty() ? fonts.family : fonts.problem);
        }
        const std::string want_title = controller.playing_title().empty() ? ui::tr("app.window_title")
                                                                          : controller.playing_title() + " — " + ui::tr("app.name");
        if (want_title != title) window.set_title(title = want_title);

        // The projector opens with a workshop and closes with it.
        if (controller.workshop_active() && !projector) {
            projector = std::make_unique<app::Window>();
            WindowPlacement p;
            p.width = 1280;
            p.height = 720;
            const std::string title = ui::tr("workshop.projector_title");
            if (std::string err = projector->open(p, title.c_str()); !err.empty()) {
                std::fprintf(stderr, "measured: the projector window: %s\n", err.c_str());
                projector.reset();
            } else {
                projector->place_on_second_monitor();
                projector_textures = std::make_unique<app::GlTextures>();
                projector_font_height = 0;
            }
        } else if (!controller.workshop_active() && projector) {
            projector->activate();
            projector_textures.reset();
            projector.reset();
        }
        if (projector) {
            // Closing the projector by mistake must not end the workshop: it is minimised instead.
            if (projector->should_close()) {
                projector->clear_close_request();
                projector->iconify();
            }
            const int h = projector->framebuffer_height();
            const bool contrast = controller.projector_view().projected.high_contrast;
            if (h > 0 && (std::abs(h - projector_font_height) > projector_font_height / 10 || contrast != projector_contrast)) {
                const float px = projector_font_px(h);
                (void)projector->rebuild_fonts(px);
                ui::apply_theme(contrast ? Theme::high_contrast : controller.settings().theme, px / base_font_px);
                projector_font_height = h;
                projector_contrast = contrast;
            }
        }

        const auto build_start = std::chrono::steady_clock::now();
        window.begin_frame();
        ui::draw_frame(controller, frame, &textures, commands);
        timing.build_ms_total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - build_start).count();
        ++rendered;
        if (opt.screenshot && rendered == opt.frames) window.request_screenshot(*opt.screenshot);
        window.end_frame();
        if (projector) {
            projector->begin_frame();
            ui::draw_projector(controller.projector_view(), projector_textures.get());
            // F11: full screen on the monitor the projector window is on.
            const bool f11 = ui::key_pressed(ui::Key::f11);
            if (opt.projector_screenshot && rendered == opt.frames) projector->request_screenshot(*opt.projector_screenshot);
            projector->end_frame();
            if (f11) projector->toggle_fullscreen();
            if (!projector->screenshot_error().empty()) {
                std::fprintf(stderr, "measured: %s\n", projector->screenshot_error().c_str());
                return 1;
            }
        }
        if (rendered == 1 && opt.timing) {
            const auto epoch_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
            std::fprintf(stderr, "timing: first_frame_ms=%.1f first_frame_epoch_ms=%lld\n", timing.ms(), static_cast<long long>(epoch_ms));
        }
        pending = commands.empty() ? pending - 1 : settle_frames;
        controller.apply_all(commands, window.now());
        if (opt.frames > 0 && rendered >= opt.frames) break;
    }

    // The projector's textures belong to its GL context: free them while it is current.
    if (projector) {
        projector->activate();
        projector_textures.reset();
        projector.reset();
    }
    window.activate();

    // Remember where the window was (not after scripted runs, which should leave no trace).
    if (opt.frames == 0) {
        Settings s = controller.settings();
        s.window = window.placement();
        controller.apply(ui::cmd::ChangeSettings{s}, window.now());
    }
    if (opt.timing)
        std::fprintf(stderr, "timing: frames=%d ui_build_ms_avg=%.3f\n", rendered, rendered ? timing.build_ms_total / rendered : 0.0);
    if (!window.screenshot_error().empty()) {
        std::fprintf(stderr, "measured: %s\n", window.screenshot_error().c_str());
        return 1;
    }
    return 0;
}
