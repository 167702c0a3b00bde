#include "structure.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <functional>
#include <set>

#include "paragraphs.hpp"
#include "patterns.hpp"
#include "refs.hpp"
#include "text.hpp"

namespace zanline {
namespace {

using namespace paragraphs;

std::string_view sv(const re2::StringPiece& p) { return {p.data(), p.size()}; }

class Builder {
 public:
  Builder(const Normalized& n, Document& doc) : n_(n), doc_(doc) {}

  std::vector<Block> run();

 private:
  Unit& at(const std::vector<std::size_t>& path) {
    Unit* u = &doc_.body[path[0]];
    for (std::size_t k = 1; k < path.size(); ++k) u = &u->children[path[k]];
    return *u;
  }
  Unit* top() { return stack_.empty() ? nullptr : &at(stack_); }
  std::string current_eid() {
    Unit* u = top();
    return u && u->kind != UnitKind::title ? u->eid : std::string();
  }
  Unit& open_unit(Unit u);
  void append_text(std::string_view t, const Paragraph& p);
  void mark_signatures(const std::vector<Decor>& decor);
  void finish_appendix_header(std::size_t begin, std::size_t end, const std::vector<Decor>& decor);
  std::string unique_eid(std::string eid, SourcePos pos);
  // Gives a finished unit (and its subtree, and the blocks that belong to them) a new eId.
  void rename(Unit& root, const std::string& eid);

