// Helpers shared by the tests: reading corpus files by their corpus-relative path.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace zanline::testing {

inline std::string corpus_path(const std::string& rel) { return std::string(ZANLINE_CORPUS_DIR) + "/" + rel; }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string read_corpus(const std::string& rel) { return read_file(corpus_path(rel)); }

// Every file under `root` (a store) by its relative path, with its bytes: two snapshots compare
// equal when nothing was written, byte for byte.
inline std::map<std::string, std::string> snapshot(const std::filesystem::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root))
    if (e.is_regular_file()) out[std::filesystem::relative(e.path(), root).string()] = read_file(e.path().string());
  return out;
}

// Every name to_string gives for enum E, in declaration order (to_string answers "?" past the end).
template <class E>
std::vector<std::string> enum_names() {
  std::vector<std::string> names;
  for (int i = 0;; ++i) {
    const std::string s = to_string(static_cast<E>(i));
    if (s == "?") break;
    names.push_back(s);
  }
  return names;
}

// The enumeration values of <xs:simpleType name="type"> in an XSD text; empty if there is none.
inline std::vector<std::string> xsd_enumeration(const std::string& xsd, const std::string& type) {
  std::vector<std::string> values;
  const std::size_t begin = xsd.find("<xs:simpleType name=\"" + type + "\">");
  if (begin == std::string::npos) return values;
  const std::string block = xsd.substr(begin, xsd.find("</xs:simpleType>", begin) - begin);
  const std::string key = "<xs:enumeration value=\"";
  for (std::size_t p = block.find(key); p != std::string::npos; p = block.find(key, p)) {
    p += key.size();
    values.push_back(block.substr(p, block.find('"', p) - p));
  }
  return values;
}

// The schema text `xsd` enumerates for simple type `type` exactly what to_string gives for E.
template <class E>
void expect_xsd_enumeration(const std::string& xsd, const std::string& type) {
  EXPECT_EQ(xsd_enumeration(xsd, type), enum_names<E>()) << type;
}

}  // namespace zanline::testing
