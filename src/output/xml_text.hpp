// Text that XML 1.0 can carry, shared by every XML writer and reader of zanline.
//
//   node.text().set(zanline::xml::safe(unit.text).c_str());   // never "&#01;" in the output
#pragma once

#include <cstddef>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace zanline::xml {

// Length of the well-formed UTF-8 sequence at s[i] and its code point; 0 if malformed
// (overlong, surrogate, beyond U+10FFFF, truncated).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);
// XML 1.0 Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool is_xml_char(char32_t cp);
// `s` with every malformed UTF-8 byte and every character XML 1.0 does not allow replaced by
// U+FFFD (pugixml would otherwise write "&#01;", which no XML parser accepts). With
// `newlines` "\r\n" and "\r" become "\n", so that the text reads back unchanged.
std::string safe(std::string_view s, bool newlines = false);

// A new document with the XML declaration and the root element in namespace `ns`.
pugi::xml_node start_document(pugi::xml_document& doc, const char* root, const char* ns);
// The document as zanline writes every XML: UTF-8, 2-space indentation, final newline.
std::string finish_document(const pugi::xml_document& doc);

}  // namespace zanline::xml
