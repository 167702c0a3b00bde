#include <algorithm>
#include <optional>
#include <set>
#include <sstream>

#include "zanline/consolidate.hpp"

namespace zanline {
namespace {

const FlatUnit* find(const UnitList& units, const std::string& eid) {
  for (const FlatUnit& u : units)
    if (u.eid == eid) return &u;
  return nullptr;
}

// "…context…" around the first difference of two texts, for people reading the report.
std::string first_difference(const std::string& got, const std::string& want) {
  std::size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  auto cut = [&](const std::string& s) {
    std::size_t b = i > 60 ? i - 60 : 0;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    std::size_t e = std::min(s.size(), i + 60);
    while (e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) ++e;
    return (b ? "…" : "") + s.substr(b, e - b) + (e < s.size() ? "…" : "");
  };
  std::string out(1, '"');
  out += cut(got);
  out += "\" vs official \"";
  out += cut(want);
  out += '"';
  return out;
}

// Why two units differ, or "" when they read the same.
std::string difference(const FlatUnit* got, const FlatUnit* want) {
  if (!got && !want) return {};
  if (!got) return "missing in the result";
  if (!want) return "not in the official edition";
  if (got->status != want->status)
    return std::string("status ") + to_string(got->status) + " vs official " + to_string(want->status);
  if (got->status != UnitStatus::normal) return {};
  if (!same_text(got->heading, want->heading)) return "heading " + first_difference(got->heading, want->heading);
  if (!same_text(got->text, want->text)) return "text " + first_difference(got->text, want->text);
  return {};
}

// Compares what instruction `is` changed (unit `eid`) with the official edition; the first
// difference makes it "differs". Records the units it looked at in `touched`.
void judge(const std::string& eid, const UnitList& result, const UnitList& official, std::set<std::string>& touched,
           InstructionScore& is) {
  // An abzac: compare that line of its unit (and the one before, for a line inserted) only.
  if (const std::size_t al = eid.rfind("__al_"); al != std::string::npos) {
    const std::string container = eid.substr(0, al);
    const std::size_t n = std::stoul(eid.substr(al + 5));
    touched.insert(container);
    const FlatUnit* got = find(result, container);
    const FlatUnit* want = find(official, container);
    auto line = [&](const FlatUnit* u, std::size_t k) -> std::string {
      if (!u) return "<no unit>";
      std::istringstream in(u->text);
      std::string l;
      for (std::size_t i = 0; std::getline(in, l); ++i)
        if (i + 1 == k) return l;
      return "<no line>";
    };
    for (std::size_t k : {n - 1, n}) {
      if (k == 0) continue;
      if (!same_text(line(got, k), line(want, k)) && is.verdict == "exact") {
        is.verdict = "differs";
        is.detail = container + " abzac " + std::to_string(k) + ": \"" + line(got, k) + "\" vs official \"" +
                    line(want, k) + "\"";
      }
    }
    return;
  }
  // ... and stand where the official edition has it: after the same unit.
  auto previous = [](const UnitList& l, const std::string& e) -> std::optional<std::string> {
    for (std::size_t i = 0; i < l.size(); ++i)
      if (l[i].eid == e) return i == 0 ? std::string() : l[i - 1].eid;
    return std::nullopt;
  };
  const auto got_prev = previous(result, eid), want_prev = previous(official, eid);
  if (got_prev && want_prev && *got_prev != *want_prev && is.verdict == "exact") {
    is.verdict = "differs";
    is.detail = eid + ": placed after " + *got_prev + ", the official edition has it after " + *want_prev;
  }
  // A changed unit and everything under it must read as in the official edition.
  std::vector<std::string> eids;
  for (const FlatUnit& u : result)
    if (u.eid == eid || u.eid.starts_with(eid + "__")) eids.push_back(u.eid);
  for (const FlatUnit& u : official)
    if ((u.eid == eid || u.eid.starts_with(eid + "__")) && !find(result, u.eid)) eids.push_back(u.eid);
  for (const std::string& e : eids) {
    touched.insert(e);
    const std::string diff = difference(find(result, e), find(official, e));
    if (!diff.empty() && is.verdict == "exact") {
      is.verdict = "differs";
      is.detail = e + ": " + diff;
    }
  }
}

std::size_t count(const std::vector<InstructionScore>& v, const char* verdict) {
  return static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [&](const InstructionScore& s) { return s.verdict == verdict; }));
}

}  // namespace

std::size_t Score::exact() const { return count(instructions, "exact"); }
std::size_t Score::differs() const { return count(instructions, "differs"); }
std::size_t Score::not_applied() const { return count(instructions, "not-applied"); }

Score score(const Consolidation& c, const Document& amending, const UnitList& official) {
  return score(std::vector<AppliedAct>{{&c, &amending}}, official);
}

Score score(const std::vector<AppliedAct>& chain, const UnitList& official) {
  Score s;
  if (chain.empty()) return s;
  const UnitList& result = chain.back().consolidation->units;
  std::set<std::string> touched;
  for (std::size_t act = 0; act < chain.size(); ++act) {
    for (const InstructionResult& r : chain[act].consolidation->results) {
      if (r.outcome == Outcome::other_act) continue;
      const Instruction& ins = chain[act].amending->instructions[r.index];
      InstructionScore is{act, r.index, to_string(ins.op), ins.target_eid, {}, {}};
      if (r.outcome == Outcome::failed) {
        is.verdict = "not-applied";
        is.detail = r.reason;
      } else {
        is.verdict = "exact";
        for (const std::string& eid : r.changed) judge(eid, result, official, touched, is);
      }
      s.instructions.push_back(std::move(is));
    }
  }
  for (const FlatUnit& u : official) {
    if (touched.count(u.eid)) continue;
    const std::string diff = difference(find(result, u.eid), &u);
    if (!diff.empty()) s.untouched_differences.push_back(u.eid + ": " + diff);
  }
  for (const FlatUnit& u : result)
    if (!touched.count(u.eid) && !find(official, u.eid)) s.untouched_differences.push_back(u.eid + ": not in the official edition");
  return s;
}

}  // namespace zanline
