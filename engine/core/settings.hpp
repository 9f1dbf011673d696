// The trainee's settings: a plain struct with defaults, range-checked when read, stored as TOML in
// the XDG config folder and written atomically. Also where Measured keeps its files (XDG folders).
#pragma once

#include "diagnostics.hpp"

#include <string>

namespace measured {

enum class Theme { dark, light, high_contrast };
enum class TimerSetting { normal, x1_5, x2, off };

[[nodiscard]] std::string_view theme_name(Theme t);
[[nodiscard]] std::string_view timer_setting_name(TimerSetting t);
// The factor applied to every time limit: 1, 1.5, 2, or 0 for no timers.
[[nodiscard]] double timer_scale(TimerSetting t);

struct WindowPlacement {
    int x = -1, y = -1;          // -1: let the window manager choose
    int width = 1280, height = 800;
    bool maximized = false;

    bool operator==(const WindowPlacement&) const = default;
};

struct Settings {
    static constexpr float min_font_scale = 0.8f;
    static constexpr float max_font_scale = 2.0f;

    float font_scale = 1.0f;
    Theme theme = Theme::dark;
    TimerSetting timers = TimerSetting::normal;
    bool reduce_motion = false;
    std::string language = "en";
    WindowPlacement window;

    bool operator==(const Settings&) const = default;
};

[[nodiscard]] std::string settings_to_toml(const Settings& s);
// Reads what it can: a missing file gives the defaults silently; a bad value is reported (W800)
// and replaced by its default, so a hand-edited file never stops the runner from starting.
[[nodiscard]] Settings read_settings(const std::string& path, Diagnostics& diags);
[[nodiscard]] std::string save_settings(const Settings& s, const std::string& path);   // "" or the reason

// $XDG_CONFIG_HOME/measured (default ~/.config/measured) and $XDG_DATA_HOME/measured
// (default ~/.local/share/measured). Empty when neither the variable nor HOME is set.
[[nodiscard]] std::string default_config_dir();
[[nodiscard]] std::string default_data_dir();

// Creates the folder and its parents; "" or the reason.
[[nodiscard]] std::string make_dirs(const std::string& dir);

}  // namespace measured
