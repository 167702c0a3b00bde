#include "zanline/date.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace zanline {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

std::optional<int> to_int(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// A month stem and the month number it names. Kazakh stems are matched as prefixes because the
// case suffix follows directly: "сәуірдегі", "наурызда", "қаңтардан".
struct MonthStem {
  std::string_view stem;
  int month;
};

constexpr std::array<MonthStem, 12> kKkMonths = {{
    {"қаңтар", 1}, {"ақпан", 2}, {"наурыз", 3}, {"сәуір", 4}, {"мамыр", 5}, {"маусым", 6},
    {"шілде", 7}, {"тамыз", 8}, {"қыркүйек", 9}, {"қазан", 10}, {"қараша", 11},
    {"желтоқсан", 12},
}};

constexpr std::array<MonthStem, 12> kRuMonths = {{
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
    {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11},
    {"декабря", 12},
}};

}  // namespace

bool Date::valid() const {
  return year >= 1800 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days.
long Date::days_since_epoch() const {
  const int y = year - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

Date Date::add_months(int n) const {
  int total = year * 12 + (month - 1) + n;
  Date r{total / 12, total % 12 + 1, day};
  if (r.day > days_in_month(r.year, r.month)) r.day = days_in_month(r.year, r.month);
  return r;
}

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = to_int(s.substr(0, 4)), m = to_int(s.substr(5, 2)), d = to_int(s.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  Date r{*y, *m, *d};
  return r.valid() ? std::optional<Date>(r) : std::nullopt;
}

std::optional<Date> parse_date_numeric(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.size() != 10) return std::nullopt;
  Date r;
  if (s[2] == '.' && s[5] == '.') {  // DD.MM.YYYY
    auto d = to_int(s.substr(0, 2)), m = to_int(s.substr(3, 2)), y = to_int(s.substr(6, 4));
    if (!d || !m || !y) return std::nullopt;
    r = {*y, *m, *d};
  } else if (s[4] == '.' && s[7] == '.') {  // YYYY.MM.DD (old Kazakh notes)
    auto y = to_int(s.substr(0, 4)), m = to_int(s.substr(5, 2)), d = to_int(s.substr(8, 2));
    if (!d || !m || !y) return std::nullopt;
    r = {*y, *m, *d};
    if (r.month > 12 && r.day <= 12) std::swap(r.month, r.day);  // "2015.29.12." outlier
  } else {
    return std::nullopt;
  }
  return r.valid() ? std::optional<Date>(r) : std::nullopt;
}

int kk_month(std::string_view word) {
  for (const auto& m : kKkMonths)
    if (word.substr(0, m.stem.size()) == m.stem) return m.month;
  return 0;
}

int ru_month(std::string_view word) {
  for (const auto& m : kRuMonths)
    if (word == m.stem) return m.month;
  return 0;
}

}  // namespace zanline
