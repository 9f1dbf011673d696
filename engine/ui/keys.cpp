// The key table and the two queries the screens use.

#include "keys.hpp"

#include <imgui.h>

namespace measured::ui {

namespace {
Keymap current;

int code(Key k) { return current.codes[static_cast<int>(k)]; }

bool pressed(int native) { return native >= 0 && native < 512 && ImGui::IsKeyPressed(native, false); }
}  // namespace

const Keymap& keymap() { return current; }

void install_keymap(const Keymap& k) {
    current = k;
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Tab] = code(Key::tab);
    io.KeyMap[ImGuiKey_LeftArrow] = code(Key::left);
    io.KeyMap[ImGuiKey_RightArrow] = code(Key::right);
    io.KeyMap[ImGuiKey_UpArrow] = code(Key::up);
    io.KeyMap[ImGuiKey_DownArrow] = code(Key::down);
    io.KeyMap[ImGuiKey_PageUp] = code(Key::page_up);
    io.KeyMap[ImGuiKey_PageDown] = code(Key::page_down);
    io.KeyMap[ImGuiKey_Home] = code(Key::home);
    io.KeyMap[ImGuiKey_End] = code(Key::end);
    io.KeyMap[ImGuiKey_Backspace] = code(Key::backspace);
    io.KeyMap[ImGuiKey_Space] = code(Key::space);
    io.KeyMap[ImGuiKey_Enter] = code(Key::enter);
    io.KeyMap[ImGuiKey_Escape] = code(Key::escape);
    io.KeyMap[ImGuiKey_KeyPadEnter] = k.keypad_enter;
}

bool key_pressed(Key k) {
    if (ImGui::GetIO().WantTextInput) return false;
    if (k == Key::enter && pressed(current.keypad_enter)) return true;
    return pressed(code(k));
}

int digit_pressed() {
    if (ImGui::GetIO().WantTextInput) return 0;
    for (int d = 1; d <= 9; ++d)
        if (pressed(current.digit0 + d) || pressed(current.keypad0 + d)) return d;
    return 0;
}

}  // namespace measured::ui
