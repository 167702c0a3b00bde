// zanline/output.hpp — a parsed Document written as XML, JSON or readable text.
//
//   zanline::Document doc = zanline::parse(bytes);
//   std::string xml = zanline::to_xml(doc);    // valid against schema/document.xsd
//   std::string js = zanline::to_json(doc);    // same content, for machines
//   std::string txt = zanline::to_text(doc);   // for people: outline with eIds and texts
//
// All three are deterministic: the same Document gives byte-identical output.
#pragma once

#include <string>

#include "zanline/document.hpp"

namespace zanline {

inline constexpr const char* kDocumentNamespace = "urn:zanline:document:1";

std::string to_xml(const Document& doc);
std::string to_json(const Document& doc);
std::string to_text(const Document& doc);

}  // namespace zanline

// Point-in-time answers (zanline at): XML valid against schema/answer.xsd, and JSON with the same
// names. Declared here so that every writer of zanline lives in one module.
namespace zanline {
struct AtResult;
struct Timeline;
inline constexpr const char* kAnswerNamespace = "urn:zanline:answer:1";
std::string at_to_xml(const AtResult& r, const Timeline& t);
std::string at_to_json(const AtResult& r, const Timeline& t);
}  // namespace zanline
