// Diagnostics: formatting and collection.
#include "diagnostics.hpp"

#include <algorithm>

namespace measured {

std::string_view severity_name(Severity s) {
    return s == Severity::error ? "error" : "warning";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.span.path.empty() ? std::string("<input>") : d.span.path;
    if (d.span.line > 0) {
        out += ':' + std::to_string(d.span.line) + ':' + std::to_string(d.span.column > 0 ? d.span.column : 1);
    }
    out += ": ";
    out += severity_name(d.severity);
    out += '[' + d.code + "]: " + d.message;
    return out;
}

void Diagnostics::add(Diagnostic d) {
    (d.severity == Severity::error ? errors_ : warnings_)++;
    if (items_.size() >= cap_) {
        (d.severity == Severity::error ? suppressed_errors_ : suppressed_warnings_)++;
        return;
    }
    items_.push_back(std::move(d));
}

void Diagnostics::error(std::string code, Span span, std::string message) {
    add({Severity::error, std::move(code), std::move(message), std::move(span)});
}

void Diagnostics::warning(std::string code, Span span, std::string message) {
    add({Severity::warning, std::move(code), std::move(message), std::move(span)});
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) add(d);
    // What the other collection had to suppress still counts here.
    errors_ += other.suppressed_errors_;
    warnings_ += other.suppressed_warnings_;
    suppressed_errors_ += other.suppressed_errors_;
    suppressed_warnings_ += other.suppressed_warnings_;
}

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.span.path != b.span.path) return a.span.path < b.span.path;
        if (a.span.line != b.span.line) return a.span.line < b.span.line;
        return a.span.column < b.span.column;
    });
}

}  // namespace measured
