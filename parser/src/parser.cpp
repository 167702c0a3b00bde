#include "zanline/parser.hpp"

#include <string>

#include "grammar.hpp"
#include "normalize.hpp"
#include "refs.hpp"
#include "structure.hpp"
#include "text.hpp"

namespace zanline {

Document parse(std::string_view bytes, const ParseOptions& options) {
  Document doc;
  doc.source_name = options.source_name;
  const text::LineIndex lines(bytes);
  Normalized normalized = normalize(bytes, options, lines, doc.repairs, doc.diagnostics);
  if (normalized.fatal) return doc;
  doc.input_format = normalized.format == InputFormat::markdown ? "markdown" : "plain";
  std::vector<Block> blocks = build_structure(normalized, doc);
  apply_grammar(normalized, blocks, doc);
  return doc;
}

std::string format_diagnostic(std::string_view source_name, const Diagnostic& d) {
  std::string s(source_name);
  // (+= piece by piece: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string)
  if (d.pos.line > 0) {
    s += ':';
    s += std::to_string(d.pos.line);
    s += ':';
    s += std::to_string(d.pos.col);
  }
  s += ": ";
  s += to_string(d.severity);
  s += ": " + d.message;
  if (!d.code.empty()) s += " [" + d.code + "]";
  return s;
}

std::string unit_path_to_eid(std::string_view path, Language lang) {
  return refs::eid_of(refs::parse_unit_path(path, lang));
}

std::vector<NoteEvent> parse_note(std::string_view note, Language lang) {
  return parse_note_events(note, lang);
}

void read_meta_yaml(std::string_view yaml, Metadata& meta) { apply_front_matter(yaml, meta); }

Language detect_language_of(std::string_view text) { return detect_language(text); }

std::string clip_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

}  // namespace zanline
