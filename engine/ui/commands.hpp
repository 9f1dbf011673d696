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

enum class Screen { library, warning, player, debrief, standards, settings, workshop };
// Author: Learn mode's feedback and rewind, no timers, no autosave, and the author panel.
// Workshop: a trainer's console and a projector; the clock waits for the trainer.
enum class Mode { learn, assess, author, workshop };
enum class ExportFormat { markdown, json, html };

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

// Workshop mode (a trainer, a projector, a room). Options are positions in the list offered now.
struct StartWorkshop { int entry; };
struct RunClock { bool run; };                   // start or stop the decision clock
struct Vote { int option; int delta; };          // one more (+1) or one fewer (-1) vote
struct SetVotes { int option; int count; };      // a typed count
struct ClearVotes {};
struct Play { int option; std::string reason; };  // -1: the time-out; a reason is needed to override the vote
struct AddFlag { std::string note; };
struct WhatIf { std::size_t keep; };             // a new branch from the first `keep` decisions of this one
struct SwitchBranch { int branch; };             // continue an explored branch where it stopped
// What the projector shows besides the story; the trainer decides.
enum class Projected { votes, feedback, discussion, notes, debrief, high_contrast };
struct Project { Projected what; bool on; };
struct ExportWorkshop { ExportFormat format; };
struct SetGroup { std::string label; };          // the group's name in the record
}  // namespace cmd

using Command = std::variant<cmd::Show, cmd::Start, cmd::AcceptWarning, cmd::DeclineWarning, cmd::Choose, cmd::Continue,
                             cmd::Rewind, cmd::SetPaused, cmd::Leave, cmd::PlayAgain, cmd::Export, cmd::OpenProvision,
                             cmd::Back, cmd::Resume, cmd::Discard, cmd::ChangeSettings, cmd::OpenAuthor, cmd::SetVariable,
                             cmd::JumpTo, cmd::StartWorkshop, cmd::RunClock, cmd::Vote, cmd::SetVotes, cmd::ClearVotes,
                             cmd::Play, cmd::AddFlag, cmd::WhatIf, cmd::SwitchBranch, cmd::Project, cmd::ExportWorkshop,
                             cmd::SetGroup>;

using Commands = std::vector<Command>;

}  // namespace measured::ui
