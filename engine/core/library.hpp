// The scenario library: every scenario file under a folder, loaded and linted, the broken ones kept
// with their diagnostics (never hidden), plus which scenario cites which provision.
#pragma once

#include "catalogue.hpp"
#include "diagnostics.hpp"
#include "model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace measured {

struct LibraryEntry {
    std::string path;
    std::optional<Scenario> scenario;   // as far as it loaded; check usable()
    Diagnostics diagnostics;
    [[nodiscard]] bool usable() const { return scenario && !diagnostics.has_errors(); }
};

// One place a provision is cited: scenario, scene, choice and the principle it rates.
struct CitationUse {
    std::string provision;
    std::string scenario;   // id
    std::string scene;
    std::string choice;
    std::string principle;
    Rating rating = Rating::compliant;
};

// Every citation in a scenario, in file order.
[[nodiscard]] std::vector<CitationUse> citations_in(const Scenario& s);

struct Library {
    std::string folder;
    std::string error;                  // the folder could not be read
    std::vector<LibraryEntry> entries;  // sorted by path

    [[nodiscard]] const LibraryEntry* find(std::string_view scenario_id) const;
};

// Loads and lints every scenario file under the folder (catalogue files there are skipped).
[[nodiscard]] Library load_library(const std::string& folder, const Catalogue* catalogue);

}  // namespace measured
