#include "zanline/timeline.hpp"

namespace zanline {

const Event* Timeline::event(const std::string& event_id) const {
  for (const Event& e : events)
    if (e.id == event_id) return &e;
  return nullptr;
}

const Expression* Timeline::expression(Language lang) const {
  for (const Expression& x : expressions)
    if (x.lang == lang) return &x;
  return nullptr;
}

const char* to_string(EventType t) {
  switch (t) {
    case EventType::adopted: return "adopted";
    case EventType::registered: return "registered";
    case EventType::entry_into_force: return "entry-into-force";
    case EventType::amended: return "amended";
    case EventType::repealed: return "repealed";
    case EventType::edition: return "edition";
  }
  return "?";
}

const char* to_string(VersionStatus s) {
  switch (s) {
    case VersionStatus::text: return "text";
    case VersionStatus::excluded: return "excluded";
    case VersionStatus::repealed: return "repealed";
    case VersionStatus::unknown: return "unknown";
  }
  return "?";
}

UnitList flatten(const Document& doc) {
  UnitList out;
  for_each_unit(doc.body, [&](const Unit& u) {
    out.push_back({u.eid, u.kind, u.num, u.heading, u.status == UnitStatus::normal ? u.text : std::string(), u.status,
                   u.status_text, u.after_line});
  });
  return out;
}

Version version_of(const FlatUnit& u, const std::string& from, const std::string& source) {
  Version v;
  v.from = from;
  v.status = u.status == UnitStatus::excluded   ? VersionStatus::excluded
             : u.status == UnitStatus::repealed ? VersionStatus::repealed
                                                : VersionStatus::text;
  v.heading = u.heading;
  v.text = u.status == UnitStatus::normal ? u.text : u.status_text;
  v.source = source;
  return v;
}

}  // namespace zanline
