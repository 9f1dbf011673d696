// The settings screen: font size, theme, timer length, reduce motion. Every change is applied at
// once and saved (atomically) by the controller.
#pragma once

#include "commands.hpp"

#include <string>

namespace measured::ui {

struct SettingsView {
    Settings settings;
    std::string font;                    // the font in use, or the fallback notice
    std::string config_path;
    std::string data_dir;
    std::string message;                 // a problem reading or writing the settings file
};

void draw_settings(const SettingsView& vm, Commands& out);

}  // namespace measured::ui
