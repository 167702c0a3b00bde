// zanline build DIR... / zanline acts : filling and listing the store.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "cli/store_access.hpp"
#include "zanline/build.hpp"
#include "zanline/parser.hpp"
#include "zanline/query.hpp"
#include "zanline/store.hpp"

namespace zanline::cli {
namespace {

struct BuildArgs {
  std::vector<std::string> inputs;
  std::string store;
  std::string format = "text";
  bool verbose = false;
};

int run_build(const BuildArgs& args) {
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  std::vector<std::pair<std::string, Diagnostic>> diags;
  auto groups = discover(args.inputs, diags, [&](std::size_t done, std::size_t total, const std::string& path) {
    if (!tty) return;
    std::cerr << "\r\033[K[" << done << "/" << total << "] " << path << std::flush;
    if (done == total) std::cerr << "\r\033[K" << std::flush;
  });
  std::size_t errors = 0, warnings = 0;
  for (const auto& [file, d] : diags) {
    if (d.severity == Severity::error) ++errors;
    if (d.severity == Severity::warning) ++warnings;
    if (d.severity == Severity::error || args.verbose) std::cerr << format_diagnostic(file, d) << "\n";
  }
  if (errors > 0)
    return fail(std::to_string(errors) + " input(s) could not be read or parsed; the store is unchanged");

  std::vector<StoredAct> acts;
  std::size_t units = 0, events = 0, editions = 0;
  for (const auto& group : groups) {
    std::vector<Diagnostic> bd;
    StoredAct a;
    a.timeline = build_timeline(group, bd);
    for (const Diagnostic& d : bd) {
      ++warnings;
      if (args.verbose) std::cerr << format_diagnostic(a.timeline.id, d) << "\n";
    }
    for (const SourceFile& s : a.timeline.sources)
      for (const Edition& e : group)
        if (e.origin == s.origin) a.sources.emplace_back(s.path, e.bytes);
    for (const Expression& x : a.timeline.expressions) units += x.units.size();
    events += a.timeline.events.size();
    editions += a.timeline.sources.size();
    acts.push_back(std::move(a));
  }
  {
    std::vector<Timeline*> all;
    for (StoredAct& a : acts) all.push_back(&a.timeline);
    link_amendments(all);
  }
  std::string error;
  auto store = open_store(args.store, true, &error);
  if (!store) return fail(error);
  if (!store->put(acts, &error)) return fail(error);

  if (args.format == "json") {
    nlohmann::json j = {{"store", store->dir()}, {"acts", acts.size()}, {"editions", editions},
                        {"units", units},        {"events", events},      {"warnings", warnings}};
    return emit("", j.dump(2) + "\n");
  }
  std::string out = "store " + store->dir() + ": " + std::to_string(acts.size()) + " acts, " +
                    std::to_string(editions) + " source texts, " + std::to_string(units) + " unit timelines, " +
                    std::to_string(events) + " events; " + std::to_string(warnings) + " warnings" +
                    (args.verbose || warnings == 0 ? "" : " (--verbose shows them)") + "\n";
  return emit("", out);
}

struct ActsArgs {
  std::string store;
  std::string in_force;
  std::string format = "text";
};

int run_acts(const ActsArgs& args) {
  std::string error;
  auto store = open_store(args.store, false, &error);
  if (!store) return fail(error);
  std::optional<Date> when;
  if (!args.in_force.empty()) {
    when = parse_iso_date(args.in_force);
    if (!when) return fail("--in-force: \"" + args.in_force + "\" is not a date (YYYY-MM-DD)");
  }
  nlohmann::json list = nlohmann::json::array();
  std::string text;
  for (const IndexEntry& e : store->acts()) {
    std::string status;
    if (when) {
      auto t = store->load(e.id, &error);
      if (!t) return fail(error);
      AtResult r = at(*t, *when, t->expressions.empty() ? Language::kk : t->expressions.front().lang, "", {});
      if (r.act.status != Status::in_force) continue;
      status = to_string(r.act.status);
    }
    list.push_back({{"id", e.id}, {"uri", e.uri}, {"type", e.type}, {"date", e.date}, {"number", e.number},
                    {"registration", e.registration}, {"actCode", e.act_code}, {"title", e.title}});
    text += e.id + "\t" + e.type + "\t" + (e.number.empty() ? "-" : e.number) + "\t" +
            (e.date.empty() ? "-" : e.date) + "\t" + e.title + "\n";
  }
  if (list.empty()) {
    std::cerr << "zanline: no acts" << (when ? " in force on " + when->iso() : std::string(" in the store")) << "\n";
    return kExitNoResult;
  }
  return emit("", args.format == "json" ? list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n" : text);
}

}  // namespace

void add_build_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<BuildArgs>();
  CLI::App* cmd = app.add_subcommand("build", "Parse folders of legal texts and store one timeline per act");
  cmd->footer(
      "Editions of one act are recognised by front matter (act_code, version_date), meta.yaml\n"
      "files, dated file names (versions/2020-06-10.kaz.md) and codes in folder names; Kazakh and\n"
      "Russian texts of one act become two expressions of it.\n\n"
      "Examples:\n"
      "  zanline build corpus\n"
      "  zanline build --store /tmp/st corpus/editions corpus/seed\n\n"
      "Exit status: 0 stored, 2 an input could not be read or parsed (then nothing is stored).");
  cmd->add_option("DIR", args->inputs, "Folders or files to read")->required()->type_name("");
  cmd->add_option("--store", args->store, "Store directory (default $ZANLINE_STORE or ./zanline-store)")
      ->type_name("DIR");
  cmd->add_option("--format", args->format, "Summary format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("-v,--verbose", args->verbose, "Print every warning");
  cmd->callback([args, &run] { run = [args] { return run_build(*args); }; });
}

void add_acts_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<ActsArgs>();
  CLI::App* cmd = app.add_subcommand("acts", "List the acts in the store");
  cmd->footer("Examples:\n  zanline acts\n  zanline acts --in-force 2021-01-01 --format json\n\n"
              "Exit status: 0 listed, 1 none (in force on that date), 2 error.");
  cmd->add_option("--store", args->store, "Store directory (default $ZANLINE_STORE or ./zanline-store)")
      ->type_name("DIR");
  cmd->add_option("--in-force", args->in_force, "Only acts in force on this date")->type_name("DATE");
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([args, &run] { run = [args] { return run_acts(*args); }; });
}

}  // namespace zanline::cli
