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

}  // namespace zanline
