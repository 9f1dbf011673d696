// Names of the command enums, as written in session files and on the command line.

#include "commands.hpp"

namespace measured::ui {

std::string_view mode_name(Mode m) {
    switch (m) {
        case Mode::learn: return "learn";
        case Mode::assess: return "assess";
        case Mode::author: return "author";
        case Mode::workshop: return "workshop";
    }
    return "learn";
}

}  // namespace measured::ui
