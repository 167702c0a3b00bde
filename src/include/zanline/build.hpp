// zanline/build.hpp — from parsed editions of one act to its Timeline.
//
//   std::vector<zanline::Edition> eds = ...;          // kk + ru, several dated editions
//   std::vector<zanline::Diagnostic> diags;
//   zanline::Timeline t = zanline::build_timeline(eds, diags);
//
// Rules (docs/timeline.md):
// - units are aligned by eId across editions and languages;
// - a unit whose text differs between two editions gets a new version from the change that the
//   later edition's notes attribute to it (the amending act, with that act's entry into force),
//   else from the edition's caused_by act, else from the edition date with an unknown effect;
// - a unit that notes say was changed before the first known edition has an `unknown` version
//   before that change: its older wording is not guessed;
// - excluded units ("алып тасталды") get an `excluded` version; a repealed act ends every version.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "zanline/document.hpp"
#include "zanline/timeline.hpp"

namespace zanline {

struct Edition {
  Document doc;
  std::string origin;  // where it was read from (for provenance)
  std::string bytes;   // the source text, stored unchanged
  std::optional<Date> date;  // edition (version) date; nullopt: unknown
  std::string extension;     // ".md", ".txt"
};

Timeline build_timeline(const std::vector<Edition>& editions, std::vector<Diagnostic>& diagnostics);

// Changes whose notes only say "see the amending act" ("порядок введения в действие см. ст. 2",
// "қолданысқа енгізілу тәртібін 2-баптан қараңыз") or say nothing take the entry into force of
// the amending act itself when that act is among `timelines` (matched by number and date).
// Returns how many events were resolved this way.
std::size_t link_amendments(const std::vector<Timeline*>& timelines);

// When an act adopted on `adopted` takes effect by its entry-into-force clause: a date (fixed, or
// the day of signing) or a rule waiting for one.
Effect effect_of(const EntryIntoForce& eif, const std::optional<Date>& adopted);

// "/akn/kz/act/order/2022-04-19/130-nk"; the number transliterated to Latin lower case.
std::string act_uri(const std::string& type, const std::optional<Date>& date, const std::string& number,
                    const std::string& act_code);
// Store key: the zan.gov.kz code when known ("10612"), else "order-2022-04-19-130-nk".
std::string act_key(const std::string& type, const std::optional<Date>& date, const std::string& number,
                    const std::string& act_code);
// Latin lower-case slug of an act number: "130/НҚ" -> "130-nk", "267-ІІ" -> "267-ii".
std::string number_slug(const std::string& number);

}  // namespace zanline
