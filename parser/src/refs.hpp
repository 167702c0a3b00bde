// Shared small grammars: dates, act numbers and citations, unit references, entry-into-force
// clauses. Used by the structure and grammar stages; all patterns are compiled once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zanline/document.hpp"

namespace zanline::refs {

struct DateMatch {
  Date date;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Every date in s, in order: "2019 жылғы 11 сәуірдегі", "от 11 апреля 2019 года",
// "20.10.2025", "2009.04.22.". Impossible dates (31.02.2020) are skipped.
std::vector<DateMatch> find_dates(std::string_view s);

// The act number after "№" or "N" starting at or after `from`: "37/НҚ", "47-IV".
std::string find_number(std::string_view s, std::size_t from = 0, std::size_t* end = nullptr);

// "бұйрығына" -> "order", "қаулысымен" -> "decree", "Заңына" -> "law", "приказом" -> "order".
std::string act_type_of(std::string_view word);

// A citation of an act: its first date, the number after it, the registration number
// ("тізілімінде № 18523", "№ 18523 болып тіркелген"), the type from the form word.
ActRef parse_act_citation(std::string_view s);

// The act an item of a list of repealed acts names ("Перечень утративших силу ...", "Күші
// жойылған ... тізбесі"). Russian items start with it ("Пункт 5 постановления ... от 24 декабря
// 2004 года № 1376 «…»"), so it is the first citation; Kazakh items end with it ("«…» ...
// 2022 жылғы 19 сәуірдегі № 130/НҚ бұйрығы"), and the titles before it may cite other acts in
// the dative ("№ 37/НҚ бұйрығына өзгерістер енгізу туралы"), so it is the last citation whose
// form word is not in the dative.
ActRef parse_listed_act(std::string_view item, Language lang);

// Entry-into-force wording -> rule: "алғашқы ресми жарияланған күнінен кейін күнтізбелік он
// күн өткен соң қолданысқа енгізіледі" -> days_after_publication 10.
EntryIntoForce parse_eif(std::string_view s);
bool mentions_eif(std::string_view s);

// Kazakh and Russian number words used in EIF clauses: "он" -> 10, "десяти" -> 10,
// "двадцати одного" -> 21; 0 when not a number word.
int number_word_value(std::string_view words);
// "екінші" / "второй" / "седьмым" -> 2 / 2 / 7; 0 when not an ordinal.
int ordinal_value(std::string_view word);

// Unit references inside a citation, largest unit first:
// "1-баптың 2 және 3-тармақтары" -> [article 1, point "2,3"];
// "подпункт 5) статьи 4" -> [article 4, subpoint 5].
std::vector<UnitStep> parse_unit_path(std::string_view s, Language lang);

// A path relative to a scope: the scope's steps as deep as or deeper than the path's first step
// are dropped, then the path is appended. Scope [art 9, para 2] + [para 3] -> [art 9, para 3];
// + [subpoint 2] -> [art 9, para 2, subpoint 2].
std::vector<UnitStep> within(std::vector<UnitStep> scope, const std::vector<UnitStep>& path);

// eId of a path: [article 4-1, point 2, subpoint 3] -> "art_4-1__para_2__point_3".
std::string eid_of(const std::vector<UnitStep>& path);
std::string eid_component(UnitKind kind, std::string_view num);

}  // namespace zanline::refs
