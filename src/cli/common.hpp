// Shared pieces of the zanline subcommands: exit codes, error reporting, atomic output.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>

namespace zanline::cli {

constexpr int kExitOk = 0;
constexpr int kExitNoResult = 1;  // for queries that find nothing (at, acts)
constexpr int kExitError = 2;

// The work of the subcommand the user chose; returns the exit status.
using Runner = std::function<int()>;

// "zanline: error: <message>" on stderr; returns kExitError.
int fail(std::string_view message);
// Writes `data` to `path` atomically (temporary file + rename). Returns "" or an error message.
std::string write_file_atomically(const std::string& path, std::string_view data);
// Result text to stdout (when output_path is "" or "-") or atomically to a file.
int emit(const std::string& output_path, std::string_view text);

// One function per subcommand: registers its flags; when chosen, sets `run`.
void add_parse_command(CLI::App& app, Runner& run);
void add_build_command(CLI::App& app, Runner& run);
void add_acts_command(CLI::App& app, Runner& run);
void add_at_command(CLI::App& app, Runner& run);
void add_history_command(CLI::App& app, Runner& run);
void add_diff_command(CLI::App& app, Runner& run);
void add_ingest_command(CLI::App& app, Runner& run);
void add_apply_command(CLI::App& app, Runner& run);

}  // namespace zanline::cli
