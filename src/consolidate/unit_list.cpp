#include "unit_list.hpp"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "zanline/parser.hpp"

namespace zanline::unit_list {

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
  return out;
}

std::optional<std::size_t> find_eid(const UnitList& units, const std::string& eid) {
  for (std::size_t i = 0; i < units.size(); ++i)
    if (units[i].eid == eid) return i;
  return std::nullopt;
}

// [i, subtree_end(i)) is the unit and its descendants.
std::size_t subtree_end(const UnitList& units, std::size_t i) {
  const std::string prefix = units[i].eid + "__";
  std::size_t e = i + 1;
  while (e < units.size() && units[e].eid.starts_with(prefix)) ++e;
  return e;
}

std::string parent_of(const std::string& eid) {
  const std::size_t p = eid.rfind("__");
  return p == std::string::npos ? std::string() : eid.substr(0, p);
}

std::string last_component(const std::string& eid) {
  const std::size_t p = eid.rfind("__");
  return p == std::string::npos ? eid : eid.substr(p + 2);
}

// "para_2+3" -> {"para_2", "para_3"} (with the parent prefix kept).
std::vector<std::string> expand(const std::string& eid) {
  const std::string parent = parent_of(eid);
  const std::string last = last_component(eid);
  const std::size_t us = last.find('_');
  if (us == std::string::npos || last.find('+') == std::string::npos) return {eid};
  std::vector<std::string> out;
  std::string nums = last.substr(us + 1);
  std::size_t start = 0;
  for (;;) {
    std::size_t plus = nums.find('+', start);
    const std::string one = last.substr(0, us + 1) + nums.substr(start, plus - start);
    out.push_back(parent.empty() ? one : parent + "__" + one);
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
  return out;
}

// "4-1" < "4-2" < "5": numbers compare part by part.
bool num_less(const std::string& a, const std::string& b) {
  auto parts = [](const std::string& s) {
    std::vector<long> v;
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      v.push_back(j > i ? std::stol(s.substr(i, j - i)) : 0);
      i = j + 1;
    }
    return v;
  };
  return parts(a) < parts(b);
}

// The base unit an instruction names: the exact eId, or the only unit whose eId ends with it
// ("para_19" in the list appendix of order 37/НҚ is "app_1__para_19").
std::optional<std::size_t> resolve(const UnitList& units, const std::string& eid, std::string* why) {
  // "…para_2__al_3__point_2": subpoint 2) in part 3 of point 2. Units are not kept per part, so
  // this is only unambiguous when the point has one list: with two lists numbered alike
  // ("…point_2" and "…point_2_2") the part cannot be told, and the instruction fails.
  if (const std::size_t al = eid.find("__al_"); al != std::string::npos && eid.find("__", al + 2) != std::string::npos) {
    const std::size_t next = eid.find("__", al + 2);
    const std::string plain = eid.substr(0, al) + eid.substr(next);
    auto hit = resolve(units, plain, why);
    if (!hit) return hit;
    const std::string found = units[*hit].eid;
    std::vector<std::size_t> alike{*hit};
    for (std::size_t i = 0; i < units.size(); ++i)
      if (units[i].eid.starts_with(found + "_") && units[i].eid.size() > found.size() + 1 &&
          std::isdigit(static_cast<unsigned char>(units[i].eid[found.size() + 1])) &&
          units[i].eid.find("__", found.size()) == std::string::npos)
        alike.push_back(i);
    if (alike.size() == 1) return hit;
    // Several lists numbered alike: the one that follows part N (the last to start at or
    // before line N of the point's text).
    int part = 0;
    try {
      part = std::stoi(eid.substr(al + 5, next - al - 5));
    } catch (...) {
    }
    std::optional<std::size_t> best;
    for (std::size_t i : alike)
      if (units[i].after_line <= part && (!best || units[i].after_line > units[*best].after_line)) best = i;
    const bool tie = best && std::count_if(alike.begin(), alike.end(), [&](std::size_t i) {
                       return units[i].after_line == units[*best].after_line;
                     }) > 1;
    if (!best || tie || units[*best].after_line == 0) {
      *why = "part " + std::to_string(part) + " of " + found.substr(0, found.rfind("__")) +
             " cannot be told apart: it has lists numbered alike (" + found + ", " + units[alike[1]].eid + ")";
      return std::nullopt;
    }
    return best;
  }
  if (auto i = find_eid(units, eid)) return i;
  // "app_": an appendix cited without a number ("приложение к указанному постановлению"): the
  // act's only appendix.
  if (eid == "app_") {
    std::vector<std::size_t> apps;
    for (std::size_t i = 0; i < units.size(); ++i)
      if (units[i].kind == UnitKind::appendix && units[i].eid.find("__") == std::string::npos) apps.push_back(i);
    if (apps.size() == 1) return apps.front();
    *why = "the appendix is cited without a number and the act has " + std::to_string(apps.size()) + " appendices";
    return std::nullopt;
  }
  std::vector<std::size_t> hits;
  for (std::size_t i = 0; i < units.size(); ++i)
    if (units[i].eid.ends_with("__" + eid)) hits.push_back(i);
  if (hits.size() == 1) return hits.front();
  if (hits.empty()) {
    *why = "the act has no unit " + eid;
  } else {
    *why = "unit " + eid + " is ambiguous:";
    for (std::size_t i : hits) *why += " " + units[i].eid;
  }
  return std::nullopt;
}

