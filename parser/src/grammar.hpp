// Stage 3: grammar. Classified blocks in; metadata, entry into force, notes -> events and
// amendment instructions out (written into the Document).
#pragma once

#include <string_view>
#include <vector>

#include "normalize.hpp"
#include "structure.hpp"
#include "zanline/document.hpp"

namespace zanline {

void apply_grammar(const Normalized& normalized, const std::vector<Block>& blocks, Document& doc);

// One note's text (without "Ескерту."/"Сноска.") -> its events. Exposed for table tests.
std::vector<NoteEvent> parse_note_events(std::string_view note, Language lang);

// Simple "key: value" YAML front matter (one level of nesting) -> metadata fields.
void apply_front_matter(std::string_view yaml, Metadata& meta);

}  // namespace zanline
