#include "grammar.hpp"

#include <re2/re2.h>

#include <map>

#include "patterns.hpp"
#include "refs.hpp"
#include "normalize.hpp"
#include "text.hpp"
#include "zanline/parser.hpp"

namespace zanline {
namespace {

std::string_view sv(const re2::StringPiece& p) { return {p.data(), p.size()}; }

}  // namespace

namespace {

ActStatus status_of_label(std::string_view label) {
  const std::string l = text::to_lower(label);
  if (l.starts_with("күшін жойған") || l.starts_with("утрат")) return ActStatus::repealed;
  if (l.starts_with("қолданыстағы") || l.starts_with("действующ")) return ActStatus::in_force;
  if (l.starts_with("жаңартылған") || l.starts_with("обновл")) return ActStatus::updated;
  if (l.starts_with("жаңа") || l.starts_with("нов")) return ActStatus::new_act;
  return ActStatus::unknown;
}

// "... министрінің 2022 жылғы 19 сәуірдегі № 130/НҚ бұйрығы. Қазақстан Республикасының Әділет
// министрлігінде 2022 жылғы 27 сәуірде № 27788 болып тіркелді. Күші жойылды - ... № 521/НҚ бұйрығымен."
void parse_requisites(std::string_view req, Metadata& meta) {
  const std::string lower = text::to_lower(req);
  auto cut = [&](std::initializer_list<std::string_view> words) {
    std::size_t best = std::string::npos;
    for (auto w : words) best = std::min(best, lower.find(w));
    return best;
  };
  const std::size_t repeal_at = cut({"күші жойылды", "утратил"});
  const std::size_t reg_at = cut({"әділет министрлігінде", "департаментінде", "зарегистрирован"});
  std::size_t own_end = std::min({repeal_at, reg_at, req.size()});
  // The registration sentence starts after the own sentence's full stop.
  if (reg_at != std::string::npos) {
    std::size_t dot = lower.rfind(". ", reg_at);
    if (dot != std::string::npos) own_end = std::min(own_end, dot + 1);
  }
  std::string_view own = req.substr(0, own_end);
  ActRef self = refs::parse_act_citation(own);
  meta.date = self.date;
  meta.number = self.number;
  if (!self.type.empty()) meta.type = self.type;
  auto dates = refs::find_dates(own);
  if (!dates.empty()) meta.issuer = text::squeeze_spaces(own.substr(0, dates.front().begin));
  {
    // The form word right after the number: "бұйрығы", "қаулысы", "Постановление"
    re2::StringPiece in(own.data(), own.size());
    re2::StringPiece w;
    while (RE2::FindAndConsume(&in, patterns::kWord(), &w))
      if (!refs::act_type_of(sv(w)).empty()) meta.form = std::string(sv(w));
  }
  if (reg_at != std::string::npos) {
    std::string_view reg = req.substr(reg_at, (repeal_at == std::string::npos || repeal_at < reg_at ? req.size() : repeal_at) - reg_at);
    auto rd = refs::find_dates(reg);
    if (!rd.empty()) meta.registration_date = rd.front().date;
    meta.registration = refs::find_number(reg, 0);
  }
  if (repeal_at != std::string::npos) {
    Metadata::Repeal r;
    r.text = std::string(text::trim(req.substr(repeal_at)));
    r.by = refs::parse_act_citation(r.text);
    auto rd = refs::find_dates(r.text);
    if (!rd.empty()) {
      // "Күші жойылды - Қазақстан Республикасы Премьер-Министрінің ..." -> the issuer after the dash
      std::string_view head = std::string_view(r.text).substr(0, rd.front().begin);
      static const RE2 kLead(R"(^\s*\p{L}+\s+\p{L}+\s*[-–—]\s*)");
      re2::StringPiece hp(head.data(), head.size());
      RE2::Consume(&hp, kLead);
      r.by.issuer = text::squeeze_spaces(sv(hp));
    }
    meta.repeal = std::move(r);
  }
}

std::string join_quoted(const std::string& acc, std::string_view t) {
  return acc.empty() ? std::string(t) : acc + "\n" + std::string(t);
}

// Strips the quotation marks and the terminator around a new wording:
// "\"19. Есептеу ... қоспағанда).\";" -> "19. Есептеу ... қоспағанда)."
std::string strip_quotes(std::string s) {
  auto trim_tail = [&] {
    while (!s.empty() && (s.back() == ';' || s.back() == ' ' || s.back() == ',')) s.pop_back();
    if (s.size() >= 2 && s.back() == '.' &&
        (s.ends_with("\".") || s.ends_with("».") || s.ends_with("”.")))
      s.pop_back();
  };
  trim_tail();
  for (std::string_view q : {"«", "\"", "“"})
    if (s.starts_with(q)) {
      s.erase(0, q.size());
      break;
    }
  for (std::string_view q : {"»", "\"", "”"})
    if (s.ends_with(q)) {
      s.erase(s.size() - q.size());
      break;
    }
  return s;
}

// "«A», «B»" + "«X», «Y»" -> old "A\nB", new "X\nY" (pairs, "тиісінше"/"соответственно"); one
// replacement for several words is paired with each.
void pair_lists(std::string_view olds, std::string_view news, Instruction& ins) {
  auto items = [](std::string_view list) {
    std::vector<std::string> out;
    re2::StringPiece in(list.data(), list.size());
    re2::StringPiece item;
    while (RE2::FindAndConsume(&in, patterns::kQuotedItem(), &item)) out.emplace_back(sv(item));
    return out;
  };
  std::vector<std::string> a = items(olds), b = items(news);
  if (b.size() == 1 && a.size() > 1) b.assign(a.size(), b.front());
  if (b.empty()) b.assign(a.size(), "");  // deletion
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "\n" : "") + v[i];
    return out;
  };
  ins.old_words = join(a);
  ins.new_words = join(b);
}

