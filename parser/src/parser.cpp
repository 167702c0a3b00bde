#include "zanline/parser.hpp"

#include <string>

namespace zanline {

Document parse(std::string_view bytes, const ParseOptions& options) {
  Document doc;
  doc.source_name = options.source_name;
  if (bytes.empty())
    doc.diagnostics.push_back({Severity::error, "input.empty", "input is empty", {}});
  return doc;
}

std::string format_diagnostic(std::string_view source_name, const Diagnostic& d) {
  std::string s(source_name);
  if (d.pos.line > 0) s += ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col);
  s += ": ";
  s += to_string(d.severity);
  s += ": " + d.message;
  if (!d.code.empty()) s += " [" + d.code + "]";
  return s;
}

}  // namespace zanline
