#include <algorithm>

#include "zanline/query.hpp"

namespace zanline {
namespace {

std::optional<Date> publication_of(const Event& e, const Publication& pub) {
  if (e.type == EventType::entry_into_force || (e.source.number.empty() && e.source_code.empty()))
    return pub.self;
  for (const auto& [key, date] : pub.acts) {
    if (!e.source.number.empty() && key == e.source.number) return date;
    if (!e.source_code.empty() && key == e.source_code) return date;
    if (e.source.date && key == e.source.number + "@" + e.source.date->iso()) return date;
  }
  return std::nullopt;
}

std::string rule_text(const Event& e) {
  const Effect& f = e.effective;
  std::string who = e.type == EventType::entry_into_force ? "the act" : describe_source(e);
  switch (f.rule) {
    case EifKind::days_after_publication:
      return std::to_string(f.amount) + " calendar days after the first official publication of " + who +
             " (publication date unknown: give --published)";
    case EifKind::months_after_publication:
      return std::to_string(f.amount) + " month(s) after the official publication of " + who +
             " (publication date unknown: give --published)";
    case EifKind::from_publication:
      return "on the official publication of " + who + " (date unknown: give --published)";
    case EifKind::after_event:
      return "after an event without a date: \"" + f.text + "\"";
    case EifKind::see_unit:
      return "as the entry-into-force article of " + who + " says (" + f.text + ")";
    case EifKind::none:
      return "on the entry into force of " + who + ", which the texts do not state";
    default:
      return "on the entry into force of " + who + ": \"" + f.text + "\"";
  }
}

bool covers_unit(std::string_view eid, std::string_view unit) {
  if (unit.empty()) return true;
  return eid == unit || (eid.size() > unit.size() + 2 && eid.substr(0, unit.size()) == unit &&
                         eid.substr(unit.size(), 2) == "__");
}

}  // namespace

const char* to_string(Status s) {
  switch (s) {
    case Status::in_force: return "in_force";
    case Status::not_yet_in_force: return "not_yet_in_force";
    case Status::pending: return "pending";
    case Status::repealed: return "repealed";
    case Status::excluded: return "excluded";
    case Status::unknown: return "unknown";
    case Status::absent: return "absent";
  }
  return "?";
}

std::string describe_source(const Event& e) {
  if (e.source.number.empty() && !e.source.date) {
    if (!e.source_code.empty()) return "act code " + e.source_code;
    return e.type == EventType::edition ? "an unnamed change (" + e.note + ")" : "the act itself";
  }
  std::string s = e.source.type.empty() ? "act" : e.source.type;
  if (!e.source.number.empty()) s += " № " + e.source.number;
  if (e.source.date) s += " of " + e.source.date->iso();
  return s;
}

std::optional<Date> resolve_effect(const Event& e, const Publication& pub) {
  const Effect& f = e.effective;
  if (f.date) return f.date;
  switch (f.rule) {
    case EifKind::days_after_publication:
      if (auto p = publication_of(e, pub)) return p->add_days(f.amount + 1);
      return std::nullopt;
    case EifKind::months_after_publication:
      if (auto p = publication_of(e, pub)) return p->add_months(f.amount).add_days(1);
      return std::nullopt;
    case EifKind::from_publication:
      return publication_of(e, pub);
    case EifKind::from_signing:
      return e.date;
    default:
      return std::nullopt;
  }
}

bool AtResult::has_result() const {
  return std::any_of(units.begin(), units.end(), [](const UnitState& u) {
    return u.status == Status::in_force || u.status == Status::pending || u.status == Status::excluded;
  });
}

AtResult at(const Timeline& t, Date date, Language lang, std::string_view unit, const Publication& pub) {
  AtResult r;
  r.date = date;
  r.lang = lang;

  // The act as a whole.
  const Event* eif = nullptr;
  const Event* repeal = nullptr;
  for (const Event& e : t.events) {
    if (e.type == EventType::entry_into_force && !eif) eif = &e;
    if (e.type == EventType::repealed && !repeal) repeal = &e;
  }
  if (t.date && date < *t.date) {
    r.act.status = Status::absent;
    r.act.reason = "the act was adopted on " + t.date->iso();
  } else if (eif) {
    const auto eff = resolve_effect(*eif, pub);
    r.act.since = eff;
    r.act.by = "the act itself";
    if (!eff) {
      r.act.status = Status::pending;
      r.act.reason = "enters into force " + rule_text(*eif);
    } else {
      r.act.status = date < *eff ? Status::not_yet_in_force : Status::in_force;
      if (date < *eff) r.act.reason = "enters into force on " + eff->iso();
    }
  }
  bool act_repealed = false;
  if (repeal && r.act.status != Status::absent) {
    const auto eff = resolve_effect(*repeal, pub);
    if (eff && date >= *eff) {
      act_repealed = true;
      r.act.status = Status::repealed;
      r.act.since = eff;
      r.act.by = describe_source(*repeal);
      r.act.reason = "repealed by " + r.act.by + " from " + eff->iso();
    } else if (!eff && repeal->date && date >= *repeal->date) {
      r.act.status = Status::pending;
      r.act.by = describe_source(*repeal);
      r.act.reason = "repealed by " + r.act.by + "; the repeal takes effect " + rule_text(*repeal);
    }
  }

  for (const Event& e : t.events)
    if (!e.not_applied.empty() && e.date && *e.date <= date)
      for (const std::string& na : e.not_applied)
        r.warnings.push_back("not applied (" + describe_source(e) + "): " + na);

  const Expression* x = t.expression(lang);
  if (!x) return r;
  for (const UnitTimeline& u : x->units) {
    if (!covers_unit(u.eid, unit)) continue;
    UnitState s;
    s.eid = u.eid;
    s.kind = u.kind;
    s.num = u.num;
    const Version* current = nullptr;  // the last version known to apply on `date`
    const Event* current_event = nullptr;
    std::vector<std::pair<const Version*, const Event*>> pending;  // made, start unknown
    const Version* future = nullptr;  // made, starts after `date`
    std::optional<Date> next_start;
    for (const Version& v : u.versions) {
      const Event* e = t.event(v.from);
      if (!e) continue;
      const auto eff = resolve_effect(*e, pub);
      const auto made = e->date ? e->date : eff;
      if (made && *made > date) {  // not even adopted yet
        if (eff && (!next_start || *eff < *next_start)) next_start = eff;
        continue;
      }
      if (eff && *eff <= date) {
        current = &v;
        current_event = e;
        pending.clear();
        future = nullptr;
        next_start.reset();
      } else if (!eff) {
        pending.emplace_back(&v, e);
      } else {
        if (!future) future = &v;
        if (!next_start || *eff < *next_start) next_start = eff;
      }
    }
    // A version that ended without a successor (the unit was removed) ends the unit.
    bool removed = false;
    if (current && !current->to.empty()) {
      const Event* end = t.event(current->to);
      const bool successor = std::any_of(u.versions.begin(), u.versions.end(),
                                         [&](const Version& v) { return v.from == current->to; });
      if (end && end->type != EventType::repealed && !successor) {
        const auto eff = resolve_effect(*end, pub);
        if (eff && *eff <= date) removed = true;
        if (eff && *eff > date) s.until = eff;
      }
    }
    if (removed) {
      s.status = Status::absent;
      s.reason = "removed by " + describe_source(*t.event(current->to));
    } else if (current) {
      s.heading = current->heading;
      s.text = current->text;
      s.event = current->from;
      s.since = resolve_effect(*current_event, pub);
      s.by = current_event->type == EventType::entry_into_force ? "the act itself" : describe_source(*current_event);
      switch (current->status) {
        case VersionStatus::text: s.status = Status::in_force; break;
        case VersionStatus::excluded: s.status = Status::excluded; break;
        case VersionStatus::repealed: s.status = Status::repealed; break;
        case VersionStatus::unknown:
          s.status = Status::unknown;
          s.reason = "changed by " + s.by + "; the wording before the next known edition is not in the texts";
          break;
      }
      if (next_start) s.until = next_start;
    } else if (!pending.empty()) {
      // Adopted, but when it applies depends on a date we do not know. Shown: the wording
      // before the newest one (the newest is reported as pending_text below).
      const auto& [v, e] = pending.size() >= 2 ? pending[pending.size() - 2] : pending.front();
      s.status = Status::pending;
      s.heading = v->heading;
      s.text = v->text;
      s.event = v->from;
      s.by = e->type == EventType::entry_into_force ? "the act itself" : describe_source(*e);
      s.reason = "applies " + rule_text(*e);
      if (next_start) s.until = next_start;
    } else if (future) {
      const Event* e = t.event(future->from);
      s.status = Status::not_yet_in_force;
      s.heading = future->heading;
      s.text = future->text;
      s.event = future->from;
      s.since = e ? resolve_effect(*e, pub) : std::nullopt;
      s.by = e && e->type != EventType::entry_into_force ? describe_source(*e) : "the act itself";
      s.reason = s.since ? "applies from " + s.since->iso() : "";
    } else {
      s.status = Status::absent;
      if (!u.versions.empty())
        if (const Event* e = t.event(u.versions.front().from); e && e->date)
          s.reason = "inserted by " + describe_source(*e) + " of " + e->date->iso();
    }
    // A newer wording waits on an unknown date: the one we show may no longer apply.
    if (!pending.empty() && s.status != Status::absent && (current || pending.size() > 1)) {
      // (status stays pending; the text above is the last wording before this one)
      const auto& [v, e] = pending.back();
      s.status = Status::pending;
      s.pending_text = v->text;
      s.reason = "a new wording by " + describe_source(*e) + " applies " + rule_text(*e);
    }
    if (act_repealed && s.status != Status::absent) {
      s.status = Status::repealed;
      s.reason = r.act.reason;
    }
    r.units.push_back(std::move(s));
  }
  return r;
}

std::vector<HistoryEntry> history(const Timeline& t, Language lang, std::string_view eid, const Publication& pub) {
  std::vector<HistoryEntry> out;
  const Expression* x = t.expression(lang);
  if (!x) return out;
  for (const UnitTimeline& u : x->units) {
    if (u.eid != eid) continue;
    for (const Version& v : u.versions) {
      HistoryEntry h;
      h.version = v;
      if (const Event* e = t.event(v.from)) {
        h.from = resolve_effect(*e, pub);
        if (!h.from) h.from_rule = rule_text(*e);
        h.by = e->type == EventType::entry_into_force ? "the act itself" : describe_source(*e);
      }
      if (!v.to.empty())
        if (const Event* e = t.event(v.to)) h.to = resolve_effect(*e, pub);
      out.push_back(std::move(h));
    }
  }
  return out;
}

}  // namespace zanline