// Clauses of one instruction paragraph, split at ";" outside quotations:
// "в тексте слова ... заменить ...; после слов ... дополнить ..."
std::vector<std::string> clauses(const std::string& t) {
  std::vector<std::string> out;
  int depth = 0;
  bool straight = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.compare(i, 2, "«") == 0) ++depth;
    if (t.compare(i, 2, "»") == 0) --depth;
    if (t[i] == '"') straight = !straight;
    if (t[i] == ';' && depth <= 0 && !straight && i + 1 < t.size()) {
      out.push_back(std::string(text::trim(std::string_view(t).substr(start, i - start))));
      start = i + 1;
    }
  }
  out.push_back(std::string(text::trim(std::string_view(t).substr(start))));
  return out;
}

// The text with every «…» quotation (a title) blanked out; unbalanced quotes are tolerated.
std::string without_quotations(const std::string& t) {
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < t.size();) {
    if (t.compare(i, 2, "«") == 0) {
      ++depth;
      i += 2;
      out += ' ';
    } else if (t.compare(i, 2, "»") == 0) {
      depth = std::max(0, depth - 1);
      i += 2;
      out += ' ';
    } else {
      if (depth == 0) out += t[i];
      ++i;
    }
  }
  return text::squeeze_spaces(out);
}

class InstructionReader {
 public:
  InstructionReader(Document& doc, Language lang) : doc_(doc), lang_(lang) {}
  void feed(const Block& b);
  void finish();

 private:
  bool try_leaf(const std::string& t, const Block& b);
  bool repeal_of_cited_act(const std::string& t, const Block& b);
  bool repeal_per_list(const std::string& t, const Block& b);
  void listed_repeal(const Unit& item);
  void flush() {
    if (pending_) {
      // «6-1) …;»; «7-1) …; 7-2) …;»;: several quotations, each stripped of its marks.
      for (const std::string& q : quotations_)
        pending_->new_text = join_quoted(pending_->new_text, strip_quotes(q));
      doc_.instructions.push_back(std::move(*pending_));
      pending_.reset();
    }
    quotations_.clear();
  }

  Document& doc_;
  Language lang_;
  std::optional<ActRef> target_;
  std::vector<UnitStep> scope_path_;
  std::string scope_text_;
  std::optional<Instruction> pending_;  // waits for its quoted new text
  std::vector<std::string> quotations_;  // the quotations read for it so far
  bool throughout_line_ = false;          // the line says "в тексте" / "мәтінде"
  // "Признать утратившими силу ... согласно приложению 1": the appendix holding the list, read
  // when the whole document is.
  struct ListRepeal {
    std::string appendix;  // its number, "" when not given
    std::string text;
    SourcePos pos;
  };
  std::vector<ListRepeal> list_repeals_;
};

