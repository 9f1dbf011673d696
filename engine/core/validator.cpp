// The validator.
#include "validator.hpp"

#include "analysis.hpp"
#include "loader.hpp"
#include "text.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace measured {

namespace fs = std::filesystem;

namespace {

void check_image(const Scenario& s, const std::string& image, const Span& span, const std::string& owner, Diagnostics& diags) {
    if (image.empty()) return;
    const fs::path p(image);
    if (p.is_absolute() || image.find('\\') != std::string::npos || (image.size() > 1 && image[1] == ':')) {
        diags.error("E501", span, "the image of " + owner + " is an absolute path; give it relative to the scenario's folder");
        return;
    }
    for (const auto& part : p) {
        if (part == "..") {
            diags.error("E502", span, "the image of " + owner + " uses '..'; keep images inside the scenario's folder");
            return;
        }
    }
    std::string ext = p.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".png" && ext != ".jpg" && ext != ".jpeg") {
        diags.error("E503", span, "the image of " + owner + " is not a PNG or JPEG file: '" + image + "'");
        return;
    }
    std::error_code ec;
    const fs::path folder = s.folder.empty() ? fs::path(".") : fs::path(s.folder);
    const fs::path full = folder / p;
    if (!fs::exists(full, ec)) {
        diags.error("E500", span, "the image of " + owner + " does not exist: '" + full.string() + "'");
        return;
    }
    // Symlinks may not lead out of the folder: the file a trainee sees must travel with the scenario.
    const fs::path real_folder = fs::canonical(folder, ec);
    const fs::path real_image = ec ? fs::path() : fs::canonical(full, ec);
    if (ec) {
        diags.error("E500", span, "the image of " + owner + " cannot be read: " + ec.message());
        return;
    }
    const auto rel = real_image.lexically_relative(real_folder);
    if (rel.empty() || *rel.begin() == "..") {
        diags.error("E502", span, "the image of " + owner + " is a link that leads outside the scenario's folder");
        return;
    }
    if (!fs::is_regular_file(real_image, ec)) {
        diags.error("E500", span, "the image of " + owner + " is not a file");
        return;
    }
    // The name is not enough: the file must start like a PNG or a JPEG, or the runner cannot show it.
    std::ifstream in(real_image, std::ios::binary);
    char head[8] = {};
    in.read(head, sizeof head);
    const std::string_view magic(head, static_cast<std::size_t>(in.gcount()));
    const bool png = magic == std::string_view("\x89PNG\r\n\x1a\n", 8);
    const bool jpeg = magic.starts_with("\xFF\xD8\xFF");
    if (!png && !jpeg)
        diags.error("E503", span, "the image of " + owner + " is named like an image but its content is not PNG or JPEG: '" + image + "'");
}

void check_citations(const Scenario& s, const Catalogue& cat, Diagnostics& diags) {
    const auto principle_names = cat.principle_ids();
    const auto provision_names = cat.provision_ids();
    auto check_choice = [&](const Choice& c, int) {
        for (const auto& a : c.assessments) {
            if (!cat.find_principle(a.principle))
                diags.error("E203", a.principle_span,
                            "unknown principle '" + a.principle + "'" + did_you_mean(a.principle, principle_names) +
                                "; the principles are listed in assets/standards/principles.toml");
            if (!a.hard_fail.empty()) {
                bool known = false;
                std::vector<std::string_view> names;
                for (const auto& h : cat.hard_fails) {
                    known = known || h.id == a.hard_fail;
                    names.push_back(h.id);
                }
                if (!known)
                    diags.error("E207", a.hard_fail_span,
                                "unknown hard-fail rule '" + a.hard_fail + "'" + did_you_mean(a.hard_fail, names) +
                                    "; see `measured-cli standards principles`");
            }
            for (const auto& cite : a.cites) {
                const Provision* p = cat.find_provision(cite.id);
                if (!p)
                    diags.error("E204", cite.span,
                                "'" + cite.id + "' is not in the standards catalogue" + did_you_mean(cite.id, provision_names) +
                                    "; see `measured-cli standards list`");
                else if (!p->verified)
                    diags.warning("W205", cite.span,
                                  "'" + cite.id + "' has not been verified against the official text yet; trainees will see it marked "
                                  "unverified (cite a verified provision, or verify this one in the catalogue)");
            }
        }
    };
    for (const auto& sc : s.scenes) for_each_choice(sc, check_choice);
}

