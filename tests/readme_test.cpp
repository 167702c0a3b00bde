// The examples in README.md and docs/*.md are run, so the docs cannot rot: every ```console
// block holds "$ <command>" lines, each followed by the exact stdout it prints.
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>

#include "test_util.hpp"

namespace zanline {
namespace {

struct Example {
  std::string command;
  std::string expected;
};

std::vector<Example> console_examples(const std::string& markdown) {
  std::vector<Example> out;
  std::istringstream in(markdown);
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (!inside) {
      inside = line == "```console";
      continue;
    }
    if (line == "```") {
      inside = false;
    } else if (line.starts_with("$ ")) {
      out.push_back({line.substr(2), {}});
    } else if (!out.empty()) {
      out.back().expected += line + "\n";
    }
  }
  return out;
}

std::string run(const std::string& command) {
  // "zanline ..." runs the binary under test, from the source tree (paths in docs are relative).
  std::string cmd = command;
  if (cmd.starts_with("zanline ")) cmd = std::string(ZANLINE_CLI) + cmd.substr(7);
  cmd = "cd " + std::string(ZANLINE_SOURCE_DIR) + " && (" + cmd + ") 2>/dev/null";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

TEST(Readme, ExamplesPrintWhatTheReadmeShows) {
  const auto examples = console_examples(testing::read_file(std::string(ZANLINE_SOURCE_DIR) + "/README.md"));
  ASSERT_GE(examples.size(), 2u);
  for (const Example& e : examples) EXPECT_EQ(run(e.command), e.expected) << e.command;
}

}  // namespace
}  // namespace zanline