void InstructionReader::finish() {
  flush();
  for (const ListRepeal& lr : list_repeals_) {
    // The appendix of that number; without a number ("согласно приложению к настоящему приказу"),
    // the only appendix, or the only one headed as a list of repealed acts.
    const Unit* list = nullptr;
    std::vector<const Unit*> all, headed;
    for (const Unit& u : doc_.body) {
      if (u.kind != UnitKind::appendix) continue;
      all.push_back(&u);
      const std::string h = text::to_lower(u.heading);
      if (h.find("утративш") != std::string::npos || h.find("күші жойыл") != std::string::npos) headed.push_back(&u);
      if (!lr.appendix.empty() && u.num == lr.appendix) list = &u;
    }
    if (lr.appendix.empty()) list = all.size() == 1 ? all.front() : headed.size() == 1 ? headed.front() : nullptr;
    if (!list || list->children.empty()) {
      doc_.diagnostics.push_back({Severity::warning, "instruction.no-list",
                                  "the list of repealed acts " +
                                      (lr.appendix.empty() ? std::string("(appendix)") : "(appendix " + lr.appendix + ")") +
                                      " is not in the text: " + clip_utf8(lr.text, 200),
                                  lr.pos});
      continue;
    }
    for (const Unit& item : list->children) listed_repeal(item);
  }
}

// One item of a list of repealed acts: a whole act, a unit of it ("Пункт 5 постановления ...",
// "... қаулысының 5-тармағы"), or a unit of a document it approved ("Пункт 1 изменений и
// дополнений, которые вносятся ..., утвержденных постановлением ..." / "... қаулысымен бекітілген
// ... толықтырулардың 1-тармағы").
void InstructionReader::listed_repeal(const Unit& item) {
  std::string t = item.text;
  std::replace(t.begin(), t.end(), '\n', ' ');
  t = text::squeeze_spaces(t);
  Instruction ins;
  ins.op = Operation::repeal;
  ins.text = t;
  ins.pos = item.pos;
  ins.target_act = refs::parse_listed_act(t, lang_);
  if (!ins.target_act.date && ins.target_act.number.empty()) {
    doc_.diagnostics.push_back({Severity::warning, "instruction.unparsed",
                                "an item of the list of repealed acts names no act: " + clip_utf8(t, 200), item.pos});
    return;
  }
  const std::string plain = without_quotations(t);
  ins.path = refs::parse_unit_path(plain, lang_);
  static const RE2 kApprovedRu(R"((?i)^(.*?),?\s+утвержденн\p{L}*\s)");
  static const RE2 kApprovedKk(R"((?i)\sбекітілген\s+(.+?)\.?$)");
  std::string scope;
  if (lang_ == Language::ru ? RE2::PartialMatch(plain, kApprovedRu, &scope) : RE2::PartialMatch(plain, kApprovedKk, &scope))
    ins.scope = scope;
  ins.target_eid = refs::eid_of(ins.path);
  doc_.instructions.push_back(std::move(ins));
}

bool InstructionReader::repeal_per_list(const std::string& t, const Block& b) {
  const re2::StringPiece in(t.data(), t.size());
  if (!RE2::PartialMatch(in, lang_ == Language::ru ? patterns::kRepealRu() : patterns::kRepealKk())) return false;
  re2::StringPiece per, app_kk, app_ru;
  if (!RE2::PartialMatch(in, patterns::kPerThisAppendix(), &per, &app_kk, &app_ru)) return false;
  list_repeals_.push_back({std::string(!app_kk.empty() ? sv(app_kk) : sv(app_ru)), t, b.para->pos});
  return true;
}

