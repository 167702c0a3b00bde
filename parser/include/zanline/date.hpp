// zanline/date.hpp — calendar dates as Kazakh legal texts write them.
//
//   auto d = zanline::parse_date_kk("2019 жылғы 11 сәуірдегі");   // 2019-04-11
//   auto r = zanline::parse_date_ru("от 11 апреля 2019 года");      // 2019-04-11
//   auto n = zanline::parse_date_numeric("20.10.2025");             // 2025-10-20
//   d->add_days(10).iso();                                          // "2019-04-21"
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace zanline {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // Proleptic Gregorian; false for 2021-02-29, month 13 ...
  bool valid() const;
  std::string iso() const;  // "2022-04-19"
  long days_since_epoch() const;  // 1970-01-01 = 0
  static Date from_days(long days);
  Date add_days(long n) const { return from_days(days_since_epoch() + n); }
  Date add_months(int n) const;  // day clamped to the month's length
  auto operator<=>(const Date&) const = default;
};

// "2022-04-19"; nullopt unless the date exists.
std::optional<Date> parse_iso_date(std::string_view s);
// "20.10.2025", "2006.03.02", "2009.04.22.", "2015.29.12." (day/month swapped when month > 12).
std::optional<Date> parse_date_numeric(std::string_view s);
// Month number (1-12) of a Kazakh month stem at the start of `word` ("сәуірдегі" -> 4), else 0.
int kk_month(std::string_view word);
// Month number of a Russian month in the genitive ("апреля" -> 4), else 0.
int ru_month(std::string_view word);

}  // namespace zanline
