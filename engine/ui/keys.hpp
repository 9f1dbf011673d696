// Keys: ImGui 1.86 names only a few keys (no digits, letters or F-keys), so the screens ask for
// our own names and this table says which native key code each one is. The default table uses
// GLFW's codes; engine/app/window.cpp checks at compile time that they match GLFW's headers, and
// the headless tests use the same table.
#pragma once

namespace measured::ui {

enum class Key {
    enter, escape, space, backspace, tab, left, right, up, down, page_up, page_down, home, end,
    f1, f2, f3, f4, f5,
    p, r,
    c, d, f, h, m, n, q, t, v,   // Workshop mode's console
    f11,                         // the projector's full screen
    count
};

struct Keymap {
    int digit0 = 48;            // '0' … '9' follow
    int keypad0 = 320;          // keypad 0 … 9 follow
    int codes[static_cast<int>(Key::count)] = {257, 256, 32, 259, 258, 263, 262, 265, 264, 266, 267, 268, 269,
                                               290, 291, 292, 293, 294,
                                               'P', 'R',
                                               'C', 'D', 'F', 'H', 'M', 'N', 'Q', 'T', 'V',
                                               300};
    int keypad_enter = 335;
};

[[nodiscard]] const Keymap& keymap();
// Also sets ImGui's io.KeyMap for navigation (Tab, arrows, Enter, Space, Escape …).
void install_keymap(const Keymap& k);

// Pressed this frame (with key repeat off), and no text field has the keyboard.
[[nodiscard]] bool key_pressed(Key k);
// Digit 1–9 pressed this frame (top row or keypad): returns 1–9, or 0.
[[nodiscard]] int digit_pressed();

}  // namespace measured::ui
