#include "zanline/consolidate.hpp"

#include <algorithm>
#include <functional>
#include <sstream>

#include <re2/re2.h>

#include "unit_list.hpp"

namespace zanline {
namespace {

using namespace unit_list;


class Applier {
 public:
  Applier(UnitList& units, const Document& amending) : units_(units), amending_(amending) {}
  void apply(const Instruction& ins, InstructionResult& r);

 private:
  bool fail(InstructionResult& r, std::string why) {
    r.outcome = Outcome::failed;
    r.reason = std::move(why);
    return false;
  }
  bool new_wording(const Instruction& ins, InstructionResult& r);
  bool insert(const Instruction& ins, InstructionResult& r);
  bool insert_one(const std::string& target_eid, const std::string& container, int part, UnitKind kind,
                  const std::string& num, const UnitList& fragment, InstructionResult& r);
  bool words(const Instruction& ins, InstructionResult& r);
  bool remove(const Instruction& ins, InstructionResult& r, UnitStatus status);
  bool edit_line(const std::string& eid, InstructionResult& r, const std::function<bool(std::vector<std::string>&, std::size_t)>& f);

  UnitList& units_;
  const Document& amending_;
};

bool Applier::edit_line(const std::string& eid, InstructionResult& r,
                        const std::function<bool(std::vector<std::string>&, std::size_t)>& f) {
  const std::string container = parent_of(eid);
  std::string why;
  auto c = resolve(units_, container, &why);
  if (!c) return fail(r, why);
  std::vector<std::string> lines = split_lines(units_[*c].text);
  const int n = part_number(eid);
  if (n <= 0) return fail(r, "abzac number of " + eid + " not understood");
  if (!f(lines, static_cast<std::size_t>(n - 1))) return false;
  units_[*c].text = join_lines(lines);
  r.changed.push_back(units_[*c].eid + "__" + last_component(eid));  // the abzac itself
  return true;
}

bool Applier::new_wording(const Instruction& ins, InstructionResult& r) {
  if (!ins.new_text_ref.empty()) {
    // "... осы бұйрыққа қосымшаға сәйкес жаңа редакцияда жазылсын": the amending act's appendix.
    std::string why;
    auto target = resolve(units_, ins.target_eid, &why);
    if (!target) return fail(r, why);
    UnitList mine = flatten(amending_);
    auto src = find_eid(mine, ins.new_text_ref);
    if (!src) return fail(r, "the amending act has no " + ins.new_text_ref);
    UnitList repl = reroot(mine, *src, subtree_end(mine, *src), units_[*target].eid);
    repl.front().num = units_[*target].num;
    const std::size_t end = subtree_end(units_, *target);
    units_.erase(units_.begin() + static_cast<long>(*target), units_.begin() + static_cast<long>(end));
    units_.insert(units_.begin() + static_cast<long>(*target), repl.begin(), repl.end());
    r.changed.push_back(repl.front().eid);
    return true;
  }
  if (ins.new_text.empty()) return fail(r, "the instruction has no new wording");
  if (ins.target_eid == "title" || ins.target_eid == "preamble") {
    auto i = find_eid(units_, ins.target_eid);
    if (!i) return fail(r, "the act has no " + ins.target_eid);
    std::string text = ins.new_text;
    // "форму акта и заголовок изложить ...: "Закон Республики Казахстан "О порядке ...""": the
    // form of the act is not part of the title line of a consolidated text.
    if (ins.target_eid == "title") {
      static const RE2 kFormThenTitle(R"(^(?:Закон|Указ|Кодекс|Постановление|Приказ)[^"«]*["«](.+?)["»]?$)");
      static const RE2 kTitleThenForm(R"(^["«]?(.+?)["»]\s+Қазақстан\s+Республикасының\s+\p{L}+$)");
      std::string inner;
      if (RE2::FullMatch(text, kFormThenTitle, &inner) || RE2::FullMatch(text, kTitleThenForm, &inner)) {
        r.consequential.push_back("form of the act dropped from the title: \"" + text + "\"");
        text = inner;
      }
    }
    units_[*i].text = text;
    r.changed.push_back(ins.target_eid);
    return true;
  }
  if (ins.heading_only) {
    // "в статье 4: заголовок изложить в следующей редакции: «Статья 4. …»" — the heading alone.
    std::string why;
    auto i = resolve(units_, ins.target_eid, &why);
    if (!i) return fail(r, why);
    const UnitList fragment = parse_fragment(ins.new_text, units_[*i].kind, amending_.meta.lang);
    if (fragment.empty() || fragment.front().heading.empty()) return fail(r, "the new heading was not understood");
    units_[*i].heading = fragment.front().heading;
    r.changed.push_back(units_[*i].eid);
    return true;
  }
  if (is_part(ins.target_eid)) {
    // "часть первую пункта 4 изложить: «4. Служба пробации …»": the first part of a numbered
    // unit repeats the unit's number, which the unit keeps apart from its text.
    std::string text = ins.new_text;
    std::string why;
    if (auto c = resolve(units_, parent_of(ins.target_eid), &why); c && part_number(ins.target_eid) == 1) {
      const FlatUnit& u = units_[*c];
      for (const std::string& mark : {u.num + ". ", u.num + ") "})
        if (!u.num.empty() && text.starts_with(mark)) {
          text.erase(0, mark.size());
          break;
        }
    }
    return edit_line(ins.target_eid, r, [&](std::vector<std::string>& lines, std::size_t k) {
      if (k >= lines.size()) return fail(r, "there is no abzac " + std::to_string(k + 1) + " in " + parent_of(ins.target_eid));
      lines[k] = text;
      return true;
    });
  }
  const std::vector<std::string> targets = expand(ins.target_eid);
  std::vector<std::size_t> at;
  for (const std::string& t : targets) {
    std::string why;
    auto i = resolve(units_, t, &why);
    if (!i) return fail(r, why);
    at.push_back(*i);
  }
  const UnitList fragment = parse_fragment(ins.new_text, units_[at.front()].kind, amending_.meta.lang);
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < fragment.size(); ++i)
    if (fragment[i].kind == units_[at.front()].kind && fragment[i].eid.find("__") == std::string::npos) roots.push_back(i);
  if (roots.size() != at.size())
    return fail(r, "the new wording has " + std::to_string(roots.size()) + " unit(s) of the kind replaced, the instruction names " +
                       std::to_string(at.size()));
  // Replace from the last target backwards so indices stay valid.
  for (std::size_t k = at.size(); k-- > 0;) {
    const std::size_t i = at[k];
    const std::size_t fend = k + 1 < roots.size() ? roots[k + 1] : fragment.size();
    UnitList repl = reroot(fragment, roots[k], fend, units_[i].eid);
    const std::size_t end = subtree_end(units_, i);
    units_.erase(units_.begin() + static_cast<long>(i), units_.begin() + static_cast<long>(end));
    units_.insert(units_.begin() + static_cast<long>(i), repl.begin(), repl.end());
    r.changed.push_back(repl.front().eid);
  }
  return true;
}

