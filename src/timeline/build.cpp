#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "zanline/build.hpp"
#include "zanline/hash.hpp"
#include "zanline/parser.hpp"

namespace zanline {
namespace {

std::string translit(char32_t c) {
  switch (c) {
    case U'а': case U'ә': return "a";
    case U'б': return "b";
    case U'в': return "v";
    case U'г': case U'ғ': return "g";
    case U'д': return "d";
    case U'е': case U'ё': case U'э': return "e";
    case U'ж': return "zh";
    case U'з': return "z";
    case U'и': case U'й': case U'і': case U'ы': return "i";
    case U'к': case U'қ': return "k";
    case U'л': return "l";
    case U'м': return "m";
    case U'н': case U'ң': return "n";
    case U'о': case U'ө': return "o";
    case U'п': return "p";
    case U'р': return "r";
    case U'с': return "s";
    case U'т': return "t";
    case U'у': case U'ұ': case U'ү': return "u";
    case U'ф': return "f";
    case U'х': case U'һ': return "h";
    case U'ц': return "ts";
    case U'ч': return "ch";
    case U'ш': return "sh";
    case U'щ': return "sch";
    case U'ю': return "iu";
    case U'я': return "ia";
    default: return "";
  }
}

char32_t lower_cyrillic(char32_t c) {
  if (c >= U'А' && c <= U'Я') return c + 0x20;
  if (c >= U'Ѐ' && c <= U'Џ') return c + 0x50;
  switch (c) {
    case U'Ә': return U'ә';
    case U'Ғ': return U'ғ';
    case U'Қ': return U'қ';
    case U'Ң': return U'ң';
    case U'Ө': return U'ө';
    case U'Ұ': return U'ұ';
    case U'Ү': return U'ү';
    case U'Һ': return U'һ';
    case U'І': return U'і';
    default: return c;
  }
}

char32_t next_cp(const std::string& s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k)
    c = (c << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
  i += static_cast<std::size_t>(len);
  return c;
}

}  // namespace

Effect effect_of(const EntryIntoForce& eif, const std::optional<Date>& adopted) {
  Effect e;
  e.text = eif.text;
  switch (eif.kind) {
    case EifKind::from_date:
      e.date = eif.date;
      if (!e.date) e.rule = EifKind::raw;
      break;
    case EifKind::from_signing:
      e.date = adopted;
      if (!e.date) e.rule = EifKind::from_signing;
      break;
    case EifKind::none:
      break;
    default:
      e.rule = eif.kind;
      e.amount = eif.amount;
      break;
  }
  return e;
}

namespace {

// Does a note target ("act", "app", "art_3", "para_1-1") cover the unit `eid`?
bool covers(const std::string& target, const std::string& eid) {
  if (target == "act") return true;
  if (target.empty()) return false;
  if (target == "app") return eid.starts_with("app_");
  return eid == target || eid.starts_with(target + "__");
}

class Builder {
 public:
  Builder(const std::vector<Edition>& eds, std::vector<Diagnostic>& diags) : eds_(eds), diags_(diags) {}
  Timeline run();

 private:
  std::string add_event(Event e);
  std::optional<std::pair<NoteEvent, std::string>> note_change(const Edition& ed,
                                                               const std::optional<Date>& after,
                                                               const std::string& eid);
  std::string note_event(const std::pair<NoteEvent, std::string>& found);
  std::string change_event(const Edition& ed, const std::optional<Date>& after, const std::string& eid);
  void build_expression(Language lang, const std::vector<const Edition*>& eds);

