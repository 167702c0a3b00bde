// Addressing units in a flat unit list (eIds carry the tree: "app_1__para_2__point_1"), and
// reading a new wording as units. Internal to the consolidation engine (consolidate.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "zanline/timeline.hpp"

namespace zanline::unit_list {

std::vector<std::string> split_lines(const std::string& s);
std::string join_lines(const std::vector<std::string>& lines);

std::optional<std::size_t> find_eid(const UnitList& units, const std::string& eid);
// [i, subtree_end(i)) is the unit and its descendants.
std::size_t subtree_end(const UnitList& units, std::size_t i);
std::string parent_of(const std::string& eid);
std::string last_component(const std::string& eid);
// "para_2+3" -> {"para_2", "para_3"} (with the parent prefix kept).
std::vector<std::string> expand(const std::string& eid);
// "4-1" < "4-2" < "5": numbers compare part by part.
bool num_less(const std::string& a, const std::string& b);
// The base unit an instruction names (exact eId, or the only unit whose eId ends with it; a part
// step "…__al_3__point_2" picks among lists numbered alike); nullopt with the reason in `why`.
std::optional<std::size_t> resolve(const UnitList& units, const std::string& eid, std::string* why);

// The appendix an instruction's scope names ("Пункт 1 изменений и дополнений, которые вносятся
// в некоторые решения Правительства ..." -> the appendix headed "Изменения и дополнение, которые
// вносятся ..."): the one whose heading words (compared by their first five letters, so that
// case endings do not matter) nearly all occur in the scope. nullopt when none does; `why` says
// so, or names the appendices that tie.
std::optional<std::string> appendix_named(const UnitList& units, const std::string& scope, std::string* why);

// New wording as units, eIds relative to the fragment ("art_7", "art_7__para_1").
UnitList parse_fragment(const std::string& text, UnitKind kind, Language lang);
// Re-roots fragment units [begin, end) at `target`.
UnitList reroot(const UnitList& fragment, std::size_t begin, std::size_t end, const std::string& target);

// "art_3__al_4": an abzac (line) of a unit, and its number.
bool is_part(const std::string& eid);
int part_number(const std::string& eid);
std::size_t replace_all(std::string& s, const std::string& from, const std::string& to);

}  // namespace zanline::unit_list
