// Stage 1: normalize. Bytes in; paragraphs of clean NFC text out, each mapped back to the
// original input. Every change is recorded as a Repair; nothing is changed silently.
//
//   text::LineIndex lines(input);
//   Normalized n = normalize(input, options, lines, doc.repairs, doc.diagnostics);
//   if (n.fatal) return;                     // not UTF-8, binary, empty, too large ...
//   for (const Paragraph& p : n.paragraphs) p.text.str();
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"
#include "zanline/document.hpp"
#include "zanline/parser.hpp"

namespace zanline {

struct Paragraph {
  text::MappedText text;  // trimmed; plain text: wrapped lines joined with one space
  SourcePos pos;          // of the first character in the original
  int indent = 0;         // leading spaces of the first line
  int blank_before = 0;   // blank lines before it
};

struct Normalized {
  InputFormat format = InputFormat::plain;
  Language lang = Language::unknown;
  std::string front_matter;  // Markdown YAML front matter, as written (without the --- lines)
  SourcePos front_matter_pos;
  std::vector<Paragraph> paragraphs;
  bool fatal = false;  // the input cannot be parsed at all (see diagnostics)
};

inline constexpr std::size_t kMaxLineBytes = 1u << 20;

Normalized normalize(std::string_view input, const ParseOptions& options,
                     const text::LineIndex& lines, std::vector<Repair>& repairs,
                     std::vector<Diagnostic>& diagnostics);

// kk when Kazakh-specific letters (ә ғ қ ң ө ұ ү һ і) are frequent, else ru; unknown without
// Cyrillic letters.
Language detect_language(std::string_view text);

// Latin look-alike letters inside Cyrillic words replaced by their Cyrillic twins ("октябpя" ->
// "октября"), nothing recorded: for metadata fields (front matter, meta.yaml) that are parsed,
// never for the text itself.
std::string fold_lookalikes(std::string_view s);

// A status label line of adilet exports ("Күшін жойған", "Действующий", ...), or "".
std::string_view match_status_label(std::string_view line);

}  // namespace zanline
