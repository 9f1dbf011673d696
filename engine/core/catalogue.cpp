// The standards catalogue: loading, indexing, lookups.
#include "catalogue.hpp"

#include "schema.hpp"
#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace measured {

namespace fs = std::filesystem;

const Provision* Catalogue::find_provision(std::string_view id) const {
    auto it = provision_index_.find(id);
    return it == provision_index_.end() ? nullptr : &provisions[it->second];
}

const Principle* Catalogue::find_principle(std::string_view id) const {
    auto it = principle_index_.find(id);
    return it == principle_index_.end() ? nullptr : &principles[it->second];
}

const Instrument* Catalogue::find_instrument(std::string_view id) const {
    for (const auto& i : instruments)
        if (i.id == id) return &i;
    return nullptr;
}

std::string Catalogue::citation_label(std::string_view provision_id) const {
    const Provision* p = find_provision(provision_id);
    if (!p) return std::string(provision_id);
    const Instrument* ins = find_instrument(p->instrument);
    const std::string name = ins && !ins->short_title.empty() ? ins->short_title : p->instrument;
    return name + " " + p->number + (p->verified ? "" : " (unverified)");
}

std::string Catalogue::source_of(const Provision& p) const {
    if (!p.source.empty()) return p.source;
    const Instrument* ins = find_instrument(p.instrument);
    if (!ins) return {};
    std::string s = ins->symbol;
    if (ins->year) s += (s.empty() ? "" : ", ") + std::to_string(ins->year);
    return s;
}

std::vector<std::string_view> Catalogue::provision_ids() const {
    std::vector<std::string_view> out;
    for (const auto& p : provisions) out.push_back(p.id);
    return out;
}

std::vector<std::string_view> Catalogue::principle_ids() const {
    std::vector<std::string_view> out;
    for (const auto& p : principles) out.push_back(p.id);
    return out;
}

void Catalogue::index() {
    provision_index_.clear();
    principle_index_.clear();
    for (std::size_t i = 0; i < provisions.size(); ++i) provision_index_.emplace(provisions[i].id, i);
    for (std::size_t i = 0; i < principles.size(); ++i) principle_index_.emplace(principles[i].id, i);
}

namespace {

const std::vector<std::string_view> kinds{"treaty", "soft-law", "general-comment", "guidance", "report",
                                          "resolution", "regulation", "judgment"};
const std::vector<std::string_view> groups{"force", "assembly"};

std::string value_or(const std::optional<Located>& l) { return l ? l->value : std::string(); }

}  // namespace

void Catalogue::load_file(const std::string& path, Diagnostics& diags) {
    if (auto file = read_source_file(path, diags)) load_source(*file, diags);
}

void Catalogue::load_source(const SourceFile& file, Diagnostics& diags) {
    auto root = parse_toml(file, diags);
    if (!root) return;
    TableReader top(file, diags, *root, "the catalogue file");
    if (auto f = top.integer("format", Need::required, 1, 1000); f && *f != 1)
        diags.error("E106", top.key_span("format"), "catalogue format " + std::to_string(*f) + " is not supported; this version reads format 1");

    const bool is_principles = root->contains("principle");
    if (is_principles) {
        for (const auto* t : top.tables("hard_fail", Need::optional, 100)) {
            TableReader r(file, diags, *t, "a hard-fail rule");
            HardFail h;
            h.span = r.span();
            auto id = r.id("id", Need::required);
            if (id) r.rename("hard-fail rule '" + id->value + "'");
            h.title = value_or(r.string("title", Need::required, 200));
            h.description = value_or(r.string("description", Need::required, 2000));
            for (auto& pr : r.strings("principles", Need::required, 1)) h.principles.push_back(pr.value);
            for (auto& g : r.strings("grounds", Need::required, 1)) h.grounds.push_back(g.value);
            r.finish();
            if (!id) continue;
            h.id = id->value;
            for (const auto& other : hard_fails)
                if (other.id == h.id) diags.error("E200", id->span, "hard-fail rule '" + h.id + "' is defined twice");
            hard_fails.push_back(std::move(h));
        }
        for (const auto* t : top.tables("principle", Need::required, 200)) {
            TableReader r(file, diags, *t, "a principle");
            Principle p;
            p.span = r.span();
            auto id = r.id("id", Need::required);
            if (id) p.id = id->value;
            p.name = value_or(r.string("name", Need::required, 120));
            p.group = value_or(r.word("group", Need::required, groups));
            p.definition = value_or(r.string("definition", Need::required, 4000));
            p.test = value_or(r.string("test", Need::required, 2000));
            for (auto& g : r.strings("grounds", Need::required, 1)) p.grounds.push_back(g.value);
            r.finish();
            if (id) {
                if (find_principle(p.id)) diags.error("E200", id->span, "principle '" + p.id + "' is defined twice");
                principles.push_back(std::move(p));
                principle_index_.emplace(principles.back().id, principles.size() - 1);
            }
        }
        top.finish();
        return;
    }

    const toml::table* ins_table = top.table("instrument", Need::required);
    const auto prov_tables = top.tables("provision", Need::required, 2000);
    top.finish();
    if (!ins_table) return;
    TableReader ir(file, diags, *ins_table, "[instrument]");
    Instrument ins;
    ins.path = file.path;
    auto ins_id = ir.id("id", Need::required);
    if (!ins_id) return;
    ins.id = ins_id->value;
    if (find_instrument(ins.id)) {
        diags.error("E200", ins_id->span, "instrument '" + ins.id + "' is defined twice");
        return;
    }
    ins.title = value_or(ir.string("title", Need::required, 300));
    ins.short_title = value_or(ir.string("short_title", Need::required, 60));
    ins.kind = value_or(ir.word("kind", Need::required, kinds));
    if (auto y = ir.integer("year", Need::required, 1900, 2100)) ins.year = static_cast<int>(*y);
    ins.adopted = value_or(ir.string("adopted", Need::optional, 40));
    ins.symbol = value_or(ir.string("symbol", Need::required, 300));
    ins.url = value_or(ir.string("url", Need::optional, 500));
    ins.summary = value_or(ir.string("summary", Need::required, 4000));
    ir.finish();

    for (const auto* t : prov_tables) {
        TableReader r(file, diags, *t, "a provision of '" + ins.id + "'");
        Provision p;
        p.span = r.span();
        p.instrument = ins.id;
        auto id = r.id("id", Need::required);
        if (id) r.rename("provision '" + id->value + "'");
        p.number = value_or(r.string("number", Need::required, 60));
        p.title = value_or(r.string("title", Need::required, 200));
        if (auto para = r.string("paraphrase", Need::required, 4000)) {
            p.paraphrase = para->value;
            if (p.paraphrase.find_first_not_of(" \t\n") == std::string::npos)
                diags.error("E102", para->span, "the paraphrase of " + r.what() + " is empty");
        }
        for (auto& pr : r.strings("principles", Need::required, 1)) p.principles.push_back(pr.value);
        for (auto& k : r.strings("keywords", Need::required, 1, 60)) p.keywords.push_back(k.value);
        p.verified = r.boolean("verified", Need::required).value_or(false);
        if (auto by = r.string("verified_by", Need::optional, 500)) p.verified_by = by->value;
        if (p.verified && p.verified_by.empty())
            diags.error("E100", r.key_span("verified"), r.what() + " is verified = true but has no 'verified_by': say which text confirmed it");
        p.source = value_or(r.string("source", Need::optional, 300));
        p.url = value_or(r.string("url", Need::optional, 500));
        r.finish();
        if (!id) continue;
        p.id = id->value;
        if (p.id.rfind(ins.id + "-", 0) != 0) {
            diags.error("E102", id->span, "provision id '" + p.id + "' must start with '" + ins.id + "-', the instrument's id");
            continue;
        }
        if (find_provision(p.id)) {
            diags.error("E200", id->span, "provision '" + p.id + "' is defined twice");
            continue;
        }
        provisions.push_back(std::move(p));
        provision_index_.emplace(provisions.back().id, provisions.size() - 1);
        ins.provisions.push_back(provisions.size() - 1);
    }
    instruments.push_back(std::move(ins));
}

