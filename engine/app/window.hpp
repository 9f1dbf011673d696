// The window: GLFW, an OpenGL 3.3 core context loaded by glad, the ImGui GLFW and OpenGL3 backends,
// the font atlas, screenshots. Everything platform-specific lives here and nowhere else.
#pragma once

#include "fonts.hpp"
#include "settings.hpp"

#include <string>

struct GLFWwindow;

namespace measured::app {

// One OS window with its own GL context and ImGui context. The runner has one; a workshop adds a
// second (the projector). Every call makes this window's contexts current first.
class Window {
public:
    Window() = default;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window();

    // Creates the window at the saved placement; "" or the reason it failed. The first window
    // starts GLFW and the last one closed stops it.
    [[nodiscard]] std::string open(const WindowPlacement& placement, const char* title);
    // Makes this window's GL and ImGui contexts current (the calls below do it themselves).
    void activate() const;
    // Moves the window to the second monitor when there is one, at its full size.
    void place_on_second_monitor();
    // F11 on a projector: full screen on the monitor it is on, and back.
    void toggle_fullscreen();
    void iconify();
    void clear_close_request();
    [[nodiscard]] int framebuffer_height() const;
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
    struct ImGuiContext* imgui_ = nullptr;
    bool imgui_ready_ = false;
    WindowPlacement windowed_;              // where it was before full screen
    std::string screenshot_path_;
    std::string screenshot_error_;
};

}  // namespace measured::app
