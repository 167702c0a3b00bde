#include "zanline/ingest.hpp"

#include <algorithm>
#include <map>

#include "zanline/hash.hpp"
#include "zanline/parser.hpp"
#include "zanline/query.hpp"

namespace zanline {
namespace {

std::string label_of(const std::string& type, const std::optional<Date>& date, const std::string& number) {
  std::string s = type.empty() ? "act" : type;
  if (!number.empty()) s += " № " + number;
  if (date) s += " of " + date->iso();
  return s;
}

// The store's acts that `target` names.
std::vector<IndexEntry> find_target(const Store& store, const ActRef& target) {
  std::vector<IndexEntry> out;
  for (const IndexEntry& e : store.acts()) {
    ActIdentity id{e.type, parse_iso_date(e.date), e.number, e.registration};
    if (addresses(target, id)) out.push_back(e);
  }
  return out;
}

IngestFailure failure(const Instruction& ins, const std::string& why) {
  return {ins.pos, clip_utf8(ins.text, 200), why};
}

// "10612 (law 267-II of 2001-12-13 «О праздниках в Республике Казахстан»)"
std::string candidate(const IndexEntry& e) {
  std::string s = e.id + " (" + e.type + " " + e.number + " of " + e.date;
  if (!e.title.empty()) s += " «" + e.title + "»";
  return s + ")";
}

bool same_ref(const ActRef& a, const ActRef& b) {
  return a.date == b.date && a.number == b.number && a.registration == b.registration;
}


// Adds the new edition `after` (of expression `lang`) to the timeline, from event `ev`.
void record_edition(Timeline& t, Language lang, const UnitList& before, const UnitList& after, const std::string& ev,
                    const std::string& source) {
  Expression* x = nullptr;
  for (Expression& e : t.expressions)
    if (e.lang == lang) x = &e;
  if (!x) return;
  std::map<std::string, const FlatUnit*> old;
  for (const FlatUnit& u : before) old[u.eid] = &u;
  std::map<std::string, const FlatUnit*> now;
  for (const FlatUnit& u : after) now[u.eid] = &u;
  auto index_of = [&](const std::string& eid) -> std::ptrdiff_t {
    for (std::size_t i = 0; i < x->units.size(); ++i)
      if (x->units[i].eid == eid) return static_cast<std::ptrdiff_t>(i);
    return -1;
  };
  std::string previous;
  for (const FlatUnit& u : after) {
    const std::ptrdiff_t at = index_of(u.eid);
    auto o = old.find(u.eid);
    if (at < 0) {
      // Inserted: after the unit before it in the new edition.
      const std::ptrdiff_t prev = previous.empty() ? -1 : index_of(previous);
      UnitTimeline ut{u.eid, u.kind, u.num, u.after_line, {version_of(u, ev, source)}};
      x->units.insert(x->units.begin() + (prev + 1), std::move(ut));
    } else if (o == old.end() || !(*o->second == u)) {
      UnitTimeline& ut = x->units[static_cast<std::size_t>(at)];
      if (!ut.versions.empty() && ut.versions.back().to.empty()) ut.versions.back().to = ev;
      ut.versions.push_back(version_of(u, ev, source));
    }
    previous = u.eid;
  }
  for (const FlatUnit& u : before) {
    if (now.count(u.eid)) continue;
    const std::ptrdiff_t at = index_of(u.eid);
    if (at < 0) continue;
    UnitTimeline& ut = x->units[static_cast<std::size_t>(at)];
    if (!ut.versions.empty() && ut.versions.back().to.empty()) ut.versions.back().to = ev;
  }
}

}  // namespace

std::string IngestFailure::summary() const {
  return instruction + " (" + std::to_string(pos.line) + ":" + std::to_string(pos.col) + "): " + reason;
}

std::size_t IngestReport::applied() const {
  std::size_t n = 0;
  for (const IngestTarget& t : targets) n += t.consolidation.applied();
  return n;
}

std::size_t IngestReport::not_applied() const {
  std::size_t n = 0;
  for (const IngestTarget& t : targets) n += t.failures.size();
  return n;
}

IngestReport ingest(Store& store, const Edition& amending, const IngestOptions& options) {
  const auto& aliases = options.targets;
  IngestReport report;
  report.dry_run = options.dry_run;
  report.source = amending.origin;
  const Document& doc = amending.doc;
  const Metadata& m = doc.meta;
  report.act = label_of(m.type, m.date, m.number);
  if (doc.instructions.empty()) {
    report.errors.push_back(amending.origin + ": no amendment instruction found in the text");
    return report;
  }
  if (!m.date && m.act_code.empty()) {
    report.errors.push_back(amending.origin +
                            ": the amending act's date and number are not known (no requisites, front matter or "
                            "meta.yaml), so its change cannot be recorded");
    return report;
  }

  // The acts it amends, once each.
  std::vector<ActRef> targets;
  for (const Instruction& ins : doc.instructions)
    if (std::none_of(targets.begin(), targets.end(), [&](const ActRef& r) { return same_ref(r, ins.target_act); }))
      targets.push_back(ins.target_act);

  std::vector<StoredAct> out;
  for (const ActRef& target : targets) {
    IngestTarget it;
    it.label = label_of(target.type, target.date, target.number);
    auto hits = find_target(store, target);
    std::vector<std::string> also;
    for (const auto& [cited, id] : aliases)
      if (cited == cited_key(target)) {
        hits = store.find(id);
        also.push_back(cited);
      }
    auto fail_all = [&](const std::string& why) {
      for (const Instruction& ins : doc.instructions)
        if (same_ref(ins.target_act, target))
          it.failures.push_back(failure(ins, why));
    };
    if (hits.size() != 1) {
      std::string why = "the amended act " + it.label;
      if (hits.empty()) {
        why += " is not in the store";
      } else {
        why += " matches " + std::to_string(hits.size()) + " acts of the store:";
        for (std::size_t i = 0; i < hits.size(); ++i) why += (i ? "; " : " ") + candidate(hits[i]);
        why += " (choose one with --target " + cited_key(target) + "=ID)";
      }
      fail_all(why);
      report.targets.push_back(std::move(it));
      continue;
    }
    it.id = hits.front().id;
    std::string error;
    auto t = store.load(it.id, &error);
    if (!t) {
      report.errors.push_back(error);
      return report;
    }
    // Re-ingesting the same act (in the same language) changes nothing.
    Event* existing = nullptr;
    for (Event& e : t->events)
      if ((e.type == EventType::amended || e.type == EventType::repealed) && e.source.date == m.date &&
          e.source.number == m.number &&
          e.source_code == m.act_code)
        existing = &e;
    if (existing && std::find(existing->ingested.begin(), existing->ingested.end(), m.lang) !=
                        existing->ingested.end()) {
      it.already = true;
      report.targets.push_back(std::move(it));
      continue;
    }
    if (!t->expression(m.lang)) {
      fail_all(std::string("the store has no ") + to_string(m.lang) + " text of " + it.label);
      report.targets.push_back(std::move(it));
      continue;
    }
    const UnitList before = latest_units(*t, m.lang);
    it.consolidation = consolidate(before, identity_of(*t), doc, also);
    for (const InstructionResult& r : it.consolidation.results)
      if (r.outcome == Outcome::failed) {
        it.failures.push_back(failure(doc.instructions[r.index], r.reason));
      }

    // The new edition: one event, the amending text as a source, new versions of changed units.
    // "Признать утратившим силу Закон ...": the act itself ends; the event is its repeal.
    const bool repeals_act = std::any_of(
        it.consolidation.results.begin(), it.consolidation.results.end(), [&](const InstructionResult& r) {
          const Instruction& ins = doc.instructions[r.index];
          return r.outcome == Outcome::applied && ins.op == Operation::repeal && ins.target_eid.empty();
        });
    Event ev;
    ev.type = repeals_act ? EventType::repealed : EventType::amended;
    ev.date = m.date;
    ev.source = ActRef{m.type, m.issuer, m.date, m.number, m.registration};
    ev.source_code = m.act_code;
    ev.effective = effect_of(m.entry_into_force, m.date);
    std::string ev_id;
    if (existing) {
      existing->ingested.push_back(m.lang);
      existing->note += "; " + amending.origin;
      for (const IngestFailure& f : it.failures) existing->not_applied.push_back(f.summary());
      ev_id = existing->id;
    } else {
      ev.note = "ingested from " + amending.origin;
      ev.ingested = {m.lang};
      for (const IngestFailure& f : it.failures) ev.not_applied.push_back(f.summary());
      ev.id = "e" + std::to_string(t->events.size() + 1);
      ev_id = ev.id;
      t->events.push_back(std::move(ev));
    }
    SourceFile src;
    src.id = "s" + std::to_string(t->sources.size() + 1);
    src.lang = m.lang;
    src.date = m.date;
    src.path = std::string("sources/") + to_string(m.lang) + "/amended-by-" +
               (m.date ? m.date->iso() : m.act_code) + (amending.extension.empty() ? ".txt" : amending.extension);
    src.sha256 = sha256_hex(amending.bytes);
    src.origin = amending.origin;
    t->sources.push_back(src);
    record_edition(*t, m.lang, before, it.consolidation.units, ev_id, src.id);
    // The act repealed: every wording in force ends there, in every language (as when built
    // from an edition that carries the repeal).
    if (repeals_act)
      for (Expression& x : t->expressions)
        for (UnitTimeline& u : x.units)
          if (!u.versions.empty() && u.versions.back().to.empty()) u.versions.back().to = ev_id;
    StoredAct a{std::move(*t), {{src.path, amending.bytes}}};
    out.push_back(std::move(a));
    report.targets.push_back(std::move(it));
  }

  if (report.not_applied() > 0 && !options.partial) return report;  // all or nothing
  if (out.empty() || options.dry_run) return report;
  // The amending act is stored too, with its own timeline (once).
  {
    std::vector<Diagnostic> diags;
    std::vector<Edition> own{amending};
    StoredAct a{build_timeline(own, diags), {}};
    if (store.find(a.timeline.id).empty()) {
      for (const SourceFile& s : a.timeline.sources) a.sources.emplace_back(s.path, amending.bytes);
      out.push_back(std::move(a));
    }
  }
  std::string error;
  if (!store.put(out, &error)) {
    report.errors.push_back(error);
    return report;
  }
  report.written = true;
  return report;
}

}  // namespace zanline
