// The expression language: lexer, recursive-descent parser with limits, type checks, evaluation.
#include "expr.hpp"

#include "text.hpp"

#include <algorithm>
#include <charconv>

namespace measured {
namespace {

struct Token {
    enum class Kind { end, number, name, lparen, rparen, plus, minus, eq, ne, lt, le, gt, ge, assign, plus_assign, minus_assign, bad };
    Kind kind = Kind::end;
    std::string_view text;
    std::size_t offset = 0;
};

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-'; }

std::vector<Token> lex(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { ++i; continue; }
        const std::size_t start = i;
        auto push = [&](Token::Kind k, std::size_t len) {
            out.push_back({k, s.substr(start, len), start});
            i = start + len;
        };
        if (c >= '0' && c <= '9') {
            std::size_t j = i;
            while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
            push(Token::Kind::number, j - i);
        } else if (is_name_start(c)) {
            std::size_t j = i;
            // '-' inside names is allowed (ids use it) only when followed by a name character,
            // so "a-1" is a name but "a - 1" and "a -1" are subtractions.
            while (j < s.size() && (is_name_char(s[j]) && !(s[j] == '-' && (j + 1 >= s.size() || !is_name_start(s[j + 1]))))) ++j;
            push(Token::Kind::name, j - i);
        } else if (c == '(') push(Token::Kind::lparen, 1);
        else if (c == ')') push(Token::Kind::rparen, 1);
        else if (c == '+') push(s.substr(i, 2) == "+=" ? Token::Kind::plus_assign : Token::Kind::plus, s.substr(i, 2) == "+=" ? 2 : 1);
        else if (c == '-') push(s.substr(i, 2) == "-=" ? Token::Kind::minus_assign : Token::Kind::minus, s.substr(i, 2) == "-=" ? 2 : 1);
        else if (c == '=') push(s.substr(i, 2) == "==" ? Token::Kind::eq : Token::Kind::assign, s.substr(i, 2) == "==" ? 2 : 1);
        else if (c == '!' && s.substr(i, 2) == "!=") push(Token::Kind::ne, 2);
        else if (c == '<') push(s.substr(i, 2) == "<=" ? Token::Kind::le : Token::Kind::lt, s.substr(i, 2) == "<=" ? 2 : 1);
        else if (c == '>') push(s.substr(i, 2) == ">=" ? Token::Kind::ge : Token::Kind::gt, s.substr(i, 2) == ">=" ? 2 : 1);
        else {
            std::size_t len = 1;
            while (start + len < s.size() && (static_cast<unsigned char>(s[start + len]) & 0xC0) == 0x80) ++len;
            push(Token::Kind::bad, len);
        }
    }
    out.push_back({Token::Kind::end, {}, s.size()});
    return out;
}

// What to say about a character that is not part of the language.
std::string bad_character(std::string_view text) {
    if (text == "&" || text == "|") return "unexpected '" + std::string(text) + "'; write 'and' / 'or'";
    if (text == "!") return "unexpected '!'; write 'not'";
    return "unexpected character '" + std::string(text) + "'";
}

std::string describe(const Token& t) {
    if (t.kind == Token::Kind::end) return "the end of the expression";
    return "'" + std::string(t.text) + "'";
}

class Parser {
public:
    Parser(std::string_view text, std::span<const VariableInfo> vars, ExprLimits limits)
        : tokens_(lex(text)), vars_(vars), limits_(limits) {}

    // Parses a full expression; returns the root node index or -1.
    int parse_all() {
        const int root = parse_or(0);
        if (root >= 0 && peek().kind != Token::Kind::end) {
            const auto& t = peek();
            if (t.kind == Token::Kind::assign)
                fail(t.offset, "E300", "'=' is assignment; compare with '=='");
            else if (t.kind == Token::Kind::bad)
                fail(t.offset, "E300", bad_character(t.text));
            else
                fail(t.offset, "E300", "unexpected " + describe(t) + " after a complete expression");
            return -1;
        }
        return root;
    }

    const Token& peek() const { return tokens_[pos_]; }
    const Token& next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
    bool failed() const { return !errors_.empty(); }

    Expr expr;
    std::vector<ExprError> errors_;

    void fail(std::size_t offset, std::string code, std::string message) {
        if (errors_.empty()) errors_.push_back({offset, std::move(code), std::move(message)});
    }

private:
    int add(ExprNode n) {
        expr.nodes.push_back(n);
        return static_cast<int>(expr.nodes.size()) - 1;
    }

