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

void glfw_error(int code, const char* message) { std::fprintf(stderr, "measured: GLFW error %d: %s\n", code, message); }
}  // namespace

Window::~Window() {
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    if (window_) glfwDestroyWindow(window_);
    glfwTerminate();
}

std::string Window::open(const WindowPlacement& p, const char* title) {
    glfwSetErrorCallback(glfw_error);
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
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // layout is code, placement is in settings.toml
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (!ImGui_ImplGlfw_InitForOpenGL(window_, true) || !ImGui_ImplOpenGL3_Init("#version 330 core"))
        return "cannot start the ImGui backends";
    imgui_ready_ = true;
    ui::install_keymap(ui::Keymap{});
    return {};
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }
void Window::set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

float Window::content_scale() const {
    float x = 1, y = 1;
    glfwGetWindowContentScale(window_, &x, &y);
    return x > 0.5f && x < 4.0f ? x : 1.0f;
}

ui::FontReport Window::rebuild_fonts(float size) {
    ImGuiIO& io = ImGui::GetIO();
    ui::FontReport report = ui::load_fonts(*io.Fonts, size, ui::default_font_dirs());
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    return report;
}

void Window::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void Window::end_frame() {
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
