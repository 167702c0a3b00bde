// zanline/consolidate.hpp — applying an amending act's instructions to the act it amends.
//
//   zanline::UnitList base = zanline::flatten(base_doc);            // or latest_units(timeline)
//   zanline::Consolidation c = zanline::consolidate(base, base_identity, amending_doc);
//   for (const auto& r : c.results)                                  // one per instruction
//     if (r.outcome == zanline::Outcome::failed) std::cerr << r.reason;
//   c.units;                                                         // the new edition
//
// Nothing is applied silently: every instruction addressed to the base act ends `applied` (with
// the units it changed) or `failed` (with the reason); instructions addressed to other acts are
// `other_act`. Consequential edits the instruction does not state (the new last abzac of a list
// ending in "." instead of ";") are applied and listed in `consequential`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "zanline/document.hpp"
#include "zanline/timeline.hpp"

namespace zanline {

// The wording of every unit as of its newest version in `lang` (units whose last version ended
// without a successor are left out).
UnitList latest_units(const Timeline& t, Language lang);

// Who the base act is, to pick the instructions addressed to it.
struct ActIdentity {
  std::string type;
  std::optional<Date> date;
  std::string number;
  std::string registration;
};
ActIdentity identity_of(const Metadata& meta);
ActIdentity identity_of(const Timeline& t);
bool addresses(const ActRef& target, const ActIdentity& act);
// How a user names a cited act on the command line (`--target CITED=ID`): its number as cited
// ("37/НҚ"), or, for a citation without a number ("Закон от 13 декабря 2001 года"), its date
// ("2001-12-13").
std::string cited_key(const ActRef& target);

enum class Outcome { applied, failed, other_act };
const char* to_string(Outcome);

struct InstructionResult {
  std::size_t index = 0;  // into the amending Document::instructions
  Outcome outcome = Outcome::failed;
  std::string reason;                 // failed: why, in words
  std::vector<std::string> changed;   // eIds changed, inserted or excluded
  std::vector<std::string> consequential;  // edits not stated by the instruction
};

struct Consolidation {
  UnitList units;
  std::vector<InstructionResult> results;
  std::size_t applied() const;
  std::size_t failed() const;
};

// `also_addressed`: cited acts (by cited_key) that are to be read as the base act too (a stand-in
// when the cited act's text is not available: `zanline apply --target 37/НҚ`).
Consolidation consolidate(const UnitList& base, const ActIdentity& base_act, const Document& amending,
                          const std::vector<std::string>& also_addressed = {});

// Equal up to runs of white space (amending acts are typed with double spaces the consolidated
// editions do not have).
bool same_text(const std::string& a, const std::string& b);

}  // namespace zanline

namespace zanline {

// Accuracy against an official consolidated edition: each instruction addressed to the base act
// is `exact` when every unit it changed reads as in the official edition (same_text; excluded
// units compare by status, the editorial placeholder aside), else `differs`; failed ones are
// `not_applied`.
struct InstructionScore {
  std::size_t act = 0;    // which amending act of a chain (0 for a single one)
  std::size_t index = 0;  // into that act's Document::instructions
  std::string op;
  std::string target;
  std::string verdict;  // "exact", "differs", "not-applied"
  std::string detail;   // reason or first difference
};

struct Score {
  std::vector<InstructionScore> instructions;
  std::vector<std::string> untouched_differences;  // units that differ although no instruction touched them
  std::size_t exact() const;
  std::size_t differs() const;
  std::size_t not_applied() const;
};

Score score(const Consolidation& c, const Document& amending, const UnitList& official);

// Several amending acts applied one after the other (each Consolidation made from the units of
// the one before) against the official edition after the last: every instruction is judged on
// the final text, so a unit changed twice is judged as the last change left it.
struct AppliedAct {
  const Consolidation* consolidation;
  const Document* amending;
};
Score score(const std::vector<AppliedAct>& chain, const UnitList& official);

}  // namespace zanline
