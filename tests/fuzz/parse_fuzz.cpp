// Fuzz target for the whole pipeline on one input: parse -> XML/JSON -> timeline -> XML round trip.
//
// With clang and libFuzzer (cmake -DZANLINE_LIBFUZZER=ON): a coverage-guided fuzzer.
// Without: a plain main that replays every corpus text and deterministic line-level mutations
// of it (swapped, doubled, dropped lines; stray quotes, numbers and indentation), which CI runs
// under AddressSanitizer + UndefinedBehaviorSanitizer as test `parse_fuzz_replay`.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "zanline/build.hpp"
#include "zanline/consolidate.hpp"
#include "zanline/output.hpp"
#include "zanline/parser.hpp"
#include "zanline/query.hpp"
#include "zanline/timeline.hpp"

namespace {

void run_one(const std::string& bytes) {
  zanline::Document doc = zanline::parse(bytes, {.source_name = "fuzz"});
  (void)zanline::to_xml(doc);
  (void)zanline::to_json(doc);
  (void)zanline::to_text(doc);
  if (doc.has_errors()) return;
  std::vector<zanline::Edition> eds(1);
  eds[0].doc = doc;
  eds[0].bytes = bytes;
  std::vector<zanline::Diagnostic> diags;
  zanline::Timeline t = zanline::build_timeline(eds, diags);
  const std::string xml = zanline::timeline_to_xml(t);
  std::string error;
  auto back = zanline::timeline_from_xml(xml, &error);
  if (!back || zanline::timeline_to_xml(*back) != xml) {
    std::fprintf(stderr, "timeline round trip failed: %s\n", error.c_str());
    std::abort();
  }
  (void)zanline::at(t, zanline::Date{2020, 1, 1}, doc.meta.lang, "", {});
  // The text applied to itself as an "amending act": instructions must fail or apply, never crash.
  (void)zanline::consolidate(zanline::flatten(doc), zanline::identity_of(doc.meta), doc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run_one(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}

#ifndef ZANLINE_LIBFUZZER
namespace {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// A deterministic line-level mutation that keeps the text valid UTF-8, so the mutants reach the
// structure and grammar stages instead of stopping at the UTF-8 check.
std::string mutate(const std::string& text, std::mt19937& rng) {
  std::vector<std::string> lines = lines_of(text);
  if (lines.empty()) return text;
  static const char* kInserts[] = {"\"", "«", "»", "1. ", "1) ", "      ", "> *", "*", "## ", ":", ";",
                                   "Ескерту. ", "Сноска. ", "мынадай редакцияда жазылсын:", "исключить;",
                                   "\"A\" деген сөздер \"B\" деген сөздермен ауыстырылсын;", "<table>", "қосымша"};
  std::uniform_int_distribution<std::size_t> line(0, lines.size() - 1);
  switch (rng() % 6) {
    case 0: std::swap(lines[line(rng)], lines[line(rng)]); break;
    case 1: { std::size_t k = line(rng); lines.insert(lines.begin() + static_cast<long>(k), lines[k]); break; }
    case 2: lines.erase(lines.begin() + static_cast<long>(line(rng))); break;
    case 3: lines[line(rng)].insert(0, kInserts[rng() % std::size(kInserts)]); break;
    case 4: lines[line(rng)] += kInserts[rng() % std::size(kInserts)]; break;
    default: lines.resize(line(rng) + 1); break;  // truncated
  }
  return join(lines);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t files = 0, runs = 0;
  const int mutants = 12;
  for (int i = 1; i < argc; ++i) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i])) {
      const std::string ext = e.path().extension().string();
      if (!e.is_regular_file() || (ext != ".md" && ext != ".txt")) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      const std::string text = ss.str();
      run_one(text);
      std::mt19937 rng(static_cast<std::uint32_t>(std::hash<std::string>{}(e.path().filename().string()) & 0xFFFFFFFFu));
      std::string mutant = text;
      for (int m = 0; m < mutants; ++m) {
        mutant = mutate(m % 3 == 0 ? text : mutant, rng);  // chains of mutations, restarted now and then
        run_one(mutant);
      }
      ++files;
      runs += 1 + mutants;
    }
  }
  std::printf("%zu passed, 0 failed (%zu files, %zu inputs)\n", runs, files, runs);
  return files > 0 ? 0 : 1;
}
#endif
