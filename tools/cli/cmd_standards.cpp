// measured-cli standards: browse the standards catalogue — list, show, search, principles, cited-by.
#include "cli_common.hpp"
#include "commands.hpp"

#include "files.hpp"
#include "json.hpp"
#include "library.hpp"
#include "text.hpp"
#include "validator.hpp"

#include <algorithm>
#include <cstdio>

namespace measured::cli {

namespace {

const char* const help =
    "Usage: measured-cli standards list [--instrument ID] [--format text|json]\n"
    "       measured-cli standards show ID [--format text|json]\n"
    "       measured-cli standards search TEXT... [--format text|json]\n"
    "       measured-cli standards principles [--format text|json]\n"
    "       measured-cli standards cited-by ID [--scenarios DIR] [--format text|json]\n"
    "\n"
    "list        every provision (id, citation, title), or only one instrument's\n"
    "show        one provision, instrument or principle in full; ID is e.g. bpuff-9, gc37, necessity\n"
    "search      provisions whose id, number, title, paraphrase or keywords contain every word\n"
    "principles  the scoring principles with their tests, and the hard-fail rules\n"
    "cited-by    which scenarios and choices cite a provision (searches the bundled library,\n"
    "            or --scenarios DIR)\n"
    "\n"
    "Options: --standards DIR uses another catalogue folder (default: the bundled assets/standards).\n"
    "Provisions not yet verified against the official text are marked \"(unverified)\".\n";

void provision_json(JsonWriter& j, const Catalogue& cat, const Provision& p) {
    j.begin_object().field("id", p.id).field("instrument", p.instrument).field("number", p.number).field("citation", cat.citation_label(p.id));
    j.field("title", p.title).field("paraphrase", p.paraphrase).key("principles").strings(p.principles).key("keywords").strings(p.keywords);
    j.field("verified", p.verified).field("verified_by", p.verified_by).field("source", cat.source_of(p));
    const Instrument* ins = cat.find_instrument(p.instrument);
    j.field("url", !p.url.empty() ? p.url : ins ? ins->url : std::string()).end_object();
}

void principle_json(JsonWriter& j, const Principle& pr) {
    j.begin_object().field("id", pr.id).field("name", pr.name).field("group", pr.group).field("definition", pr.definition);
    j.field("test", pr.test).key("grounds").strings(pr.grounds).end_object();
}

// Prints provisions as aligned columns: id, citation, title (padding counts code points, not bytes).
void print_provisions(const Catalogue& cat, const std::vector<const Provision*>& list) {
    std::size_t id_w = 0, label_w = 0;
    for (const auto* p : list) {
        id_w = std::max(id_w, utf8_length(p->id));
        label_w = std::max(label_w, utf8_length(cat.citation_label(p->id)));
    }
    for (const auto* p : list) {
        const std::string label = cat.citation_label(p->id);
        std::printf("  %s%s  %s%s  %s\n", p->id.c_str(), std::string(id_w - utf8_length(p->id), ' ').c_str(), label.c_str(),
                    std::string(label_w - utf8_length(label), ' ').c_str(), p->title.c_str());
    }
}

std::vector<const Provision*> provisions_of(const Catalogue& cat, const Instrument& ins) {
    std::vector<const Provision*> out;
    for (auto i : ins.provisions) out.push_back(&cat.provisions[i]);
    return out;
}

// Every citation of a provision in the scenarios under `dir`: "path: scene 'x', choice 'y' (principle)".
struct Use {
    std::string path, scenario, scene, choice, principle;
    Rating rating;
};

std::vector<Use> uses_of(const std::string& id, const std::string& dir, const Catalogue& cat, Diagnostics& problems) {
    std::vector<Use> out;
    std::vector<std::string> files;
    if (!find_toml_files(dir, files).empty()) return out;
    ValidateOptions o;
    o.catalogue = &cat;
    for (const auto& f : files) {
        if (looks_like_catalogue_file(f)) continue;
        auto r = lint_scenario(f, o);
        if (!r.scenario) {
            problems.append(r.diagnostics);
            continue;
        }
        for (auto& u : citations_in(*r.scenario))
            if (u.provision == id) out.push_back({f, std::move(u.scenario), std::move(u.scene), std::move(u.choice), std::move(u.principle), u.rating});

    }
    return out;
}

}  // namespace

int run_standards(int argc, char** argv, int first) {
    Args args = parse_args(argc, argv, first, {"--instrument", "--format", "--standards", "--scenarios"}, {"--help"});
    if (args.has("--help")) {
        std::fputs(help, stdout);
        return Exit::ok;
    }
    if (!args.error.empty()) return usage_error("standards", args.error);
    const std::string format = args.get("--format").value_or("text");
    if (format != "text" && format != "json") return usage_error("standards", "--format must be text or json");
    if (args.positional.empty()) return usage_error("standards", "say list, show ID, search TEXT, principles or cited-by ID");
    const std::string action = args.positional[0];
    const bool json = format == "json";

    Diagnostics diags;
    auto cat = load_standards(args.get("--standards"), diags);
    if (!cat) {
        print_diagnostics(diags, stderr);
        std::fprintf(stderr, "measured-cli standards: cannot find the standards catalogue; give it with --standards DIR\n");
        return Exit::usage;
    }
    if (diags.has_errors()) {
        print_diagnostics(diags, stderr);
        return Exit::found_errors;
    }

    if (action == "list") {
        if (args.positional.size() != 1) return usage_error("standards", "'list' takes no further arguments");
        const auto filter = args.get("--instrument");
        if (filter && !cat->find_instrument(*filter)) return usage_error("standards", "no instrument '" + *filter + "'");
        if (json) {
            JsonWriter j;
            j.begin_array();
            for (const auto& p : cat->provisions)
                if (!filter || p.instrument == *filter) provision_json(j, *cat, p);
            j.end_array();
            std::fputs(j.str().c_str(), stdout);
            return Exit::ok;
        }
        for (const auto& ins : cat->instruments) {
            if (filter && ins.id != *filter) continue;
            std::printf("%s — %s (%d)\n", ins.id.c_str(), ins.title.c_str(), ins.year);
            print_provisions(*cat, provisions_of(*cat, ins));
            std::printf("\n");
        }
        return Exit::ok;
    }

    if (action == "search") {
        if (args.positional.size() < 2) return usage_error("standards", "'search' needs some words to look for");
        std::string query;
        for (std::size_t i = 1; i < args.positional.size(); ++i) query += (i > 1 ? " " : "") + args.positional[i];
        const auto found = cat->search(query);
        if (json) {
            JsonWriter j;
            j.begin_array();
            for (const auto* p : found) provision_json(j, *cat, *p);
            j.end_array();
            std::fputs(j.str().c_str(), stdout);
        } else {
            print_provisions(*cat, found);
            std::fprintf(stderr, "%zu provision%s match '%s'\n", found.size(), found.size() == 1 ? "" : "s", query.c_str());
        }
        return found.empty() ? Exit::found_errors : Exit::ok;
    }

    if (action == "principles") {
        if (args.positional.size() != 1) return usage_error("standards", "'principles' takes no further arguments");
        if (json) {
            JsonWriter j;
            j.begin_object().key("principles").begin_array();
            for (const auto& pr : cat->principles) principle_json(j, pr);
            j.end_array().key("hard_fail").begin_array();
            for (const auto& h : cat->hard_fails) {
                j.begin_object().field("id", h.id).field("title", h.title).field("description", h.description);
                j.key("principles").strings(h.principles).key("grounds").strings(h.grounds).end_object();
            }
            j.end_array().end_object();
            std::fputs(j.str().c_str(), stdout);
            return Exit::ok;
        }
        std::string group;
        for (const auto& pr : cat->principles) {
            if (pr.group != group) {
                group = pr.group;
                std::printf("%s\n", group == "force" ? "Principles for any use of force" : "Duties in assemblies");
            }
            std::printf("  %-28s %s\n  %-28s Test: %s\n\n", pr.id.c_str(), pr.name.c_str(), "", pr.test.c_str());
        }
        if (!cat->hard_fails.empty()) {
            std::printf("Hard-fail conduct (critical whatever else happened)\n");
            for (const auto& h : cat->hard_fails) {
                std::string grounds;
                for (std::size_t i = 0; i < h.grounds.size(); ++i) grounds += (i ? ", " : "") + cat->citation_label(h.grounds[i]);
                std::printf("  - %s (%s)\n", h.title.c_str(), grounds.c_str());
            }
        }
        return Exit::ok;
    }

    if (action == "cited-by") {
        if (args.positional.size() != 2) return usage_error("standards", "'cited-by' takes one provision id");
        const std::string id = args.positional[1];
        if (!cat->find_provision(id)) {
            std::fprintf(stderr, "measured-cli standards: no provision '%s'\n", id.c_str());
            return Exit::found_errors;
        }
        const std::string dir = find_scenarios_dir(args.get("--scenarios"));
        if (dir.empty()) return usage_error("standards", "cannot find the scenario library; give it with --scenarios DIR");
        Diagnostics problems;
        const auto uses = uses_of(id, dir, *cat, problems);
        if (json) {
            JsonWriter j;
            j.begin_object().field("provision", id).key("cited_by").begin_array();
            for (const auto& u : uses)
                j.begin_object().field("path", u.path).field("scenario", u.scenario).field("scene", u.scene).field("choice", u.choice)
                    .field("principle", u.principle).field("rating", std::string(rating_name(u.rating))).end_object();
            j.end_array().end_object();
            std::fputs(j.str().c_str(), stdout);
        } else {
            for (const auto& u : uses)
                std::printf("%s  scene '%s', choice '%s': %s %s\n", u.scenario.c_str(), u.scene.c_str(), u.choice.c_str(), u.principle.c_str(),
                            std::string(rating_name(u.rating)).c_str());
            std::fprintf(stderr, "%s is cited %zu time%s in %s\n", cat->citation_label(id).c_str(), uses.size(), uses.size() == 1 ? "" : "s",
                         dir.c_str());
        }
        print_diagnostics(problems, stderr);
        return Exit::ok;
    }

    if (action == "show") {
        if (args.positional.size() != 2) return usage_error("standards", "'show' takes one id");
        const std::string id = args.positional[1];
        if (const Provision* p = cat->find_provision(id)) {
            if (json) {
                JsonWriter j;
                provision_json(j, *cat, *p);
                std::fputs(j.str().c_str(), stdout);
                return Exit::ok;
            }
            const Instrument* ins = cat->find_instrument(p->instrument);
            std::printf("%s — %s\n", cat->citation_label(p->id).c_str(), p->title.c_str());
            if (ins) std::printf("%s\n", ins->title.c_str());
            std::printf("Source: %s\n", cat->source_of(*p).c_str());
            if (p->verified) std::printf("Verified against: %s\n", p->verified_by.c_str());
            else std::printf("Not yet verified against the official text.\n");
            std::printf("\n%s\n\nPrinciples: ", p->paraphrase.c_str());
            for (std::size_t i = 0; i < p->principles.size(); ++i) {
                const Principle* pr = cat->find_principle(p->principles[i]);
                std::printf("%s%s", i ? ", " : "", pr ? pr->name.c_str() : p->principles[i].c_str());
            }
            std::printf("\n");
            std::string keywords;
            for (std::size_t i = 0; i < p->keywords.size(); ++i) keywords += (i ? ", " : "") + p->keywords[i];
            if (!keywords.empty()) std::printf("Keywords: %s\n", keywords.c_str());
            const std::string url = !p->url.empty() ? p->url : ins ? ins->url : std::string();
            if (!url.empty()) std::printf("Official text: %s\n", url.c_str());
            return Exit::ok;
        }
        if (const Instrument* ins = cat->find_instrument(id)) {
            if (json) {
                JsonWriter j;
                j.begin_object().field("id", ins->id).field("title", ins->title).field("short_title", ins->short_title).field("kind", ins->kind);
                j.field("year", ins->year).field("adopted", ins->adopted).field("symbol", ins->symbol).field("url", ins->url).field("summary", ins->summary);
                j.key("provisions").begin_array();
                for (auto i : ins->provisions) provision_json(j, *cat, cat->provisions[i]);
                j.end_array().end_object();
                std::fputs(j.str().c_str(), stdout);
                return Exit::ok;
            }
            std::printf("%s (%s)\n%s · %d%s\n\n%s\n\n", ins->title.c_str(), ins->short_title.c_str(), ins->symbol.c_str(), ins->year,
                        ins->adopted.empty() ? "" : (" · adopted " + ins->adopted).c_str(), ins->summary.c_str());
            print_provisions(*cat, provisions_of(*cat, *ins));
            if (!ins->url.empty()) std::printf("\nOfficial text: %s\n", ins->url.c_str());
            return Exit::ok;
        }
        if (const Principle* pr = cat->find_principle(id)) {
            if (json) {
                JsonWriter j;
                principle_json(j, *pr);
                std::fputs(j.str().c_str(), stdout);
                return Exit::ok;
            }
            std::printf("%s (%s principle)\n\n%s\n\nThe test: %s\n\nGrounded in: ", pr->name.c_str(), pr->group.c_str(), pr->definition.c_str(),
                        pr->test.c_str());
            for (std::size_t i = 0; i < pr->grounds.size(); ++i) std::printf("%s%s", i ? ", " : "", cat->citation_label(pr->grounds[i]).c_str());
            std::printf("\n");
            return Exit::ok;
        }
        std::fprintf(stderr, "measured-cli standards: no provision, instrument or principle '%s'\n", id.c_str());
        return Exit::found_errors;
    }
    return usage_error("standards", "unknown action '" + action + "'; say list, show ID, search TEXT, principles or cited-by ID");
}

}  // namespace measured::cli
