// Test helpers.
#include "helpers.hpp"

#include "session.hpp"
#include "session_file.hpp"
#include "text.hpp"
#include "toml_source.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace measured::test {

namespace fs = std::filesystem;

const Catalogue& catalogue() {
    static const Catalogue cat = [] {
        Diagnostics d;
        Catalogue c = load_catalogue(source_path("assets/standards"), d);
        if (d.has_errors()) throw std::runtime_error("the bundled catalogue has errors: " + dump(d));
        return c;
    }();
    return cat;
}

std::string source_path(const std::string& relative) { return std::string(MEASURED_SOURCE_DIR) + "/" + relative; }
std::string data_path(const std::string& relative) { return std::string(MEASURED_TEST_DATA) + "/" + relative; }

TempDir::TempDir() {
    std::string templ = (fs::temp_directory_path() / "measured-test-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("cannot create a temporary folder");
    path_ = templ;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
    const fs::path p = fs::path(path_) / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
}

Loaded load_text(const std::string& toml, const std::string& path) {
    Loaded l;
    l.scenario = load_scenario_source(SourceFile{path, toml}, l.diags);
    return l;
}

Loaded lint_text(const std::string& toml) {
    TempDir dir;
    const std::string path = dir.write("scenario.toml", toml);
    ValidateOptions options;
    options.catalogue = &catalogue();
    auto r = lint_scenario(path, options);
    Loaded l;
    l.scenario = std::move(r.scenario);
    l.diags = std::move(r.diagnostics);
    return l;
}

std::vector<Diagnostic> with_code(const Diagnostics& d, const std::string& code) {
    std::vector<Diagnostic> out;
    for (const auto& x : d.items())
        if (x.code == code) out.push_back(x);
    return out;
}

bool has_diagnostic(const Diagnostics& d, const std::string& code, unsigned line, unsigned column) {
    for (const auto& x : d.items())
        if (x.code == code && x.span.line == line && x.span.column == column) return true;
    return false;
}

Pos find_pos(const std::string& text, const std::string& needle, std::size_t offset) {
    const auto at = text.find(needle);
    if (at == std::string::npos) throw std::runtime_error("find_pos: '" + needle + "' is not in the text");
    const auto lc = line_column_at(text, at + offset);
    return {lc.line, lc.column};
}

std::string dump(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.items()) out += format_diagnostic(x) + "\n";
    return out.empty() ? "(no diagnostics)\n" : out;
}

std::string replace_first(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("replace_first: '" + from + "' is not in the text");
    text.replace(at, from.size(), to);
    return text;
}

std::string minimal_scenario(const std::string& variables, const std::string& extra_scene_keys, const std::string& extra_choice_keys) {
    return R"(format = 1

[scenario]
id = "minimal"
title = "Minimal"
summary = "A scenario for tests."
version = "1.0.0"
language = "en"
authors = ["Tests"]
license = "CC0-1.0"
minutes = 5
difficulty = "introductory"
audience = ["testers"]
topics = ["testing"]
objectives = ["Check the loader."]
role = "patrol officer"
start = "first"

[variables]
)" + variables + R"(

[[scene]]
id = "first"
text = "The first scene."
)" + extra_scene_keys + R"(
  [[scene.choice]]
  id = "go"
  label = "Go on"
  target = "end"
)" + extra_choice_keys + R"(

[[ending]]
id = "end"
title = "The end"
outcome = "resolved"
text = "It ends."
debrief = "Nothing to say."
)";
}

// A strict JSON syntax check (RFC 8259 grammar, no extensions), so "valid JSON" is tested rather than assumed.
namespace {

class JsonChecker {
public:
    explicit JsonChecker(const std::string& s) : s_(s) {}
    bool valid() {
        ws();
        if (!value(0)) return false;
        ws();
        return i_ == s_.size();
    }

private:
    const std::string& s_;
    std::size_t i_ = 0;

    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    }
    bool lit(const char* w) {
        const std::string word(w);
        if (s_.compare(i_, word.size(), word) != 0) return false;
        i_ += word.size();
        return true;
    }
    bool str() {
        if (i_ >= s_.size() || s_[i_] != '"') return false;
        ++i_;
        while (i_ < s_.size()) {
            const auto c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') {
                ++i_;
                return true;
            }
            if (c < 0x20) return false;
            if (c == '\\') {
                if (++i_ >= s_.size()) return false;
                const char e = s_[i_];
                if (e == 'u') {
                    for (int k = 0; k < 4; ++k)
                        if (++i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_]))) return false;
                } else if (std::string("\"\\/bfnrt").find(e) == std::string::npos) {
                    return false;
                }
            }
            ++i_;
        }
        return false;
    }
    bool num() {
        const std::size_t start = i_;
        if (i_ < s_.size() && s_[i_] == '-') ++i_;
        if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_]))) return false;
        if (s_[i_] == '0') ++i_;
        else
            while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_]))) return false;
            while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_]))) return false;
            while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
        }
        return i_ > start;
    }
    bool value(int depth) {
        if (depth > 64 || i_ >= s_.size()) return false;
        const char c = s_[i_];
        if (c == '{') {
            ++i_;
            ws();
            if (i_ < s_.size() && s_[i_] == '}') {
                ++i_;
                return true;
            }
            while (true) {
                ws();
                if (!str()) return false;
                ws();
                if (i_ >= s_.size() || s_[i_++] != ':') return false;
                ws();
                if (!value(depth + 1)) return false;
                ws();
                if (i_ >= s_.size()) return false;
                if (s_[i_] == ',') { ++i_; continue; }
                if (s_[i_] == '}') { ++i_; return true; }
                return false;
            }
        }
        if (c == '[') {
            ++i_;
            ws();
            if (i_ < s_.size() && s_[i_] == ']') {
                ++i_;
                return true;
            }
            while (true) {
                ws();
                if (!value(depth + 1)) return false;
                ws();
                if (i_ >= s_.size()) return false;
                if (s_[i_] == ',') { ++i_; continue; }
                if (s_[i_] == ']') { ++i_; return true; }
                return false;
            }
        }
        if (c == '"') return str();
        if (c == 't') return lit("true");
        if (c == 'f') return lit("false");
        if (c == 'n') return lit("null");
        return num();
    }
};

}  // namespace

