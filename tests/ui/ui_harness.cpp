// The headless harness. Recipe from notes/stack-feasibility.md §5: build the font atlas before the
// first frame; a click needs a layout frame, a hover frame, a press frame and a release frame.

#include "ui_harness.hpp"

#include "fonts.hpp"
#include "helpers.hpp"
#include "theme.hpp"

#include <imgui.h>

namespace measured::test {

UiHarness::UiHarness(float width, float height) {
    ctx_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {width, height};
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    (void)ui::load_fonts(*io.Fonts, 18.0f, ui::default_font_dirs());
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ui::install_keymap(ui::Keymap{});
    ui::apply_theme(Theme::dark, 1.0f);
    ui::set_item_probe(&items_);
}

UiHarness::~UiHarness() {
    ui::set_item_probe(nullptr);
    ImGui::DestroyContext(ctx_);
}

void UiHarness::activate() {
    ImGui::SetCurrentContext(ctx_);
    ui::set_item_probe(&items_);
}

void UiHarness::frame(const std::function<void()>& draw) {
    activate();
    items_.clear();
    ImGui::NewFrame();
    draw();
    ImGui::Render();
}

const ui::ProbedItem* UiHarness::find(const std::string& label, int nth) const {
    for (const auto& i : items_)
        if (i.clickable && i.label == label && --nth == 0) return &i;
    return nullptr;
}

bool UiHarness::shows(const std::string& text) const {
    for (const auto& i : items_)
        if (i.label.find(text) != std::string::npos) return true;
    return false;
}

std::string UiHarness::dump() const {
    std::string out;
    for (const auto& i : items_) out += (i.clickable ? "[button] " : "") + i.label.substr(0, 100) + "\n";
    return out;
}

bool UiHarness::click(const std::string& label, const std::function<void()>& draw, int nth) {
    activate();
    ImGuiIO& io = ImGui::GetIO();
    frame(draw);   // lay out, so the item's position is known
    const ui::ProbedItem* item = find(label, nth);
    if (!item) return false;
    const ImVec2 centre{(item->min.x + item->max.x) * 0.5f, (item->min.y + item->max.y) * 0.5f};
    io.MousePos = centre;
    frame(draw);
    io.MouseDown[0] = true;
    frame(draw);
    io.MouseDown[0] = false;
    frame(draw);
    io.MousePos = {-1, -1};
    return true;
}

void UiHarness::type(const std::string& text, const std::function<void()>& draw) {
    activate();
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame(draw);
}

void UiHarness::press(int native_key, const std::function<void()>& draw, bool shift) {
    activate();
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[native_key] = true;
    io.KeyShift = shift;
    frame(draw);
    io.KeysDown[native_key] = false;
    io.KeyShift = false;
    frame(draw);
}

void UiHarness::press(ui::Key key, const std::function<void()>& draw) { press(ui::keymap().codes[static_cast<int>(key)], draw); }
void UiHarness::press_digit(int digit, const std::function<void()>& draw) { press(ui::keymap().digit0 + digit, draw); }

RunnerFixture::RunnerFixture(const std::string& config_dir, const std::string& data_dir, std::string library_dir, float height)
    : controller(ui::ControllerConfig{library_dir.empty() ? source_path("scenarios") : std::move(library_dir),
                                      source_path("assets/standards"), config_dir, data_dir, [] { return std::uint64_t{7}; },
                                      [] { return std::string("2026-11-23 10:00"); }},
                 Settings{}),
      ui(1280, height) {
    controller.load();
    step();
}

std::function<void()> RunnerFixture::draw() {
    return [this] {
        ui::Commands out;
        ui::draw_frame(controller, state, nullptr, out);
        controller.apply_all(out, now);
        controller.tick(now);
    };
}

void RunnerFixture::step() { ui.frame(draw()); }
// After each input one more frame, so what the tests read (items, views) shows its effect.
bool RunnerFixture::click(const std::string& label, int nth) {
    const bool found = ui.click(label, draw(), nth);
    step();
    return found;
}
void RunnerFixture::press(ui::Key key) {
    ui.press(key, draw());
    step();
}
void RunnerFixture::type(const std::string& text) {
    ui.type(text, draw());
    step();
}
void RunnerFixture::press_shift_digit(int digit) {
    ui.press(ui::keymap().digit0 + digit, draw(), true);
    step();
}
void RunnerFixture::press_digit(int digit) {
    ui.press_digit(digit, draw());
    step();
}

int RunnerFixture::entry_of(const std::string& scenario_id) const {
    const auto& entries = controller.library().entries;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].scenario && entries[i].scenario->id == scenario_id) return static_cast<int>(i);
    return -1;
}

}  // namespace measured::test
