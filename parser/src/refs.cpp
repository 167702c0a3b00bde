#include "refs.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "paragraphs.hpp"
#include "patterns.hpp"
#include "text.hpp"

namespace zanline::refs {
namespace {

std::string_view sv(const re2::StringPiece& p) { return {p.data(), p.size()}; }

std::size_t offset_in(std::string_view whole, const re2::StringPiece& part) {
  return static_cast<std::size_t>(part.data() - whole.data());
}

struct WordValue {
  std::string_view word;
  int value;
};

constexpr std::array<WordValue, 30> kNumberWords = {{
    {"бір", 1},       {"екі", 2},        {"үш", 3},        {"төрт", 4},      {"бес", 5},
    {"алты", 6},      {"жеті", 7},       {"сегіз", 8},     {"тоғыз", 9},     {"он", 10},
    {"жиырма", 20},   {"отыз", 30},      {"қырық", 40},    {"елу", 50},      {"алпыс", 60},
    {"одного", 1},    {"двух", 2},       {"трех", 3},      {"трёх", 3},      {"четырех", 4},
    {"пяти", 5},      {"шести", 6},      {"семи", 7},      {"восьми", 8},    {"девяти", 9},
    {"десяти", 10},   {"пятнадцати", 15}, {"двадцати", 20}, {"тридцати", 30}, {"шестидесяти", 60},
}};

// Ordinal stems, longest first within a language so "оныншы" is not read as "он".
constexpr std::array<WordValue, 22> kOrdinals = {{
    {"бірінші", 1}, {"екінші", 2},   {"үшінші", 3},   {"төртінші", 4}, {"бесінші", 5},
    {"алтыншы", 6}, {"жетінші", 7},  {"сегізінші", 8}, {"тоғызыншы", 9}, {"оныншы", 10},
    {"перв", 1},    {"втор", 2},     {"трет", 3},     {"четверт", 4},  {"четвёрт", 4},
    {"пятнадцат", 15}, {"пят", 5},   {"шест", 6},     {"седьм", 7},    {"восьм", 8},
    {"девят", 9},   {"десят", 10},
}};

UnitKind kind_of_noun(std::string_view noun_lower) {
  auto starts = [&](std::string_view p) { return noun_lower.substr(0, p.size()) == p; };
  if (starts("бөлім") || starts("раздел")) return UnitKind::section;
  if (starts("тарау") || starts("глав")) return UnitKind::chapter;
  if (starts("параграф")) return UnitKind::paragraph;
  if (starts("бап") || starts("баб") || starts("стат")) return UnitKind::article;
  if (starts("тармақша") || starts("подпункт")) return UnitKind::subpoint;
  if (starts("тармақ") || starts("тармағ") || starts("пункт")) return UnitKind::point;
  if (starts("қосымша") || starts("приложени")) return UnitKind::appendix;
  return UnitKind::part;  // бөлік, абзац, часть
}

// "2 және 3", "6), 7), 8) және 9)", "2)-4)" -> "2,3" / "6,7,8,9" / "2-4" (a range keeps its dash
// only when written with parentheses, because "4-1" is itself a number).
std::string number_list(std::string_view s) {
  static const RE2 kNum(R"(([0-9]+(?:-[0-9]+)*)(\))?)");
  std::string out;
  re2::StringPiece in(s.data(), s.size());
  re2::StringPiece num, paren;
  std::size_t prev_end = 0;
  while (RE2::FindAndConsume(&in, kNum, &num, &paren)) {
    const std::size_t begin = offset_in(s, num);
    if (!out.empty()) {
      std::string_view between = text::trim(s.substr(prev_end, begin - prev_end));
      out += (between == "-" || between == "–" || between == "—") ? "-" : ",";
    }
    out += sv(num);
    prev_end = offset_in(s, in);
  }
  return out;
}

}  // namespace

std::vector<DateMatch> find_dates(std::string_view s) {
  std::vector<DateMatch> out;
  re2::StringPiece in(s.data(), s.size());
  re2::StringPiece whole, a, b, c;
  // Kazakh: "2019 жылғы 11 сәуірдегі"
  while (RE2::FindAndConsume(&in, patterns::kDateKk(), &whole, &a, &b, &c)) {
    Date d{std::stoi(std::string(sv(a))), text::to_lower(sv(c)).empty() ? 0 : kk_month(text::to_lower(sv(c))),
           std::stoi(std::string(sv(b)))};
    if (d.valid()) out.push_back({d, offset_in(s, whole), offset_in(s, whole) + whole.size()});
  }
  in = re2::StringPiece(s.data(), s.size());
  // Russian: "11 апреля 2019 года"
  while (RE2::FindAndConsume(&in, patterns::kDateRu(), &whole, &a, &b, &c)) {
    Date d{std::stoi(std::string(sv(c))), ru_month(text::to_lower(sv(b))), std::stoi(std::string(sv(a)))};
    if (d.valid()) out.push_back({d, offset_in(s, whole), offset_in(s, whole) + whole.size()});
  }
  in = re2::StringPiece(s.data(), s.size());
  // Numeric: "20.10.2025", "2009.04.22."
  while (RE2::FindAndConsume(&in, patterns::kDateNumeric(), &whole)) {
    const std::size_t begin = offset_in(s, whole);
    if (begin > 0 && (text::is_digit(static_cast<unsigned char>(s[begin - 1])) || s[begin - 1] == '.'))
      continue;
    if (auto d = parse_date_numeric(sv(whole))) out.push_back({*d, begin, begin + whole.size()});
  }
  std::sort(out.begin(), out.end(), [](const DateMatch& x, const DateMatch& y) { return x.begin < y.begin; });
  return out;
}

std::string find_number(std::string_view s, std::size_t from, std::size_t* end) {
  if (from > s.size()) return {};
  re2::StringPiece in(s.data() + from, s.size() - from);
  re2::StringPiece num;
  if (!RE2::PartialMatch(in, patterns::kActNumber(), &num)) return {};
  std::string_view n = sv(num);
  while (!n.empty() && (n.back() == '.' || n.back() == ',' || n.back() == '-')) n.remove_suffix(1);
  if (end) *end = offset_in(s, num) + n.size();
  // A convocation number is a Roman numeral; sources often type it with Cyrillic "І" (U+0406):
  // "№ 267-ІІ", "245-VІ". The number is an identifier, so it is normalised to Latin "I" (the
  // text itself is untouched) — "267-II" then finds the act whichever letter was typed.
  std::string out(n);
  const std::size_t dash = out.rfind('-');
  if (dash != std::string::npos) {
    std::string tail = out.substr(dash + 1);
    bool roman = !tail.empty();
    std::string latin;
    for (std::size_t i = 0; i < tail.size();) {
      if (tail.compare(i, 2, "І") == 0) {
        latin += 'I';
        i += 2;
      } else if (tail[i] == 'I' || tail[i] == 'V' || tail[i] == 'X') {
        latin += tail[i++];
      } else {
        roman = false;
        break;
      }
    }
    if (roman) out = out.substr(0, dash + 1) + latin;
  }
  return out;
}

std::string act_type_of(std::string_view word) {
  const std::string w = text::to_lower(word);
  auto starts = [&](std::string_view p) { return std::string_view(w).substr(0, p.size()) == p; };
  if (starts("бұйрық") || starts("бұйрығ") || starts("приказ")) return "order";
  if (starts("қаулы") || starts("постановлени")) return "decree";
  if (starts("заң") || starts("закон")) return "law";
  if (starts("жарлық") || starts("жарлығ") || starts("указ")) return "edict";
  if (starts("кодекс")) return "code";
  if (starts("шешім") || starts("решени")) return "decision";
  return {};
}

ActRef parse_act_citation(std::string_view s) {
  ActRef ref;
  auto dates = find_dates(s);
  std::size_t after = 0;
  if (!dates.empty()) {
    ref.date = dates.front().date;
    after = dates.front().end;
  }
  // The number follows its date directly ("2019 жылғы 11 сәуірдегі № 37/НҚ", "от ... года № 118");
  // a "№" further on belongs to something else ("Жаршысы, 2001 ж., N 23").
  std::size_t num_end = after;
  std::size_t k = after;
  while (k < s.size() && s[k] == ' ') ++k;
  if (s.compare(k, 3, "№") == 0 || s.compare(k, 2, "N ") == 0 || dates.empty())
    ref.number = find_number(s, k, &num_end);
  re2::StringPiece reg;
  if (RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), patterns::kRegistration(), &reg))
    ref.registration = std::string(sv(reg));
  if (ref.registration == ref.number) ref.registration.clear();
  // The form word follows the number ("№ 37/НҚ бұйрығына") or precedes the date in Russian
  // ("приказом ... от 20.10.2025"); take the first act word after the number, else before.
  // A title in quotes right after the number ("№ 936 «О некоторых вопросах ... и внесении
  // изменений в некоторые решения ...»") holds other act words: the form word is then the one
  // before the date.
  std::size_t after_num = num_end;
  while (after_num < s.size() && s[after_num] == ' ') ++after_num;
  const bool title_follows = s.compare(after_num, 2, "«") == 0 || s.compare(after_num, 1, "\"") == 0;
  re2::StringPiece in(s.data() + num_end, title_follows ? 0 : s.size() - num_end);
  re2::StringPiece word;
  while (RE2::FindAndConsume(&in, patterns::kWord(), &word)) {
    if (auto t = act_type_of(sv(word)); !t.empty()) {
      ref.type = t;
      break;
    }
  }
  if (ref.type.empty()) {
    in = re2::StringPiece(s.data(), dates.empty() ? s.size() : dates.front().begin);
    while (RE2::FindAndConsume(&in, patterns::kWord(), &word))
      if (auto t = act_type_of(sv(word)); !t.empty()) ref.type = t;
  }
  return ref;
}

