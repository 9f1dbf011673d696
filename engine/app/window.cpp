// GLFW + glad + the prebuilt ImGui backends from libimgui-dev. Also the one place that maps GLFW's
// key codes onto ui::Keymap (checked at compile time below).

#include "window.hpp"

#include "keys.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <cstdio>
#include <vector>

namespace measured::app {

// ui::Keymap's defaults are GLFW's key codes; if GLFW ever changed them this would not compile.
namespace {
constexpr ui::Keymap glfw_keys{};
static_assert(glfw_keys.digit0 == GLFW_KEY_0 && GLFW_KEY_9 == GLFW_KEY_0 + 9);
static_assert(glfw_keys.keypad0 == GLFW_KEY_KP_0 && GLFW_KEY_KP_9 == GLFW_KEY_KP_0 + 9);
static_assert(glfw_keys.keypad_enter == GLFW_KEY_KP_ENTER);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::enter)] == GLFW_KEY_ENTER);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::escape)] == GLFW_KEY_ESCAPE);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::space)] == GLFW_KEY_SPACE);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::backspace)] == GLFW_KEY_BACKSPACE);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::tab)] == GLFW_KEY_TAB);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::left)] == GLFW_KEY_LEFT);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::right)] == GLFW_KEY_RIGHT);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::up)] == GLFW_KEY_UP);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::down)] == GLFW_KEY_DOWN);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::page_up)] == GLFW_KEY_PAGE_UP);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::page_down)] == GLFW_KEY_PAGE_DOWN);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::home)] == GLFW_KEY_HOME);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::end)] == GLFW_KEY_END);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::f1)] == GLFW_KEY_F1);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::f5)] == GLFW_KEY_F5);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::p)] == GLFW_KEY_P);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::r)] == GLFW_KEY_R);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::c)] == GLFW_KEY_C);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::d)] == GLFW_KEY_D);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::f)] == GLFW_KEY_F);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::h)] == GLFW_KEY_H);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::m)] == GLFW_KEY_M);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::n)] == GLFW_KEY_N);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::q)] == GLFW_KEY_Q);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::t)] == GLFW_KEY_T);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::v)] == GLFW_KEY_V);
static_assert(glfw_keys.codes[static_cast<int>(ui::Key::f11)] == GLFW_KEY_F11);

void glfw_error(int code, const char* message) { std::fprintf(stderr, "measured: GLFW error %d: %s\n", code, message); }

int open_windows = 0;

// ImGui 1.86's GLFW backend sends every event to the *current* ImGui context. With two windows,
// these forwarders make the event's own window's context current first.
struct ContextSwitch {
    ImGuiContext* before;
    explicit ContextSwitch(GLFWwindow* w) : before(ImGui::GetCurrentContext()) {
        if (auto* ctx = static_cast<ImGuiContext*>(glfwGetWindowUserPointer(w))) ImGui::SetCurrentContext(ctx);
    }
    ~ContextSwitch() { ImGui::SetCurrentContext(before); }
    ContextSwitch(const ContextSwitch&) = delete;
    ContextSwitch& operator=(const ContextSwitch&) = delete;
};

void install_callbacks(GLFWwindow* w) {
    glfwSetWindowFocusCallback(w, [](GLFWwindow* win, int focused) {
        ContextSwitch s(win);
        ImGui_ImplGlfw_WindowFocusCallback(win, focused);
    });
    glfwSetCursorEnterCallback(w, [](GLFWwindow* win, int entered) {
        ContextSwitch s(win);
        ImGui_ImplGlfw_CursorEnterCallback(win, entered);
    });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* win, int button, int action, int mods) {
        ContextSwitch s(win);
        ImGui_ImplGlfw_MouseButtonCallback(win, button, action, mods);
    });
    glfwSetScrollCallback(w, [](GLFWwindow* win, double x, double y) {
        ContextSwitch s(win);
        ImGui_ImplGlfw_ScrollCallback(win, x, y);
    });
    glfwSetKeyCallback(w, [](GLFWwindow* win, int key, int scancode, int action, int mods) {
        ContextSwitch s(win);
        ImGui_ImplGlfw_KeyCallback(win, key, scancode, action, mods);
    });
    glfwSetCharCallback(w, [](GLFWwindow* win, unsigned int c) {
        ContextSwitch s(win);
        ImGui_ImplGlfw_CharCallback(win, c);
    });
}
}  // namespace

Window::~Window() {
    if (window_) activate();
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    if (imgui_) ImGui::DestroyContext(imgui_);
    if (window_) glfwDestroyWindow(window_);
    if (--open_windows == 0) glfwTerminate();
}

