// The standards catalogue: instruments, their provisions (paraphrased, with status) and the
// principles that scoring uses, loaded from assets/standards/*.toml.
#pragma once

#include "diagnostics.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace measured {

struct Provision {
    std::string id;           // "bpuff-9"
    std::string instrument;   // "bpuff"
    std::string number;       // "9", "§7.3", "para. 17"
    std::string title;
    std::string text;         // our paraphrase
    std::vector<std::string> principles;
    std::string status;       // confirmed | partial | unverified
    std::string source;       // "" = the instrument's symbol and year
    Span span;
};

struct Instrument {
    std::string id;
    std::string title;
    std::string short_title;
    std::string kind;
    int year = 0;
    std::string adopted;
    std::string symbol;
    std::string url;
    std::string summary;
    std::string path;
    std::vector<std::size_t> provisions;   // indices into Catalogue::provisions, in file order
};

struct Principle {
    std::string id;
    std::string name;
    std::string group;        // force | assembly
    std::string definition;
    std::string test;
    std::vector<std::string> grounds;
    Span span;
};

class Catalogue {
public:
    std::vector<Instrument> instruments;
    std::vector<Provision> provisions;
    std::vector<Principle> principles;

    [[nodiscard]] const Provision* find_provision(std::string_view id) const;
    [[nodiscard]] const Principle* find_principle(std::string_view id) const;
    [[nodiscard]] const Instrument* find_instrument(std::string_view id) const;
    // "BPUFF 9", "LLW Guidance §7.3": how a citation reads in reports.
    [[nodiscard]] std::string citation_label(std::string_view provision_id) const;
    // The document symbol and year for a provision: its own `source`, else its instrument's.
    [[nodiscard]] std::string source_of(const Provision& p) const;
    [[nodiscard]] std::vector<std::string_view> provision_ids() const;
    [[nodiscard]] std::vector<std::string_view> principle_ids() const;

    // Adds one file's content (an instrument file or principles.toml); reports problems.
    void load_file(const std::string& path, Diagnostics& diags);
    // Cross-file checks once everything is loaded: principles named by provisions, grounds.
    void check(Diagnostics& diags) const;
    void index();

private:
    std::map<std::string, std::size_t, std::less<>> provision_index_;
    std::map<std::string, std::size_t, std::less<>> principle_index_;
};

// Loads every *.toml in the folder (sorted by name), then checks cross-references.
[[nodiscard]] Catalogue load_catalogue(const std::string& folder, Diagnostics& diags);

// True when the file holds catalogue data ([instrument] or [[principle]]) rather than a scenario.
[[nodiscard]] bool looks_like_catalogue_file(const std::string& path);

}  // namespace measured