bool Applier::insert(const Instruction& ins, InstructionResult& r) {
  if (ins.new_text.empty()) return fail(r, "the instruction has no text to insert");
  if (ins.path.empty()) return fail(r, "the instruction does not say where to insert");
  if (is_part(ins.target_eid)) {
    return edit_line(ins.target_eid, r, [&](std::vector<std::string>& lines, std::size_t k) {
      if (k > lines.size()) return fail(r, "abzac " + std::to_string(k + 1) + " would leave a gap after abzac " + std::to_string(lines.size()));
      lines.insert(lines.begin() + static_cast<long>(k), ins.new_text);
      return true;
    });
  }
  std::string container = parent_of(ins.target_eid);
  std::vector<std::string> targets = expand(ins.target_eid);
  // "в части первой статьи 14: дополнить подпунктами 6-1), 7-1) ...": the new units join the
  // list that follows part 1 of the article (Unit::after_line), as its children.
  int part = 0;
  if (is_part(container)) {
    part = part_number(container);
    container = parent_of(container);
    for (std::string& t : targets) t = container + "__" + last_component(t);
  }
  const UnitStep& added = ins.path.back();
  UnitList fragment = parse_fragment(ins.new_text, added.kind, amending_.meta.lang);
  if (fragment.empty() || fragment.front().kind != added.kind) return fail(r, "the inserted text is not a " + std::string(to_string(added.kind)));
  // Several units at once ("дополнить статьями 2-1, 2-2 и 3-1"): each root of the new text goes
  // to its own place, by its own number.
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < fragment.size(); ++i)
    if (fragment[i].kind == added.kind && fragment[i].eid.find("__") == std::string::npos) roots.push_back(i);
  if (roots.size() != targets.size())
    return fail(r, "the inserted text has " + std::to_string(roots.size()) + " unit(s), the instruction names " +
                       std::to_string(targets.size()));
  for (std::size_t k = 0; k < roots.size(); ++k) {
    const std::size_t fend = k + 1 < roots.size() ? roots[k + 1] : fragment.size();
    UnitList one(fragment.begin() + static_cast<long>(roots[k]), fragment.begin() + static_cast<long>(fend));
    if (!insert_one(targets[k], container, part, one.front().kind,
                    last_component(targets[k]).substr(last_component(targets[k]).find('_') + 1), one, r))
      return false;
  }
  return true;
}