    bool word_is(const Token& t, std::string_view w) const { return t.kind == Token::Kind::name && t.text == w; }

    bool too_deep(std::size_t depth, std::size_t offset) {
        if (depth <= limits_.max_depth) return false;
        fail(offset, "E301", "the expression nests deeper than " + std::to_string(limits_.max_depth) + " levels");
        return true;
    }

    // `depth` counts nesting an author wrote — parentheses, 'not', unary '-' — not grammar levels.
    int parse_or(std::size_t depth) {
        int lhs = parse_and(depth);
        while (lhs >= 0 && word_is(peek(), "or")) {
            const auto op = next();
            const int rhs = parse_and(depth);
            if (rhs < 0) return -1;
            lhs = add({ExprNode::Op::logical_or, 0, lhs, rhs, static_cast<std::uint32_t>(op.offset)});
        }
        return lhs;
    }

    int parse_and(std::size_t depth) {
        int lhs = parse_not(depth);
        while (lhs >= 0 && word_is(peek(), "and")) {
            const auto op = next();
            const int rhs = parse_not(depth);
            if (rhs < 0) return -1;
            lhs = add({ExprNode::Op::logical_and, 0, lhs, rhs, static_cast<std::uint32_t>(op.offset)});
        }
        return lhs;
    }

    int parse_not(std::size_t depth) {
        if (word_is(peek(), "not")) {
            if (too_deep(depth + 1, peek().offset)) return -1;
            const auto op = next();
            const int inner = parse_not(depth + 1);
            if (inner < 0) return -1;
            return add({ExprNode::Op::logical_not, 0, inner, -1, static_cast<std::uint32_t>(op.offset)});
        }
        return parse_comparison(depth);
    }

    int parse_comparison(std::size_t depth) {
        int lhs = parse_additive(depth);
        if (lhs < 0) return -1;
        const auto k = peek().kind;
        ExprNode::Op op;
        switch (k) {
            case Token::Kind::eq: op = ExprNode::Op::eq; break;
            case Token::Kind::ne: op = ExprNode::Op::ne; break;
            case Token::Kind::lt: op = ExprNode::Op::lt; break;
            case Token::Kind::le: op = ExprNode::Op::le; break;
            case Token::Kind::gt: op = ExprNode::Op::gt; break;
            case Token::Kind::ge: op = ExprNode::Op::ge; break;
            default: return lhs;
        }
        const auto t = next();
        const int rhs = parse_additive(depth);
        if (rhs < 0) return -1;
        const auto after = peek().kind;
        if (after == Token::Kind::eq || after == Token::Kind::ne || after == Token::Kind::lt || after == Token::Kind::le ||
            after == Token::Kind::gt || after == Token::Kind::ge) {
            fail(peek().offset, "E300", "comparisons cannot be chained; join them with 'and'");
            return -1;
        }
        return add({op, 0, lhs, rhs, static_cast<std::uint32_t>(t.offset)});
    }

    int parse_additive(std::size_t depth) {
        int lhs = parse_unary(depth);
        while (lhs >= 0 && (peek().kind == Token::Kind::plus || peek().kind == Token::Kind::minus)) {
            const auto t = next();
            const int rhs = parse_unary(depth);
            if (rhs < 0) return -1;
            lhs = add({t.kind == Token::Kind::plus ? ExprNode::Op::add : ExprNode::Op::sub, 0, lhs, rhs,
                       static_cast<std::uint32_t>(t.offset)});
        }
        return lhs;
    }

    int parse_unary(std::size_t depth) {
        if (peek().kind == Token::Kind::minus) {
            if (too_deep(depth + 1, peek().offset)) return -1;
            const auto t = next();
            const int inner = parse_unary(depth + 1);
            if (inner < 0) return -1;
            return add({ExprNode::Op::negate, 0, inner, -1, static_cast<std::uint32_t>(t.offset)});
        }
        return parse_primary(depth);
    }

