// bench/consolidation — accuracy of automatic consolidation on real triples.
//
// For every folder with before.<lang>.md, amending.<lang>.md (or amending-1.<lang>.md, -2 ... applied
// in that order) and after.<lang>.md (corpus/triples/ and anything else given), applies the
// amending act(s) to the edition before and compares the
// result, unit by unit, with the official edition after it. Prints, per triple and language, each
// instruction's verdict (exact / differs / not-applied), then the totals and the exact-match rate.
//
//   build/release/bench/zanline_bench_consolidation corpus/triples [--verbose]
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

#include "zanline/parser.hpp"
#include "zanline/triple.hpp"

namespace fs = std::filesystem;
using namespace zanline;

int main(int argc, char** argv) {
  std::vector<std::string> roots;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose" || a == "-v") verbose = true;
    else roots.push_back(a);
  }
  if (roots.empty()) roots.push_back("corpus/triples");
  std::vector<fs::path> folders;
  for (const std::string& r : roots) {
    if (!fs::is_directory(r)) {
      std::cerr << "zanline_bench_consolidation: error: " << r << " is not a folder\n";
      return 2;
    }
    for (const auto& e : fs::directory_iterator(r))
      if (e.is_directory() && !amending_files(e.path().string(), "rus").empty()) folders.push_back(e.path());
  }
  std::sort(folders.begin(), folders.end());
  std::size_t exact = 0, differs = 0, not_applied = 0, untouched = 0;
  std::map<std::string, std::array<std::size_t, 3>> by_op;
  for (const fs::path& folder : folders) {
    for (const char* lang : {"kaz", "rus"}) {
      if (amending_files(folder.string(), lang).empty()) continue;
      std::string error;
      const auto t = run_triple(folder.string(), lang, &error);
      if (!t) {
        std::cerr << "zanline_bench_consolidation: error: " << error << "\n";
        return 2;
      }
      const Score& s = t->score;
      std::printf("%-45s %s  instructions %2zu: exact %2zu, differs %zu, not applied %zu\n",
                  folder.filename().string().c_str(), lang, s.instructions.size(), s.exact(), s.differs(),
                  s.not_applied());
      for (const InstructionScore& is : s.instructions) {
        auto& row = by_op[is.op];
        row[is.verdict == "exact" ? 0 : is.verdict == "differs" ? 1 : 2]++;
        const std::string where =
            (t->amending.size() > 1 ? "act " + std::to_string(is.act + 1) + " " : std::string()) + "#" +
            std::to_string(is.index + 1);
        if (is.verdict != "exact" || verbose)
          std::printf("    %-8s %-13s %-22s %s%s%s\n", where.c_str(), is.op.c_str(), is.target.c_str(),
                      is.verdict.c_str(), is.detail.empty() ? "" : ": ", clip_utf8(is.detail, 240).c_str());
      }
      if (verbose)
        for (const std::string& d : s.untouched_differences) std::printf("    (not from an instruction) %s\n", clip_utf8(d, 200).c_str());
      exact += s.exact();
      differs += s.differs();
      not_applied += s.not_applied();
      untouched += s.untouched_differences.size();
    }
  }
  const std::size_t total = exact + differs + not_applied;
  std::printf("\nby operation:            exact  differs  not-applied\n");
  for (const auto& [op, row] : by_op) std::printf("  %-20s %8zu %8zu %12zu\n", op.c_str(), row[0], row[1], row[2]);
  std::printf("\ninstructions: %zu  exact: %zu  applied but differs: %zu  not applied: %zu\n", total, exact, differs,
              not_applied);
  std::printf("exact-match rate: %.1f%%\n", total ? 100.0 * static_cast<double>(exact) / static_cast<double>(total) : 0.0);
  std::printf("unit differences not caused by an instruction (editorial): %zu\n", untouched);
  return 0;
}
