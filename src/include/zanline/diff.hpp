// zanline/diff.hpp — what changed in an act between two dates, word by word.
//
//   auto changes = zanline::diff(timeline, d1, d2, zanline::Language::ru, "art_3", publication);
//   for (const auto& c : changes)                       // only units whose text differs
//     std::cout << c.eid << ": " << zanline::render_word_diff(c.ops) << "\n";
//     // "… Наурыз мейрамы - [-22-]{+21-23+} марта; …"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "zanline/query.hpp"

namespace zanline {

struct WordOp {
  enum Kind { same, removed, added } kind = same;
  std::string text;
};

// Word-level difference of two texts: words, spaces and punctuation are tokens (ICU word
// boundaries, Kazakh rules), the longest common subsequence is kept.
std::vector<WordOp> word_diff(std::string_view before, std::string_view after);
// git --word-diff style: "same [-removed-]{+added+} same".
std::string render_word_diff(const std::vector<WordOp>& ops);

struct UnitChange {
  std::string eid;
  Status before_status = Status::absent;
  Status after_status = Status::absent;
  std::string before_text;  // heading and text, as the answers of `at` give them
  std::string after_text;
  std::vector<WordOp> ops;
};

// Units (all, or `unit` and its descendants) whose status or wording differs between the two
// dates, in document order.
std::vector<UnitChange> diff(const Timeline& t, Date before, Date after, Language lang, std::string_view unit,
                             const Publication& pub);

}  // namespace zanline
