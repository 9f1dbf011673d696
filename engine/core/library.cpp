// Loading the library: one lint per file, the same checks `measured-cli lint` makes.

#include "library.hpp"

#include "files.hpp"
#include "validator.hpp"

namespace measured {

std::vector<CitationUse> citations_in(const Scenario& s) {
    std::vector<CitationUse> out;
    for (const auto& sc : s.scenes) {
        for_each_choice(sc, [&](const Choice& c, int) {
            for (const auto& a : c.assessments)
                for (const auto& ci : a.cites) out.push_back({ci.id, s.id, sc.id, c.id, a.principle, a.rating});
        });
    }
    return out;
}

const LibraryEntry* Library::find(std::string_view scenario_id) const {
    for (const auto& e : entries)
        if (e.scenario && e.scenario->id == scenario_id) return &e;
    return nullptr;
}

Library load_library(const std::string& folder, const Catalogue* catalogue) {
    Library lib;
    lib.folder = folder;
    std::vector<std::string> files;
    lib.error = find_toml_files(folder, files);
    ValidateOptions options;
    options.catalogue = catalogue;
    for (const auto& f : files) {
        if (looks_like_catalogue_file(f)) continue;
        LintResult r = lint_scenario(f, options);
        r.diagnostics.sort();
        lib.entries.push_back({f, std::move(r.scenario), std::move(r.diagnostics)});
    }
    return lib;
}

}  // namespace measured
