// Settings: defaults, round trip, range checks on hand-edited files, atomic save; the session mode
// in save files.

#include "helpers.hpp"
#include "loader.hpp"
#include "session_file.hpp"
#include "settings.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace measured;
using namespace measured::test;

TEST_SUITE("core/settings") {

TEST_CASE("a missing or empty settings file gives the defaults without complaint") {
    TempDir dir;
    Diagnostics d;
    CHECK(read_settings((fs::path(dir.path()) / "settings.toml").string(), d) == Settings{});
    CHECK(read_settings(dir.write("empty.toml", "\n  \n"), d) == Settings{});
    CHECK(d.empty());
}

TEST_CASE("settings round trip through the file, written atomically into a new folder") {
    TempDir dir;
    Settings s;
    s.font_scale = 1.7f;
    s.theme = Theme::high_contrast;
    s.timers = TimerSetting::x1_5;
    s.reduce_motion = true;
    s.window = {40, 60, 1024, 700, true};
    const std::string path = (fs::path(dir.path()) / "deep" / "measured" / "settings.toml").string();
    REQUIRE(save_settings(s, path).empty());
    Diagnostics d;
    const Settings back = read_settings(path, d);
    CHECK(d.empty());
    CHECK(back == s);
    CHECK(timer_scale(back.timers) == 1.5);
    CHECK(timer_scale(TimerSetting::off) == 0);
    for (const auto& e : fs::directory_iterator(fs::path(path).parent_path())) CHECK(e.path().filename() == "settings.toml");
}

TEST_CASE("bad values in a hand-edited file are reported where they are and replaced by defaults") {
    TempDir dir;
    const std::string path = dir.write("settings.toml", "font_scale = 7.0\ntheme = \"purple\"\ntimers = \"3\"\n"
                                                         "reduce_motion = \"yes\"\ncolour = 1\n\n[window]\nwidth = 10\nx = 5\n");
    Diagnostics d;
    const Settings s = read_settings(path, d);
    CHECK(s.font_scale == 1.0f);
    CHECK(s.theme == Theme::dark);
    CHECK(s.timers == TimerSetting::normal);
    CHECK_FALSE(s.reduce_motion);
    CHECK(s.window.width == 1280);
    CHECK(s.window.x == 5);
    CHECK(has_diagnostic(d, "W800", 1, 14));
    CHECK(has_diagnostic(d, "W800", 2, 9));
    CHECK(has_diagnostic(d, "W800", 5, 10));
    CHECK(has_diagnostic(d, "W800", 8, 9));
    CHECK(d.error_count() == 0);
    CHECK(d.warning_count() == 6);
}

TEST_CASE("a settings file that is not TOML is reported and the defaults are used") {
    TempDir dir;
    Diagnostics d;
    const Settings s = read_settings(dir.write("settings.toml", "font_scale = = 2\n"), d);
    CHECK(s == Settings{});
    CHECK(d.has_errors());
}

TEST_CASE("XDG folders follow the environment") {
    ::setenv("XDG_CONFIG_HOME", "/tmp/xdg-config", 1);
    ::setenv("XDG_DATA_HOME", "relative/is/ignored", 1);
    ::setenv("HOME", "/home/trainee", 1);
    CHECK(default_config_dir() == "/tmp/xdg-config/measured");
    CHECK(default_data_dir() == "/home/trainee/.local/share/measured");
    ::unsetenv("XDG_CONFIG_HOME");
    ::unsetenv("XDG_DATA_HOME");
}

TEST_CASE("the session mode is saved and read back, and a wrong mode is refused") {
    TempDir dir;
    const std::string scenario_path = dir.write("s.toml", minimal_scenario());
    Diagnostics d;
    auto sc = load_scenario(scenario_path, d);
    REQUIRE(sc);
    Session s(*sc, 5);
    s.mode = "assess";
    const std::string path = (fs::path(dir.path()) / "session.toml").string();
    REQUIRE(save_session(s, path).empty());
    auto rec = read_session_file(path, d);
    REQUIRE(rec);
    CHECK(rec->mode == "assess");
    auto back = restore_session(*sc, *rec, path, d);
    REQUIRE(back);
    CHECK(back->mode == "assess");

    std::string text = read_file(path);
    text = replace_first(text, "mode = \"assess\"", "mode = \"exam\"");
    Diagnostics bad;
    CHECK_FALSE(read_session_file(dir.write("bad.toml", text), bad));
    CHECK(bad.has_errors());
}

}
