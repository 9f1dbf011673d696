// The subcommands of measured-cli; each takes the full argv and the index of its first argument.
#pragma once

namespace measured::cli {

int run_lint(int argc, char** argv, int first);
int run_play(int argc, char** argv, int first);
int run_standards(int argc, char** argv, int first);
int run_stats(int argc, char** argv, int first);
int run_graph(int argc, char** argv, int first);
int run_paths(int argc, char** argv, int first);
int run_simulate(int argc, char** argv, int first);
int run_bounds(int argc, char** argv, int first);
int run_test(int argc, char** argv, int first);
int run_new(int argc, char** argv, int first);
int run_workshop(int argc, char** argv, int first);

}  // namespace measured::cli