// The values of the variables the conditions depend on (the others are not tracked by the walk).
std::string describe_values(const Scenario& s, const std::vector<std::int64_t>& values, const std::vector<bool>& relevant) {
    std::string out;
    for (std::size_t i = 0; i < values.size() && i < s.variables.size(); ++i) {
        if (i < relevant.size() && !relevant[i]) continue;
        if (!out.empty()) out += ", ";
        const auto& v = s.variables[i].info;
        out += v.id + "=" + (v.type == ValueType::boolean ? (values[i] ? "true" : "false") : std::to_string(values[i]));
    }
    return out.empty() ? "always" : out;
}

}  // namespace

void validate(const Scenario& s, Diagnostics& diags, const ValidateOptions& options) {
    const bool loaded_cleanly = !diags.has_errors();
    for (const auto& sc : s.scenes) check_image(s, sc.image, sc.image_span, "scene '" + sc.id + "'", diags);
    for (const auto& e : s.endings) check_image(s, e.image, e.image_span, "ending '" + e.id + "'", diags);
    if (options.catalogue) check_citations(s, *options.catalogue, diags);

    // The graph checks assume a well-formed scenario; after loader errors they would only echo them.
    if (!loaded_cleanly) return;
    const int start = s.start_node();
    if (start < 0 || s.is_ending(start)) return;
    const auto edges = scenario_edges(s);
    const auto reach = structurally_reachable(s, edges);
    bool ending_reachable = false;
    for (int n = 0; n < s.node_count(); ++n) {
        if (reach[static_cast<std::size_t>(n)]) {
            if (s.is_ending(n)) ending_reachable = true;
            continue;
        }
        const Span& span = s.is_ending(n) ? s.ending(n).span : s.scene(n).span;
        diags.warning("W401", span, std::string(s.is_ending(n) ? "ending '" : "scene '") + s.node_id(n) + "' cannot be reached from the start");
    }
    if (!ending_reachable && !s.endings.empty())
        diags.error("E400", s.start_span, "no ending can be reached from the start scene '" + s.start + "'");

    for (const auto& loop : closed_loops(s, edges)) {
        std::string names;
        for (std::size_t i = 0; i < loop.size() && i < 6; ++i) names += (i ? ", " : "") + s.node_id(loop[i]);
        if (loop.size() > 6) names += ", …";
        const int first = *std::min_element(loop.begin(), loop.end());
        diags.error("E403", s.scene(first).span, "scenes " + names + " form a loop with no way out and no ending");
    }

    const Exploration ex = explore(s, options.max_states);
    for (const auto& d : ex.dead_ends)
        diags.error("E402", s.scene(d.node).span,
                    "dead end: in scene '" + s.node_id(d.node) + "' no choice is available when " + describe_values(s, d.values, ex.relevant));
    if (!ex.complete) {
        diags.warning("W409", s.span,
                      "the scenario has more than " + std::to_string(ex.limit) +
                          " combinations of scene and variable values; dead ends and never-offered choices were not checked everywhere");
        return;
    }
    // Every ending on the map, yet none whose conditions ever all hold: a trainee would go round for
    // ever (the map-only case is the E400 above).
    const bool any_ending_reached = std::any_of(s.endings.begin(), s.endings.end(), [&](const Ending& e) {
        return ex.node_reached[static_cast<std::size_t>(s.find_node(e.id))];
    });
    if (ending_reachable && !any_ending_reached && !s.endings.empty())
        diags.error("E400", s.start_span,
                    "no ending can be reached from the start scene '" + s.start +
                        "': on every way to an ending some condition is never true, so a trainee could only go round for ever");
    for (int n = 0; n < s.node_count(); ++n) {
        if (!reach[static_cast<std::size_t>(n)] || ex.node_reached[static_cast<std::size_t>(n)]) continue;
        const Span& span = s.is_ending(n) ? s.ending(n).span : s.scene(n).span;
        diags.warning("W401", span,
                      std::string(s.is_ending(n) ? "ending '" : "scene '") + s.node_id(n) +
                          "' can never be reached: the conditions on the way to it are never all true");
    }
    for (std::size_t i = 0; i < s.scenes.size(); ++i) {
        if (!ex.node_reached[i]) continue;
        for (std::size_t c = 0; c < s.scenes[i].choices.size(); ++c) {
            const auto& ch = s.scenes[i].choices[c];
            if (!ex.choice_offered[i][c] && ch.condition)
                diags.warning("W404", ch.condition_span,
                              "choice '" + ch.id + "' in scene '" + s.scenes[i].id +
                                  "' is never offered: its condition is false whenever the scene is reached");
        }
    }
}

LintResult lint_scenario(const std::string& path, const ValidateOptions& options) {
    LintResult r;
    r.scenario = load_scenario(path, r.diagnostics);
    if (r.scenario) validate(*r.scenario, r.diagnostics, options);
    r.diagnostics.sort();
    return r;
}

}  // namespace measured
