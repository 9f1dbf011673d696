// The standards catalogue: instruments, their provisions (paraphrased, with status) and the
// principles that scoring uses, loaded from assets/standards/*.toml.
#pragma once

#include "diagnostics.hpp"
#include "toml_source.hpp"

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
    std::string paraphrase;   // in our own words, never quoted
    std::vector<std::string> principles;
    std::vector<std::string> keywords;
    bool verified = false;    // number and substance checked against the official text
    std::string verified_by;  // the text that confirmed it
    std::string source;       // "" = the instrument's symbol and year
    std::string url;          // "" = the instrument's official page
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

// Conduct that is absolutely prohibited: scoring treats it as critical whatever else happened.
struct HardFail {
    std::string id;
    std::string title;
    std::string description;
    std::vector<std::string> principles;
    std::vector<std::string> grounds;
    Span span;
};

class Catalogue {
public:
    std::vector<Instrument> instruments;
    std::vector<Provision> provisions;
    std::vector<Principle> principles;
    std::vector<HardFail> hard_fails;

    [[nodiscard]] const Provision* find_provision(std::string_view id) const;
    [[nodiscard]] const Principle* find_principle(std::string_view id) const;
    [[nodiscard]] const Instrument* find_instrument(std::string_view id) const;
    // "BPUFF 9", "LLW Guidance §7.3": how a citation reads in reports; unverified provisions are
    // marked "(unverified)" so no trainee mistakes them for checked ones.
    [[nodiscard]] std::string citation_label(std::string_view provision_id) const;
    // The document symbol and year for a provision: its own `source`, else its instrument's.
    [[nodiscard]] std::string source_of(const Provision& p) const;
    [[nodiscard]] std::vector<std::string_view> provision_ids() const;
    [[nodiscard]] std::vector<std::string_view> principle_ids() const;

    // Adds one file's content (an instrument file or principles.toml); reports problems.
    void load_file(const std::string& path, Diagnostics& diags);
    // The same from bytes already read (the fuzzer's entry point; no size limit).
    void load_source(const SourceFile& file, Diagnostics& diags);
    // Cross-file checks once everything is loaded: principles named by provisions, grounds.
    void check(Diagnostics& diags) const;
    // W210 for every provision that grounds no principle or hard-fail rule and that no scenario in
    // `cited` cites. Reported at the provision.
    void check_unused(const std::vector<std::string>& cited, Diagnostics& diags) const;
    // Provisions whose id, number, title, paraphrase or keywords contain every word of `query`
    // (case-insensitive), in catalogue order.
    [[nodiscard]] std::vector<const Provision*> search(std::string_view query) const;
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
