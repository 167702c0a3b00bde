// zanline/io.hpp — reading inputs for the CLI and tools (the parser itself does no I/O).
//
//   zanline::ReadResult r = zanline::read_input("order.txt");   // "-" reads stdin
//   if (!r.ok()) { std::cerr << r.error << "\n"; return 2; }
//   zanline::parse(r.bytes, {.source_name = "order.txt"});
#pragma once

#include <cstddef>
#include <string>

namespace zanline {

struct ReadResult {
  std::string bytes;
  std::string error;  // "" on success: "cannot open order.txt: No such file or directory"
  bool ok() const { return error.empty(); }
};

// Reads a whole file (or stdin for "-"). Refuses files larger than max_bytes without reading
// them whole, so a 50 MB line cannot exhaust memory.
ReadResult read_input(const std::string& path, std::size_t max_bytes = 64u << 20);

}  // namespace zanline
