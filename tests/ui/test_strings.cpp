// Every user-visible string goes through tr(): each key the code uses exists in en.toml, and every
// key in en.toml is used (so the file stays the complete list a translator works from).

#include "commands.hpp"
#include "helpers.hpp"
#include "model.hpp"
#include "strings.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>

namespace fs = std::filesystem;
using namespace measured;
using namespace measured::test;

namespace {

// Keys written in the sources: tr("a.b"), trf("a.b", …) and keys kept in tables ({…, "nav.library", …}).
std::set<std::string> keys_in_sources() {
    const std::regex key(R"re("((?:app|nav|keys|library|difficulty|warning|player|rating|outcome|debrief|standards|settings|fonts|author|workshop)\.[a-z0-9_]+)")re");
    std::set<std::string> out;
    for (const char* dir : {"engine/ui", "engine/app"}) {
        for (const auto& e : fs::recursive_directory_iterator(source_path(dir))) {
            if (e.path().extension() != ".cpp") continue;
            const std::string text = read_file(e.path().string());
            for (auto it = std::sregex_iterator(text.begin(), text.end(), key); it != std::sregex_iterator(); ++it) {
                const std::string k = (*it)[1].str();
                if (k.ends_with(".hpp") || k.ends_with(".h") || k.ends_with(".toml")) continue;   // file names
                if (k.ends_with("_")) continue;   // the prefix of a key built at run time
                out.insert(k);
            }
        }
    }
    return out;
}

// Keys built at run time from the model's words: "warning." + content warning, and so on.
std::set<std::string> dynamic_keys() {
    std::set<std::string> out;
    for (auto w : content_warning_names()) out.insert("warning." + std::string(w));
    for (auto o : outcome_names()) out.insert("outcome." + std::string(o));
    for (auto m : {ui::Mode::learn, ui::Mode::assess, ui::Mode::author, ui::Mode::workshop}) out.insert("player.mode_" + std::string(ui::mode_name(m)));
    for (auto d : {Difficulty::introductory, Difficulty::intermediate, Difficulty::advanced})
        out.insert("difficulty." + std::string(difficulty_name(d)));
    return out;
}

std::set<std::string> keys_in_english() {
    std::set<std::string> out;
    const std::regex section(R"(^\[([a-z_]+)\]\s*$)"), entry(R"(^([a-z0-9_-]+)\s*=)");
    std::string current;
    const std::string text = read_file(source_path("assets/i18n/en.toml"));
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        std::smatch m;
        if (std::regex_match(line, m, section)) current = m[1];
        else if (std::regex_search(line, m, entry) && !current.empty()) out.insert(current + "." + m[1].str());
        start = end + 1;
    }
    return out;
}

}  // namespace

TEST_SUITE("ui/strings") {

TEST_CASE("every key used by the runner is in assets/i18n/en.toml") {
    std::set<std::string> used = keys_in_sources();
    const auto dyn = dynamic_keys();
    used.insert(dyn.begin(), dyn.end());
    CHECK(used.size() > 150);
    for (const auto& k : used) {
        INFO(k);
        CHECK(ui::has_string(k));
    }
}

TEST_CASE("every key in en.toml is used, and the compiled-in table matches the file") {
    const auto in_file = keys_in_english();
    CHECK(in_file.size() == ui::string_count());
    std::set<std::string> used = keys_in_sources();
    const auto dyn = dynamic_keys();
    used.insert(dyn.begin(), dyn.end());
    for (const auto& k : in_file) {
        INFO(k);
        CHECK(used.count(k) == 1);
    }
}

TEST_CASE("trf fills placeholders, a translation overrides English, and a missing key shows itself") {
    CHECK(ui::trf("player.decision_of", {{"n", "3"}, {"max", "8"}}) == "Decision 3 of up to 8");
    CHECK(std::string(ui::tr("no.such_key")) == "no.such_key");
    TempDir dir;
    const std::string path = dir.write("xx.toml", "[player]\ncontinue = \"Weiter\"\n");
    REQUIRE(ui::load_translation(path).empty());
    CHECK(std::string(ui::tr("player.continue")) == "Weiter");
    CHECK(std::string(ui::tr("player.pause")) == "Pause  P");   // not translated: English
    const std::string bad = dir.write("bad.toml", "[player\ncontinue = 1\n");
    CHECK(ui::load_translation(bad).find("bad.toml:1") != std::string::npos);
    CHECK(std::string(ui::tr("player.continue")) == "Weiter");   // a bad file changes nothing
    ui::reset_translation();
    CHECK(std::string(ui::tr("player.continue")) == "Continue");
}

}
