// zanline/ingest.hpp — recording an amending act in the store: find the acts it amends, apply
// its instructions, add the new edition to their timelines, with the amending act's entry into
// force. All or nothing.
//
//   auto eds = zanline::discover({"amending.kaz.md"}, diags);
//   zanline::IngestReport r = zanline::ingest(store, eds[0][0]);   // all or nothing
//   if (!r.errors.empty()) ...;            // nothing was written
//   r.not_applied();                       // instructions that failed (then nothing was written
//                                          // unless partial)
#pragma once

#include <string>
#include <vector>

#include "zanline/build.hpp"
#include "zanline/consolidate.hpp"
#include "zanline/store.hpp"

namespace zanline {

// An instruction that could not be applied.
struct IngestFailure {
  SourcePos pos;            // in the amending act
  std::string instruction;  // its text, cut to about 200 bytes at a character boundary
  std::string reason;
  std::string summary() const;  // "instruction (line:col): reason", as kept in the timeline
};

struct IngestTarget {
  std::string id;     // store id of the amended act ("" when it is not in the store)
  std::string label;  // "order № 37/НҚ of 2019-04-11"
  bool already = false;  // this act (and language) was ingested before: nothing to do
  Consolidation consolidation;
  std::vector<IngestFailure> failures;
};

struct IngestReport {
  std::string source;        // the amending act's file
  std::string act;           // "order № 130/НҚ of 2022-04-19"
  std::vector<IngestTarget> targets;
  std::vector<std::string> errors;  // stops everything (unknown amending act identity, store I/O)
  bool written = false;
  bool dry_run = false;  // nothing written on purpose; `written` stays false
  std::size_t applied() const;
  std::size_t not_applied() const;
};

struct IngestOptions {
  // Record what applies and mark the rest as not applied (else all or nothing).
  bool partial = false;
  // Do everything but write: the report says what would be recorded.
  bool dry_run = false;
  // Cited act (cited_key: its number, or its date when cited without one) -> store id, for acts
  // whose citation does not find them (a stand-in, or an act stored without number) or finds
  // several: `zanline ingest --target 37/НҚ=215863`.
  std::vector<std::pair<std::string, std::string>> targets;
};

IngestReport ingest(Store& store, const Edition& amending, const IngestOptions& options = {});

}  // namespace zanline