    int parse_primary(std::size_t depth) {
        const Token t = next();
        switch (t.kind) {
            case Token::Kind::number: {
                std::int64_t v = 0;
                auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
                if (ec != std::errc() || v > max_magnitude) {
                    fail(t.offset, "E301", "the number " + std::string(t.text.substr(0, 24)) + " is larger than " +
                                               std::to_string(max_magnitude));
                    return -1;
                }
                return add({ExprNode::Op::literal, v, -1, -1, static_cast<std::uint32_t>(t.offset)});
            }
            case Token::Kind::name: {
                if (t.text == "true" || t.text == "false")
                    return add({ExprNode::Op::truth, t.text == "true" ? 1 : 0, -1, -1, static_cast<std::uint32_t>(t.offset)});
                if (t.text == "and" || t.text == "or" || t.text == "not") {
                    fail(t.offset, "E300", "expected a value before '" + std::string(t.text) + "'");
                    return -1;
                }
                for (std::size_t i = 0; i < vars_.size(); ++i) {
                    if (vars_[i].id == t.text)
                        return add({ExprNode::Op::variable, static_cast<std::int64_t>(i), -1, -1, static_cast<std::uint32_t>(t.offset)});
                }
                std::vector<std::string_view> names;
                for (const auto& v : vars_) names.push_back(v.id);
                if (t.text == "true" || t.text == "True" || t.text == "TRUE" || t.text == "False" || t.text == "FALSE")
                    fail(t.offset, "E202", "unknown name '" + std::string(t.text) + "'; booleans are written 'true' and 'false'");
                else if (t.text == "AND" || t.text == "OR" || t.text == "NOT")
                    fail(t.offset, "E300", "write logical operators in lowercase: 'and', 'or', 'not'");
                else
                    fail(t.offset, "E202", "unknown variable '" + std::string(t.text) + "'" + did_you_mean(t.text, names) +
                                               "; declare it under [variables]");
                return -1;
            }
            case Token::Kind::lparen: {
                if (too_deep(depth + 1, t.offset)) return -1;
                const int inner = parse_or(depth + 1);
                if (inner < 0) return -1;
                if (peek().kind != Token::Kind::rparen) {
                    fail(peek().offset, "E300", "expected ')' to close the '(' at column " + std::to_string(t.offset + 1) +
                                                    ", found " + describe(peek()));
                    return -1;
                }
                next();
                return inner;
            }
            case Token::Kind::end:
                fail(t.offset, "E300", "the expression ends where a value was expected");
                return -1;
            case Token::Kind::bad:
                fail(t.offset, "E300", bad_character(t.text));
                return -1;
            default:
                fail(t.offset, "E300", "expected a value, found " + describe(t));
                return -1;
        }
    }

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    std::span<const VariableInfo> vars_;
    ExprLimits limits_;
};

const char* type_word(ValueType t) { return t == ValueType::integer ? "a number" : "true/false"; }

// Computes node types bottom-up; nodes are appended after their children, so one pass suffices.
void type_check(Expr& e, std::span<const VariableInfo> vars, std::vector<ExprError>& errors) {
    std::vector<ValueType> types(e.nodes.size(), ValueType::integer);
    auto expect = [&](int child, ValueType want, const ExprNode& parent, std::string_view op) {
        if (types[static_cast<std::size_t>(child)] != want) {
            errors.push_back({e.nodes[static_cast<std::size_t>(child)].offset, "E302",
                              "'" + std::string(op) + "' needs " + type_word(want) + " here, but this is " +
                                  type_word(types[static_cast<std::size_t>(child)])});
        }
        (void)parent;
    };
    for (std::size_t i = 0; i < e.nodes.size(); ++i) {
        const auto& n = e.nodes[i];
        using Op = ExprNode::Op;
        switch (n.op) {
            case Op::literal: types[i] = ValueType::integer; break;
            case Op::truth: types[i] = ValueType::boolean; break;
            case Op::variable: types[i] = vars[static_cast<std::size_t>(n.value)].type; break;
            case Op::negate: expect(n.lhs, ValueType::integer, n, "-"); types[i] = ValueType::integer; break;
            case Op::logical_not: expect(n.lhs, ValueType::boolean, n, "not"); types[i] = ValueType::boolean; break;
            case Op::add: case Op::sub:
                expect(n.lhs, ValueType::integer, n, n.op == Op::add ? "+" : "-");
                expect(n.rhs, ValueType::integer, n, n.op == Op::add ? "+" : "-");
                types[i] = ValueType::integer;
                break;
            case Op::lt: case Op::le: case Op::gt: case Op::ge:
                expect(n.lhs, ValueType::integer, n, "comparison");
                expect(n.rhs, ValueType::integer, n, "comparison");
                types[i] = ValueType::boolean;
                break;
            case Op::eq: case Op::ne:
                if (types[static_cast<std::size_t>(n.lhs)] != types[static_cast<std::size_t>(n.rhs)])
                    errors.push_back({n.offset, "E302", "cannot compare " + std::string(type_word(types[static_cast<std::size_t>(n.lhs)])) +
                                                            " with " + type_word(types[static_cast<std::size_t>(n.rhs)])});
                types[i] = ValueType::boolean;
                break;
            case Op::logical_and: case Op::logical_or:
                expect(n.lhs, ValueType::boolean, n, n.op == Op::logical_and ? "and" : "or");
                expect(n.rhs, ValueType::boolean, n, n.op == Op::logical_and ? "and" : "or");
                types[i] = ValueType::boolean;
                break;
        }
    }
    e.type = types[static_cast<std::size_t>(e.root)];
}

}  // namespace

