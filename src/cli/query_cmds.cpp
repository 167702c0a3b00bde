// zanline at DATE ACT / zanline history ACT --unit PATH : point-in-time answers from the store.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "cli/store_access.hpp"
#include "zanline/diff.hpp"
#include "zanline/output.hpp"
#include "zanline/parser.hpp"
#include "zanline/query.hpp"

namespace zanline::cli {
namespace {

struct QueryArgs {
  std::string date;
  std::string date2;  // diff
  std::string act;
  std::string unit;
  std::string store;
  std::string lang;
  std::string format = "text";
  std::vector<std::string> published;
};

// "--published 2022-04-28" (the act itself) or "--published 350=2021-05-27" (another act, by
// number or code).
bool parse_published(const std::vector<std::string>& flags, Publication& pub, std::string* error) {
  for (const std::string& f : flags) {
    const std::size_t eq = f.find('=');
    const std::string date = eq == std::string::npos ? f : f.substr(eq + 1);
    auto d = parse_iso_date(date);
    if (!d) {
      *error = "--published: \"" + date + "\" is not a date (YYYY-MM-DD)";
      return false;
    }
    if (eq == std::string::npos)
      pub.self = d;
    else
      pub.acts.emplace_back(f.substr(0, eq), *d);
  }
  return true;
}

struct Loaded {
  Timeline timeline;
  Language lang = Language::kk;
  std::string eid;
  Publication pub;
};

// Everything `at` and `history` share: store, act, language, unit, publications.
std::optional<Loaded> load(const QueryArgs& args, std::string* error) {
  auto store = open_store(args.store, false, error);
  if (!store) return std::nullopt;
  auto entry = resolve_act(*store, args.act, error);
  if (!entry) return std::nullopt;
  auto t = store->load(entry->id, error);
  if (!t) return std::nullopt;
  Loaded l;
  l.timeline = std::move(*t);
  if (!args.lang.empty()) {
    l.lang = args.lang == "ru" ? Language::ru : Language::kk;
    if (!l.timeline.expression(l.lang)) {
      *error = "act " + l.timeline.id + " has no " + args.lang + " text in the store";
      return std::nullopt;
    }
  } else {
    l.lang = l.timeline.expression(Language::kk) ? Language::kk : Language::ru;
  }
  if (!args.unit.empty()) {
    // An eId as such, or a human path in Kazakh or Russian ("2-тармақ 1) тармақша", "пункт 1").
    const Expression* x = l.timeline.expression(l.lang);
    auto known = [&](const std::string& eid) {
      for (const UnitTimeline& u : x->units)
        if (u.eid == eid) return true;
      return false;
    };
    std::string eid = args.unit;
    if (!known(eid)) {
      eid = unit_path_to_eid(args.unit, detect_language_of(args.unit) == Language::ru ? Language::ru : Language::kk);
      if (eid.empty()) eid = unit_path_to_eid(args.unit, Language::ru);
    }
    // Without its containers ("статья 12" of an act in chapters is chp_3__art_12): the only unit
    // whose eId ends with it.
    if (!eid.empty() && !known(eid)) {
      std::vector<std::string> hits;
      for (const UnitTimeline& u : x->units)
        if (u.eid.ends_with("__" + eid)) hits.push_back(u.eid);
      if (hits.size() == 1) eid = hits.front();
      if (hits.size() > 1) {
        *error = "act " + l.timeline.id + ": \"" + args.unit + "\" (" + eid + ") could be";
        for (const std::string& h : hits) *error += " " + h;
        return std::nullopt;
      }
    }
    if (eid.empty() || !known(eid)) {
      *error = "act " + l.timeline.id + " has no unit \"" + args.unit + "\"" +
               (eid.empty() || eid == args.unit ? "" : " (read as " + eid + ")") +
               "; units are named like para_2, art_3__para_1 or \"2-тармақ\", \"пункт 2\"";
      return std::nullopt;
    }
    l.eid = eid;
  }
  if (!parse_published(args.published, l.pub, error)) return std::nullopt;
  return l;
}

std::string label(const Timeline& t) {
  std::string s = t.type.empty() ? "act" : t.type;
  if (!t.number.empty()) s += " № " + t.number;
  if (t.date) s += " of " + t.date->iso();
  return s + " (" + t.uri + ")";
}

std::string render_text(const AtResult& r, const Timeline& t) {
  std::string out = label(t) + " on " + r.date.iso() + ": " + to_string(r.act.status);
  if (r.act.since && r.act.status == Status::in_force) out += " since " + r.act.since->iso();
  out += "\n";
  if (!r.act.reason.empty()) out += "  " + r.act.reason + "\n";
  for (const std::string& w : r.warnings) out += "  warning: " + w + "\n";
  for (const UnitState& u : r.units) {
    out += "\n" + u.eid + "  [" + to_string(u.status);
    if (u.since) out += " since " + u.since->iso();
    if (u.until) out += " until " + u.until->iso();
    if (!u.by.empty()) out += "; by " + u.by;
    out += "]\n";
    if (!u.heading.empty()) out += "  " + u.heading + "\n";
    if (!u.text.empty()) {
      std::string body = u.text;
      std::size_t p = 0;
      while ((p = body.find('\n', p)) != std::string::npos) body.replace(p++, 1, "\n  ");
      const bool numbered = !u.num.empty() && (u.kind == UnitKind::point || u.kind == UnitKind::subpoint);
      out += "  " + (numbered ? u.num + (u.kind == UnitKind::subpoint ? ") " : ". ") : std::string()) + body + "\n";
    }
    if (!u.pending_text.empty()) out += "  pending new wording: " + u.pending_text + "\n";
    if (!u.reason.empty()) out += "  (" + u.reason + ")\n";
  }
  return out;
}

// The positionals in another order than the usage line: `at 130/НҚ 2023-03-01` and
// `diff 2005-01-01 2010-01-01 10612` mean what they say. An act number never parses as a date.
QueryArgs in_usage_order(QueryArgs a, bool two_dates) {
  if (!two_dates && !parse_iso_date(a.date) && parse_iso_date(a.act)) std::swap(a.date, a.act);
  if (two_dates && parse_iso_date(a.act) && !parse_iso_date(a.date2)) {
    std::string act = a.date2;
    a.date2 = a.date;
    a.date = a.act;
    a.act = act;
  }
  return a;
}

int run_at(const QueryArgs& given) {
  const QueryArgs args = in_usage_order(given, false);
  auto date = parse_iso_date(args.date);
  if (!date) return fail("\"" + args.date + "\" is not a date (YYYY-MM-DD, e.g. 2023-03-01)");
  std::string error;
  auto l = load(args, &error);
  if (!l) return fail(error);
  AtResult r = at(l->timeline, *date, l->lang, l->eid, l->pub);
  std::string out = args.format == "json"  ? at_to_json(r, l->timeline)
                    : args.format == "xml" ? at_to_xml(r, l->timeline)
                                           : render_text(r, l->timeline);
  const int rc = emit("", out);
  if (rc != kExitOk) return rc;
  return r.has_result() ? kExitOk : kExitNoResult;
}

int run_history(const QueryArgs& args) {
  std::string error;
  auto l = load(args, &error);
  if (!l) return fail(error);
  if (l->eid.empty()) return fail("history needs --unit PATH");
  auto h = history(l->timeline, l->lang, l->eid, l->pub);
  if (args.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const HistoryEntry& e : h) {
      nlohmann::ordered_json v;
      v["status"] = to_string(e.version.status);
      if (e.from) v["from"] = e.from->iso();
      if (!e.from_rule.empty()) v["fromRule"] = e.from_rule;
      if (e.to) v["to"] = e.to->iso();
      v["by"] = e.by;
      if (!e.version.heading.empty()) v["heading"] = e.version.heading;
      if (!e.version.text.empty()) v["text"] = e.version.text;
      j.push_back(std::move(v));
    }
    return emit("", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }
  std::string out = label(l->timeline) + ", " + l->eid + ":\n";
  for (const HistoryEntry& e : h) {
    out += "\n[" + (e.from ? e.from->iso() : "?") + " .. " + (e.to ? e.to->iso() : "") + ") " +
           to_string(e.version.status) + "; by " + e.by + "\n";
    if (!e.from_rule.empty()) out += "  from: " + e.from_rule + "\n";
    if (!e.version.text.empty()) {
      std::string body = e.version.text;
      for (std::size_t p = 0; (p = body.find('\n', p)) != std::string::npos; p += 3) body.replace(p, 1, "\n  ");
      out += "  " + body + "\n";
    }
  }
  return emit("", out);
}

int run_diff(const QueryArgs& given) {
  const QueryArgs args = in_usage_order(given, true);
  auto d1 = parse_iso_date(args.date), d2 = parse_iso_date(args.date2);
  if (!d1) return fail("\"" + args.date + "\" is not a date (YYYY-MM-DD)");
  if (!d2) return fail("\"" + args.date2 + "\" is not a date (YYYY-MM-DD)");
  std::string error;
  auto l = load(args, &error);
  if (!l) return fail(error);
  const auto changes = diff(l->timeline, *d1, *d2, l->lang, l->eid, l->pub);
  std::string out;
  if (args.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const UnitChange& c : changes) {
      nlohmann::ordered_json jc;
      jc["eId"] = c.eid;
      jc["before"] = {{"status", to_string(c.before_status)}, {"text", c.before_text}};
      jc["after"] = {{"status", to_string(c.after_status)}, {"text", c.after_text}};
      jc["ops"] = nlohmann::ordered_json::array();
      for (const WordOp& op : c.ops)
        jc["ops"].push_back({{"op", op.kind == WordOp::same ? "same" : op.kind == WordOp::removed ? "removed" : "added"},
                             {"text", op.text}});
      j.push_back(std::move(jc));
    }
    out = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else {
    out = label(l->timeline) + ": " + std::to_string(changes.size()) + " unit(s) differ between " + d1->iso() +
          " and " + d2->iso() + "\n";
    for (const UnitChange& c : changes) {
      out += "\n" + c.eid + "  [" + to_string(c.before_status) + " -> " + to_string(c.after_status) + "]\n";
      std::string body = render_word_diff(c.ops);
      for (std::size_t p = 0; (p = body.find('\n', p)) != std::string::npos && p + 1 < body.size(); p += 3)
        body.replace(p, 1, "\n  ");
      out += "  " + body + (body.ends_with("\n") ? "" : "\n");
    }
  }
  const int rc = emit("", out);
  if (rc != kExitOk) return rc;
  return changes.empty() ? kExitNoResult : kExitOk;
}

void add_common(CLI::App* cmd, QueryArgs& a) {
  cmd->add_option("--unit", a.unit, "A unit: eId (para_2__point_1) or path (\"2-тармақ 1) тармақша\", \"пункт 2\")")
      ->type_name("PATH");
  cmd->add_option("--store", a.store, "Store directory (default $ZANLINE_STORE or ./zanline-store)")
      ->type_name("DIR");
  cmd->add_option("--lang", a.lang, "Language of the text shown (default: Kazakh where the act has it)")
      ->check(CLI::IsMember({"kk", "ru"}));
  cmd->add_option("--published", a.published,
                  "A publication date: DATE for the act itself, ACT=DATE for an amending act (by number or code)")
      ->type_name("[ACT=]DATE")
      ->allow_extra_args(false);  // one value per --published: what follows is positional
}

}  // namespace

void add_at_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand("at", "The text in force on a date, with its status and source");
  cmd->footer(
      "ACT is a number (130/НҚ), a registration number (27788), a URI, a store id or a code.\n"
      "Statuses: in_force, not_yet_in_force, pending (waits on an unknown publication date),\n"
      "repealed, excluded, unknown (changed, wording not in the texts), absent.\n\n"
      "Examples:\n"
      "  zanline at 2023-03-01 130/НҚ --unit 2-тармақ\n"
      "  zanline at 2022-05-09 27788 --published 2022-04-28 --format json\n"
      "  zanline at 2021-06-01 132554 --lang ru --unit \"пункт 1\"\n\n"
      "Exit status: 0 something in force, 1 nothing in force that day, 2 error.");
  cmd->add_option("DATE", args->date, "YYYY-MM-DD")->required()->type_name("");
  cmd->add_option("ACT", args->act, "The act")->required()->type_name("");
  add_common(cmd, *args);
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json", "xml"}));
  cmd->callback([args, &run] { run = [args] { return run_at(*args); }; });
}

void add_history_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand("history", "Every version of a unit, with intervals and sources");
  cmd->footer("Examples:\n  zanline history 10612 --unit art_3 --lang ru\n  zanline history 130/НҚ --unit 4-тармақ\n");
  cmd->add_option("ACT", args->act, "The act")->required()->type_name("");
  add_common(cmd, *args);
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([args, &run] { run = [args] { return run_history(*args); }; });
}

void add_diff_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand("diff", "What changed between two dates, word by word");
  cmd->footer("Marks removed words [-like this-] and added words {+like this+}.\n\n"
              "Examples:\n  zanline diff 10612 2005-01-01 2010-01-01 --unit art_3 --lang ru\n"
              "  zanline diff 132554 2020-10-01 2021-07-01 --format json\n\n"
              "Exit status: 0 differences shown, 1 none, 2 error.");
  cmd->add_option("ACT", args->act, "The act")->required()->type_name("");
  cmd->add_option("DATE1", args->date, "From (YYYY-MM-DD)")->required()->type_name("");
  cmd->add_option("DATE2", args->date2, "To (YYYY-MM-DD)")->required()->type_name("");
  add_common(cmd, *args);
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([args, &run] { run = [args] { return run_diff(*args); }; });
}

}  // namespace zanline::cli