ActRef parse_listed_act(std::string_view item, Language lang) {
  if (lang != Language::kk) return parse_act_citation(item);
  // "бұйрығына", "қаулысына", "Заңына", "шешіміне": the dative of a title ("... енгізу туралы").
  static const RE2 kDative(R"((?i)^\p{L}+(?:на|не|ға|ге|қа|ке)$)");
  std::optional<ActRef> best;
  for (const DateMatch& d : find_dates(item)) {
    ActRef ref = parse_act_citation(item.substr(d.begin));
    if (ref.number.empty()) continue;
    // The form word right after the number.
    std::size_t num_end = 0;
    find_number(item, d.end, &num_end);
    re2::StringPiece rest(item.data() + num_end, item.size() - num_end);
    re2::StringPiece word;
    if (RE2::FindAndConsume(&rest, patterns::kWord(), &word) && RE2::FullMatch(word, kDative)) continue;
    best = ref;
  }
  return best ? *best : parse_act_citation(item);
}

int number_word_value(std::string_view words) {
  int total = 0;
  re2::StringPiece in(words.data(), words.size());
  re2::StringPiece w;
  while (RE2::FindAndConsume(&in, patterns::kWord(), &w)) {
    std::string lw = text::to_lower(sv(w));
    if (std::all_of(lw.begin(), lw.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      total += std::stoi(lw);
      continue;
    }
    bool found = false;
    for (const auto& nw : kNumberWords)
      if (lw == nw.word) {
        total += nw.value;
        found = true;
      }
    if (!found) break;
  }
  return total;
}

int ordinal_value(std::string_view word) {
  const std::string w = text::to_lower(word);
  for (const auto& o : kOrdinals)
    if (std::string_view(w).substr(0, o.word.size()) == o.word) return o.value;
  return 0;
}

bool mentions_eif(std::string_view s) {
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), patterns::kEifMention());
}

