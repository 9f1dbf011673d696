// The committed hostile corpus (tests/data/hostile/): files as they arrive by e-mail or USB stick,
// broken on purpose. expected.toml names, for each file, the command that reads it and the code
// of the diagnostic it must produce. The rule: exit code 1 with that code — never 0 (accepted in
// silence), never a crash, never a hang (over 2 s; the sanitizer builds get more, being slower).

#include "helpers.hpp"

#include <doctest/doctest.h>
#include <toml++/toml.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

using namespace measured::test;
namespace fs = std::filesystem;

namespace {

#ifdef MEASURED_SANITIZED
constexpr double hang_limit = 20;
#else
constexpr double hang_limit = 2;
#endif

struct Case {
    std::string file, run, code, why, scenario;
};

std::vector<Case> corpus() {
    const std::string dir = data_path("hostile");
    const toml::table manifest = toml::parse_file(dir + "/expected.toml");
    std::vector<Case> out;
    if (const toml::array* cases = manifest["case"].as_array()) {
        for (const auto& node : *cases) {
            const toml::table& t = *node.as_table();
            out.push_back({t["file"].value_or(std::string()), t["run"].value_or(std::string("lint")), t["code"].value_or(std::string()),
                           t["why"].value_or(std::string()), t["scenario"].value_or(std::string())});
        }
    }
    return out;
}

std::vector<std::string> command_for(const Case& c) {
    const std::string dir = data_path("hostile");
    const std::string file = dir + "/" + c.file;
    if (c.run == "lint") return {"lint", "--strict", file};
    if (c.run == "resume") {
        const std::string scenario = c.scenario == "golden" ? data_path("golden/scenario.toml") : dir + "/" + c.scenario;
        return {"play", "--resume", file, "--quiet", scenario};
    }
    if (c.run == "workshop") return {"workshop", "report", "--library", dir, file};
    FAIL("unknown run kind '" << c.run << "' for " << c.file);
    return {};
}

}  // namespace

TEST_CASE("hostile corpus: the manifest lists at least 60 files, each of them present, and every file is listed") {
    const auto cases = corpus();
    CHECK(cases.size() >= 60);
    std::set<std::string> listed;
    for (const auto& c : cases) {
        CAPTURE(c.file);
        CHECK(listed.insert(c.file).second);
        CHECK(fs::is_regular_file(data_path("hostile/" + c.file)));
        CHECK(c.code.size() == 4);
        CHECK_FALSE(c.why.empty());
    }
    // A file in the folder that no case names would be a hostile input nobody checks.
    for (const auto& entry : fs::directory_iterator(data_path("hostile"))) {
        const std::string name = entry.path().filename().string();
        if (name == "expected.toml" || name == "base.toml" || name == "README.md" || name == "FINDINGS.md") continue;
        CAPTURE(name);
        CHECK(listed.count(name) == 1);
    }
}

TEST_CASE("hostile corpus: every file is refused with its diagnostic, quickly, without a crash") {
    for (const auto& c : corpus()) {
        CAPTURE(c.file);
        CAPTURE(c.why);
        const auto start = std::chrono::steady_clock::now();
        const CliResult r = run_cli(command_for(c), "", hang_limit + 5);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CAPTURE(r.err);
        CHECK(r.exit_code == 1);
        CHECK(seconds < hang_limit);
        const std::string all = r.out + r.err;
        CHECK_MESSAGE(all.find("[" + c.code + "]") != std::string::npos, "expected " << c.code);
    }
}
