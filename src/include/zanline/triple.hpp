// zanline/triple.hpp — a consolidation triple on disk, run: the official edition before, the
// amending act(s), the official edition after. What bench/consolidation measures and the tests
// assert.
//
//   corpus/triples/<name>/before.rus.md
//   corpus/triples/<name>/amending.rus.md            one amending act, or
//   corpus/triples/<name>/amending-1.rus.md, -2 ...  several, applied in that order
//   corpus/triples/<name>/after.rus.md
//
//   std::string error;
//   auto t = zanline::run_triple("corpus/triples/holidays-10612_by_45379", "rus", &error);
//   t->score.exact();
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "zanline/build.hpp"
#include "zanline/consolidate.hpp"

namespace zanline {

struct TripleRun {
  Edition before;
  std::vector<Edition> amending;       // in the order applied
  Edition after;
  std::vector<Consolidation> applied;  // one per amending act, each from the units of the last
  Score score;                         // of the whole chain against `after`
};

// Files of a triple folder for `lang` ("rus", "kaz"): the amending acts in order; empty when the
// folder has none in that language.
std::vector<std::string> amending_files(const std::string& folder, const std::string& lang);

// nullopt (and *error) when a file is missing or unreadable.
std::optional<TripleRun> run_triple(const std::string& folder, const std::string& lang, std::string* error);

}  // namespace zanline
