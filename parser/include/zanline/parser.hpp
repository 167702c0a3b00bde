// zanline/parser.hpp — text in, Document + diagnostics out. No file I/O, no XML, no CLI.
//
//   #include "zanline/parser.hpp"
//   zanline::ParseOptions opt;
//   opt.source_name = "order-130.txt";          // used in diagnostics only
//   zanline::Document doc = zanline::parse(bytes, opt);
//   for (const auto& d : doc.diagnostics)        // never throws on bad text
//     std::cerr << zanline::format_diagnostic(doc.source_name, d) << "\n";
//   if (doc.has_errors()) return 2;
//
// Stages (each usable on its own, see normalize.hpp for the first):
//   normalize  — UTF-8 check, NFC, look-alike / legacy-glyph / PDF-artifact repair, paragraphs
//   structure  — units and their numbering, eIds, appendices, signature, notes' places
//   grammar    — metadata, entry into force, notes -> events, amendment instructions, dates
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "zanline/document.hpp"

namespace zanline {

enum class InputFormat { detect, plain, markdown };

struct ParseOptions {
  std::string source_name = "-";
  bool repair = true;  // false: report artifacts as diagnostics but change nothing
  InputFormat format = InputFormat::detect;
  // Inputs larger than this are refused with an error diagnostic (not parsed).
  std::size_t max_bytes = 64u << 20;
};

Document parse(std::string_view bytes, const ParseOptions& options = {});

// "file:line:col: severity: message [code]"
std::string format_diagnostic(std::string_view source_name, const Diagnostic& d);

// Small grammars the rest of zanline needs on their own:
//   unit_path_to_eid("2-тармақ 1) тармақша", Language::kk) == "para_2__point_1"
//   unit_path_to_eid("приложение 1 пункт 8", Language::ru) == "app_1__para_8"   ("" if none)
std::string unit_path_to_eid(std::string_view path, Language lang);
// The events of one note or in-body marker ("Күші жойылды - ҚР Үкіметінің 29.12.2018 № 936
// қаулысымен"), without the "Ескерту."/"Сноска." word.
std::vector<NoteEvent> parse_note(std::string_view note, Language lang);
// "key: value" YAML of meta.yaml files and front matter -> act code, version date, caused_by ...
void read_meta_yaml(std::string_view yaml, Metadata& meta);
// Kazakh/Russian detection by letter frequencies (kk, ru, or unknown without Cyrillic).
Language detect_language_of(std::string_view text);
// s cut to at most about max_bytes at a character boundary, with "…" when cut: for quoting a
// long line of legal text in a message.
std::string clip_utf8(std::string_view s, std::size_t max_bytes);

}  // namespace zanline