void Window::activate() const {
    if (window_) glfwMakeContextCurrent(window_);
    if (imgui_) ImGui::SetCurrentContext(imgui_);
}

std::string Window::open(const WindowPlacement& p, const char* title) {
    glfwSetErrorCallback(glfw_error);
    ++open_windows;
    if (!glfwInit()) return "cannot start the window system (is a display available? DISPLAY is unset or unreachable)";
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_MAXIMIZED, p.maximized ? GLFW_TRUE : GLFW_FALSE);
    window_ = glfwCreateWindow(p.width, p.height, title, nullptr, nullptr);
    if (!window_) return "cannot create an OpenGL 3.3 window";
    if (p.x >= 0 && p.y >= 0 && !p.maximized) glfwSetWindowPos(window_, p.x, p.y);
    glfwSetWindowSizeLimits(window_, 640, 480, GLFW_DONT_CARE, GLFW_DONT_CARE);
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    if (!gladLoadGL(glfwGetProcAddress)) return "cannot load OpenGL 3.3 functions";
    imgui_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(imgui_);
    glfwSetWindowUserPointer(window_, imgui_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // layout is code, placement is in settings.toml
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (!ImGui_ImplGlfw_InitForOpenGL(window_, false) || !ImGui_ImplOpenGL3_Init("#version 330 core"))
        return "cannot start the ImGui backends";
    install_callbacks(window_);
    imgui_ready_ = true;
    ui::install_keymap(ui::Keymap{});
    return {};
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }
void Window::clear_close_request() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }
void Window::iconify() { glfwIconifyWindow(window_); }

int Window::framebuffer_height() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return h;
}

void Window::place_on_second_monitor() {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (count < 2) return;
    int x = 0, y = 0, w = 0, h = 0;
    glfwGetMonitorWorkarea(monitors[1], &x, &y, &w, &h);
    glfwSetWindowPos(window_, x, y);
    glfwSetWindowSize(window_, w, h);
}

void Window::toggle_fullscreen() {
    if (glfwGetWindowMonitor(window_)) {
        glfwSetWindowMonitor(window_, nullptr, windowed_.x, windowed_.y, windowed_.width, windowed_.height, 0);
        return;
    }
    windowed_ = placement();
    // The monitor under the window's centre.
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* target = count > 0 ? monitors[0] : nullptr;
    const int cx = windowed_.x + windowed_.width / 2, cy = windowed_.y + windowed_.height / 2;
    for (int i = 0; i < count; ++i) {
        int x = 0, y = 0;
        glfwGetMonitorPos(monitors[i], &x, &y);
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        if (mode && cx >= x && cx < x + mode->width && cy >= y && cy < y + mode->height) target = monitors[i];
    }
    if (!target) return;
    const GLFWvidmode* mode = glfwGetVideoMode(target);
    glfwSetWindowMonitor(window_, target, 0, 0, mode->width, mode->height, mode->refreshRate);
}
void Window::set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

float Window::content_scale() const {
    float x = 1, y = 1;
    glfwGetWindowContentScale(window_, &x, &y);
    return x > 0.5f && x < 4.0f ? x : 1.0f;
}

ui::FontReport Window::rebuild_fonts(float size) {
    activate();
    ImGuiIO& io = ImGui::GetIO();
    ui::FontReport report = ui::load_fonts(*io.Fonts, size, ui::default_font_dirs());
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    return report;
}

void Window::begin_frame() {
    activate();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void Window::end_frame() {
    activate();
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!screenshot_path_.empty()) {
        screenshot_error_ = screenshot(screenshot_path_);
        screenshot_path_.clear();
    }
    glfwSwapBuffers(window_);
}

std::string Window::screenshot(const std::string& path) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    if (w <= 0 || h <= 0) return "the window has no size";
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // Opaque: the window's alpha is meaningless in a picture.
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
    stbi_flip_vertically_on_write(1);
    if (!stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4)) return "cannot write " + path;
    return {};
}

void Window::wait(double seconds) {
    if (seconds < 0) glfwWaitEvents();
    else glfwWaitEventsTimeout(seconds);
}

void Window::poll() { glfwPollEvents(); }
double Window::now() const { return glfwGetTime(); }

WindowPlacement Window::placement() const {
    WindowPlacement p;
    p.maximized = glfwGetWindowAttrib(window_, GLFW_MAXIMIZED) == GLFW_TRUE;
    glfwGetWindowPos(window_, &p.x, &p.y);
    glfwGetWindowSize(window_, &p.width, &p.height);
    return p;
}

}  // namespace measured::app
