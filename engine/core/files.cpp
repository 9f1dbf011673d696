// Files: atomic writes and discovery.
#include "files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace measured {

namespace fs = std::filesystem;

std::string write_file_atomic(const std::string& path, std::string_view content) {
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) return "cannot create a temporary file in " + folder.string() + ": " + std::strerror(errno);
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string err = std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            return "cannot write " + tmp + ": " + err;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) {
        const std::string err = std::strerror(errno);
        ::close(fd);
        ::unlink(tmp.c_str());
        return "cannot flush " + tmp + ": " + err;
    }
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string err = std::strerror(errno);
        ::unlink(tmp.c_str());
        return "cannot replace " + path + ": " + err;
    }
    // Make the rename itself durable.
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        (void)::fsync(dir);
        ::close(dir);
    }
    return {};
}

std::string find_toml_files(const std::string& path, std::vector<std::string>& out) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return "no such file or folder: " + path;
    if (fs::is_regular_file(status)) {
        out.push_back(path);
        return {};
    }
    if (!fs::is_directory(status)) return "not a file or folder: " + path;
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string name = it->path().filename().string();
        if (it->path().extension() != ".toml") continue;
        if (name.size() > 10 && name.compare(name.size() - 10, 10, ".test.toml") == 0) continue;
        found.push_back(it->path().string());
    }
    if (ec) return "cannot read " + path + ": " + ec.message();
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
    return {};
}

std::string find_bundled_dir(const std::string& relative, const char* env_name, const std::string& source_dir,
                             const std::string& argv0) {
    if (const char* env = std::getenv(env_name); env && *env) return env;
    std::error_code ec;
    fs::path exe = fs::canonical("/proc/self/exe", ec);
    if (ec && !argv0.empty()) exe = fs::absolute(argv0, ec);
    if (!ec) {
        const fs::path dir = exe.parent_path();
        for (const fs::path& candidate : {dir / "../share/measured" / relative, dir / ".." / relative, dir / "../.." / relative}) {
            if (fs::is_directory(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
        }
    }
    const fs::path source = fs::path(source_dir) / relative;
    if (!source_dir.empty() && fs::is_directory(source, ec)) return source.string();
    return {};
}

}  // namespace measured
