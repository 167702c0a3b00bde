// Helpers shared by the tests: reading corpus files by their corpus-relative path.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace zanline::testing {

inline std::string corpus_path(const std::string& rel) { return std::string(ZANLINE_CORPUS_DIR) + "/" + rel; }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string read_corpus(const std::string& rel) { return read_file(corpus_path(rel)); }

}  // namespace zanline::testing