ExprResult parse_expression(std::string_view text, std::span<const VariableInfo> vars, ExprLimits limits) {
    ExprResult r;
    if (text.size() > limits.max_length) {
        r.errors.push_back({limits.max_length, "E301",
                            "the expression is " + std::to_string(text.size()) + " characters long; the limit is " +
                                std::to_string(limits.max_length)});
        return r;
    }
    Parser p(text, vars, limits);
    const int root = p.parse_all();
    if (p.failed() || root < 0) {
        r.errors = p.errors_;
        if (r.errors.empty()) r.errors.push_back({0, "E300", "cannot parse the expression"});
        return r;
    }
    p.expr.root = root;
    type_check(p.expr, vars, r.errors);
    if (r.errors.empty()) r.expr = std::move(p.expr);
    return r;
}

namespace {
// Fills v[i] with the value of every node; nodes come after their children, so evaluating in order
// fills every operand first.
void evaluate_nodes(const Expr& e, std::span<const std::int64_t> values, std::int64_t* v) {
    using Op = ExprNode::Op;
    for (std::size_t i = 0; i < e.nodes.size(); ++i) {
        const auto& n = e.nodes[i];
        const auto L = [&] { return v[n.lhs]; };
        const auto R = [&] { return v[n.rhs]; };
        switch (n.op) {
            case Op::literal: case Op::truth: v[i] = n.value; break;
            case Op::variable: v[i] = values[static_cast<std::size_t>(n.value)]; break;
            case Op::negate: v[i] = -L(); break;
            case Op::logical_not: v[i] = L() ? 0 : 1; break;
            case Op::add: v[i] = L() + R(); break;
            case Op::sub: v[i] = L() - R(); break;
            case Op::eq: v[i] = L() == R(); break;
            case Op::ne: v[i] = L() != R(); break;
            case Op::lt: v[i] = L() < R(); break;
            case Op::le: v[i] = L() <= R(); break;
            case Op::gt: v[i] = L() > R(); break;
            case Op::ge: v[i] = L() >= R(); break;
            case Op::logical_and: v[i] = L() && R(); break;
            case Op::logical_or: v[i] = L() || R(); break;
        }
    }
}
}  // namespace

std::int64_t evaluate(const Expr& e, std::span<const std::int64_t> values) {
    std::int64_t small[64] = {};
    std::vector<std::int64_t> big;
    std::int64_t* v = small;
    if (e.nodes.size() > 64) {
        big.resize(e.nodes.size());
        v = big.data();
    }
    evaluate_nodes(e, values, v);
    return v[e.root];
}