bool valid_json(const std::string& s) { return JsonChecker(s).valid(); }

const Scenario& golden_scenario() {
    static const Scenario s = [] {
        ValidateOptions o;
        o.catalogue = &catalogue();
        auto r = lint_scenario(data_path("golden/scenario.toml"), o);
        REQUIRE_MESSAGE(r.diagnostics.empty(), dump(r.diagnostics));
        return *r.scenario;
    }();
    return s;
}

void check_golden(const std::string& name, const std::string& actual) {
    const std::string path = data_path("golden/" + name);
    if (std::getenv("MEASURED_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << actual;
    const std::string expected = read_file(path);
    REQUIRE_MESSAGE(!expected.empty(), std::string("missing golden file " + path));
    CHECK(actual == expected);
}

WorkshopBranch play_branch(const Scenario& s, std::uint64_t seed, const std::vector<WorkshopStep>& steps, const VotesFor& votes_for) {
    Session session(s, seed);
    WorkshopBranch b;
    for (const auto& step : steps) {
        WorkshopDecision wd;
        wd.votes = step.votes.empty() && votes_for ? votes_for(session, step) : step.votes;
        const StepResult r = step.choice == "timeout" ? session.time_out(step.seconds) : session.choose_id(step.choice, step.seconds);
        REQUIRE_MESSAGE(r.ok, r.error);
        wd.decision = session.history().back();
        wd.at = step.at;
        wd.overridden = !step.override_reason.empty();
        wd.reason = step.override_reason;
        b.decisions.push_back(std::move(wd));
    }
    if (session.finished()) b.ending = session.ending()->id;
    return b;
}

WorkshopRecord golden_workshop() {
    const Scenario& sc = golden_scenario();
    // The first seed whose strike in the hall (the second decision) draws 'falls'.
    std::uint64_t seed = 1;
    while (play_branch(sc, seed, {{"talk"}, {"strike"}}).decisions.back().decision.outcome != "falls") ++seed;
    WorkshopRecord r = new_workshop_record(sc, seed, "2026-11-23 14:05");
    r.group = "Tuesday cohort";
    const WorkshopStep door{"talk", {{"talk", 12}, {"kick", 3}, {"timeout", 5}}, 8.5, 135, ""};
    r.branches[0] = play_branch(sc, seed,
                                {door, {"wait", {{"wait", 4}, {"strike", 14}}, 21.25, 512, "He posed no threat; we play distance and try the strike as a what-if"}});
    r.branches.push_back(play_branch(sc, seed, {door, {"strike", {}, 4, 1210, ""}}));
    r.branches[1].parent = 0;
    r.branches[1].fork = 1;
    r.flags.push_back({0, 1, "hall", 390, "Split on whether he is a threat"});
    r.flags.push_back({1, 2, "hurt", 1262.5, "Compare with the path played: what changed?"});
    r.duration = 1450;
    return r;
}

std::string first_choices(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += "1\n";
    return s;
}

std::vector<Decision> history_of(const std::string& session_file, const Scenario& scenario) {
    Diagnostics d;
    auto record = read_session_file(session_file, d);
    INFO(session_file, ": ", dump(d));
    REQUIRE(record);
    auto session = restore_session(scenario, *record, session_file, d);
    REQUIRE(session);
    return session->history();
}

bool same_choices(const std::vector<Decision>& a, const std::vector<Decision>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Decision& x, const Decision& y) {
        return x.scene == y.scene && x.choice == y.choice && x.outcome == y.outcome && x.timed_out == y.timed_out;
    });
}

std::vector<PlayReference> library_references(const TempDir& scratch) {
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(source_path("scenarios")))
        if (e.path().filename() == "scenario.toml") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<PlayReference> refs;
    for (const auto& path : files) {
        const std::string out = scratch.path() + "/reference.toml";
        const auto r = run_cli({"play", "--seed", "3", "--timers", "off", "--quiet", "--session-out", out, path}, first_choices(60));
        INFO(path, ": ", r.err);
        REQUIRE(r.exit_code == 0);
        Diagnostics d;
        auto s = load_scenario(path, d);
        REQUIRE(s);
        PlayReference ref{path, *s, {}};
        ref.plan = history_of(out, ref.scenario);
        REQUIRE(!ref.plan.empty());
        refs.push_back(std::move(ref));
    }
    return refs;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

