// measured-cli standards: browse the standards catalogue.
#include "cli_common.hpp"
#include "commands.hpp"

#include "json.hpp"

#include <cstdio>

namespace measured::cli {

namespace {

const char* const help =
    "Usage: measured-cli standards list [--instrument ID] [--format text|json] [--standards DIR]\n"
    "       measured-cli standards show ID [--format text|json] [--standards DIR]\n"
    "\n"
    "list  every provision (id, citation, title, status), or only one instrument's\n"
    "show  one provision, instrument or principle in full; ID is e.g. bpuff-9, gc37, necessity\n"
    "\n"
    "Status: confirmed (checked against the official text), partial (substance certain, a detail\n"
    "not re-read), unverified (to be checked before trainees see it).\n";

void provision_json(JsonWriter& j, const Catalogue& cat, const Provision& p) {
    j.begin_object().field("id", p.id).field("instrument", p.instrument).field("number", p.number).field("citation", cat.citation_label(p.id));
    j.field("title", p.title).field("text", p.text).key("principles").strings(p.principles).field("status", p.status).field("source", cat.source_of(p));
    j.end_object();
}

}  // namespace

int run_standards(int argc, char** argv, int first) {
    Args args = parse_args(argc, argv, first, {"--instrument", "--format", "--standards"}, {"--help"});
    if (args.has("--help")) {
        std::fputs(help, stdout);
        return Exit::ok;
    }
    if (!args.error.empty()) return usage_error("standards", args.error);
    const std::string format = args.get("--format").value_or("text");
    if (format != "text" && format != "json") return usage_error("standards", "--format must be text or json");
    if (args.positional.empty()) return usage_error("standards", "say 'list' or 'show ID'");
    const std::string action = args.positional[0];

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
        if (format == "json") {
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
            for (auto i : ins.provisions) {
                const auto& p = cat->provisions[i];
                std::printf("  %-28s %-22s %s%s\n", p.id.c_str(), cat->citation_label(p.id).c_str(), p.title.c_str(),
                            p.status == "confirmed" ? "" : (" [" + p.status + "]").c_str());
            }
            std::printf("\n");
        }
        return Exit::ok;
    }
    if (action == "show") {
        if (args.positional.size() != 2) return usage_error("standards", "'show' takes one id");
        const std::string id = args.positional[1];
        if (const Provision* p = cat->find_provision(id)) {
            if (format == "json") {
                JsonWriter j;
                provision_json(j, *cat, *p);
                std::fputs(j.str().c_str(), stdout);
                return Exit::ok;
            }
            const Instrument* ins = cat->find_instrument(p->instrument);
            std::printf("%s — %s\n", cat->citation_label(p->id).c_str(), p->title.c_str());
            if (ins) std::printf("%s\n", ins->title.c_str());
            std::printf("Source: %s\nStatus: %s\n\n%s\n\nPrinciples: ", cat->source_of(*p).c_str(), p->status.c_str(), p->text.c_str());
            for (std::size_t i = 0; i < p->principles.size(); ++i) {
                const Principle* pr = cat->find_principle(p->principles[i]);
                std::printf("%s%s", i ? ", " : "", pr ? pr->name.c_str() : p->principles[i].c_str());
            }
            std::printf("\n");
            if (ins && !ins->url.empty()) std::printf("Official text: %s\n", ins->url.c_str());
            return Exit::ok;
        }
        if (const Instrument* ins = cat->find_instrument(id)) {
            if (format == "json") {
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
            for (auto i : ins->provisions) {
                const auto& p = cat->provisions[i];
                std::printf("  %-28s %s\n", p.id.c_str(), p.title.c_str());
            }
            if (!ins->url.empty()) std::printf("\nOfficial text: %s\n", ins->url.c_str());
            return Exit::ok;
        }
        if (const Principle* pr = cat->find_principle(id)) {
            if (format == "json") {
                JsonWriter j;
                j.begin_object().field("id", pr->id).field("name", pr->name).field("group", pr->group).field("definition", pr->definition);
                j.field("test", pr->test).key("grounds").strings(pr->grounds).end_object();
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
    return usage_error("standards", "unknown action '" + action + "'; say 'list' or 'show ID'");
}

}  // namespace measured::cli
