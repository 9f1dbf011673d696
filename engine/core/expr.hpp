// The expression language of conditions and effects: integers, booleans, variables, + -, comparisons,
// and/or/not, parentheses. Parsed once into a flat tree, type-checked, range-analysed and evaluated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace measured {

enum class ValueType { integer, boolean };

struct VariableInfo {
    std::string id;
    ValueType type = ValueType::integer;
    std::int64_t min = 0;
    std::int64_t max = 1;
};

struct ExprLimits {
    std::size_t max_length = 500;
    std::size_t max_depth = 32;
};

// Literals and declared ranges stay within ±1e9, so sums of up to 500 characters cannot overflow.
inline constexpr std::int64_t max_magnitude = 1'000'000'000;

struct ExprNode {
    enum class Op { literal, truth, variable, negate, logical_not, add, sub, eq, ne, lt, le, gt, ge, logical_and, logical_or };
    Op op = Op::literal;
    std::int64_t value = 0;   // literal value (truth: 0/1), or variable index
    int lhs = -1;
    int rhs = -1;
    std::uint32_t offset = 0; // byte offset in the source text
};

struct Expr {
    std::vector<ExprNode> nodes;
    int root = -1;
    ValueType type = ValueType::integer;
};

// A problem at a byte offset of the expression text. Codes: E300 syntax, E301 limit, E302 type,
// E202 unknown variable.
struct ExprError {
    std::size_t offset = 0;
    std::string code;
    std::string message;
};

struct ExprResult {
    std::optional<Expr> expr;
    std::vector<ExprError> errors;
};

[[nodiscard]] ExprResult parse_expression(std::string_view text, std::span<const VariableInfo> vars, ExprLimits limits = {});

// Values are int64; booleans are 0 or 1.
[[nodiscard]] std::int64_t evaluate(const Expr& e, std::span<const std::int64_t> values);

// The expression under `node` written back as text, with parentheses where precedence needs them;
// booleans as true/false.
[[nodiscard]] std::string expression_text(const Expr& e, int node, std::span<const VariableInfo> vars);

// Why a condition is false with these values: each false part of its top-level `and` chain (or the
// whole condition), written out with the values of its variables, e.g. "trust >= 3 (trust is 1)".
// Empty when the condition holds.
[[nodiscard]] std::vector<std::string> explain_false(const Expr& e, std::span<const VariableInfo> vars,
                                                     std::span<const std::int64_t> values);

// The interval an expression can take given the declared ranges (booleans: within [0, 1]).
struct Interval {
    std::int64_t lo = 0;
    std::int64_t hi = 0;
};
[[nodiscard]] Interval interval_of(const Expr& e, std::span<const VariableInfo> vars);

// Effects: `name = EXPR`, `name += EXPR`, `name -= EXPR`.
struct Effect {
    enum class Op { assign, add, subtract };
    int variable = -1;
    Op op = Op::assign;
    Expr value;
    std::string text;
};

struct EffectResult {
    std::optional<Effect> effect;
    std::vector<ExprError> errors;
};

[[nodiscard]] EffectResult parse_effect(std::string_view text, std::span<const VariableInfo> vars, ExprLimits limits = {});

// Applies an effect; the result is clamped to the variable's range (booleans to 0/1).
void apply_effect(const Effect& e, std::span<const VariableInfo> vars, std::span<std::int64_t> values);

}  // namespace measured
