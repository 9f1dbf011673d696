// Diagnostics as data: every problem the core finds, with its location, rendered one way everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace measured {

enum class Severity { warning, error };

// A point in a source file. Lines and columns start at 1; columns count Unicode code points,
// as toml++ does. line == 0 means "the file as a whole".
struct Span {
    std::string path;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;     // stable, documented in scenarios/README.md: "E201", "W100"
    std::string message;
    Span span;
};

// "path:line:col: error[E201]: message"
[[nodiscard]] std::string format_diagnostic(const Diagnostic& d);
[[nodiscard]] std::string_view severity_name(Severity s);

// Collects diagnostics for one file, up to a cap; the rest are counted, never silently dropped.
class Diagnostics {
public:
    static constexpr std::size_t default_cap = 200;

    explicit Diagnostics(std::size_t cap = default_cap) : cap_(cap) {}

    void add(Diagnostic d);
    void error(std::string code, Span span, std::string message);
    void warning(std::string code, Span span, std::string message);
    void append(const Diagnostics& other);

    [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
    [[nodiscard]] std::size_t error_count() const { return errors_; }
    [[nodiscard]] std::size_t warning_count() const { return warnings_; }
    [[nodiscard]] std::size_t suppressed() const { return suppressed_errors_ + suppressed_warnings_; }
    [[nodiscard]] bool has_errors() const { return errors_ > 0; }
    [[nodiscard]] bool empty() const { return errors_ == 0 && warnings_ == 0; }

    // Sorts by line, then column, keeping insertion order for ties; used before printing.
    void sort();

private:
    std::vector<Diagnostic> items_;
    std::size_t cap_;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
    std::size_t suppressed_errors_ = 0;
    std::size_t suppressed_warnings_ = 0;
};

}  // namespace measured
