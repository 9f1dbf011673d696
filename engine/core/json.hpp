// A small JSON writer for reports and machine-readable CLI output: pretty-printed, deterministic,
// always valid (strings escaped, commas placed by the writer, never by callers).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace measured {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view v);
    JsonWriter& value(const char* v) { return value(std::string_view(v)); }
    JsonWriter& value(const std::string& v) { return value(std::string_view(v)); }
    JsonWriter& value(std::int64_t v);
    JsonWriter& value(int v) { return value(static_cast<std::int64_t>(v)); }
    JsonWriter& value(std::size_t v) { return value(static_cast<std::int64_t>(v)); }
    JsonWriter& value(double v);
    JsonWriter& value(bool v);
    JsonWriter& null();
    JsonWriter& strings(const std::vector<std::string>& list);

    // key + value in one call.
    template <typename T>
    JsonWriter& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }

    [[nodiscard]] const std::string& str() const { return out_; }

private:
    void before_value();
    void newline();

    std::string out_;
    std::vector<bool> first_;   // per open container: no element written yet
    bool after_key_ = false;
};

[[nodiscard]] std::string json_escape(std::string_view s);

}  // namespace measured
