// zanline ingest FILE... / zanline apply BASE AMENDING : applying amending acts.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "cli/store_access.hpp"
#include "zanline/ingest.hpp"
#include "zanline/parser.hpp"

namespace zanline::cli {
namespace {

// One parsed file, with its meta.yaml and folder-name metadata (the same reading as `build`).
std::optional<Edition> load_one(const std::string& path, std::string* error) {
  std::vector<std::pair<std::string, Diagnostic>> diags;
  auto groups = discover({path}, diags);
  for (const auto& [file, d] : diags)
    if (d.severity == Severity::error) {
      *error = format_diagnostic(file, d);
      return std::nullopt;
    }
  if (groups.empty() || groups.front().empty()) {
    *error = path + ": not a legal text (.md or .txt)";
    return std::nullopt;
  }
  return std::move(groups.front().front());
}

struct IngestArgs {
  std::vector<std::string> targets;  // CITED=ID
  std::vector<std::string> files;
  std::string store;
  std::string format = "text";
  bool partial = false;
  bool dry_run = false;
};

nlohmann::ordered_json report_json(const IngestReport& r) {
  nlohmann::ordered_json j;
  j["file"] = r.source;
  j["act"] = r.act;
  j["written"] = r.written;
  j["dryRun"] = r.dry_run;
  j["applied"] = r.applied();
  j["notApplied"] = r.not_applied();
  j["targets"] = nlohmann::ordered_json::array();
  for (const IngestTarget& t : r.targets) {
    nlohmann::ordered_json jt;
    jt["act"] = t.label;
    jt["id"] = t.id;
    jt["already"] = t.already;
    jt["applied"] = t.consolidation.applied();
    jt["failures"] = nlohmann::ordered_json::array();
    for (const IngestFailure& fl : t.failures)
      jt["failures"].push_back(
          {{"line", fl.pos.line}, {"col", fl.pos.col}, {"instruction", fl.instruction}, {"reason", fl.reason}});
    j["targets"].push_back(std::move(jt));
  }
  return j;
}

// For people: each act the file amends, what was applied, and every failure as FILE:LINE:COL.
// An act that is not in the store gets one line (an omnibus act may amend a hundred of them).
std::string report_text(const std::string& file, const IngestReport& r) {
  std::string text = file + " (" + r.act + "):";
  for (const IngestTarget& t : r.targets) {
    if (t.already) {
      text += "\n  " + t.label + ": already ingested, nothing to do";
      continue;
    }
    if (t.id.empty()) {
      // "the amended act order № 37/НҚ of 2019-04-11 is not in the store" (or matches several)
      std::string why = t.failures.empty() ? std::string("is not in the store") : t.failures.front().reason;
      if (const std::string lead = "the amended act " + t.label + " "; why.starts_with(lead)) why.erase(0, lead.size());
      text += "\n  " + t.label + " " + why + ": " + std::to_string(t.failures.size()) + " instruction(s) not applied (line";
      for (std::size_t k = 0; k < t.failures.size(); ++k)
        text += (k ? ", " : " ") + std::to_string(t.failures[k].pos.line);
      text += ")";
      continue;
    }
    text += "\n  " + t.label + " (" + t.id + "): " + std::to_string(t.consolidation.applied()) + " applied, " +
            std::to_string(t.failures.size()) + " not applied";
    for (const IngestFailure& fl : t.failures)
      text += "\n    " + file + ":" + std::to_string(fl.pos.line) + ":" + std::to_string(fl.pos.col) +
              ": not applied: " + fl.reason + "\n      " + fl.instruction;
  }
  if (r.written) text += "\n  recorded in the store\n";
  else if (r.not_applied() && !r.dry_run) text += "\n  NOT recorded: nothing was written (use --partial to record what applies)\n";
  else if (r.dry_run && r.applied()) text += "\n  dry run: nothing was written\n";
  else text += "\n  nothing to record\n";
  return text;
}

int run_ingest(const IngestArgs& args) {
  std::string error;
  auto store = open_store(args.store, false, &error);
  if (!store) return fail(error);
  std::vector<std::pair<std::string, std::string>> aliases;
  for (const std::string& t : args.targets) {
    const std::size_t eq = t.find('=');
    if (eq == std::string::npos) return fail("--target: expected CITED=ACT, e.g. 37/НҚ=215863");
    aliases.emplace_back(t.substr(0, eq), t.substr(eq + 1));
  }
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  std::string text;
  bool some_not_applied = false;
  for (const std::string& f : args.files) {
    auto ed = load_one(f, &error);
    if (!ed) return fail(error);
    IngestReport r = ingest(*store, *ed, {.partial = args.partial, .dry_run = args.dry_run, .targets = aliases});
    if (!r.errors.empty()) {
      for (const std::string& e : r.errors) std::cerr << "zanline: error: " << e << "\n";
      return kExitError;
    }
    all.push_back(report_json(r));
    text += report_text(f, r);
    some_not_applied = some_not_applied || r.not_applied() > 0;
  }
  const int rc = emit("", args.format == "json" ? all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n" : text);
  if (rc != kExitOk) return rc;
  return some_not_applied ? kExitNoResult : kExitOk;
}

struct ApplyArgs {
  std::vector<std::string> targets;  // cited numbers read as BASE
  std::string base;
  std::string amending;
  std::string format = "text";
};

int run_apply(const ApplyArgs& args) {
  std::string error;
  auto base = load_one(args.base, &error);
  if (!base) return fail(error);
  auto amending = load_one(args.amending, &error);
  if (!amending) return fail(error);
  const Consolidation c = consolidate(flatten(base->doc), identity_of(base->doc.meta), amending->doc, args.targets);
  std::size_t addressed = 0;
  for (const InstructionResult& r : c.results) {
    if (r.outcome == Outcome::other_act) continue;
    ++addressed;
    const Instruction& ins = amending->doc.instructions[r.index];
    if (r.outcome == Outcome::failed)
      std::cerr << args.amending << ":" << ins.pos.line << ":" << ins.pos.col << ": error: not applied: " << r.reason << "\n";
    for (const std::string& q : r.consequential)
      std::cerr << args.amending << ":" << ins.pos.line << ":" << ins.pos.col << ": note: also: " << q << "\n";
  }
  if (addressed == 0) return fail("no instruction of " + args.amending + " addresses " + args.base);
  std::string out;
  if (args.format == "json") {
    nlohmann::ordered_json j{{"base", args.base},
                             {"amending", args.amending},
                             {"applied", c.applied()},
                             {"notApplied", c.failed()},
                             {"instructions", nlohmann::ordered_json::array()},
                             {"units", nlohmann::ordered_json::array()}};
    for (const InstructionResult& r : c.results) {
      if (r.outcome == Outcome::other_act) continue;
      const Instruction& ins = amending->doc.instructions[r.index];
      nlohmann::ordered_json ji{{"line", ins.pos.line}, {"col", ins.pos.col}, {"outcome", to_string(r.outcome)}};
      if (!r.reason.empty()) ji["reason"] = r.reason;
      ji["changed"] = r.changed;
      if (!r.consequential.empty()) ji["consequential"] = r.consequential;
      j["instructions"].push_back(std::move(ji));
    }
    for (const FlatUnit& u : c.units) {
      nlohmann::ordered_json ju{{"eId", u.eid}, {"kind", to_string(u.kind)}, {"status", to_string(u.status)}};
      if (!u.heading.empty()) ju["heading"] = u.heading;
      if (!u.text.empty()) ju["text"] = u.text;
      j["units"].push_back(std::move(ju));
    }
    out = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else {
    for (const FlatUnit& u : c.units) {
      out += u.eid + (u.status == UnitStatus::normal ? "" : std::string("  [") + to_string(u.status) + "]") + "\n";
      if (!u.heading.empty()) out += "  " + u.heading + "\n";
      if (!u.text.empty()) {
        std::string body = u.text;
        for (std::size_t p = 0; (p = body.find('\n', p)) != std::string::npos; p += 3) body.replace(p, 1, "\n  ");
        out += "  " + body + "\n";
      }
    }
  }
  const int rc = emit("", out);
  if (rc != kExitOk) return rc;
  return c.failed() ? kExitNoResult : kExitOk;
}

}  // namespace

void add_ingest_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "Apply amending acts to the acts they amend in the store");
  cmd->footer(
      "Finds each act the amending act amends (by date, number, registration), applies every\n"
      "instruction and records the new edition from the amending act's entry into force.\n"
      "All or nothing: if an instruction cannot be applied, nothing is written (--partial records\n"
      "what applies and marks the rest as not applied). Ingesting the same act again is a no-op.\n\n"
      "Examples:\n  zanline ingest amending.kaz.md amending.rus.md\n  zanline ingest order.txt --format json\n"
      "  zanline ingest --dry-run --target 37/НҚ=215863 order-130.txt   (37/НҚ is stored as act 215863)\n\n"
      "Exit status: 0 all applied, 1 some not applied, 2 error.");
  cmd->add_option("FILE", args->files, "Amending acts")->required()->type_name("");
  cmd->add_option("--store", args->store, "Store directory (default $ZANLINE_STORE or ./zanline-store)")
      ->type_name("DIR");
  cmd->add_flag("--partial", args->partial, "Record what applies; mark the rest as not applied");
  cmd->add_flag("--dry-run", args->dry_run, "Apply and report, but write nothing");
  cmd->add_option("--target", args->targets,
                  "CITED=ACT: apply instructions citing act CITED (its number, or its date\n"
                  "when cited without one) to store act ACT")
      ->type_name("CITED=ACT")
      ->allow_extra_args(false);  // one value per --target: what follows is a FILE
  cmd->add_option("--format", args->format, "Report format")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([args, &run] { run = [args] { return run_ingest(*args); }; });
}

void add_apply_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<ApplyArgs>();
  CLI::App* cmd = app.add_subcommand("apply", "Print BASE with the instructions of AMENDING applied (no store)");
  cmd->footer("Example:\n  zanline apply before.rus.md amending.rus.md\n\n"
              "Instructions that cannot be applied are reported on stderr as file:line:col.\n"
              "Exit status: 0 all applied, 1 some not applied, 2 error.");
  cmd->add_option("BASE", args->base, "The act as it stands")->required()->type_name("");
  cmd->add_option("AMENDING", args->amending, "The amending act")->required()->type_name("");
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--target", args->targets, "Also apply instructions citing this act (number, or date when cited\n"
                  "without one) to BASE (a stand-in)")
      ->type_name("CITED")
      ->allow_extra_args(false);
  cmd->callback([args, &run] { run = [args] { return run_apply(*args); }; });
}

}  // namespace zanline::cli