CliResult run_cli(const std::vector<std::string>& args, const std::string& input, double timeout_seconds) {
    return run_program(MEASURED_CLI, args, input, timeout_seconds);
}

namespace {

// Starts `program` with its standard input and output on these pipes and its standard error on
// `err_fd`; closes the child's ends in the parent. `extra_close` is closed in the child.
pid_t spawn(const std::string& program, const std::vector<std::string>& args, int in_pipe[2], int out_pipe[2], int err_fd,
            int extra_close = -1) {
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(in_pipe[0], STDIN_FILENO);
        ::dup2(out_pipe[1], STDOUT_FILENO);
        ::dup2(err_fd, STDERR_FILENO);
        for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_fd, extra_close})
            if (fd > STDERR_FILENO) ::close(fd);
        std::vector<char*> argv;
        std::string exe = program;
        argv.push_back(exe.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execvp(exe.c_str(), argv.data());
        ::_exit(127);
    }
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    return pid;
}

int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0); }

}  // namespace

Child::Child(const std::string& program, const std::vector<std::string>& args, const std::string& stderr_path) {
    int in_pipe[2], out_pipe[2];
    if (::pipe(in_pipe) || ::pipe(out_pipe)) throw std::runtime_error("pipe failed");
    const int err = ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (err < 0) throw std::runtime_error("cannot open " + stderr_path);
    ::signal(SIGPIPE, SIG_IGN);
    pid_ = spawn(program, args, in_pipe, out_pipe, err);
    ::close(err);
    in_ = in_pipe[1];
    out_fd_ = out_pipe[0];
}

Child::~Child() {
    if (pid_ > 0) kill_now();
    if (in_ >= 0) ::close(in_);
    if (out_fd_ >= 0) ::close(out_fd_);
}

void Child::send(const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(in_, text.data() + done, text.size() - done);
        if (n <= 0) return;   // it has gone: the caller's checks tell
        done += static_cast<std::size_t>(n);
    }
}

bool Child::read_until(const std::string& suffix, double timeout_seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
    const std::size_t start = out_.size();
    while (out_.size() == start || !out_.ends_with(suffix)) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) return false;
        pollfd p{out_fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
        char buf[65536];
        const ssize_t got = ::read(out_fd_, buf, sizeof buf);
        if (got <= 0) return false;
        out_.append(buf, static_cast<std::size_t>(got));
    }
    return true;
}

void Child::kill_now() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
}

int Child::wait(double timeout_seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
    while (pid_ > 0) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return exit_code_of(status);
        }
        if (std::chrono::steady_clock::now() > deadline) {
            kill_now();
            return -1;
        }
        ::usleep(2000);
    }
    return -1;
}

CliResult run_program(const std::string& program, const std::vector<std::string>& args, const std::string& input,
                      double timeout_seconds) {
    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (::pipe(in_pipe) || ::pipe(out_pipe) || ::pipe(err_pipe)) throw std::runtime_error("pipe failed");
    const pid_t pid = spawn(program, args, in_pipe, out_pipe, err_pipe[1], err_pipe[0]);
    ::close(err_pipe[1]);
    ::signal(SIGPIPE, SIG_IGN);
    CliResult r;
    std::size_t written = 0;
    int in_fd = in_pipe[1];
    if (input.empty()) {
        ::close(in_fd);
        in_fd = -1;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
    bool out_open = true, err_open = true;
    while (out_open || err_open) {
        pollfd fds[3];
        int n = 0;
        if (out_open) fds[n++] = {out_pipe[0], POLLIN, 0};
        if (err_open) fds[n++] = {err_pipe[0], POLLIN, 0};
        if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) {
            ::kill(pid, SIGKILL);
            r.err += "\n[test harness: killed after timeout]";
            break;
        }
        if (::poll(fds, static_cast<nfds_t>(n), static_cast<int>(left)) <= 0) continue;
        for (int i = 0; i < n; ++i) {
            if (fds[i].fd == in_fd && (fds[i].revents & (POLLOUT | POLLERR | POLLHUP))) {
                const ssize_t w = ::write(in_fd, input.data() + written, input.size() - written);
                if (w > 0) written += static_cast<std::size_t>(w);
                if (w < 0 || written == input.size()) {
                    ::close(in_fd);
                    in_fd = -1;
                }
                continue;
            }
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char buf[65536];
            const ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
            std::string& target = fds[i].fd == out_pipe[0] ? r.out : r.err;
            if (got > 0) target.append(buf, static_cast<std::size_t>(got));
            else (fds[i].fd == out_pipe[0] ? out_open : err_open) = false;
        }
    }
    if (in_fd >= 0) ::close(in_fd);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.exit_code = exit_code_of(status);
    return r;
}

}  // namespace measured::test