  const Normalized& n_;
  Document& doc_;
  std::vector<std::size_t> stack_;  // path of indices to the innermost open unit
  std::vector<Block> blocks_;
  std::vector<bool> signature_;
  std::set<std::string> eids_;
  int appendices_ = 0;
};

std::string Builder::unique_eid(std::string eid, SourcePos pos) {
  if (eids_.insert(eid).second) return eid;
  for (int k = 2;; ++k) {
    std::string alt = eid + "_" + std::to_string(k);
    if (eids_.insert(alt).second) {
      doc_.diagnostics.push_back({Severity::warning, "structure.duplicate-eid",
                                  "unit " + eid + " occurs twice; the second is " + alt, pos});
      return alt;
    }
  }
}

void Builder::rename(Unit& root, const std::string& eid) {
  const std::string old = root.eid;
  auto moved = [&](const std::string& e) {
    return e == old ? eid : e.starts_with(old + "__") ? eid + e.substr(old.size()) : e;
  };
  std::function<void(Unit&)> walk = [&](Unit& u) {
    eids_.erase(u.eid);
    u.eid = moved(u.eid);
    eids_.insert(u.eid);
    for (Unit& c : u.children) walk(c);
  };
  walk(root);
  for (Block& b : blocks_) b.unit = moved(b.unit);
  // Warnings already given name units by their eIds.
  for (Diagnostic& d : doc_.diagnostics)
    for (std::size_t p = d.message.find(old + "__"); p != std::string::npos; p = d.message.find(old + "__", p + eid.size()))
      d.message.replace(p, old.size(), eid);
}

Unit& Builder::open_unit(Unit u) {
  const int r = rank(u.kind);
  if (r == 0) {
    stack_.clear();
  } else {
    while (!stack_.empty()) {
      const Unit& t = *top();
      if (t.kind == UnitKind::appendix) break;  // an appendix holds everything below it
      if (rank(t.kind) == 0) {                   // title, preamble, formula, signature end here
        stack_.clear();
        break;
      }
      if (rank(t.kind) < r) break;
      stack_.pop_back();
    }
  }
  if (u.eid.empty()) u.eid = refs::eid_component(u.kind, u.num);
  if (stack_.empty()) {
    u.eid = unique_eid(u.eid, u.pos);
    doc_.body.push_back(std::move(u));
    stack_.push_back(doc_.body.size() - 1);
  } else {
    Unit& parent = *top();
    u.eid = unique_eid(parent.eid + "__" + u.eid, u.pos);
    u.after_line = parent.text.empty() ? 0 : static_cast<int>(std::count(parent.text.begin(), parent.text.end(), '\n')) + 1;
    parent.children.push_back(std::move(u));
    stack_.push_back(parent.children.size() - 1);
  }
  return *top();
}

void Builder::append_text(std::string_view t, const Paragraph& p) {
  Unit* u = top();
  if (!u) {
    Unit pre;
    pre.kind = UnitKind::preamble;
    pre.eid = "preamble";
    pre.pos = p.pos;
    u = &open_unit(std::move(pre));
  }
  if (!u->text.empty()) u->text += "\n";
  u->text += t;
}

// Signature = a name line ("Б. Мусин", "Н.НАЗАРБАЕВ") with the position lines before it, or
// position lines alone at the end of the body ("*Президент*" "*Республики Казахстан*").
void Builder::mark_signatures(const std::vector<Decor>& decor) {
  const auto& ps = n_.paragraphs;
  signature_.assign(ps.size(), false);
  auto position_like = [&](std::size_t i) {
    const std::string& t = decor[i].text;
    return t.size() < 300 && !terminal_punct(t) && !decor[i].quote &&
           !match_unit_head(decor[i], n_.lang) && !is_table_line(t) && !is_anchor(t);
  };
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const Decor& d = decor[i];
    if (d.quote || d.heading > 0) continue;
    if (!RE2::FullMatch(d.text, patterns::kSignatureName())) continue;
    signature_[i] = true;
    for (std::size_t k = i, steps = 0; k > 0 && steps < 4; --k, ++steps) {
      if (!position_like(k - 1)) break;
      signature_[k - 1] = true;
    }
  }
  // Position lines without a name, right before the end or an appendix header.
  for (std::size_t i = 0; i < ps.size(); ++i) {
    if (signature_[i] || !decor[i].emphasis || decor[i].quote) continue;
    if (!position_like(i) || !RE2::PartialMatch(decor[i].text, patterns::kSignaturePosition())) continue;
    std::size_t j = i;
    while (j < ps.size() && (decor[j].emphasis && !decor[j].quote) && position_like(j)) ++j;
    if (j == ps.size() || decor[j].quote)
      for (std::size_t k = i; k < j; ++k) signature_[k] = true;
  }
}

// A line that cannot be inside a quoted new wording: a numbered instruction naming the act it
// amends ("2. В постановлении ... № 287 «...»:") or a Markdown appendix header ("> *Приложение 1*").
bool starts_outside_quote(std::string_view t, const Decor& d) {
  const re2::StringPiece in(t.data(), t.size());
  if (d.quote) return RE2::PartialMatch(in, patterns::kAppendixRu()) || RE2::PartialMatch(in, patterns::kAppendixKk());
  re2::StringPiece num, rest;
  return RE2::FullMatch(in, patterns::kPoint(), &num, &rest) &&
         (RE2::PartialMatch(rest, patterns::kAmendHeaderRu()) || RE2::PartialMatch(rest, patterns::kAmendHeaderKk()));
}

void Builder::finish_appendix_header(std::size_t begin, std::size_t end,
                                     const std::vector<Decor>& decor) {
  // One or two header blocks: [begin, split) belongs to this act, [split, end) restates an
  // appendix of the amended act (seed order 130/НҚ). A block ends with "N-қосымша" (kk) or
  // starts with "Приложение N" (ru).
  std::vector<std::size_t> ends;  // indices (exclusive) where a kk block ends
  std::vector<std::size_t> starts;  // ru block starts
  for (std::size_t i = begin; i < end; ++i) {
    if (RE2::PartialMatch(decor[i].text, patterns::kAppendixKk())) ends.push_back(i + 1);
    if (RE2::PartialMatch(decor[i].text, patterns::kAppendixRu())) starts.push_back(i);
  }
  std::vector<std::pair<std::size_t, std::size_t>> blocks;
  if (!ends.empty()) {
    std::size_t b = begin;
    for (std::size_t e : ends) {
      blocks.emplace_back(b, e);
      b = e;
    }
    if (b < end) blocks.back().second = end;
  } else if (!starts.empty()) {
    for (std::size_t k = 0; k < starts.size(); ++k)
      blocks.emplace_back(k == 0 ? begin : starts[k], k + 1 < starts.size() ? starts[k + 1] : end);
  } else {
    blocks.emplace_back(begin, end);
  }
  auto join = [&](std::pair<std::size_t, std::size_t> r) {
    std::string s;
    for (std::size_t i = r.first; i < r.second; ++i) {
      if (!s.empty()) s += ' ';
      s += decor[i].text;
    }
    return s;
  };
  auto number_of = [&](const std::string& header) {
    re2::StringPiece num;
    if (RE2::PartialMatch(header, patterns::kAppendixKk(), &num) && !num.empty())
      return std::string(sv(num));
    if (RE2::PartialMatch(header, patterns::kAppendixRu(), &num) && !num.empty())
      return std::string(sv(num));
    return std::string();
  };

  AppendixInfo info;
  info.header = join(blocks.front());
  ActRef own = refs::parse_act_citation(info.header);
  if (own.date) info.of_act_date = own.date->iso();
  info.of_act_number = own.number;
  if (blocks.size() > 1) {
    info.restates_header = join(blocks[1]);
    ActRef other = refs::parse_act_citation(info.restates_header);
    if (other.date) info.restates_act_date = other.date->iso();
    info.restates_act_number = other.number;
    info.restates_num = number_of(info.restates_header);
  }
  ++appendices_;
  Unit u;
  u.kind = UnitKind::appendix;
  u.num = number_of(info.header);
  // Numbered appendices keep their number ("Приложение 1" is app_1 whatever comes before it); an
  // unnumbered one ("Утверждено ...") takes its order, or the next number no appendix uses. An
  // unnumbered appendix in the way of a numbered one moves to a free number.
  auto free_number = [&](int from) {
    while (eids_.count(refs::eid_component(UnitKind::appendix, std::to_string(from)))) ++from;
    return from;
  };
  if (u.num.empty()) {
    u.eid = refs::eid_component(UnitKind::appendix, std::to_string(free_number(appendices_)));
  } else {
    u.eid = refs::eid_component(UnitKind::appendix, u.num);
    for (Unit& earlier : doc_.body)
      if (earlier.kind == UnitKind::appendix && earlier.eid == u.eid && earlier.num.empty())
        rename(earlier, refs::eid_component(UnitKind::appendix, std::to_string(free_number(appendices_))));
  }
  u.pos = n_.paragraphs[begin].pos;
  u.appendix = std::move(info);
  stack_.clear();
  open_unit(std::move(u));
  for (std::size_t i = begin; i < end; ++i)
    blocks_.push_back({&n_.paragraphs[i], BlockKind::appendix_header, decor[i].text, top()->eid});
}

std::vector<Block> Builder::run() {
  const bool md = n_.format == InputFormat::markdown;
  const auto& ps = n_.paragraphs;
  std::vector<Decor> decor;
  decor.reserve(ps.size());
  for (const Paragraph& p : ps) decor.push_back(strip_decoration(p.text.str(), md));
  mark_signatures(decor);

  bool have_title = false;
  bool seen_label = false;
  bool in_quote = false;
  int quote_depth = 0;
  bool after_signature = false;
  bool awaiting_heading = false;  // an appendix header was read; its title comes next
  std::size_t header_begin = ps.size();

  // Markdown editions sometimes open with a table of contents ("## Оглавление", or bare
  // "Статья 1 . ..." lines) before the "# Title": those lines are not units.
  std::size_t first_title = 0;
  if (md) {
    for (std::size_t i = 0; i < ps.size(); ++i)
      if (decor[i].heading == 1) {
        first_title = i;
        break;
      }
  }

  for (std::size_t i = 0; i < ps.size(); ++i) {
    const Paragraph& p = ps[i];
    const Decor& d = decor[i];
    const std::string& t = d.text;
    Block b{&p, BlockKind::text, t, {}};
    if (i < first_title) {
      b.kind = BlockKind::toc;
      blocks_.push_back(std::move(b));
      continue;
    }

    // Plain-text appendix header: short lines after the signature up to "... қосымша".
    if (!md && (after_signature || header_begin < ps.size()) && !match_unit_head(d, n_.lang) &&
        !signature_[i]) {
      if (header_begin == ps.size()) header_begin = i;
      const bool is_marker = RE2::PartialMatch(t, patterns::kAppendixKk()) ||
                             RE2::PartialMatch(t, patterns::kAppendixRu());
      // Keep collecting while the next paragraphs are header-like and another marker follows.
      if (is_marker) {
        std::size_t j = i + 1, next_marker = ps.size();
        for (; j < ps.size() && j < i + 8; ++j) {
          if (match_unit_head(decor[j], n_.lang)) break;
          if (RE2::PartialMatch(decor[j].text, patterns::kAppendixKk())) {
            next_marker = j;
            break;
          }
        }
        if (next_marker < ps.size()) {
          i = next_marker;
        }
        finish_appendix_header(header_begin, i + 1, decor);
        header_begin = ps.size();
        after_signature = false;
        awaiting_heading = true;
        continue;
      }
      if (after_signature) continue;  // collected into the header when the marker arrives
    }

    if (md && d.heading == 0 && is_anchor(t)) {
      b.kind = BlockKind::anchor;
      blocks_.push_back(std::move(b));
      continue;
    }
    // A quotation whose nested quotes do not balance in the source («… «Өрлеу».) would swallow
    // the rest of the act: a quoted line that ended with a closing quote followed by a new
    // numbered instruction ("2. В постановлении ... :") or an appendix header ends it there.
    if (in_quote && !blocks_.empty() && blocks_.back().kind == BlockKind::quoted &&
        closes_quote(blocks_.back().text) && starts_outside_quote(t, d)) {
      in_quote = false;
      blocks_.back().quote_closes = true;
      doc_.diagnostics.push_back({Severity::warning, "structure.unbalanced-quotes",
                                  "the quotation before this line has unbalanced «» quotes; it is taken to end "
                                  "before this line",
                                  p.pos});
    }
    if (in_quote) {
      quote_depth += quote_delta(t);
      b.kind = BlockKind::quoted;
      b.unit = current_eid();
      // Straight quotes cannot be counted ("Закон ... "О порядке ..."";): a closing quote with
      // the instruction's terminator ends the quotation whatever the count says.
      if (quote_depth <= 0 || (odd_straight_quotes(t) && closes_quote(t))) {
        in_quote = false;
        b.quote_closes = true;
      }
      append_text(t, p);
      blocks_.push_back(std::move(b));
      continue;
    }
    re2::StringPiece note_body;
    if (RE2::FullMatch(t, patterns::kNote(), nullptr, &note_body)) {
      b.kind = BlockKind::note;
      b.unit = current_eid();
      // "> *Ескерту. Мәтінде:*" goes on in the italic paragraphs that follow, up to the one that
      // ends with a full stop (3845 after.kaz.md: "... ауыстырылды;" ... "Заңымен.").
      if (md && text::trim_right(t).ends_with(":")) {
        while (i + 1 < ps.size() && decor[i + 1].emphasis && !decor[i + 1].quote &&
               !RE2::FullMatch(decor[i + 1].text, patterns::kNote(), nullptr, nullptr)) {
          ++i;
          b.text += "\n" + decor[i].text;
          if (text::trim_right(decor[i].text).ends_with(".")) break;
        }
      }
      blocks_.push_back(std::move(b));
      continue;
    }
    // Markdown appendix header: a run of "> *...*" lines that are not notes.
    if (md && d.quote) {
      std::size_t j = i;
      while (j < ps.size() && decor[j].quote &&
             !RE2::FullMatch(decor[j].text, patterns::kNote(), nullptr, nullptr))
        ++j;
      finish_appendix_header(i, j, decor);
      i = j - 1;
      awaiting_heading = true;
      continue;
    }
    if (signature_[i]) {
      if (!top() || top()->kind != UnitKind::signature) {
        Unit s;
        s.kind = UnitKind::signature;
        s.pos = p.pos;
        stack_.clear();
        open_unit(std::move(s));
      }
      append_text(t, p);
      b.kind = BlockKind::signature;
      b.unit = top()->eid;
      blocks_.push_back(std::move(b));
      after_signature = true;
      continue;
    }
    if (is_table_line(t)) {
      b.kind = BlockKind::table;
      b.unit = current_eid();
      append_text(t, p);
      blocks_.push_back(std::move(b));
      continue;
    }
    // Title: Markdown "# ..." or the first plain paragraph(s) before the status label.
    if (!have_title && ((md && d.heading == 1) || (!md && i == 0 && !match_unit_head(d, n_.lang)))) {
      Unit u;
      u.kind = UnitKind::title;
      u.text = t;
      u.pos = p.pos;
      open_unit(std::move(u));
      have_title = true;
      b.kind = BlockKind::title;
      b.unit = "title";
      blocks_.push_back(std::move(b));
      continue;
    }
    if (!md && !seen_label && !match_status_label(t).empty()) {
      seen_label = true;
      b.kind = BlockKind::status_label;
      blocks_.push_back(std::move(b));
      // The requisites paragraph follows the label.
      if (i + 1 < ps.size()) {
        ++i;
        blocks_.push_back({&ps[i], BlockKind::requisites, decor[i].text, {}});
      }
      continue;
    }
    if (awaiting_heading && (d.heading > 0 || !match_unit_head(d, n_.lang))) {
      awaiting_heading = false;
      if (Unit* app = top(); app && app->kind == UnitKind::appendix) {
        app->heading = t;
        b.kind = BlockKind::unit_start;
        b.unit = app->eid;
        blocks_.push_back(std::move(b));
        continue;
      }
    }
    awaiting_heading = false;
    if (auto head = match_unit_head(d, n_.lang)) {
      Unit u;
      u.kind = head->kind;
      u.num = head->num;
      u.heading = head->heading;
      u.text = head->rest;
      u.pos = p.pos;
      re2::StringPiece m;
      // "Статья 2. (Исключена - Законом РК от 20 декабря 2004 г. N 13 ...)" — a marker in a heading
      if (u.text.empty() && u.heading.starts_with("(") &&
          (RE2::PartialMatch(u.heading.substr(1), patterns::kExcluded(), &m) ||
           RE2::PartialMatch(u.heading.substr(1), patterns::kRepealedUnit(), &m))) {
        u.text = u.heading;
        u.heading.clear();
      }
      // "## 2-бап. <*>" — old editions leave only a note mark where a unit was deleted.
      if (u.text.empty() && u.heading == "<*>") {
        u.text = u.heading;
        u.heading.clear();
        u.status = UnitStatus::excluded;
        u.status_text = u.text;
      } else if (RE2::PartialMatch(u.text, patterns::kExcluded(), &m) ||
          (u.text.starts_with("(") && RE2::PartialMatch(u.text.substr(1), patterns::kExcluded(), &m))) {
        u.status = UnitStatus::excluded;
        u.status_text = u.text;
      } else if (RE2::PartialMatch(u.text, patterns::kRepealedUnit(), &m)) {
        u.status = UnitStatus::repealed;
        u.status_text = u.text;
      }
      Unit& opened = open_unit(std::move(u));
      b.kind = BlockKind::unit_start;
      b.unit = opened.eid;
      b.text = opened.text;
      if (opens_quote(text::trim(opened.text)) || text::trim_right(opened.text).ends_with(":")) {
        // a unit whose own text opens a quotation is rare; handled as text
      }
      blocks_.push_back(std::move(b));
      continue;
    }
    if (RE2::PartialMatch(t, patterns::kFormula())) {
      Unit u;
      u.kind = UnitKind::formula;
      u.text = t;
      u.pos = p.pos;
      stack_.clear();
      open_unit(std::move(u));
      b.kind = BlockKind::unit_start;
      b.unit = "formula";
      blocks_.push_back(std::move(b));
      continue;
    }
    // An unnumbered paragraph: continues the current unit; a quotation may start here.
    const Block* prev = nullptr;
    for (auto it = blocks_.rbegin(); it != blocks_.rend(); ++it)
      if (it->kind != BlockKind::anchor) {
        prev = &*it;
        break;
      }
    // A quotation opens after an instruction's ":", or right after a quotation that ended with
    // ";" — the next of several quoted units ("...;" / "Статья 3-1. ...").
    const bool after_colon = prev && text::trim_right(prev->text).ends_with(":");
    const bool after_quoted_item = prev && prev->kind == BlockKind::quoted && prev->quote_closes &&
                                   text::trim_right(prev->text).ends_with(";");
    if ((after_colon || after_quoted_item) && opens_quote(t)) {
      const int delta = quote_delta(t);
      b.kind = BlockKind::quoted;
      b.quote_opens = true;
      if (delta > 0 && !closes_quote(t)) {
        in_quote = true;
        quote_depth = delta;
      } else {
        b.quote_closes = true;
      }
    }
    if (top() && top()->kind == UnitKind::title && b.kind == BlockKind::text && !md && !seen_label) {
      top()->text += " " + t;  // a title wrapped over several paragraphs
      b.kind = BlockKind::title;
      b.unit = "title";
      blocks_.push_back(std::move(b));
      continue;
    }
    if (top() && (top()->kind == UnitKind::title || top()->kind == UnitKind::signature)) stack_.clear();
    // "В описательной части излагаются следующие сведения:" after a list of subpoints opens the
    // next part of the point (its own list follows), it does not continue the last subpoint.
    // Likewise a sentence after a list that has ended ("4) контрольный орган ... организации." then
    // "В саморегулируемой организации функции ..."): the next part of the article or point, not a
    // second paragraph of the last subpoint — list items end with ";", the last one with ".".
    if (b.kind == BlockKind::text && top() && top()->kind == UnitKind::subpoint && stack_.size() > 1 &&
        (text::trim_right(t).ends_with(":") ||
         (text::trim_right(top()->text).ends_with(".") && text::starts_with_upper(t))))
      stack_.pop_back();
    append_text(t, p);
    b.unit = current_eid();
    blocks_.push_back(std::move(b));
  }
  if (header_begin < ps.size())
    doc_.diagnostics.push_back({Severity::warning, "structure.header-without-appendix",
                                "lines after the signature look like an appendix header, but no "
                                "\"қосымша\"/\"Приложение\" line follows",
                                ps[header_begin].pos});
  return std::move(blocks_);
}

}  // namespace

std::vector<Block> build_structure(const Normalized& normalized, Document& doc) {
  return Builder(normalized, doc).run();
}

Unit* find_unit(std::vector<Unit>& units, std::string_view eid) {
  for (Unit& u : units) {
    if (u.eid == eid) return &u;
    if (Unit* c = find_unit(u.children, eid)) return c;
  }
  return nullptr;
}

}  // namespace zanline
