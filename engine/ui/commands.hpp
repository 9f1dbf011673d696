// Commands: what a screen asks for. Widgets never change the core; they append a command, and the
// controller applies the list after the frame (STYLE §5).
#pragma once

#include "settings.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace measured::ui {

enum class Screen { library, warning, player, debrief, standards, settings };
// Author: Learn mode's feedback and rewind, no timers, no autosave, and the author panel.
enum class Mode { learn, assess, author };
enum class ExportFormat { markdown, json };

[[nodiscard]] std::string_view mode_name(Mode m);   // "learn", "assess", "author"

namespace cmd {
struct Show { Screen screen; };                  // top-bar navigation
struct Start { int entry; Mode mode; };          // a library entry
struct AcceptWarning {};
struct DeclineWarning {};
struct Choose { int choice; };                   // index into the scene's choices
struct Continue {};                              // after the feedback on a decision
struct Rewind { std::size_t keep; };             // keep the first `keep` decisions, replay them
struct SetPaused { bool paused; };
struct Leave {};                                 // back to the library; the session stays resumable
struct PlayAgain {};                             // the same scenario and mode, a new seed
struct Export { ExportFormat format; };
struct OpenProvision { std::string id; };        // in the standards browser
struct Back {};                                  // from the standards browser to where it was opened
struct Resume { int slot; };
struct Discard { int slot; };
struct ChangeSettings { Settings settings; };
struct OpenAuthor { std::string path; };         // a scenario file, watched, in Author mode
struct SetVariable { std::string id; std::int64_t value; };   // Author mode's inspector
struct JumpTo { int node; };                     // Author mode: restart from a scene with the current values
}  // namespace cmd

using Command = std::variant<cmd::Show, cmd::Start, cmd::AcceptWarning, cmd::DeclineWarning, cmd::Choose, cmd::Continue,
                             cmd::Rewind, cmd::SetPaused, cmd::Leave, cmd::PlayAgain, cmd::Export, cmd::OpenProvision,
                             cmd::Back, cmd::Resume, cmd::Discard, cmd::ChangeSettings, cmd::OpenAuthor, cmd::SetVariable,
                             cmd::JumpTo>;

using Commands = std::vector<Command>;

}  // namespace measured::ui
