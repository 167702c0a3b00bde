// zanline — command-line front end. Parses flags, calls the library, prints results.
//
//   zanline parse order.txt --format json
//   cat act.md | zanline parse - --format text
//
// Results go to stdout (or -o FILE), diagnostics to stderr. Exit status: 0 ok, 1 no result,
// 2 error (bad usage, unreadable input, or an input with error diagnostics).
//
// Each subcommand is one add_*_command() function: it registers its flags on the app and, when
// the user picked it, hands main() the work to run. Adding a subcommand = one such function plus
// one line in main().
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

#include "zanline/io.hpp"
#include "zanline/output.hpp"
#include "zanline/parser.hpp"

namespace {

constexpr const char* kVersion = ZANLINE_VERSION;  // from project() in CMakeLists.txt

constexpr int kExitOk = 0;
[[maybe_unused]] constexpr int kExitNoResult = 1;  // for queries that find nothing (at, acts)
constexpr int kExitError = 2;

// The work of the subcommand the user chose; returns the exit status.
using Runner = std::function<int()>;

int fail(std::string_view message) {
  std::cerr << "zanline: error: " << message << "\n";
  return kExitError;
}

std::string errno_text(int err) { return std::system_category().message(err); }

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Writes `data` to `path` so that readers see either the old file or the whole new one: a
// temporary file in the same directory is written, flushed and renamed over `path`. A symlink is
// followed (the link stays), an existing file keeps its permissions, and devices or FIFOs
// (-o /dev/null) are written in place, never replaced. Returns "" or an error message.
std::string write_file_atomically(const std::string& path, std::string_view data) {
  namespace fs = std::filesystem;
  const std::string failed = "cannot write " + path + ": ";
  fs::path target(path);
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return path + " is a directory";
  if (exists && !S_ISREG(st.st_mode)) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) return failed + errno_text(errno);
    const bool ok = write_all(fd, data);
    const int err = errno;
    ::close(fd);
    return ok ? "" : failed + errno_text(err);
  }
  if (exists && fs::is_symlink(target)) {
    std::error_code ec;
    fs::path real = fs::canonical(target, ec);
    if (ec) return failed + ec.message();
    target = real;
  }

  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string stem = "." + target.filename().string() + ".tmp-" + std::to_string(::getpid());
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    tmp = (dir / (stem + "-" + std::to_string(attempt))).string();
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);  // umask applies
    if (fd < 0 && errno != EEXIST) return failed + errno_text(errno);
  }
  if (fd < 0) return failed + "no free temporary file name";

  int err = 0;
  if (exists && ::fchmod(fd, st.st_mode & 07777) != 0) err = errno;
  if (err == 0 && (!write_all(fd, data) || ::fsync(fd) != 0)) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(tmp.c_str(), target.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(tmp.c_str());
    return failed + errno_text(err);
  }
  return "";
}

// Result text to stdout (when output_path is "" or "-") or atomically to a file.
int emit(const std::string& output_path, std::string_view text) {
  if (output_path.empty() || output_path == "-") {
    std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
    std::cout.flush();
    if (!std::cout) return fail("cannot write to stdout");
    return kExitOk;
  }
  if (std::string err = write_file_atomically(output_path, text); !err.empty()) return fail(err);
  return kExitOk;
}

// ---- zanline parse ---------------------------------------------------------------------------

struct ParseArgs {
  std::string input;
  std::string format = "xml";
  std::string format_in = "auto";
  bool no_repair = false;
  std::string output;
};

int run_parse(const ParseArgs& args) {
  zanline::ReadResult in = zanline::read_input(args.input);
  if (!in.ok()) return fail(in.error);

  zanline::ParseOptions options;
  options.source_name = args.input == "-" ? "<stdin>" : args.input;
  options.repair = !args.no_repair;
  static const std::map<std::string, zanline::InputFormat> kInputFormats = {
      {"auto", zanline::InputFormat::detect},
      {"plain", zanline::InputFormat::plain},
      {"markdown", zanline::InputFormat::markdown}};
  options.format = kInputFormats.at(args.format_in);

  const zanline::Document doc = zanline::parse(in.bytes, options);
  for (const zanline::Diagnostic& d : doc.diagnostics)
    std::cerr << zanline::format_diagnostic(options.source_name, d) << "\n";
  if (doc.has_errors()) return kExitError;  // nothing on stdout, no -o file

  std::string text;
  if (args.format == "json") {
    text = zanline::to_json(doc);
  } else if (args.format == "text") {
    text = zanline::to_text(doc);
  } else {
    text = zanline::to_xml(doc);
  }
  return emit(args.output, text);
}

void add_parse_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* cmd = app.add_subcommand("parse", "Parse one legal text into a structured document");
  cmd->footer(
      "Examples:\n"
      "  zanline parse order.txt --format json\n"
      "  cat act.md | zanline parse - --format text\n"
      "  zanline parse after.rus.md --format-in markdown -o after.xml\n"
      "\n"
      "Exit status: 0 parsed without errors, 2 unreadable input or error diagnostics\n"
      "(then nothing is written).");
  cmd->add_option("FILE", args->input, "Text to parse (plain text or Markdown); - reads stdin")
      ->type_name("")
      ->required();
  cmd->add_option("--format", args->format, "Output format")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"xml", "json", "text"}))
      ->capture_default_str();
  cmd->add_option("--format-in", args->format_in, "Input format (auto: Markdown if it looks so)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"auto", "plain", "markdown"}))
      ->capture_default_str();
  cmd->add_flag("--no-repair", args->no_repair,
                "Report look-alike letters and PDF artifacts, but do not repair them");
  cmd->add_option("-o,--output", args->output,
                  "Write the result to FILE (atomically) instead of stdout")
      ->type_name("FILE");
  cmd->callback([args, &run] { run = [args] { return run_parse(*args); }; });
}

// ---- main --------------------------------------------------------------------------------------

constexpr const char* kDescription =
    "zanline turns Kazakh and Russian legal texts of the Republic of Kazakhstan into structured,\n"
    "schema-validated XML (or JSON, or an outline for people).";

constexpr const char* kFooter =
    "Examples:\n"
    "  zanline parse order.txt --format json\n"
    "  cat act.md | zanline parse - --format text\n"
    "  zanline parse order.txt -o order.xml\n"
    "\n"
    "Results go to stdout, diagnostics to stderr as file:line:col: severity: message.\n"
    "Exit status: 0 ok, 1 no result, 2 error.";

// CLI11 exits with its own codes (105 for a bad value, 109 for an extra argument, ...);
// zanline promises 2 for every usage error, 0 for --help and --version.
int exit_for_parse_error(const CLI::App& app, const CLI::ParseError& e) {
  return app.exit(e) == 0 ? kExitOk : kExitError;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app(kDescription, "zanline");
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("zanline ") + kVersion);
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return std::string("zanline: error: ") + e.what() + "\nRun 'zanline --help' for usage.\n";
  });

  Runner run;  // set by the subcommand the user chose
  add_parse_command(app, run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return exit_for_parse_error(app, e);
  }
  // Not app.require_subcommand(): that would answer "zanline frobnicate" with "a subcommand is
  // required" instead of naming the unknown word.
  if (!run) return fail("no subcommand given\nRun 'zanline --help' for usage.");
  try {
    return run();
  } catch (const std::exception& e) {  // the library reports bad input as data; this is a bug
    return fail(std::string("internal error: ") + e.what());
  }
}
