#include "zanline/diff.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>

namespace zanline {
namespace {

std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale("kk"), status));
  if (U_FAILURE(status)) {
    out.emplace_back(s);
    return out;
  }
  it->setText(u);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    std::string piece;
    u.tempSubStringBetween(start, end).toUTF8String(piece);
    out.push_back(std::move(piece));
  }
  return out;
}

std::string unit_text(const UnitState& u) {
  if (u.heading.empty()) return u.text;
  return u.heading + (u.text.empty() ? "" : "\n" + u.text);
}

}  // namespace

namespace {

// Longest common subsequence of two token lists as same/removed/added runs (appended to `ops`).
// Very long inputs fall back to "all removed, all added" rather than quadratic memory.
void lcs_diff(const std::vector<std::string>& a, const std::vector<std::string>& b, std::vector<WordOp>& ops) {
  auto push = [&](WordOp::Kind k, const std::string& t) {
    if (t.empty()) return;
    if (!ops.empty() && ops.back().kind == k) ops.back().text += t;
    else ops.push_back({k, t});
  };
  const std::size_t n = a.size(), m = b.size();
  if (n * m > 25'000'000) {
    for (const std::string& t : a) push(WordOp::removed, t);
    for (const std::string& t : b) push(WordOp::added, t);
    return;
  }
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] == b[j]) {
      push(WordOp::same, a[i]);
      ++i;
      ++j;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      push(WordOp::removed, a[i++]);
    } else {
      push(WordOp::added, b[j++]);
    }
  }
  while (i < n) push(WordOp::removed, a[i++]);
  while (j < m) push(WordOp::added, b[j++]);
}

std::vector<std::string> lines_with_newline(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t nl = s.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    out.emplace_back(s.substr(start, end - start));
    start = end;
  }
  return out;
}

}  // namespace

std::vector<WordOp> word_diff(std::string_view before, std::string_view after) {
  // Lines first (abzacs are lines), matched by their words without the final punctuation, so an
  // added abzac reads as one addition and "… 30 августа;" -> "… 30 августа." as one changed mark;
  // then words within matched lines and within blocks of lines that replaced each other.
  const std::vector<std::string> a = lines_with_newline(before), b = lines_with_newline(after);
  auto key = [](std::string line) {
    while (!line.empty() && std::string(" \n;.,").find(line.back()) != std::string::npos) line.pop_back();
    return line;
  };
  std::vector<std::string> ka, kb;
  for (const std::string& l : a) ka.push_back(key(l));
  for (const std::string& l : b) kb.push_back(key(l));
  const std::size_t n = a.size(), m = b.size();
  std::vector<WordOp> ops;
  auto append = [&](const WordOp& op) {
    if (op.text.empty()) return;
    if (!ops.empty() && ops.back().kind == op.kind) ops.back().text += op.text;
    else ops.push_back(op);
  };
  auto words = [&](const std::string& x, const std::string& y) {
    std::vector<WordOp> w;
    lcs_diff(tokens(x), tokens(y), w);
    for (const WordOp& op : w) append(op);
  };
  if (n * m > 25'000'000) {
    words(std::string(before), std::string(after));
    return ops;
  }
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = ka[i] == kb[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::size_t i = 0, j = 0;
  std::string removed, added;  // a block of lines replaced by another
  auto flush = [&] {
    if (!removed.empty() && !added.empty()) words(removed, added);
    else append({removed.empty() ? WordOp::added : WordOp::removed, removed.empty() ? added : removed});
    removed.clear();
    added.clear();
  };
  while (i < n && j < m) {
    if (ka[i] == kb[j]) {
      flush();
      if (a[i] == b[j]) append({WordOp::same, a[i]});
      else words(a[i], b[j]);
      ++i;
      ++j;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      removed += a[i++];
    } else {
      added += b[j++];
    }
  }
  while (i < n) removed += a[i++];
  while (j < m) added += b[j++];
  flush();
  return ops;
}

std::string render_word_diff(const std::vector<WordOp>& ops) {
  std::string out;
  for (const WordOp& op : ops) {
    switch (op.kind) {
      case WordOp::same: out += op.text; break;
      case WordOp::removed: out += "[-" + op.text + "-]"; break;
      case WordOp::added: out += "{+" + op.text + "+}"; break;
    }
  }
  return out;
}

std::vector<UnitChange> diff(const Timeline& t, Date before, Date after, Language lang, std::string_view unit,
                             const Publication& pub) {
  const AtResult a = at(t, before, lang, unit, pub);
  const AtResult b = at(t, after, lang, unit, pub);
  std::map<std::string, const UnitState*> old;
  for (const UnitState& u : a.units) old[u.eid] = &u;
  std::vector<UnitChange> out;
  for (const UnitState& u : b.units) {
    const UnitState* o = old.count(u.eid) ? old[u.eid] : nullptr;
    const std::string was = o ? unit_text(*o) : std::string();
    const std::string now = unit_text(u);
    const Status was_status = o ? o->status : Status::absent;
    if (was == now && was_status == u.status) continue;
    UnitChange c{u.eid, was_status, u.status, was, now, word_diff(was, now)};
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace zanline