namespace {

// The words of s of three letters or more, lower-cased and cut to their first five letters.
std::set<std::string> stems(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toLower();
  std::set<std::string> out;
  icu::UnicodeString word;
  auto end_word = [&] {
    if (word.countChar32() >= 3) {
      std::string w;
      word.tempSubString(0, word.moveIndex32(0, std::min(5, word.countChar32()))).toUTF8String(w);
      out.insert(w);
    }
    word.remove();
  };
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (u_isalpha(c)) word.append(c);
    else end_word();
  }
  end_word();
  return out;
}

}  // namespace

std::optional<std::string> appendix_named(const UnitList& units, const std::string& scope, std::string* why) {
  const std::set<std::string> in_scope = stems(scope);
  double best = 0;
  std::vector<std::string> best_eids;
  for (const FlatUnit& u : units) {
    if (u.kind != UnitKind::appendix) continue;
    const std::set<std::string> heading = stems(u.heading);
    if (heading.empty()) continue;
    const auto found = static_cast<double>(
        std::count_if(heading.begin(), heading.end(), [&](const std::string& w) { return in_scope.count(w) > 0; }));
    const double coverage = found / static_cast<double>(heading.size());
    if (coverage > best + 1e-9) {
      best = coverage;
      best_eids = {u.eid};
    } else if (coverage > best - 1e-9 && coverage > 0) {
      best_eids.push_back(u.eid);
    }
  }
  if (best < 0.75) {
    *why = "no appendix of the act is headed like \"" + scope + "\"";
    return std::nullopt;
  }
  if (best_eids.size() > 1) {
    *why = "\"" + scope + "\" could be any of the appendices";
    for (const std::string& e : best_eids) *why += " " + e;
    return std::nullopt;
  }
  return best_eids.front();
}

// New wording as units, eIds relative to the fragment ("art_7", "art_7__para_1").
UnitList parse_fragment(const std::string& text, UnitKind kind, Language lang) {
  // One paragraph per line, whatever the wording looks like. Headings of articles, chapters and
  // sections are headings in consolidated texts; a heading the amending act broke over two lines
  // ("Статья 1. Основные понятия, используемые" / "в настоящем Законе") is one heading.
  static const RE2 kHead(R"((?i)^(?:статья\s+[0-9]|глава\s+[0-9]|раздел\s+[0-9]|[0-9]+(?:-[0-9]+)*\s*-\s*(?:бап|тарау|бөлім)))");
  const bool titled = kind == UnitKind::article || kind == UnitKind::chapter || kind == UnitKind::section;
  std::vector<std::string> lines = split_lines(text);
  // Several quoted units in one wording ("…;" / "2-1-бап. …" … "3-1-бап. …"): the quotes
  // between them are punctuation of the amending act, not text.
  if (titled)
    for (std::size_t i = 1; i < lines.size(); ++i) {
      for (std::string_view q : {"\"", "«"})
        if (lines[i].starts_with(q) && RE2::PartialMatch(lines[i].substr(q.size()), kHead)) {
          lines[i].erase(0, q.size());
          std::string& prev = lines[i - 1];
          while (!prev.empty() && (prev.back() == ';' || prev.back() == ' ')) prev.pop_back();
          for (std::string_view c : {"\"", "»"})
            if (prev.ends_with(c)) prev.erase(prev.size() - c.size());
        }
    }
  std::string md;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (titled && RE2::PartialMatch(line, kHead)) {
      // Heading lines end without punctuation; the article's own first line ends with ":" or ".".
      while (i + 1 < lines.size() && !line.empty() && std::string(".:;").find(line.back()) == std::string::npos &&
             !lines[i + 1].empty() && static_cast<unsigned char>(lines[i + 1][0]) >= 0x80 &&
             std::string(".:;").find(lines[i + 1].back()) == std::string::npos && !RE2::PartialMatch(lines[i + 1], kHead))
        line += " " + lines[++i];
      line = "## " + line;
    }
    md += line + "\n\n";
  }
  ParseOptions opt;
  opt.source_name = "new wording";
  opt.format = InputFormat::markdown;
  Document d = parse(md, opt);
  (void)lang;
  UnitList out = flatten(d);
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](const FlatUnit& u) { return u.kind == UnitKind::title || u.kind == UnitKind::signature; }),
            out.end());
  return out;
}

// Re-roots fragment units at `target` ("art_7__para_1" -> "art_7__para_1" under "art_7").
UnitList reroot(const UnitList& fragment, std::size_t begin, std::size_t end, const std::string& target) {
  UnitList out;
  const std::string root = fragment[begin].eid;
  for (std::size_t i = begin; i < end; ++i) {
    FlatUnit u = fragment[i];
    u.eid = target + u.eid.substr(root.size());
    out.push_back(std::move(u));
  }
  return out;
}

bool is_part(const std::string& eid) { return last_component(eid).starts_with("al_"); }

int part_number(const std::string& eid) {
  const std::string last = last_component(eid);
  try {
    return std::stoi(last.substr(3));
  } catch (...) {
    return 0;
  }
}

std::size_t replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return 0;
  std::size_t n = 0;
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
    s.replace(p, from.size(), to);
    ++n;
  }
  return n;
}

}  // namespace zanline::unit_list
