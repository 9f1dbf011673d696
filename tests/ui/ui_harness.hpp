// Headless ImGui for the screen tests: a real ImGui context with the real fonts, no window and no
// GL. Frames are driven by hand; input is injected here and nowhere else (ImGui 1.86's io fields),
// so moving to 1.87's event API is a one-file change.
#pragma once

#include "controller.hpp"
#include "frame.hpp"
#include "keys.hpp"
#include "widgets.hpp"

#include <functional>
#include <string>
#include <vector>

namespace measured::test {

class UiHarness {
public:
    explicit UiHarness(float width = 1280, float height = 800);
    ~UiHarness();
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    // Runs one frame of `draw`; what it drew is in items() until the next frame.
    void frame(const std::function<void()>& draw);
    [[nodiscard]] const std::vector<ui::ProbedItem>& items() const { return items_; }

    // The first (or the nth, from 1) clickable item with this label (exact), or null.
    [[nodiscard]] const ui::ProbedItem* find(const std::string& label, int nth = 1) const;
    // Shown as text (or a label) anywhere on screen: exact match or containing `text`.
    [[nodiscard]] bool shows(const std::string& text) const;
    [[nodiscard]] std::string dump() const;

    // Clicks the item with this label: lays out, hovers, presses, releases (4 frames). Returns
    // false when no such item was on screen.
    bool click(const std::string& label, const std::function<void()>& draw, int nth = 1);
    // Presses and releases a key (native code from ui::keymap()).
    void press(int native_key, const std::function<void()>& draw, bool shift = false);
    // Types text into the focused text field (as characters), then one frame.
    void type(const std::string& text, const std::function<void()>& draw);
    // Makes this harness's ImGui context current (several harnesses can live side by side: a
    // console and a projector).
    void activate();
    void press(ui::Key key, const std::function<void()>& draw);
    void press_digit(int digit, const std::function<void()>& draw);

private:
    struct ImGuiContext* ctx_ = nullptr;
    std::vector<ui::ProbedItem> items_;
};

// A controller over the real library and catalogue, with its own config and data folders, and a
// clock that tests move by hand.
struct RunnerFixture {
    RunnerFixture(const std::string& config_dir, const std::string& data_dir, std::string library_dir = "", float height = 800);
    ui::Controller controller;
    ui::FrameState state;
    UiHarness ui;
    double now = 100.0;

    // One frame of the whole runner, then the commands it produced are applied.
    void step();
    [[nodiscard]] std::function<void()> draw();
    bool click(const std::string& label, int nth = 1);
    void press(ui::Key key);
    void press_digit(int digit);
    void press_shift_digit(int digit);
    void type(const std::string& text);
    // The library row with this title.
    [[nodiscard]] int entry_of(const std::string& scenario_id) const;
};

}  // namespace measured::test