bool Applier::insert_one(const std::string& target_eid, const std::string& container, int part, UnitKind kind,
                         const std::string& num, const UnitList& fragment, InstructionResult& r) {
  if (find_eid(units_, target_eid)) return fail(r, "unit " + target_eid + " already exists");
  struct {
    UnitKind kind;
    std::string num;
  } added{kind, num};
  // Where: after the subtree of the last sibling numbered below it, else right after the
  // container's own row.
  std::size_t pos = units_.size();
  std::string container_eid = container;
  if (!container.empty()) {
    std::string why;
    auto c = resolve(units_, container, &why);
    if (!c) return fail(r, why);
    container_eid = units_[*c].eid;
    pos = *c + 1;
  }
  const std::string prefix = container_eid.empty() ? "" : container_eid + "__";
  auto sibling = [&](const FlatUnit& u) {
    return u.kind == added.kind && u.eid.starts_with(prefix) && u.eid.find("__", prefix.size()) == std::string::npos;
  };
  // With a part named, only the list that follows it: the siblings starting after the most
  // lines of the container's text, up to that part.
  int list_after = -1;
  if (part > 0)
    for (const FlatUnit& u : units_)
      if (sibling(u) && u.after_line <= part) list_after = std::max(list_after, u.after_line);
  int after_line = 0;
  for (std::size_t i = 0; i < units_.size(); ++i) {
    const FlatUnit& u = units_[i];
    if (!sibling(u) || (part > 0 && u.after_line != list_after)) continue;
    if (num_less(u.num, added.num)) {
      pos = subtree_end(units_, i);
      after_line = u.after_line;
    }
  }
  UnitList repl = reroot(fragment, 0, fragment.size(), prefix + last_component(target_eid));
  repl.front().after_line = part > 0 && list_after >= 0 ? list_after : after_line;
  units_.insert(units_.begin() + static_cast<long>(pos), repl.begin(), repl.end());
  r.changed.push_back(repl.front().eid);
  return true;
}

bool Applier::words(const Instruction& ins, InstructionResult& r) {
  const bool before = ins.text.find("алдынан") != std::string::npos;
  // Pairs: "A\nB" -> "X\nY" ("тиісінше" / "соответственно"); longer words first, so "Указом"
  // is replaced before "Указ".
  const std::vector<std::string> olds = split_lines(ins.old_words);
  std::vector<std::string> news = split_lines(ins.new_words);
  if (ins.op == Operation::delete_) news.assign(olds.size(), "");
  // Figures are typeset without spaces around a range dash in consolidated texts: the instruction
  // "цифры «22» заменить цифрами «21 - 23»" reads "21-23" in every edition (recorded).
  if (ins.text.find("цифр") != std::string::npos)
    for (std::string& w : news) {
      std::string tight = w;
      for (std::size_t p = tight.find(" - "); p != std::string::npos; p = tight.find(" - ", p))
        if (p > 0 && std::isdigit(static_cast<unsigned char>(tight[p - 1])) && p + 3 < tight.size() &&
            std::isdigit(static_cast<unsigned char>(tight[p + 3])))
          tight.replace(p, 3, "-");
        else
          p += 3;
      if (tight != w) {
        r.consequential.push_back("figures \"" + w + "\" typeset as \"" + tight + "\"");
        w = tight;
      }
    }
  if (olds.empty() || olds.size() != news.size())
    return fail(r, "the instruction pairs " + std::to_string(olds.size()) + " words with " + std::to_string(news.size()));
  std::vector<std::size_t> order(olds.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return olds[x].size() > olds[y].size(); });
  auto edit_one = [&](std::string& s, const std::string& from, const std::string& to) -> std::size_t {
    if (ins.op == Operation::delete_) {
      // Words removed with the space before them (or after, at the start of a line).
      std::size_t n = 0;
      for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p)) {
        s.erase(p, from.size());
        // One space stays between the words around the gap; none before punctuation.
        if (p > 0 && s[p - 1] == ' ' && (p == s.size() || s[p] == ' ' || std::string(",.;:)").find(s[p]) != std::string::npos))
          s.erase(--p, 1);
        ++n;
      }
      return n;
    }
    if (ins.op == Operation::substitute) return replace_all(s, from, to);
    std::size_t n = 0;
    const bool punct = !to.empty() && std::string(",.;:)").find(to.front()) != std::string::npos;
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1)) {
      // Already followed by the words (a longer pair did it): leave it.
      const std::string add = before ? to + " " : (punct ? "" : " ") + to;
      const std::size_t at = before ? p : p + from.size();
      if (!before && s.compare(at, add.size(), add) == 0) continue;
      s.insert(at, add);
      p = at + add.size() - 1;
      ++n;
    }
    return n;
  };
  auto edit = [&](std::string& s) -> std::size_t {
    std::size_t n = 0;
    for (std::size_t k : order) n += edit_one(s, olds[k], news[k]);
    return n;
  };
  std::size_t count = 0;
  if (is_part(ins.target_eid)) {
    if (!edit_line(ins.target_eid, r, [&](std::vector<std::string>& lines, std::size_t k) {
          if (k >= lines.size()) return fail(r, "there is no abzac " + std::to_string(k + 1));
          count = edit(lines[k]);
          return true;
        }))
      return false;
  } else {
    // The whole act, or each named unit with its subtree ("в пунктах 3 и 4 слова … исключить").
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    if (ins.target_eid.empty()) ranges.emplace_back(0, units_.size());
    for (const std::string& t : ins.target_eid.empty() ? std::vector<std::string>{} : expand(ins.target_eid)) {
      std::string why;
      auto i = resolve(units_, t, &why);
      if (!i) return fail(r, why);
      ranges.emplace_back(*i, subtree_end(units_, *i));
    }
    for (const auto& [b, e] : ranges)
      for (std::size_t i = b; i < e; ++i) {
        const std::size_t n = edit(units_[i].text) + edit(units_[i].heading);
        if (n) r.changed.push_back(units_[i].eid);
        count += n;
      }
  }
  if (count == 0) {
    r.changed.clear();
    return fail(r, "\"" + ins.old_words + "\" does not occur in " + (ins.target_eid.empty() ? "the act" : ins.target_eid));
  }
  return true;
}

