// Google Benchmark of the hot paths, on real texts of the corpus:
//   parse (normalize + structure + grammar) of the seed and of a long law edition,
//   build_timeline of a multi-edition act, at() on it, a word-level diff, and consolidation:
//   the probation law amended by the 31 instructions of law 161925, and decree 581 — an omnibus of
//   134 instructions, one for decree 914 — checked against every one of them.
// Run: build/release/bench/zanline_pipeline_benchmark (or `make bench`). Compare runs on the
// same machine only; the numbers are for finding regressions, not absolute claims.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "zanline/build.hpp"
#include "zanline/consolidate.hpp"
#include "zanline/diff.hpp"
#include "zanline/parser.hpp"
#include "zanline/query.hpp"
#include "zanline/store.hpp"

namespace {

std::string corpus(const std::string& rel) {
  std::ifstream in(std::string(ZANLINE_CORPUS_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void BM_ParseSeed(benchmark::State& state) {
  const std::string text = corpus("seed/order-130-nk-2022-04-19.kaz.txt");
  for (auto _ : state) benchmark::DoNotOptimize(zanline::parse(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseSeed);

void BM_ParseLaw(benchmark::State& state) {
  const std::string text = corpus("triples/assembly-41901_by_53075/after.rus.md");
  for (auto _ : state) benchmark::DoNotOptimize(zanline::parse(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseLaw);

const zanline::Timeline& census() {
  static const zanline::Timeline t = [] {
    std::vector<std::pair<std::string, zanline::Diagnostic>> diags;
    auto groups = zanline::discover({std::string(ZANLINE_CORPUS_DIR) + "/editions/gov-132554"}, diags);
    std::vector<zanline::Diagnostic> bd;
    return zanline::build_timeline(groups.front(), bd);
  }();
  return t;
}

void BM_BuildTimeline(benchmark::State& state) {
  std::vector<std::pair<std::string, zanline::Diagnostic>> diags;
  auto groups = zanline::discover({std::string(ZANLINE_CORPUS_DIR) + "/editions/gov-132554"}, diags);
  for (auto _ : state) {
    std::vector<zanline::Diagnostic> bd;
    benchmark::DoNotOptimize(zanline::build_timeline(groups.front(), bd));
  }
}
BENCHMARK(BM_BuildTimeline);

void BM_At(benchmark::State& state) {
  const zanline::Timeline& t = census();
  for (auto _ : state)
    benchmark::DoNotOptimize(zanline::at(t, zanline::Date{2021, 7, 1}, zanline::Language::ru, "", {}));
}
BENCHMARK(BM_At);

void BM_Diff(benchmark::State& state) {
  const zanline::Timeline& t = census();
  for (auto _ : state)
    benchmark::DoNotOptimize(
        zanline::diff(t, zanline::Date{2020, 10, 1}, zanline::Date{2021, 7, 1}, zanline::Language::ru, "", {}));
}
BENCHMARK(BM_Diff);

zanline::Edition edition(const std::string& rel) {
  std::vector<std::pair<std::string, zanline::Diagnostic>> diags;
  auto groups = zanline::discover({std::string(ZANLINE_CORPUS_DIR) + "/" + rel}, diags);
  return groups.front().front();
}

void consolidate_triple(benchmark::State& state, const std::string& triple) {
  const zanline::Edition before = edition(triple + "/before.rus.md");
  const zanline::Edition amending = edition(triple + "/amending.rus.md");
  const zanline::UnitList base = zanline::flatten(before.doc);
  const zanline::ActIdentity id = zanline::identity_of(before.doc.meta);
  for (auto _ : state) benchmark::DoNotOptimize(zanline::consolidate(base, id, amending.doc));
}

void BM_ConsolidateProbation(benchmark::State& state) {
  consolidate_triple(state, "triples/probation-108646_by_161925");
}
BENCHMARK(BM_ConsolidateProbation);

void BM_ConsolidateOmnibus581(benchmark::State& state) {
  consolidate_triple(state, "triples/applied-math-136943_by_170948");
}
BENCHMARK(BM_ConsolidateOmnibus581);

void BM_ParseOmnibus581(benchmark::State& state) {
  const std::string text = corpus("triples/applied-math-136943_by_170948/amending.rus.md");
  for (auto _ : state) benchmark::DoNotOptimize(zanline::parse(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseOmnibus581);

}  // namespace

BENCHMARK_MAIN();