void InstructionReader::feed(const Block& b) {
  if (b.kind == BlockKind::appendix_header) {
    // An appendix starts afresh: the act amended by the last item before it is not its target.
    flush();
    target_.reset();
    scope_path_.clear();
    scope_text_.clear();
    return;
  }
  if (b.kind == BlockKind::quoted) {
    // Several quotations may follow one instruction; the next unquoted line ends its text.
    if (pending_ && pending_->new_text_ref.empty()) {
      if (b.quote_opens || quotations_.empty()) quotations_.emplace_back();
      quotations_.back() = join_quoted(quotations_.back(), b.text);
    }
    return;
  }
  if (b.kind != BlockKind::unit_start && b.kind != BlockKind::text) return;
  flush();
  // A numbered item of the amending act ("2) в статье 3:", "10) пункт 6 статьи 15 исключить;")
  // starts again from the act: the scopes of the item before it end here.
  if (b.kind == BlockKind::unit_start) {
    scope_path_.clear();
    scope_text_.clear();
  }
  const std::string t = text::squeeze_spaces(b.text);
  if (t.empty()) return;
  const re2::StringPiece in(t.data(), t.size());
  if (RE2::PartialMatch(in, patterns::kAmendHeaderKk()) || RE2::PartialMatch(in, patterns::kAmendHeaderRu())) {
    ActRef r = refs::parse_act_citation(t);
    if (r.date || !r.number.empty()) {
      target_ = r;
      scope_path_.clear();
      scope_text_.clear();
      // "1. В Закон ...: статью 7 изложить ..." on one line is rare; a header line ends here.
      return;
    }
  }
  // "Признать утратившими силу некоторые решения ... согласно приложению 1 к настоящему
  // постановлению": the acts and units are the items of that appendix.
  if (repeal_per_list(t, b)) return;
  // "Признать утратившим силу Закон Республики Казахстан от 29 ноября 2016 года «...»": the
  // repealed act is named in the instruction itself.
  if (repeal_of_cited_act(t, b)) return;
  if (!target_) return;
  {
    const std::string lower = text::to_lower(t);
    throughout_line_ = lower.find("в тексте") != std::string::npos || lower.find("по всему тексту") != std::string::npos ||
                       lower.find("мәтінде") != std::string::npos || lower.find("мәтіні бойынша") != std::string::npos;
    bool any = false;
    const auto parts = clauses(t);
    if (parts.size() > 1) {
      for (const std::string& part : parts) any = try_leaf(part, b) || any;
      if (any) return;
    }
  }
  if (try_leaf(t, b)) return;
  // A scope line: "3-бапта :", "в статье 3 :", "көрсетілген бұйрықпен бекітілген ... тізбесінде:"
  if (!text::trim_right(t).ends_with(":") && RE2::PartialMatch(in, patterns::kAmendVerb())) {
    doc_.diagnostics.push_back({Severity::warning, "instruction.unparsed",
                                "looks like an amendment instruction but was not understood: " + clip_utf8(t, 200),
                                b.para->pos});
    return;
  }
  if (text::trim_right(t).ends_with(":")) {
    auto path = refs::parse_unit_path(t, lang_);
    if (!path.empty()) {
      // Nested scopes: "в статье 9:" then "в пункте 2:" (inside it), later "в пункте 3:" (its sibling).
      scope_path_ = refs::within(scope_path_, path);
      scope_text_.clear();
    } else {
      scope_text_ = std::string(text::trim_right(std::string_view(t).substr(0, t.size() - 1)));
      scope_path_.clear();
    }
  }
}

bool InstructionReader::repeal_of_cited_act(const std::string& t, const Block& b) {
  const re2::StringPiece in(t.data(), t.size());
  re2::StringPiece cited;
  const bool ru = lang_ == Language::ru;
  if (!(ru ? RE2::PartialMatch(in, patterns::kRepealRu(), &cited) : RE2::PartialMatch(in, patterns::kRepealKk(), &cited)))
    return false;
  ActRef act = refs::parse_act_citation(sv(cited));
  if (!act.date) return false;  // "4-тармақтың күші жойылды деп танылсын": a unit of the target
  Instruction ins;
  ins.op = Operation::repeal;
  ins.target_act = act;
  ins.text = t;
  ins.pos = b.para->pos;
  doc_.instructions.push_back(std::move(ins));
  return true;
}

