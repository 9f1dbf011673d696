// Names of the command enums, as written in session files and on the command line.

#include "commands.hpp"

namespace measured::ui {

std::string_view mode_name(Mode m) { return m == Mode::assess ? "assess" : "learn"; }

}  // namespace measured::ui