  const std::vector<Edition>& eds_;
  std::vector<Diagnostic>& diags_;
  Timeline t_;
  std::string eif_event_;
  std::string repeal_event_;
  std::map<const Edition*, std::string> source_ids_;
};

std::string Builder::add_event(Event e) {
  for (Event& x : t_.events)
    if (x.type == e.type && x.date == e.date && x.source.number == e.source.number &&
        x.source_code == e.source_code) {
      // The same act cited by another note (or the other language) may state what this one
      // did not: its entry into force, its type.
      if (!x.effective.known() && x.effective.rule == EifKind::none) x.effective = e.effective;
      if (x.source.type.empty()) x.source.type = e.source.type;
      return x.id;
    }
  e.id = 'e' + std::to_string(t_.events.size() + 1);
  t_.events.push_back(std::move(e));
  return t_.events.back().id;
}

// The latest note (or in-body marker) of edition `ed` that attributes a change of `eid` to an act
// dated after `after` (and not after the edition).
std::optional<std::pair<NoteEvent, std::string>> Builder::note_change(const Edition& ed,
                                                                     const std::optional<Date>& after,
                                                                     const std::string& eid) {
  const Language lang = ed.doc.meta.lang;
  const NoteEvent* best = nullptr;
  std::string best_note;
  auto consider = [&](const NoteEvent& ev, const std::string& note_text) {
    // A repeal of the whole act is its own event; it changes no wording.
    if (!ev.act.date || ev.action == NoteAction::entry_into_force ||
        (ev.action == NoteAction::repealed && ev.target == "act"))
      return;
    if (after && *ev.act.date <= *after) return;
    if (ed.date && *ev.act.date > *ed.date) return;
    if (!covers(ev.target, eid)) return;
    const bool exact = ev.target == eid;
    if (!best || *ev.act.date > *best->act.date || (*ev.act.date == *best->act.date && exact)) {
      best = &ev;
      best_note = note_text;
    }
  };
  for (const Note& n : ed.doc.notes)
    for (const NoteEvent& ev : n.events) consider(ev, n.text);
  // In-body markers: "2. Күші жойылды - ҚР Үкіметінің 29.12.2018 № 936 қаулысымен."
  std::vector<std::pair<std::vector<NoteEvent>, std::string>> markers;
  for_each_unit(ed.doc.body, [&](const Unit& u) {
    if (u.status == UnitStatus::normal || u.eid != eid) return;
    auto evs = parse_note(u.status_text, lang);
    for (NoteEvent& ev : evs) ev.target = u.eid;
    markers.emplace_back(std::move(evs), u.status_text);
  });
  for (const auto& [evs, text] : markers)
    for (const NoteEvent& ev : evs) consider(ev, text);
  if (!best) return std::nullopt;
  return std::make_pair(*best, best_note);
}

std::string Builder::note_event(const std::pair<NoteEvent, std::string>& found) {
  Event e;
  e.type = EventType::amended;
  e.date = found.first.act.date;
  e.source = found.first.act;
  e.effective = effect_of(found.first.entry_into_force, found.first.act.date);
  e.note = found.second;
  return add_event(std::move(e));
}

// The event that made `eid` read as in edition `ed` (changed after the date `after`).
std::string Builder::change_event(const Edition& ed, const std::optional<Date>& after, const std::string& eid) {
  if (auto found = note_change(ed, after, eid)) return note_event(*found);
  Event e;
  e.type = EventType::amended;
  // The edition's own cause (meta.yaml / front matter "caused_by").
  const Metadata& m = ed.doc.meta;
  if (!m.caused_by.empty() || !m.caused_by_requisite.empty()) {
    e.source_code = m.caused_by;
    if (!m.caused_by_requisite.empty()) {
      std::vector<NoteEvent> parsed = parse_note("изменен " + m.caused_by_requisite, Language::ru);
      if (!parsed.empty()) e.source = parsed.front().act;
    }
    e.date = e.source.date ? e.source.date : ed.date;
    // Its entry into force, if any note of the edition cites an act of the same date.
    for (const Note& n : ed.doc.notes)
      for (const NoteEvent& ev : n.events)
        if (ev.act.date && e.date && *ev.act.date == *e.date && ev.entry_into_force.kind != EifKind::none) {
          e.effective = effect_of(ev.entry_into_force, ev.act.date);
          if (e.source.number.empty()) e.source = ev.act;
        }
    e.note = "edition of " + (ed.date ? ed.date->iso() : std::string("unknown date")) + " caused by " +
             (m.caused_by_requisite.empty() ? m.caused_by : m.caused_by_requisite);
    return add_event(std::move(e));
  }
  e.type = EventType::edition;
  e.date = ed.date;
  e.note = "edition of " + (ed.date ? ed.date->iso() : std::string("unknown date")) + " (" + ed.origin + ")";
  return add_event(std::move(e));
}

void Builder::build_expression(Language lang, const std::vector<const Edition*>& eds) {
  Expression x;
  x.lang = lang;
  x.title = eds.back()->doc.meta.title;
  std::map<std::string, UnitTimeline> units;
  std::vector<std::string> order;
  std::map<std::string, const FlatUnit*> prev;  // eid -> content in the previous edition
  std::vector<UnitList> flats;
  flats.reserve(eds.size());
  for (const Edition* ed : eds) flats.push_back(flatten(ed->doc));

  for (std::size_t k = 0; k < eds.size(); ++k) {
    const Edition& ed = *eds[k];
    const std::string& src = source_ids_[&ed];
    std::map<std::string, const FlatUnit*> cur;
    std::string last_eid;
    for (const FlatUnit& f : flats[k]) {
      cur[f.eid] = &f;
      if (!units.count(f.eid)) {
        // Keep document order: a new unit goes after the unit before it in this edition.
        auto at = last_eid.empty() ? order.begin() : std::find(order.begin(), order.end(), last_eid);
        if (at != order.end() && !last_eid.empty()) ++at;
        order.insert(at, f.eid);
        units[f.eid] = UnitTimeline{f.eid, f.kind, f.num, f.after_line, {}};
      }
      last_eid = f.eid;
      UnitTimeline& ut = units[f.eid];
      Version v = version_of(f, {}, src);
      if (k == 0) {
        // The first known edition. Units that notes say changed before it have an unknown past.
        // The original text: dated the act's own date, or undated and without editorial notes.
        const bool original = ed.date ? (t_.date && *ed.date == *t_.date) : ed.doc.notes.empty();
        std::string from = eif_event_;
        if (!original) {
          if (auto found = note_change(ed, std::nullopt, f.eid)) {
            const std::string changed = note_event(*found);
            ut.versions.push_back(Version{eif_event_, changed, VersionStatus::unknown, {}, {}, {}});
            from = changed;
          }
        }
        v.from = from;
        ut.versions.push_back(std::move(v));
        continue;
      }
      auto p = prev.find(f.eid);
      if (p != prev.end() && *p->second == f) continue;  // unchanged
      const std::optional<Date> after = eds[k - 1]->date;
      v.from = change_event(ed, after, f.eid);
      if (!ut.versions.empty() && ut.versions.back().to.empty()) ut.versions.back().to = v.from;
      ut.versions.push_back(std::move(v));
    }
    // Units gone from this edition end where the edition's change starts.
    if (k > 0) {
      for (const auto& [eid, f] : prev) {
        if (cur.count(eid)) continue;
        UnitTimeline& ut = units[eid];
        if (!ut.versions.empty() && ut.versions.back().to.empty())
          ut.versions.back().to = change_event(ed, eds[k - 1]->date, eid);
      }
    }
    prev = std::move(cur);
  }
  for (const std::string& eid : order) {
    UnitTimeline ut = std::move(units[eid]);
    if (!repeal_event_.empty() && !ut.versions.empty() && ut.versions.back().to.empty())
      ut.versions.back().to = repeal_event_;
    x.units.push_back(std::move(ut));
  }
  t_.expressions.push_back(std::move(x));
}

Timeline Builder::run() {
  // Identity: the first edition that states each field; the original text first.
  std::vector<const Edition*> all;
  for (const Edition& e : eds_) all.push_back(&e);
  std::stable_sort(all.begin(), all.end(), [](const Edition* a, const Edition* b) {
    if (a->date != b->date) return !a->date ? true : (!b->date ? false : *a->date < *b->date);
    return a->doc.meta.lang < b->doc.meta.lang;
  });
  for (const Edition* e : all) {
    const Metadata& m = e->doc.meta;
    if (t_.type.empty()) t_.type = m.type;
    if (!t_.date) t_.date = m.date;
    if (t_.number.empty()) t_.number = m.number;
    if (t_.registration.empty()) t_.registration = m.registration;
    if (!t_.registered) t_.registered = m.registration_date;
    if (t_.act_code.empty()) t_.act_code = m.act_code;
  }
  t_.id = act_key(t_.type, t_.date, t_.number, t_.act_code);
  t_.uri = act_uri(t_.type, t_.date, t_.number, t_.act_code);

  // Sources, in order.
  for (const Edition* e : all) {
    SourceFile s;
    s.id = 's' + std::to_string(t_.sources.size() + 1);
    s.lang = e->doc.meta.lang;
    s.date = e->date;
    s.path = std::string("sources/") + to_string(s.lang) + "/" + (e->date ? e->date->iso() : "undated") +
             (e->extension.empty() ? ".txt" : e->extension);
    for (const SourceFile& o : t_.sources)
      if (o.path == s.path) s.path.insert(s.path.rfind('.'), "-" + s.id);
    s.sha256 = sha256_hex(e->bytes);
    s.origin = e->origin;
    source_ids_[e] = s.id;
    t_.sources.push_back(std::move(s));
  }

  // The act's own events.
  if (t_.date) {
    Event e;
    e.type = EventType::adopted;
    e.date = t_.date;
    add_event(e);
  }
  if (t_.registered) {
    Event e;
    e.type = EventType::registered;
    e.date = t_.registered;
    add_event(e);
  }
  {
    Event eif;
    eif.type = EventType::entry_into_force;
    eif.date = t_.date;
    for (const Edition* e : all)
      if (e->doc.meta.entry_into_force.kind != EifKind::none) {
        eif.effective = effect_of(e->doc.meta.entry_into_force, t_.date);
        break;
      }
    eif_event_ = add_event(std::move(eif));
  }
  for (const Edition* e : all) {
    const Metadata& m = e->doc.meta;
    if (!m.repeal) continue;
    Event r;
    r.type = EventType::repealed;
    r.source = m.repeal->by;
    r.date = m.repeal->by.date;
    r.effective.date = m.repeal->effective;
    if (!r.effective.date) r.effective.rule = EifKind::raw;
    r.note = m.repeal->text;
    repeal_event_ = add_event(std::move(r));
    break;
  }

  std::map<Language, std::vector<const Edition*>> by_lang;
  for (const Edition* e : all) by_lang[e->doc.meta.lang].push_back(e);
  for (auto& [lang, list] : by_lang) {
    // One edition per date and language: identical duplicates (a triple's "after" is the next
    // triple's "before") are read once.
    std::vector<const Edition*> uniq;
    for (const Edition* e : list) {
      if (!uniq.empty() && uniq.back()->date == e->date) {
        if (uniq.back()->bytes != e->bytes)
          diags_.push_back({Severity::warning, "build.conflicting-editions",
                            "two different " + std::string(to_string(lang)) + " texts of " + t_.id +
                                " dated " + (e->date ? e->date->iso() : "?") + ": " + uniq.back()->origin +
                                " and " + e->origin + "; the first is used",
                            {}});
        continue;
      }
      uniq.push_back(e);
    }
    build_expression(lang, uniq);
  }
  // Sources that were duplicates are not stored.
  std::set<std::string> used;
  for (const Expression& x : t_.expressions)
    for (const UnitTimeline& u : x.units)
      for (const Version& v : u.versions) used.insert(v.source);
  t_.sources.erase(std::remove_if(t_.sources.begin(), t_.sources.end(),
                                  [&](const SourceFile& s) { return !used.count(s.id); }),
                   t_.sources.end());
  return std::move(t_);
}

}  // namespace

std::string number_slug(const std::string& number) {
  std::string out;
  for (std::size_t i = 0; i < number.size();) {
    char32_t c = next_cp(number, i);
    if (c < 0x80) {
      const char ch = static_cast<char>(c);
      if (std::isalnum(static_cast<unsigned char>(ch)))
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      else if (!out.empty() && out.back() != '-')
        out += '-';
      continue;
    }
    out += translit(lower_cyrillic(c));
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string act_uri(const std::string& type, const std::optional<Date>& date, const std::string& number,
                    const std::string& act_code) {
  std::string uri = "/akn/kz/act/" + (type.empty() ? std::string("act") : type) + "/" +
                    (date ? date->iso() : std::string("undated"));
  if (!number.empty())
    uri += "/" + number_slug(number);
  else if (!act_code.empty())
    uri += "/code-" + act_code;
  return uri;
}

std::string act_key(const std::string& type, const std::optional<Date>& date, const std::string& number,
                    const std::string& act_code) {
  if (!act_code.empty()) return act_code;
  std::string key = type.empty() ? "act" : type;
  if (date) {
    key += '-';
    key += date->iso();
  }
  if (!number.empty()) {
    key += '-';
    key += number_slug(number);
  }
  return key;
}

std::size_t link_amendments(const std::vector<Timeline*>& timelines) {
  std::size_t linked = 0;
  for (Timeline* t : timelines) {
    for (Event& e : t->events) {
      if (e.type != EventType::amended || e.effective.known() || !e.source.date || e.source.number.empty()) continue;
      if (e.effective.rule != EifKind::see_unit && e.effective.rule != EifKind::none) continue;
      for (const Timeline* a : timelines) {
        if (a == t || a->number != e.source.number || a->date != e.source.date) continue;
        for (const Event& own : a->events) {
          if (own.type != EventType::entry_into_force || (!own.effective.known() && own.effective.rule == EifKind::none))
            continue;
          const std::string note = e.effective.text;
          e.effective = own.effective;
          e.effective.text = "as the amending act " + a->id + " says: " + own.effective.text +
                             (note.empty() ? "" : " (the note: " + note + ")");
          ++linked;
        }
      }
    }
  }
  return linked;
}

Timeline build_timeline(const std::vector<Edition>& editions, std::vector<Diagnostic>& diagnostics) {
  return Builder(editions, diagnostics).run();
}

}  // namespace zanline