bool InstructionReader::try_leaf(const std::string& t, const Block& b) {
  const bool ru = lang_ == Language::ru;
  const re2::StringPiece in(t.data(), t.size());
  re2::StringPiece prefix, a, c, where;
  Instruction ins;
  if (RE2::PartialMatch(in, ru ? patterns::kSubstituteRu() : patterns::kSubstituteKk(), &prefix, &a, &c)) {
    ins.op = Operation::substitute;
    pair_lists(sv(a), sv(c), ins);
  } else if (ru ? RE2::PartialMatch(in, patterns::kInsertWordsRu(), &prefix, &a, &c)
                : RE2::PartialMatch(in, patterns::kInsertWordsKk(), &prefix, &a, &where, &c)) {
    ins.op = Operation::insert_words;
    pair_lists(sv(a), sv(c), ins);
  } else if (RE2::PartialMatch(in, ru ? patterns::kDeleteWordsRu() : patterns::kDeleteWordsKk(), &prefix, &a)) {
    // Words deleted: a substitution by nothing.
    ins.op = Operation::delete_;
    pair_lists(sv(a), "", ins);
    ins.new_words.clear();
  } else if (RE2::PartialMatch(in, ru ? patterns::kNewWordingRu() : patterns::kNewWordingKk(), &prefix)) {
    ins.op = Operation::new_wording;
  } else if (RE2::PartialMatch(in, ru ? patterns::kInsertRu() : patterns::kInsertKk(), &prefix, &a)) {
    ins.op = Operation::insert;
    // The container comes first ("3-бап"), the new unit is named in the formula ("жетінші абзацпен").
    auto container = refs::parse_unit_path(sv(prefix), lang_);
    auto added = refs::parse_unit_path(sv(a), lang_);
    ins.path = refs::within(refs::within(scope_path_, container), added);
  } else if (RE2::PartialMatch(in, ru ? patterns::kDeleteRu() : patterns::kDeleteKk(), &prefix)) {
    ins.op = Operation::delete_;
  } else if (ru ? RE2::PartialMatch(in, patterns::kRepealRu(), &prefix)
                : RE2::PartialMatch(in, patterns::kRepealKk(), &prefix)) {
    ins.op = Operation::repeal;
  } else {
    return false;
  }
  std::string pre(sv(prefix));
  // "... осы бұйрыққа қосымшаға сәйкес жаңа редакцияда жазылсын": the new text is this act's
  // appendix; the unit it replaces is the appendix that appendix restates.
  // Russian puts it after the verb: "приложение к указанному постановлению изложить в новой
  // редакции согласно приложению 2 к настоящему постановлению".
  re2::StringPiece per, app_kk, app_ru;
  const std::size_t prefix_end = static_cast<std::size_t>(prefix.data() - t.data()) + prefix.size();
  const std::string tail = t.substr(std::min(prefix_end, t.size()));
  const bool in_pre = RE2::PartialMatch(pre, patterns::kPerThisAppendix(), &per, &app_kk, &app_ru);
  const bool in_tail = !in_pre && ins.op == Operation::new_wording &&
                       RE2::PartialMatch(tail, patterns::kPerThisAppendix(), &per, &app_kk, &app_ru);
  if (in_pre || in_tail) {
    const std::string num = !app_kk.empty() ? std::string(sv(app_kk)) : std::string(sv(app_ru));
    const std::size_t at = in_pre ? static_cast<std::size_t>(per.data() - pre.data()) : pre.size();
    for (const Unit& u : doc_.body) {
      if (u.kind != UnitKind::appendix || (!num.empty() && u.num != num)) continue;
      ins.new_text_ref = u.eid;
      // The appendix it restates: by number, or "Приложение к постановлению ..." without one
      // (the amended act's only appendix, eId "app_").
      if (u.appendix && (!u.appendix->restates_num.empty() || !u.appendix->restates_header.empty()))
        ins.path = {{UnitKind::appendix, u.appendix->restates_num}};
      break;
    }
    pre = std::string(text::trim(std::string_view(pre).substr(0, at)));
    // "көрсетілген бұйрықпен бекітілген меншікті өндірістің өлшемшарттары": the object named here
    // replaces the scope inherited from earlier lines.
    if (!pre.empty() && in_pre) ins.scope = pre;
  }
  if (ins.path.empty()) {
    auto own = refs::parse_unit_path(pre, lang_);
    ins.path = refs::within(scope_path_, own);
    // "форму акта и заголовок изложить ...", "тақырыбы ... жазылсын", "преамбулу изложить ..."
    const std::string lower = text::to_lower(pre);
    const bool names_heading = lower.find("заголов") != std::string::npos || lower.find("тақыр") != std::string::npos;
    // Inside "в статье 4:", "заголовок изложить ..." is the article's heading only.
    if (own.empty() && !ins.path.empty() && names_heading) ins.heading_only = true;
    if (own.empty() && ins.path.empty()) {
      if (lower.find("заголов") != std::string::npos || lower.find("тақыр") != std::string::npos)
        ins.path = {{UnitKind::title, ""}};
      else if (lower.find("преамбул") != std::string::npos || lower.find("кіріспе") != std::string::npos)
        ins.path = {{UnitKind::preamble, ""}};
    }
  }
  if (ins.scope.empty()) ins.scope = scope_text_;
  ins.target_act = *target_;
  ins.target_eid = refs::eid_of(ins.path);
  ins.text = t;
  ins.pos = b.para->pos;
  // "в тексте слова ... заменить ...; после слов ... дополнить ...", "мәтінде ... деген сөздер ...
  // ауыстырылсын": the whole act, by intent — for every clause of the line.
  const bool throughout = !ins.old_words.empty() && throughout_line_;
  if (ins.path.empty() && ins.scope.empty() && ins.op != Operation::repeal && !throughout) {
    doc_.diagnostics.push_back({Severity::warning, "instruction.no-target",
                                "amendment instruction names no unit it applies to: " + t, ins.pos});
  }
  const bool wants_text = (ins.op == Operation::new_wording || ins.op == Operation::insert) &&
                          ins.new_text_ref.empty();
  if (wants_text && text::trim_right(t).ends_with(":")) {
    pending_ = std::move(ins);
  } else {
    if (wants_text) {
      // "... редакцияда жазылсын: «...»." on one line: the quotation follows the colon.
      std::size_t colon = t.find(':');
      if (colon != std::string::npos) ins.new_text = strip_quotes(std::string(text::trim(std::string_view(t).substr(colon + 1))));
    }
    doc_.instructions.push_back(std::move(ins));
  }
  return true;
}

}  // namespace