bool Applier::remove(const Instruction& ins, InstructionResult& r, UnitStatus status) {
  if (!ins.old_words.empty()) return words(ins, r);  // "слова «…» исключить"
  if (ins.target_eid.empty()) return fail(r, "the instruction names no unit");
  if (is_part(ins.target_eid)) {
    return edit_line(ins.target_eid, r, [&](std::vector<std::string>& lines, std::size_t k) {
      if (k >= lines.size()) return fail(r, "there is no abzac " + std::to_string(k + 1));
      const bool last = k + 1 == lines.size();
      lines.erase(lines.begin() + static_cast<long>(k));
      // The new last item of a list ends the sentence: ";" -> "." (not stated by instructions,
      // always done in consolidated texts).
      if (last && !lines.empty() && lines.back().ends_with(";")) {
        lines.back().back() = '.';
        r.consequential.push_back("abzac " + std::to_string(k) + ": final \";\" -> \".\"");
      }
      return true;
    });
  }
  for (const std::string& t : expand(ins.target_eid)) {
    std::string why;
    auto i = resolve(units_, t, &why);
    if (!i) return fail(r, why);
    const std::size_t end = subtree_end(units_, *i);
    units_.erase(units_.begin() + static_cast<long>(*i) + 1, units_.begin() + static_cast<long>(end));
    units_[*i].status = status;
    units_[*i].status_text.clear();  // the editorial placeholder is not enacted text
    units_[*i].text.clear();
    units_[*i].heading.clear();
    r.changed.push_back(units_[*i].eid);
  }
  return true;
}

void Applier::apply(const Instruction& given, InstructionResult& r) {
  r.outcome = Outcome::applied;
  // "Пункт 1 изменений и дополнений, ..., утвержденных постановлением ...": the unit is in the
  // appendix the scope names, not in the body (which has a point 1 too).
  Instruction ins = given;
  if (!ins.scope.empty() && !ins.target_eid.starts_with("app_")) {
    std::string why;
    if (auto app = appendix_named(units_, ins.scope, &why)) {
      ins.target_eid = *app + (ins.target_eid.empty() ? "" : "__" + ins.target_eid);
    } else if (ins.op == Operation::repeal && ins.target_eid.empty()) {
      // A document the act approved, repealed: never read as the whole act.
      fail(r, why);
      return;
    }
  }
  bool ok = false;
  switch (ins.op) {
    case Operation::new_wording: ok = new_wording(ins, r); break;
    case Operation::insert: ok = insert(ins, r); break;
    case Operation::substitute:
    case Operation::insert_words: ok = words(ins, r); break;
    case Operation::delete_: ok = remove(ins, r, UnitStatus::excluded); break;
    case Operation::repeal:
      if (ins.target_eid.empty()) {
        r.reason = "repeals the whole act";  // recorded as a repeal event by ingest
        ok = true;
      } else {
        ok = remove(ins, r, UnitStatus::repealed);
      }
      break;
  }
  if (!ok) r.outcome = Outcome::failed;
}

}  // namespace

