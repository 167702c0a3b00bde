// zanline/query.hpp — point-in-time answers from a Timeline.
//
//   zanline::Publication pub;                        // what we know of publication dates
//   pub.self = zanline::parse_iso_date("2022-04-28");
//   zanline::AtResult r = zanline::at(timeline, *zanline::parse_iso_date("2022-05-09"),
//                                     zanline::Language::kk, "para_2", pub);
//   r.act.status;          // Status::in_force
//   r.units[0].text;       // the wording in force that day
//   r.units[0].by;         // which act made it so
//
// Nothing is guessed: a start that waits on an unknown publication date is `pending`, a wording
// we do not have is `unknown`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zanline/timeline.hpp"

namespace zanline {

enum class Status { in_force, not_yet_in_force, pending, repealed, excluded, unknown, absent };
const char* to_string(Status);

// Publication dates known from outside the texts (--published): of the act itself, and of other
// acts by number ("350", "47-IV"), zan.gov.kz code ("156155") or "number@date".
struct Publication {
  std::optional<Date> self;
  std::vector<std::pair<std::string, Date>> acts;
};

// When an event takes effect, given what is known of publications; nullopt = not known.
std::optional<Date> resolve_effect(const Event& e, const Publication& pub);
// "law 47-IV of 2008-06-25" / "the act itself" — who caused an event, for people.
std::string describe_source(const Event& e);

struct UnitState {
  std::string eid;
  UnitKind kind = UnitKind::part;
  std::string num;
  std::string heading;
  std::string text;
  Status status = Status::absent;
  std::optional<Date> since;  // the wording applies from this date
  std::optional<Date> until;  // ... to this date (exclusive), when known
  std::string event;          // id of the event it applies from
  std::string by;             // the act that made it so
  std::string pending_text;   // pending: the wording that waits for its entry into force
  std::string reason;         // pending / unknown / absent: why, in words
};

struct ActState {
  Status status = Status::absent;
  std::optional<Date> since;
  std::string by;
  std::string reason;
};

struct AtResult {
  Date date;
  Language lang = Language::unknown;
  ActState act;
  std::vector<UnitState> units;
  // Changes made by that day whose instructions were not all applied (ingest --partial): the
  // wording shown may be incomplete.
  std::vector<std::string> warnings;
  bool has_result() const;  // something is in force (or pending) that day
};

// The state on `date` of every unit whose eId equals `unit` or starts with `unit + "__"`
// (all units when `unit` is empty), in the expression `lang`.
AtResult at(const Timeline& t, Date date, Language lang, std::string_view unit, const Publication& pub);

struct HistoryEntry {
  Version version;
  std::optional<Date> from;  // resolved
  std::optional<Date> to;
  std::string from_rule;     // when `from` is not known: the rule it waits on
  std::string by;
};

std::vector<HistoryEntry> history(const Timeline& t, Language lang, std::string_view eid, const Publication& pub);

}  // namespace zanline