EntryIntoForce parse_eif(std::string_view s) {
  EntryIntoForce e;
  e.text = std::string(text::trim(s));
  const std::string lower = text::to_lower(s);
  const re2::StringPiece in(lower.data(), lower.size());
  re2::StringPiece a;
  if (RE2::PartialMatch(in, patterns::kEifSeeUnit(), &a)) {
    e.kind = EifKind::see_unit;
    e.ref = std::string(text::trim(sv(a)));
  } else if (RE2::PartialMatch(in, patterns::kEifDaysKk(), &a) ||
             RE2::PartialMatch(in, patterns::kEifDaysRu(), &a)) {
    e.kind = EifKind::days_after_publication;
    e.amount = number_word_value(sv(a));
    if (e.amount == 0) e.kind = EifKind::raw;
  } else if (RE2::PartialMatch(in, patterns::kEifMonthsKk(), &a) ||
             RE2::PartialMatch(in, patterns::kEifMonthsRu(), &a)) {
    e.kind = EifKind::months_after_publication;
    e.amount = number_word_value(sv(a));
    if (e.amount == 0) e.kind = EifKind::raw;
  } else if (RE2::PartialMatch(in, patterns::kEifFromDate())) {
    auto dates = find_dates(s);
    if (!dates.empty()) {
      e.kind = EifKind::from_date;
      e.date = dates.back().date;
    } else {
      e.kind = EifKind::raw;
    }
  } else if (RE2::PartialMatch(in, patterns::kEifSigning())) {
    e.kind = EifKind::from_signing;
  } else if (RE2::PartialMatch(in, patterns::kEifPublication())) {
    e.kind = EifKind::from_publication;
  } else if (RE2::PartialMatch(in, patterns::kEifAfterEvent())) {
    e.kind = EifKind::after_event;
  } else {
    e.kind = EifKind::raw;
  }
  if (RE2::PartialMatch(in, patterns::kEifException()))
    e.exceptions.push_back({std::string(), std::nullopt, e.text});
  return e;
}

