// zanline/timeline.hpp — the versioned history of one act: events, and every unit's versions
// with validity intervals, in each language (expression) of the act.
//
//   zanline::Timeline t = zanline::build_timeline(editions, diagnostics);   // from parsed texts
//   std::string xml = zanline::timeline_to_xml(t);                       // schema/timeline.xsd
//   zanline::Timeline back = zanline::timeline_from_xml(xml, &error);     // round trip: identical
//
// An interval [from, to) names events, not dates: "from the entry into force of the amending act
// No. 350" stays a rule until the publication date is known, and every interval waiting on that
// event resolves when it is (see query.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "zanline/document.hpp"

namespace zanline {

enum class EventType {
  adopted,
  registered,
  entry_into_force,  // of the act itself
  amended,           // a change made by another act (its own entry into force is `effective`)
  repealed,          // the whole act
  edition,           // an edition of the text is known from this date (no cause known)
};

// When something takes effect. Exactly one of: a date; a rule awaiting a date; unknown.
struct Effect {
  std::optional<Date> date;
  EifKind rule = EifKind::none;  // days/months_after_publication, after_event, see_unit, raw
  int amount = 0;                // N of the rule
  std::string text;              // the clause as written (provenance)
  bool known() const { return date.has_value(); }
};

struct Event {
  std::string id;  // "e1", "e2", ... in order of creation
  EventType type = EventType::edition;
  std::optional<Date> date;  // when it happened (adoption of the causing act, edition date)
  Effect effective;          // when it takes effect
  ActRef source;             // the act that caused it; empty for the act itself
  std::string source_code;   // zan.gov.kz code of that act when known ("45379")
  std::string note;          // the note or edition it was read from
  // Languages of the causing act applied by `zanline ingest` (its own text, not an edition's
  // note): ingesting the same act in one of them again changes nothing.
  std::vector<Language> ingested;
  // Instructions of the causing act that could not be applied (ingest --partial): their text and
  // why. Queries warn about them: the wording after this event may be incomplete.
  std::vector<std::string> not_applied;
};

enum class VersionStatus { text, excluded, repealed, unknown };

struct Version {
  std::string from;  // event id; the version is valid from that event's effect
  std::string to;    // event id; "" = open
  VersionStatus status = VersionStatus::text;
  std::string heading;
  std::string text;
  std::string source;  // id of the source file it was read from ("s3"), "" for unknown
};

struct UnitTimeline {
  std::string eid;
  UnitKind kind = UnitKind::part;
  std::string num;
  int after_line = 0;  // lines of the parent's text before it (see Unit::after_line)
  std::vector<Version> versions;  // in time order, non-overlapping
};

struct SourceFile {
  std::string id;    // "s1"
  Language lang = Language::unknown;
  std::optional<Date> date;  // edition date
  std::string path;  // relative to the store's act folder: "sources/kk/2020-06-10.md"
  std::string sha256;
  std::string origin;  // where it was read from when built
};

struct Expression {
  Language lang = Language::unknown;
  std::string title;
  std::vector<UnitTimeline> units;  // in document order of the latest edition
};

struct Timeline {
  std::string id;   // store key: the zan.gov.kz code ("10612") or "order-2022-04-19-130-nk"
  std::string uri;  // "/akn/kz/act/order/2022-04-19/130-nk"
  std::string type;
  std::optional<Date> date;
  std::string number;
  std::string registration;
  std::optional<Date> registered;
  std::string act_code;
  std::vector<Event> events;
  std::vector<SourceFile> sources;
  std::vector<Expression> expressions;

  const Event* event(const std::string& id) const;
  const Expression* expression(Language lang) const;
};

// One unit, flattened: the tree is kept in the eIds ("app_1__para_2__point_1").
struct FlatUnit {
  std::string eid;
  UnitKind kind = UnitKind::part;
  std::string num;
  std::string heading;
  std::string text;
  UnitStatus status = UnitStatus::normal;
  std::string status_text;
  int after_line = 0;  // see Unit::after_line
  bool operator==(const FlatUnit&) const = default;
};
using UnitList = std::vector<FlatUnit>;  // in document order

UnitList flatten(const Document& doc);
// The version a flattened unit reads as, from event `from`, read from source `source`.
Version version_of(const FlatUnit& u, const std::string& from, const std::string& source);

const char* to_string(EventType);
const char* to_string(VersionStatus);

// XML in the namespace urn:zanline:timeline:1 (schema/timeline.xsd). Writing is deterministic and
// reading then writing gives the same bytes.
std::string timeline_to_xml(const Timeline& t);
std::optional<Timeline> timeline_from_xml(const std::string& xml, std::string* error);

}  // namespace zanline
