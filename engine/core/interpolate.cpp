// `{variable}` interpolation.
#include "interpolate.hpp"

#include "text.hpp"

namespace measured {
namespace {

int find_variable(std::span<const VariableInfo> vars, std::string_view name) {
    for (std::size_t i = 0; i < vars.size(); ++i)
        if (vars[i].id == name) return static_cast<int>(i);
    return -1;
}

}  // namespace

std::vector<InterpolationError> check_interpolation(std::string_view text, std::span<const VariableInfo> vars,
                                                   std::vector<int>& used) {
    std::vector<InterpolationError> errors;
    for (std::size_t i = 0; i < text.size() && errors.size() < 20; ++i) {
        const char c = text[i];
        if (c == '{') {
            if (i + 1 < text.size() && text[i + 1] == '{') { ++i; continue; }
            const std::size_t close = text.find('}', i + 1);
            const std::size_t next_open = text.find('{', i + 1);
            if (close == std::string_view::npos || (next_open != std::string_view::npos && next_open < close) || close - i > 70) {
                errors.push_back({i, "E305", "'{' starts a variable but is not closed by '}'; write '{{' for a literal brace"});
                continue;
            }
            const std::string_view name = text.substr(i + 1, close - i - 1);
            const int v = find_variable(vars, name);
            if (v < 0) {
                std::vector<std::string_view> names;
                for (const auto& var : vars) names.push_back(var.id);
                errors.push_back({i + 1, "E202", "unknown variable '" + std::string(name) + "' in text" + did_you_mean(name, names)});
            } else {
                used.push_back(v);
            }
            i = close;
        } else if (c == '}') {
            if (i + 1 < text.size() && text[i + 1] == '}') { ++i; continue; }
            errors.push_back({i, "E305", "unmatched '}'; write '}}' for a literal brace"});
        }
    }
    return errors;
}

std::string interpolate(std::string_view text, std::span<const VariableInfo> vars, std::span<const std::int64_t> values) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            out += c;
            ++i;
            continue;
        }
        if (c == '{') {
            const std::size_t close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                const int v = find_variable(vars, text.substr(i + 1, close - i - 1));
                if (v >= 0 && static_cast<std::size_t>(v) < values.size()) {
                    const auto value = values[static_cast<std::size_t>(v)];
                    out += vars[static_cast<std::size_t>(v)].type == ValueType::boolean ? (value ? "yes" : "no") : std::to_string(value);
                    i = close;
                    continue;
                }
            }
        }
        out += c;
    }
    return out;
}

}  // namespace measured
