// One frame of the whole runner: the top bar, the current screen, the keyboard help. The app calls
// draw_frame() between ImGui::NewFrame() and ImGui::Render(), then applies the commands.
#pragma once

#include "commands.hpp"
#include "controller.hpp"
#include "screen_author.hpp"
#include "screen_debrief.hpp"
#include "screen_library.hpp"
#include "screen_player.hpp"
#include "screen_standards.hpp"
#include "screen_workshop.hpp"

namespace measured::ui {

struct Textures;

struct FrameState {
    LibraryUiState library;
    PlayerUiState player;
    DebriefUiState debrief;
    StandardsUiState standards;
    AuthorUiState author;
    ConsoleUiState workshop;
    bool show_keys = false;
    Screen last_screen = Screen::library;
};

void draw_frame(const Controller& c, FrameState& st, Textures* textures, Commands& out);

}  // namespace measured::ui
