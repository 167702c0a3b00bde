// How one paragraph reads: Markdown decoration, unit headings, quotes, tables. Internal to the
// structure stage (structure.cpp), kept apart so the stage itself reads as the walk it is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "zanline/document.hpp"

namespace zanline::paragraphs {

// Markdown decoration of one paragraph.
struct Decor {
  std::string text;
  int heading = 0;        // number of '#'
  bool quote = false;     // "> "
  bool emphasis = false;  // *...* or **...**
};
Decor strip_decoration(std::string_view s, bool markdown);

// Nesting rank of a unit kind: section 1 ... subpoint 6, part/abzac 7 (in citations only); 0 for
// top-level units (title, preamble, formula, signature, appendix).
int rank(UnitKind k);
// Ends with "." ";" ":" or ",".
bool terminal_punct(std::string_view s);

struct UnitHead {
  UnitKind kind;
  std::string num;
  std::string heading;
  std::string rest;  // text after the number
};
// The paragraph that opens a numbered unit: "1-бап. …", "Статья 4-1.", "2-1.", "1-1)".
std::optional<UnitHead> match_unit_head(const Decor& d, Language lang);

bool is_table_line(std::string_view s);
bool is_anchor(std::string_view s);
// Quote balance of a paragraph: «» nest; straight quotes toggle.
int quote_delta(std::string_view s);
bool odd_straight_quotes(std::string_view s);
// A paragraph that ends a quoted new wording: closing quote + terminator ('";', '».', '.").').
bool closes_quote(std::string_view s);
bool opens_quote(std::string_view s);

}  // namespace zanline::paragraphs
