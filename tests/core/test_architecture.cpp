// Architecture rule: engine/core knows nothing of ImGui, GLFW or OpenGL, and reads no clock.
#include "helpers.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

namespace fs = std::filesystem;
using namespace measured::test;

TEST_SUITE("core/architecture") {

TEST_CASE("engine/core includes no GUI, window or GL header and reads no clock") {
    const std::regex gui_include(R"(#\s*include\s*[<"](imgui|backends/|GLFW/|glad/|GL/|KHR/)[^>"]*[>"])");
    const std::regex clock_use(R"(std::chrono::(system_clock|steady_clock|high_resolution_clock)|\btime\s*\(\s*(nullptr|NULL|0)\s*\)|gettimeofday|clock_gettime)");
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(source_path("engine/core"))) {
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp" && ext != ".h") continue;
        ++files;
        const std::string text = read_file(entry.path().string());
        INFO(entry.path().string());
        CHECK_FALSE(std::regex_search(text, gui_include));
        CHECK_FALSE(std::regex_search(text, clock_use));
    }
    CHECK(files > 10);
}

TEST_CASE("engine/ui uses ImGui but no window system, GL or clock, and the tools use neither") {
    const std::regex platform_include(R"(#\s*include\s*[<"](backends/|GLFW/|glad/|GL/|KHR/)[^>"]*[>"])");
    const std::regex imgui_include(R"(#\s*include\s*[<"]imgui[^>"]*[>"])");
    const std::regex clock_use(R"(std::chrono::(system_clock|steady_clock|high_resolution_clock)|gettimeofday|clock_gettime|glfwGetTime)");
    int ui_files = 0, cli_files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(source_path("engine/ui"))) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
        ++ui_files;
        const std::string text = read_file(entry.path().string());
        INFO(entry.path().string());
        CHECK_FALSE(std::regex_search(text, platform_include));
        CHECK_FALSE(std::regex_search(text, clock_use));
    }
    for (const auto& entry : fs::recursive_directory_iterator(source_path("tools/cli"))) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
        ++cli_files;
        const std::string text = read_file(entry.path().string());
        INFO(entry.path().string());
        CHECK_FALSE(std::regex_search(text, platform_include));
        CHECK_FALSE(std::regex_search(text, imgui_include));
    }
    CHECK(ui_files > 10);
    CHECK(cli_files > 5);
}

TEST_CASE("the rule itself catches a GUI include") {
    const std::regex gui_include(R"(#\s*include\s*[<"](imgui|backends/|GLFW/|glad/|GL/|KHR/)[^>"]*[>"])");
    CHECK(std::regex_search(std::string("#include <imgui.h>"), gui_include));
    CHECK(std::regex_search(std::string("#include <GLFW/glfw3.h>"), gui_include));
    CHECK(std::regex_search(std::string("#  include \"glad/gl.h\""), gui_include));
    CHECK_FALSE(std::regex_search(std::string("#include <toml++/toml.h>"), gui_include));
}

}