std::vector<UnitStep> parse_unit_path(std::string_view s, Language lang) {
  std::vector<UnitStep> steps;
  const std::string lower = text::to_lower(s);
  const re2::StringPiece whole(lower.data(), lower.size());
  re2::StringPiece in = whole;
  re2::StringPiece nums, noun;
  if (lang == Language::ru) {
    while (RE2::FindAndConsume(&in, patterns::kUnitRefRu(), &noun, &nums))
      steps.push_back({kind_of_noun(sv(noun)), number_list(sv(nums))});
    in = whole;
    re2::StringPiece ord;
    while (RE2::FindAndConsume(&in, patterns::kOrdinalRefRu(), &noun, &ord))
      steps.push_back({UnitKind::part, std::to_string(ordinal_value(sv(ord)))});
  } else {
    while (RE2::FindAndConsume(&in, patterns::kUnitRefKk(), &nums, &noun))
      steps.push_back({kind_of_noun(sv(noun)), number_list(sv(nums))});
    in = whole;
    re2::StringPiece ord;
    while (RE2::FindAndConsume(&in, patterns::kOrdinalRefKk(), &ord, &noun))
      steps.push_back({UnitKind::part, std::to_string(ordinal_value(sv(ord)))});
  }
  std::stable_sort(steps.begin(), steps.end(), [](const UnitStep& x, const UnitStep& y) {
    return paragraphs::rank(x.kind) < paragraphs::rank(y.kind);
  });
  // "абзац первый части первой": an abzac of a part. Parts and abzacs are both lines of the unit
  // here, so the finer one (named first in Russian, last in Kazakh) stands for both.
  while (steps.size() >= 2 && steps[steps.size() - 1].kind == UnitKind::part &&
         steps[steps.size() - 2].kind == UnitKind::part) {
    UnitStep keep = lang == Language::ru ? steps[steps.size() - 2] : steps.back();
    steps.pop_back();
    steps.back() = keep;
  }
  return steps;
}


std::vector<UnitStep> within(std::vector<UnitStep> scope, const std::vector<UnitStep>& path) {
  if (path.empty()) return scope;
  // "в части третьей пункта 2: подпункт 2)": a part (abzac) scope is kept in front of a finer
  // unit, so that a point with several lists can tell which list is meant ("…__al_3__point_2").
  const bool keep_part = !scope.empty() && scope.back().kind == UnitKind::part &&
                         (path.front().kind == UnitKind::subpoint);
  std::optional<UnitStep> part;
  if (keep_part) {
    part = scope.back();
    scope.pop_back();
  }
  while (!scope.empty() && paragraphs::rank(scope.back().kind) >= paragraphs::rank(path.front().kind)) scope.pop_back();
  if (part) scope.push_back(*part);
  scope.insert(scope.end(), path.begin(), path.end());
  return scope;
}

std::string eid_component(UnitKind kind, std::string_view num) {
  std::string prefix;
  switch (kind) {
    case UnitKind::title: return "title";
    case UnitKind::preamble: return "preamble";
    case UnitKind::formula: return "formula";
    case UnitKind::signature: return "signature";
    case UnitKind::section: prefix = "sec"; break;
    case UnitKind::chapter: prefix = "chp"; break;
    case UnitKind::paragraph: prefix = "subchp"; break;
    case UnitKind::article: prefix = "art"; break;
    case UnitKind::point: prefix = "para"; break;
    case UnitKind::subpoint: prefix = "point"; break;
    case UnitKind::part: prefix = "al"; break;
    case UnitKind::appendix: prefix = "app"; break;
  }
  std::string n;
  for (char ch : num) n += (ch == ',' ? '+' : ch);
  return prefix + "_" + n;
}

std::string eid_of(const std::vector<UnitStep>& path) {
  std::string out;
  for (const UnitStep& st : path) {
    if (!out.empty()) out += "__";
    out += eid_component(st.kind, st.num);
  }
  return out;
}

}  // namespace zanline::refs
