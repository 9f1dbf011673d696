// The fuzz targets over their seeds in the ordinary build: every file in tests/fuzz/<target>/ (the
// seeds and every fixed finding) and in the folders tests/fuzz/targets.txt names for it. A target
// aborts when a property is violated, so a regression fails this test; the file is printed first.
#include "helpers.hpp"
#include "targets.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

using namespace measured;
using namespace measured::test;
namespace fs = std::filesystem;

namespace {

// The seed folders of one target, from targets.txt.
std::vector<std::string> seed_folders(std::string_view target) {
    std::vector<std::string> folders{source_path("tests/fuzz/" + std::string(target))};
    std::ifstream in(source_path("tests/fuzz/targets.txt"));
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string name;
        if (!(words >> name) || name != target) continue;
        for (std::string folder; words >> folder;) folders.push_back(source_path(folder));
    }
    return folders;
}

std::vector<std::string> files_under(const std::vector<std::string>& folders) {
    std::vector<std::string> files;
    for (const auto& folder : folders) {
        if (!fs::is_directory(folder)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(folder))
            if (entry.is_regular_file()) files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::size_t run_seeds(const fuzz::Target& target) {
    const auto files = files_under(seed_folders(target.name));
    for (const auto& path : files) {
        std::fprintf(stderr, "fuzz seed %.*s: %s\n", static_cast<int>(target.name.size()), target.name.data(), path.c_str());
        std::ifstream in(path, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        target.run({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
    }
    return files.size();
}

}  // namespace

TEST_SUITE("core/fuzz-seeds") {

TEST_CASE("targets.txt lists exactly the fuzz targets") {
    std::vector<std::string> listed;
    std::ifstream in(source_path("tests/fuzz/targets.txt"));
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string name;
        if (words >> name && name[0] != '#') listed.push_back(name);
    }
    std::vector<std::string> compiled;
    for (const auto& t : fuzz::targets) compiled.emplace_back(t.name);
    CHECK(listed == compiled);
}

TEST_CASE("the scenario target holds on the library, the golden files, the hostile corpus and its findings") {
    CHECK(run_seeds(fuzz::targets[0]) > 250);
}

TEST_CASE("the expression target holds on its seeds and findings") {
    CHECK(run_seeds(fuzz::targets[1]) >= 20);
}

TEST_CASE("the catalogue target holds on the bundled catalogue and its findings") {
    CHECK(run_seeds(fuzz::targets[2]) >= 10);
}

TEST_CASE("the session target holds on played sessions, the hostile corpus and its findings") {
    CHECK(run_seeds(fuzz::targets[3]) > 200);
}

TEST_CASE("the workshop target holds on a two-branch record, the hostile corpus and its findings") {
    CHECK(run_seeds(fuzz::targets[4]) > 200);
}

}  // TEST_SUITE
