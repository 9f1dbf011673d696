// The window: GLFW, an OpenGL 3.3 core context loaded by glad, the ImGui GLFW and OpenGL3 backends,
// the font atlas, screenshots. Everything platform-specific lives here and nowhere else.
#pragma once

#include "fonts.hpp"
#include "settings.hpp"

#include <string>

struct GLFWwindow;

namespace measured::app {

class Window {
public:
    Window() = default;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window();

    // Creates the window at the saved placement; "" or the reason it failed.
    [[nodiscard]] std::string open(const WindowPlacement& placement, const char* title);
    [[nodiscard]] GLFWwindow* handle() const { return window_; }
    [[nodiscard]] bool should_close() const;
    void set_title(const std::string& title);

    // HiDPI: the monitor's content scale (1 on ordinary screens).
    [[nodiscard]] float content_scale() const;
    // Rebuilds the font atlas at this body size in pixels and uploads it.
    ui::FontReport rebuild_fonts(float size);

    void begin_frame();
    void end_frame();                       // renders and presents
    // Reads the frame just rendered (call between end_frame's render and present: see end_frame).
    [[nodiscard]] std::string screenshot(const std::string& path);
    void request_screenshot(std::string path) { screenshot_path_ = std::move(path); }
    [[nodiscard]] const std::string& screenshot_error() const { return screenshot_error_; }

    // Blocks until an event arrives, or at most `seconds` (< 0: no limit).
    void wait(double seconds);
    void poll();
    [[nodiscard]] double now() const;
    [[nodiscard]] WindowPlacement placement() const;

private:
    GLFWwindow* window_ = nullptr;
    bool imgui_ready_ = false;
    std::string screenshot_path_;
    std::string screenshot_error_;
};

}  // namespace measured::app