void apply_grammar(const Normalized& n, const std::vector<Block>& blocks, Document& doc) {
  Metadata& meta = doc.meta;
  meta.lang = n.lang;
  if (!n.front_matter.empty()) apply_front_matter(n.front_matter, meta);
  if (!doc.body.empty() && doc.body.front().kind == UnitKind::title) {
    meta.title = doc.body.front().text;
    meta.pos = doc.body.front().pos;
  }

  InstructionReader reader(doc, n.lang);
  const Block* eif_block = nullptr;
  bool in_appendix = false;
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::appendix_header) in_appendix = true;
    switch (b.kind) {
      case BlockKind::status_label:
        meta.status_label = b.text;
        meta.status = status_of_label(b.text);
        break;
      case BlockKind::requisites:
        parse_requisites(b.text, meta);
        break;
      case BlockKind::note: {
        Note note;
        note.text = b.text;
        note.attached_to = b.unit;
        note.pos = b.para->pos;
        re2::StringPiece word, body;
        RE2::FullMatch(b.text, patterns::kNote(), &word, &body);
        note.events = parse_note_events(sv(body), n.lang);
        if (note.events.empty())
          doc.diagnostics.push_back({Severity::warning, "note.unparsed",
                                     "note not understood (no amending act found): " + b.text, note.pos});
        for (const NoteEvent& ev : note.events) {
          if (ev.target == "act" && ev.action == NoteAction::repealed) {
            if (!meta.repeal) meta.repeal = Metadata::Repeal{ev.act, std::nullopt, note.text};
            if (meta.repeal->by.number.empty()) meta.repeal->by = ev.act;
            if (!meta.repeal->by.date) meta.repeal->by.date = ev.act.date;
            if (ev.entry_into_force.kind == EifKind::from_date) meta.repeal->effective = ev.entry_into_force.date;
            if (meta.status == ActStatus::unknown) meta.status = ActStatus::repealed;
          }
        }
        doc.notes.push_back(std::move(note));
        break;
      }
      case BlockKind::unit_start:
      case BlockKind::text:
        if (!in_appendix && refs::mentions_eif(b.text)) {
          const std::string lower = text::to_lower(b.text);
          if (lower.find("осы") != std::string::npos || lower.find("настоящ") != std::string::npos)
            eif_block = &b;
        }
        break;
      default:
        break;
    }
    reader.feed(b);
  }
  reader.finish();

  if (eif_block) {
    meta.entry_into_force = refs::parse_eif(eif_block->text);
    meta.entry_into_force.pos = eif_block->para->pos;
  }
  if (meta.type.empty()) {
    // "Осы бұйрық ... қолданысқа енгізіледі", "Настоящий Закон вводится в действие ..."
    const std::string lower = eif_block ? text::to_lower(eif_block->text) : std::string();
    for (auto [w, t] : {std::pair{"осы бұйрық", "order"}, {"осы қаулы", "decree"}, {"осы заң", "law"},
                        {"настоящий приказ", "order"}, {"настоящее постановление", "decree"},
                        {"настоящий закон", "law"}})
      if (lower.find(w) != std::string::npos) meta.type = t;
  }
  if (meta.status == ActStatus::unknown && meta.repeal) meta.status = ActStatus::repealed;
}

}  // namespace zanline
