#include "paragraphs.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "patterns.hpp"
#include "text.hpp"

namespace zanline::paragraphs {
namespace {

std::string_view sv(const re2::StringPiece& p) { return {p.data(), p.size()}; }

}  // namespace


Decor strip_decoration(std::string_view s, bool markdown) {
  Decor d;
  if (!markdown) {
    d.text = std::string(s);
    return d;
  }
  while (!s.empty() && s.front() == '#') {
    ++d.heading;
    s.remove_prefix(1);
  }
  s = text::trim(s);
  if (!s.empty() && s.front() == '>') {
    d.quote = true;
    s = text::trim(s.substr(1));
  }
  // "**...**", "*...*", and "*...*;" is not emphasis-only; keep it simple and symmetric.
  for (std::string_view mark : {"**", "*"}) {
    if (s.size() > 2 * mark.size() && s.substr(0, mark.size()) == mark &&
        s.substr(s.size() - mark.size()) == mark) {
      s = text::trim(s.substr(mark.size(), s.size() - 2 * mark.size()));
      d.emphasis = true;
      break;
    }
  }
  // Markdown escapes ("2\\) …", "\\*") are markup, not text.
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && std::string_view(")(.*_#[]-+!").find(s[i + 1]) != std::string_view::npos) continue;
    out += s[i];
  }
  d.text = std::move(out);
  return d;
}

int rank(UnitKind k) {
  switch (k) {
    case UnitKind::section: return 1;
    case UnitKind::chapter: return 2;
    case UnitKind::paragraph: return 3;
    case UnitKind::article: return 4;
    case UnitKind::point: return 5;
    case UnitKind::subpoint: return 6;
    case UnitKind::part: return 7;
    default: return 0;  // top level: title, preamble, formula, signature, appendix
  }
}

bool terminal_punct(std::string_view s) {
  s = text::trim_right(s);
  return !s.empty() && (s.back() == '.' || s.back() == ';' || s.back() == ':' || s.back() == ',');
}

// Recognises the paragraph that opens a numbered unit.
std::optional<UnitHead> match_unit_head(const Decor& d, Language lang) {
  const re2::StringPiece in(d.text.data(), d.text.size());
  re2::StringPiece num, dot, rest;
  const bool heading_like = d.heading > 0 || d.emphasis;
  struct Titled {
    const RE2& re;
    UnitKind kind;
  };
  const Titled titled[] = {
      {patterns::kSectionKk(), UnitKind::section}, {patterns::kSectionRu(), UnitKind::section},
      {patterns::kChapterKk(), UnitKind::chapter}, {patterns::kChapterRu(), UnitKind::chapter},
      {patterns::kArticleKk(), UnitKind::article}, {patterns::kArticleRu(), UnitKind::article},
  };
  for (const auto& t : titled) {
    if (!RE2::FullMatch(in, t.re, &num, &dot, &rest)) continue;
    if (!heading_like && dot.empty()) continue;  // "3-бап мынадай ..." is a citation, not a heading
    UnitHead h{t.kind, std::string(sv(num)), {}, {}};
    // "Статья 1. Размеры гарантированного трансферта ..." as a plain paragraph is a heading too:
    // an article's own text ends with "." / ":" / ";", a heading does not.
    if (heading_like || (!sv(rest).empty() && !terminal_punct(sv(rest)) && sv(rest).size() < 300))
      h.heading = std::string(sv(rest));
    else
      h.rest = std::string(sv(rest));
    return h;
  }
  (void)lang;
  if (RE2::FullMatch(in, patterns::kPoint(), &num, &rest)) {
    // "### 2. Полное товарищество": a § heading of a code, not a point.
    if (d.heading > 0) return UnitHead{UnitKind::paragraph, std::string(sv(num)), std::string(sv(rest)), {}};
    return UnitHead{UnitKind::point, std::string(sv(num)), {}, std::string(sv(rest))};
  }
  if (RE2::FullMatch(in, patterns::kSubpoint(), &num, &rest)) {
    // "4) тармақша мынадай редакцияда жазылсын:" cites subpoint 4) of the amended act (Kazakh puts
    // the number before the noun); it is not item 4) of this text.
    // Also "3) және 4) тармақшалар ...", "6), 7) тармақшалар ...".
    static const RE2 kCitedSubpoints(R"(^(?:(?:,|және|и)?\s*[0-9]+(?:-[0-9]+)*\)\s*)*тармақша)");
    if (RE2::PartialMatch(rest, kCitedSubpoints)) return std::nullopt;
    return UnitHead{UnitKind::subpoint, std::string(sv(num)), {}, std::string(sv(rest))};
  }
  return std::nullopt;
}

bool is_table_line(std::string_view s) {
  s = text::trim(s);
  return s.substr(0, 6) == "<table" || s.substr(0, 3) == "<tr" || s.substr(0, 3) == "<td" ||
         s.substr(0, 3) == "<th" || s.substr(0, 3) == "</t" || s.substr(0, 6) == "<tbody" ||
         s.substr(0, 7) == "</tbody";
}

bool is_anchor(std::string_view s) {
  s = text::trim(s);
  return s.substr(0, 6) == "<a id=" || s.substr(0, 7) == "<a name";
}

// Quote balance of a paragraph: «» nest; straight quotes toggle.
int quote_delta(std::string_view s) {
  int delta = 0, straight = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = text::decode(s, i);
    if (c == U'«' || c == U'“') ++delta;
    if (c == U'»' || c == U'”') --delta;
    if (c == '"') ++straight;
  }
  return delta + (straight % 2);
}

bool odd_straight_quotes(std::string_view s) { return std::count(s.begin(), s.end(), '"') % 2 == 1; }

// A paragraph that ends a quoted new wording: closing quote + terminator ('";', '».', '.").').
bool closes_quote(std::string_view s) {
  s = text::trim_right(s);
  for (std::string_view end : {"\";", "\".", "»;", "».", "”;", "”.", "\"", "»", "”"})
    if (s.ends_with(end)) return end.size() > 1 || s.size() > 1;
  return false;
}

bool opens_quote(std::string_view s) {
  return s.substr(0, 2) == "«" || s.substr(0, 1) == "\"" || s.substr(0, 3) == "“";
}


}  // namespace zanline::paragraphs
