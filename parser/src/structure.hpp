// Stage 2: structure. Paragraphs in; the unit tree (Document::body) and a classified list of
// blocks out. The grammar stage reads the blocks (notes, requisites, instructions) and never
// looks at raw paragraphs again.
#pragma once

#include <string>
#include <vector>

#include "normalize.hpp"
#include "zanline/document.hpp"

namespace zanline {

enum class BlockKind {
  title,
  status_label,
  requisites,   // "... № 130/НҚ бұйрығы. ... № 27788 болып тіркелді. Күші жойылды - ..."
  note,         // Ескерту / Сноска
  unit_start,   // the paragraph that opens a unit (its text starts the unit's text)
  text,         // an unnumbered paragraph of the current unit
  quoted,       // part of a quoted new wording inside an amending instruction
  table,        // HTML table lines (Markdown editions)
  appendix_header,
  signature,
  anchor,       // <a id="st1"></a>
  toc,          // a table of contents before the title
};

struct Block {
  const Paragraph* para = nullptr;
  BlockKind kind = BlockKind::text;
  std::string text;  // without Markdown decoration
  std::string unit;  // eId of the unit it belongs to ("" = the act)
  bool quote_opens = false;  // quoted block starts here
  bool quote_closes = false; // quoted block ends here
};

std::vector<Block> build_structure(const Normalized& normalized, Document& doc);

// Finds a unit by eId anywhere in the tree; nullptr when absent.
Unit* find_unit(std::vector<Unit>& units, std::string_view eid);

}  // namespace zanline
