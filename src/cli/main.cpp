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
#include <CLI/CLI.hpp>
#include <exception>
#include <string>

#include "cli/common.hpp"

namespace {

using namespace zanline::cli;

constexpr const char* kVersion = ZANLINE_VERSION;  // from project() in CMakeLists.txt

constexpr const char* kDescription =
    "zanline turns Kazakh and Russian legal texts of the Republic of Kazakhstan into structured,\n"
    "schema-validated XML, keeps a timeline of every act, answers which text was in force on a date,\n"
    "and applies amending acts.";

constexpr const char* kFooter =
    "Examples:\n"
    "  zanline parse order.txt --format json          one text -> document (XML/JSON/outline)\n"
    "  cat act.md | zanline parse - --format text     ... from stdin\n"
    "  zanline build corpus                           folders of texts -> ./zanline-store\n"
    "  zanline at 2023-03-01 130/НҚ --unit 2-тармақ    the text in force that day, with status\n"
    "  zanline history 10612 --unit art_3 --lang ru   every version of a unit\n"
    "  zanline diff 10612 2005-01-01 2010-01-01       what changed, word by word\n"
    "  zanline ingest amending.kaz.md                 apply an amending act to the store\n"
    "  zanline apply before.rus.md amending.rus.md    the same, on a text, without a store\n"
    "\n"
    "Results go to stdout, diagnostics to stderr as file:line:col: severity: message.\n"
    "Exit status: 0 ok, 1 no result (nothing in force, instructions not applied), 2 error.";

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
  add_build_command(app, run);
  add_acts_command(app, run);
  add_at_command(app, run);
  add_history_command(app, run);
  add_diff_command(app, run);
  add_ingest_command(app, run);
  add_apply_command(app, run);

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
