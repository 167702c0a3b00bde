// zanline parse FILE|- : one text to XML, JSON or an outline.
#include <iostream>
#include <map>
#include <memory>

#include "cli/common.hpp"
#include "zanline/io.hpp"
#include "zanline/output.hpp"
#include "zanline/parser.hpp"

namespace zanline::cli {
namespace {

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

}  // namespace

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


}  // namespace zanline::cli