Interval interval_of(const Expr& e, std::span<const VariableInfo> vars) {
    std::vector<Interval> iv(e.nodes.size());
    using Op = ExprNode::Op;
    auto boolean = [](bool can_false, bool can_true) { return Interval{can_false ? 0 : 1, can_true ? 1 : 0}; };
    for (std::size_t i = 0; i < e.nodes.size(); ++i) {
        const auto& n = e.nodes[i];
        const Interval a = n.lhs >= 0 ? iv[static_cast<std::size_t>(n.lhs)] : Interval{};
        const Interval b = n.rhs >= 0 ? iv[static_cast<std::size_t>(n.rhs)] : Interval{};
        switch (n.op) {
            case Op::literal: case Op::truth: iv[i] = {n.value, n.value}; break;
            case Op::variable: {
                const auto& var = vars[static_cast<std::size_t>(n.value)];
                iv[i] = var.type == ValueType::boolean ? Interval{0, 1} : Interval{var.min, var.max};
                break;
            }
            case Op::negate: iv[i] = {-a.hi, -a.lo}; break;
            case Op::logical_not: iv[i] = {1 - a.hi, 1 - a.lo}; break;
            case Op::add: iv[i] = {a.lo + b.lo, a.hi + b.hi}; break;
            case Op::sub: iv[i] = {a.lo - b.hi, a.hi - b.lo}; break;
            case Op::lt: iv[i] = boolean(a.hi >= b.lo, a.lo < b.hi); break;
            case Op::le: iv[i] = boolean(a.hi > b.lo, a.lo <= b.hi); break;
            case Op::gt: iv[i] = boolean(a.lo <= b.hi, a.hi > b.lo); break;
            case Op::ge: iv[i] = boolean(a.lo < b.hi, a.hi >= b.lo); break;
            case Op::eq: iv[i] = boolean(!(a.lo == a.hi && b.lo == b.hi && a.lo == b.lo), a.lo <= b.hi && b.lo <= a.hi); break;
            case Op::ne: iv[i] = boolean(a.lo <= b.hi && b.lo <= a.hi, !(a.lo == a.hi && b.lo == b.hi && a.lo == b.lo)); break;
            case Op::logical_and: iv[i] = {std::min(a.lo, b.lo), std::min(a.hi, b.hi)}; break;
            case Op::logical_or: iv[i] = {std::max(a.lo, b.lo), std::max(a.hi, b.hi)}; break;
        }
    }
    return iv[static_cast<std::size_t>(e.root)];
}

EffectResult parse_effect(std::string_view text, std::span<const VariableInfo> vars, ExprLimits limits) {
    EffectResult r;
    if (text.size() > limits.max_length) {
        r.errors.push_back({limits.max_length, "E301",
                            "the effect is " + std::to_string(text.size()) + " characters long; the limit is " +
                                std::to_string(limits.max_length)});
        return r;
    }
    const auto tokens = lex(text);
    if (tokens.size() < 2 || tokens[0].kind != Token::Kind::name) {
        r.errors.push_back({tokens.empty() ? 0 : tokens[0].offset, "E300",
                            "an effect starts with a variable name: 'tension += 1', 'medics = true'"});
        return r;
    }
    const Token& name = tokens[0];
    int index = -1;
    for (std::size_t i = 0; i < vars.size(); ++i)
        if (vars[i].id == name.text) index = static_cast<int>(i);
    if (index < 0) {
        std::vector<std::string_view> names;
        for (const auto& v : vars) names.push_back(v.id);
        r.errors.push_back({name.offset, "E202", "unknown variable '" + std::string(name.text) + "'" + did_you_mean(name.text, names) +
                                                     "; declare it under [variables]"});
        return r;
    }
    const Token& op = tokens[1];
    Effect e;
    e.variable = index;
    e.text = std::string(text);
    switch (op.kind) {
        case Token::Kind::assign: e.op = Effect::Op::assign; break;
        case Token::Kind::plus_assign: e.op = Effect::Op::add; break;
        case Token::Kind::minus_assign: e.op = Effect::Op::subtract; break;
        case Token::Kind::eq:
            r.errors.push_back({op.offset, "E300", "an effect assigns with '=', not '=='"});
            return r;
        default:
            r.errors.push_back({op.offset, "E300", "expected '=', '+=' or '-=' after '" + std::string(name.text) + "', found " + describe(op)});
            return r;
    }
    const auto& var = vars[static_cast<std::size_t>(index)];
    if (e.op != Effect::Op::assign && var.type == ValueType::boolean) {
        r.errors.push_back({op.offset, "E302", "'" + var.id + "' is true/false; use '=' rather than '" + std::string(op.text) + "'"});
        return r;
    }
    const std::size_t rhs_start = op.offset + op.text.size();
    auto rhs = parse_expression(text.substr(rhs_start), vars, limits);
    for (auto& err : rhs.errors) {
        err.offset += rhs_start;
        r.errors.push_back(err);
    }
    if (!rhs.expr) return r;
    if (rhs.expr->type != var.type) {
        const auto first = text.find_first_not_of(" \t", rhs_start);
        r.errors.push_back({first == std::string_view::npos ? rhs_start : first, "E302",
                            "'" + var.id + "' holds " + type_word(var.type) + ", but this value is " + type_word(rhs.expr->type)});
        return r;
    }
    e.value = std::move(*rhs.expr);
    r.effect = std::move(e);
    return r;
}