UnitList latest_units(const Timeline& t, Language lang) {
  UnitList out;
  const Expression* x = t.expression(lang);
  if (!x) return out;
  for (const UnitTimeline& u : x->units) {
    if (u.versions.empty()) continue;
    const Version& v = u.versions.back();
    // A version that ended without a successor: the unit is gone.
    if (!v.to.empty()) {
      const Event* e = t.event(v.to);
      if (e && e->type != EventType::repealed) continue;
    }
    FlatUnit f{u.eid, u.kind, u.num, v.heading, {}, UnitStatus::normal, {}, u.after_line};
    switch (v.status) {
      case VersionStatus::text: f.text = v.text; break;
      case VersionStatus::excluded: f.status = UnitStatus::excluded; f.status_text = v.text; break;
      case VersionStatus::repealed: f.status = UnitStatus::repealed; f.status_text = v.text; break;
      case VersionStatus::unknown: break;
    }
    out.push_back(std::move(f));
  }
  return out;
}

ActIdentity identity_of(const Metadata& m) { return {m.type, m.date, m.number, m.registration}; }
ActIdentity identity_of(const Timeline& t) { return {t.type, t.date, t.number, t.registration}; }

std::string cited_key(const ActRef& target) {
  if (!target.number.empty()) return target.number;
  return target.date ? target.date->iso() : std::string();
}

bool addresses(const ActRef& target, const ActIdentity& act) {
  if (!target.registration.empty() && target.registration == act.registration) return true;
  if (!target.date || !act.date || *target.date != *act.date) return false;
  if (!target.number.empty() && !act.number.empty()) return target.number == act.number;
  // "2001 жылғы 13 желтоқсандағы Қазақстан Республикасының Заңына": a law cited by date alone.
  return target.type.empty() || act.type.empty() || target.type == act.type;
}

const char* to_string(Outcome o) {
  switch (o) {
    case Outcome::applied: return "applied";
    case Outcome::failed: return "failed";
    case Outcome::other_act: return "other-act";
  }
  return "?";
}

std::size_t Consolidation::applied() const {
  return static_cast<std::size_t>(std::count_if(results.begin(), results.end(),
                                                [](const InstructionResult& r) { return r.outcome == Outcome::applied; }));
}

std::size_t Consolidation::failed() const {
  return static_cast<std::size_t>(std::count_if(results.begin(), results.end(),
                                                [](const InstructionResult& r) { return r.outcome == Outcome::failed; }));
}

Consolidation consolidate(const UnitList& base, const ActIdentity& base_act, const Document& amending,
                          const std::vector<std::string>& also_addressed) {
  Consolidation c;
  c.units = base;
  Applier applier(c.units, amending);
  for (std::size_t k = 0; k < amending.instructions.size(); ++k) {
    const Instruction& ins = amending.instructions[k];
    InstructionResult r;
    r.index = k;
    const bool alias = std::find(also_addressed.begin(), also_addressed.end(), cited_key(ins.target_act)) !=
                       also_addressed.end();
    if (!alias && !addresses(ins.target_act, base_act)) {
      r.outcome = Outcome::other_act;
      c.results.push_back(std::move(r));
      continue;
    }
    // Each instruction works on a copy: a failed one leaves no trace.
    UnitList before = c.units;
    applier.apply(ins, r);
    if (r.outcome == Outcome::failed) c.units = std::move(before);
    c.results.push_back(std::move(r));
  }
  return c;
}

bool same_text(const std::string& a, const std::string& b) {
  auto squeeze = [](std::string s) {
    // "<*>" is an editorial footnote mark of old consolidated texts, not enacted text.
    for (std::size_t p = s.find("<*>"); p != std::string::npos; p = s.find("<*>", p)) s.erase(p, 3);
    std::string out;
    bool space = false;
    for (char ch : s) {
      if (ch == ' ' || ch == '\t') {
        space = true;
        continue;
      }
      if (space && !out.empty() && out.back() != '\n' && ch != '\n') out += ' ';
      space = false;
      out += ch;
    }
    return out;
  };
  return squeeze(a) == squeeze(b);
}

}  // namespace zanline
