// measured: the runner. Reads the options and settings, loads the library, opens the window and
// runs the event-driven loop: it sleeps in glfwWaitEvents() and draws only after input, while a
// countdown runs, or for the few frames ImGui needs to settle after a change.

#include "controller.hpp"
#include "files.hpp"
#include "frame.hpp"
#include "options.hpp"
#include "settings.hpp"
#include "strings.hpp"
#include "textures.hpp"
#include "theme.hpp"
#include "window.hpp"

#include <imgui.h>

#include <chrono>
#include <cstdio>
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

    if (open_entry >= 0) {
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

        const auto build_start = std::chrono::steady_clock::now();
        window.begin_frame();
        ui::draw_frame(controller, frame, &textures, commands);
        timing.build_ms_total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - build_start).count();
        ++rendered;
        if (opt.screenshot && rendered == opt.frames) window.request_screenshot(*opt.screenshot);
        window.end_frame();
        if (rendered == 1 && opt.timing) {
            const auto epoch_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
            std::fprintf(stderr, "timing: first_frame_ms=%.1f first_frame_epoch_ms=%lld\n", timing.ms(), static_cast<long long>(epoch_ms));
        }
        pending = commands.empty() ? pending - 1 : settle_frames;
        controller.apply_all(commands, window.now());
        if (opt.frames > 0 && rendered >= opt.frames) break;
    }

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
