// Settings as TOML: written by hand (a few keys), read through toml++ with every value checked.

#include "settings.hpp"

#include "files.hpp"
#include "text.hpp"
#include "toml_source.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace measured {

namespace fs = std::filesystem;

std::string_view theme_name(Theme t) {
    switch (t) {
    case Theme::dark: return "dark";
    case Theme::light: return "light";
    case Theme::high_contrast: return "high-contrast";
    }
    return "dark";
}

std::string_view timer_setting_name(TimerSetting t) {
    switch (t) {
    case TimerSetting::normal: return "normal";
    case TimerSetting::x1_5: return "1.5";
    case TimerSetting::x2: return "2";
    case TimerSetting::off: return "off";
    }
    return "normal";
}

double timer_scale(TimerSetting t) {
    switch (t) {
    case TimerSetting::normal: return 1.0;
    case TimerSetting::x1_5: return 1.5;
    case TimerSetting::x2: return 2.0;
    case TimerSetting::off: return 0.0;
    }
    return 1.0;
}

std::string settings_to_toml(const Settings& s) {
    char scale[32];
    std::snprintf(scale, sizeof scale, "%.2f", static_cast<double>(s.font_scale));
    std::string out;
    out += "# Measured settings. Edit here or in the runner's Settings screen.\n";
    out += "font_scale = " + std::string(scale) + "        # 0.8 to 2.0\n";
    out += "theme = \"" + std::string(theme_name(s.theme)) + "\"          # dark, light, high-contrast\n";
    out += "timers = \"" + std::string(timer_setting_name(s.timers)) + "\"        # normal, 1.5, 2, off\n";
    out += std::string("reduce_motion = ") + (s.reduce_motion ? "true" : "false") + "\n";
    out += "language = \"" + s.language + "\"\n";
    out += "\n[window]\n";
    out += "x = " + std::to_string(s.window.x) + "\n";
    out += "y = " + std::to_string(s.window.y) + "\n";
    out += "width = " + std::to_string(s.window.width) + "\n";
    out += "height = " + std::to_string(s.window.height) + "\n";
    out += std::string("maximized = ") + (s.window.maximized ? "true" : "false") + "\n";
    return out;
}

namespace {

template <typename T, typename Name>
bool parse_word(std::string_view value, std::initializer_list<T> all, Name name, T& out) {
    for (T v : all) {
        if (name(v) == value) {
            out = v;
            return true;
        }
    }
    return false;
}

}  // namespace

Settings read_settings(const std::string& path, Diagnostics& diags) {
    Settings s;
    std::error_code ec;
    if (!fs::exists(path, ec)) return s;
    auto file = read_source_file(path, diags, {256 * 1024});
    if (!file) return s;
    // An empty file (e.g. created by hand to be filled in later) means "all defaults".
    if (file->text.find_first_not_of(" \t\r\n") == std::string::npos) return s;
    auto root = parse_toml(*file, diags);
    if (!root) return s;
    auto bad = [&](const toml::node& n, const std::string& message) {
        diags.warning("W800", span_of(*file, n), message + "; using the default");
    };
    for (auto&& [key, node] : *root) {
        const std::string_view k = key.str();
        if (k == "font_scale") {
            auto v = node.value<double>();
            if (v && *v >= Settings::min_font_scale - 1e-6 && *v <= Settings::max_font_scale + 1e-6)
                s.font_scale = static_cast<float>(*v);
            else bad(node, "'font_scale' must be a number from 0.8 to 2.0");
        } else if (k == "theme") {
            auto v = node.value<std::string>();
            if (!v || !parse_word(*v, {Theme::dark, Theme::light, Theme::high_contrast}, theme_name, s.theme))
                bad(node, "'theme' must be \"dark\", \"light\" or \"high-contrast\"");
        } else if (k == "timers") {
            auto v = node.value<std::string>();
            if (!v || !parse_word(*v, {TimerSetting::normal, TimerSetting::x1_5, TimerSetting::x2, TimerSetting::off},
                                  timer_setting_name, s.timers))
                bad(node, "'timers' must be \"normal\", \"1.5\", \"2\" or \"off\"");
        } else if (k == "reduce_motion") {
            if (auto v = node.value<bool>()) s.reduce_motion = *v;
            else bad(node, "'reduce_motion' must be true or false");
        } else if (k == "language") {
            auto v = node.value<std::string>();
            if (v && is_valid_id(*v)) s.language = *v;
            else bad(node, "'language' must be a language code such as \"en\"");
        } else if (k == "window" && node.is_table()) {
            for (auto&& [wkey, wnode] : *node.as_table()) {
                const std::string_view w = wkey.str();
                if (w == "maximized") {
                    if (auto v = wnode.value<bool>()) s.window.maximized = *v;
                    else bad(wnode, "'window.maximized' must be true or false");
                    continue;
                }
                auto v = wnode.value<std::int64_t>();
                const bool size = w == "width" || w == "height";
                const std::int64_t lo = size ? 320 : -100000, hi = 100000;
                if (!v || *v < lo || *v > hi) {
                    if (w == "x" || w == "y" || size) bad(wnode, "'window." + std::string(w) + "' is out of range");
                    else diags.warning("W800", span_of(*file, wnode), "unknown setting 'window." + std::string(w) + "' is ignored");
                    continue;
                }
                if (w == "x") s.window.x = static_cast<int>(*v);
                else if (w == "y") s.window.y = static_cast<int>(*v);
                else if (w == "width") s.window.width = static_cast<int>(*v);
                else if (w == "height") s.window.height = static_cast<int>(*v);
                else diags.warning("W800", span_of(*file, wnode), "unknown setting 'window." + std::string(w) + "' is ignored");
            }
        } else {
            diags.warning("W800", span_of(*file, node), "unknown setting '" + std::string(k) + "' is ignored");
        }
    }
    return s;
}

std::string save_settings(const Settings& s, const std::string& path) {
    if (std::string err = make_dirs(fs::path(path).parent_path().string()); !err.empty()) return err;
    return write_file_atomic(path, settings_to_toml(s));
}

namespace {
std::string xdg_dir(const char* variable, const char* fallback) {
    if (const char* v = std::getenv(variable); v && *v == '/') return (fs::path(v) / "measured").string();
    if (const char* home = std::getenv("HOME"); home && *home) return (fs::path(home) / fallback / "measured").string();
    return {};
}
}  // namespace

std::string default_config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config"); }
std::string default_data_dir() { return xdg_dir("XDG_DATA_HOME", ".local/share"); }

std::string make_dirs(const std::string& dir) {
    if (dir.empty()) return {};
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec && !fs::is_directory(dir)) return "cannot create the folder " + dir + ": " + ec.message();
    return {};
}

}  // namespace measured