void apply_effect(const Effect& e, std::span<const VariableInfo> vars, std::span<std::int64_t> values) {
    const auto idx = static_cast<std::size_t>(e.variable);
    const auto& var = vars[idx];
    const std::int64_t rhs = evaluate(e.value, values);
    std::int64_t result = rhs;
    if (e.op == Effect::Op::add) result = values[idx] + rhs;
    else if (e.op == Effect::Op::subtract) result = values[idx] - rhs;
    if (var.type == ValueType::boolean) result = result ? 1 : 0;
    else result = std::clamp(result, var.min, var.max);
    values[idx] = result;
}

namespace {

int precedence(ExprNode::Op op) {
    using Op = ExprNode::Op;
    switch (op) {
        case Op::logical_or: return 1;
        case Op::logical_and: return 2;
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: return 3;
        case Op::add: case Op::sub: return 4;
        case Op::negate: case Op::logical_not: return 5;
        default: return 6;
    }
}

const char* op_text(ExprNode::Op op) {
    using Op = ExprNode::Op;
    switch (op) {
        case Op::add: return " + ";
        case Op::sub: return " - ";
        case Op::eq: return " == ";
        case Op::ne: return " != ";
        case Op::lt: return " < ";
        case Op::le: return " <= ";
        case Op::gt: return " > ";
        case Op::ge: return " >= ";
        case Op::logical_and: return " and ";
        case Op::logical_or: return " or ";
        default: return "";
    }
}

void collect_variables(const Expr& e, int node, std::vector<int>& out) {
    const auto& n = e.nodes[static_cast<std::size_t>(node)];
    if (n.op == ExprNode::Op::variable) {
        if (std::find(out.begin(), out.end(), static_cast<int>(n.value)) == out.end()) out.push_back(static_cast<int>(n.value));
        return;
    }
    if (n.lhs >= 0) collect_variables(e, n.lhs, out);
    if (n.rhs >= 0) collect_variables(e, n.rhs, out);
}

}  // namespace

std::string expression_text(const Expr& e, int node, std::span<const VariableInfo> vars) {
    using Op = ExprNode::Op;
    const auto& n = e.nodes[static_cast<std::size_t>(node)];
    auto child = [&](int c, bool right) {
        const auto& cn = e.nodes[static_cast<std::size_t>(c)];
        const bool wrap = precedence(cn.op) < precedence(n.op) || (right && precedence(cn.op) == precedence(n.op) && cn.lhs >= 0 && cn.rhs >= 0);
        const std::string t = expression_text(e, c, vars);
        return wrap ? "(" + t + ")" : t;
    };
    switch (n.op) {
        case Op::literal: return std::to_string(n.value);
        case Op::truth: return n.value ? "true" : "false";
        case Op::variable: return vars[static_cast<std::size_t>(n.value)].id;
        case Op::negate: return "-" + child(n.lhs, false);
        case Op::logical_not: return "not " + child(n.lhs, false);
        default: return child(n.lhs, false) + op_text(n.op) + child(n.rhs, true);
    }
}

std::vector<std::string> explain_false(const Expr& e, std::span<const VariableInfo> vars, std::span<const std::int64_t> values) {
    std::vector<std::string> out;
    if (e.root < 0 || evaluate(e, values)) return out;
    // Sub-expression values, as evaluate() computes them.
    std::vector<std::int64_t> v(e.nodes.size());
    evaluate_nodes(e, values, v.data());
    auto describe = [&](int node) {
        std::string text = expression_text(e, node, vars);
        std::vector<int> used;
        collect_variables(e, node, used);
        std::string with;
        for (int var : used) {
            const auto& info = vars[static_cast<std::size_t>(var)];
            const std::int64_t x = values[static_cast<std::size_t>(var)];
            with += (with.empty() ? "" : ", ") + info.id + " is " + (info.type == ValueType::boolean ? (x ? "true" : "false") : std::to_string(x));
        }
        return with.empty() ? text : text + " (" + with + ")";
    };
    std::vector<int> stack{e.root};
    while (!stack.empty()) {
        const int node = stack.back();
        stack.pop_back();
        const auto& n = e.nodes[static_cast<std::size_t>(node)];
        if (n.op == ExprNode::Op::logical_and) {
            stack.push_back(n.rhs);   // the left part is described first
            stack.push_back(n.lhs);
        } else if (!v[static_cast<std::size_t>(node)]) {
            out.push_back(describe(node));
        }
    }
    return out;
}

}  // namespace measured
