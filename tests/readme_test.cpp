// The examples in README.md and docs/*.md are run, so the docs cannot rot: every ```console
// block holds "$ <command>" lines, each followed by the exact stdout it prints.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
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
  // The point-in-time examples read the store that `zanline build corpus` makes.
  const std::string store = "/tmp/zanline-readme-store-" + std::to_string(::getpid());
  ::setenv("ZANLINE_STORE", store.c_str(), 1);
  ASSERT_EQ(std::system((std::string(ZANLINE_CLI) + " build " + ZANLINE_SOURCE_DIR + "/corpus >/dev/null").c_str()), 0);
  const auto examples = console_examples(testing::read_file(std::string(ZANLINE_SOURCE_DIR) + "/README.md"));
  ASSERT_GE(examples.size(), 2u);
  if (std::getenv("ZANLINE_UPDATE_GOLDEN")) {
    // Rewrite every example's output in README.md (review the diff before committing).
    std::istringstream in(testing::read_file(std::string(ZANLINE_SOURCE_DIR) + "/README.md"));
    std::string out;
    bool inside = false, skipping = false;
    for (std::string line; std::getline(in, line);) {
      if (!inside) {
        inside = line == "```console";
      } else if (line == "```") {
        inside = skipping = false;
      } else if (line.starts_with("$ ")) {
        out += line + "\n" + run(line.substr(2));
        skipping = true;
        continue;
      }
      if (!skipping) out += line + "\n";
    }
    std::ofstream(std::string(ZANLINE_SOURCE_DIR) + "/README.md", std::ios::binary) << out;
    std::system(("rm -rf " + store).c_str());
    GTEST_SKIP() << "README.md examples updated";
  }
  for (const Example& e : examples) EXPECT_EQ(run(e.command), e.expected) << e.command;
  std::system(("rm -rf " + store).c_str());
}

}  // namespace
}  // namespace zanline
