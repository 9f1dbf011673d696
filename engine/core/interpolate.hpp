// `{variable}` interpolation in narrative text, facts and labels; `{{` and `}}` are literal braces.
#pragma once

#include "expr.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace measured {

struct InterpolationError {
    std::size_t offset = 0;   // byte offset in the text
    std::string code;         // E305 malformed, E202 unknown variable
    std::string message;
};

// Checks every `{…}`; appends the index of each variable used to `used`.
[[nodiscard]] std::vector<InterpolationError> check_interpolation(std::string_view text, std::span<const VariableInfo> vars,
                                                                   std::vector<int>& used);

// Replaces `{name}` with the value (booleans as "yes"/"no"). Text that failed the check is copied as is.
[[nodiscard]] std::string interpolate(std::string_view text, std::span<const VariableInfo> vars,
                                      std::span<const std::int64_t> values);

}  // namespace measured