void Catalogue::check(Diagnostics& diags) const {
    if (principles.empty()) return;  // a folder without principles.toml: nothing to check against
    const auto principle_names = principle_ids();
    for (const auto& p : provisions) {
        for (const auto& pr : p.principles) {
            if (!find_principle(pr))
                diags.error("E203", p.span, "provision '" + p.id + "' names unknown principle '" + pr + "'" + did_you_mean(pr, principle_names));
        }
    }
    for (const auto& h : hard_fails)
        for (const auto& pr : h.principles)
            if (!find_principle(pr))
                diags.error("E203", h.span, "hard-fail rule '" + h.id + "' names unknown principle '" + pr + "'" + did_you_mean(pr, principle_names));
    if (provisions.empty()) return;
    const auto ids = provision_ids();
    for (const auto& pr : principles) {
        for (const auto& g : pr.grounds) {
            if (!find_provision(g))
                diags.error("E204", pr.span, "principle '" + pr.id + "' is grounded in unknown provision '" + g + "'" + did_you_mean(g, ids));
        }
    }
    for (const auto& h : hard_fails)
        for (const auto& g : h.grounds)
            if (!find_provision(g))
                diags.error("E204", h.span, "hard-fail rule '" + h.id + "' is grounded in unknown provision '" + g + "'" + did_you_mean(g, ids));
}

void Catalogue::check_unused(const std::vector<std::string>& cited, Diagnostics& diags) const {
    std::set<std::string_view> used(cited.begin(), cited.end());
    for (const auto& pr : principles) used.insert(pr.grounds.begin(), pr.grounds.end());
    for (const auto& h : hard_fails) used.insert(h.grounds.begin(), h.grounds.end());
    for (const auto& p : provisions)
        if (!used.count(p.id))
            diags.warning("W210", p.span, "provision '" + p.id + "' grounds no principle or hard-fail rule and no scenario cites it");
}

std::vector<const Provision*> Catalogue::search(std::string_view query) const {
    std::vector<const Provision*> out;
    if (query.find_first_not_of(" \t") == std::string_view::npos) return out;
    for (const auto& p : provisions) {
        std::string hay = p.id + " " + p.number + " " + p.title + " " + p.paraphrase;
        for (const auto& k : p.keywords) hay += " " + k;
        if (contains_all_words(hay, query)) out.push_back(&p);
    }
    return out;
}

Catalogue load_catalogue(const std::string& folder, Diagnostics& diags) {
    Catalogue cat;
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.is_regular_file(ec) && entry.path().extension() == ".toml") files.push_back(entry.path().string());
    }
    if (ec) {
        diags.error("E001", {folder, 0, 0}, "cannot read the standards folder: " + ec.message());
        return cat;
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) cat.load_file(f, diags);
    cat.index();
    cat.check(diags);
    return cat;
}

bool looks_like_catalogue_file(const std::string& path) {
    const auto name = fs::path(path).filename().string();
    if (name == "principles.toml") return true;
    Diagnostics ignored;
    auto file = read_source_file(path, ignored);
    if (!file) return false;
    // A cheap look at the headers avoids parsing twice.
    return file->text.find("\n[instrument]") != std::string::npos || file->text.rfind("[instrument]", 0) == 0;
}

}  // namespace measured
