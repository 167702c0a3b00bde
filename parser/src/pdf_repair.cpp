#include "pdf_repair.hpp"

namespace zanline {
namespace {

using text::MappedText;

bool is_sentence_punct(char ch) { return ch == '.' || ch == ':' || ch == ';'; }

// A word cut out of its place: lower-case Cyrillic ("қолданысқа") or a numbered unit
// ("19-тармақ"), letters/digits/hyphens only.
bool is_orphan_word(std::string_view w) {
  if (w.empty()) return false;
  std::size_t i = 0;
  while (i < w.size() && text::is_digit(static_cast<unsigned char>(w[i]))) ++i;
  if (i > 0) {
    if (i >= w.size() || w[i] != '-') return false;
    ++i;
  }
  if (i >= w.size()) return false;
  std::size_t j = i;
  char32_t first = text::decode(w, j);
  if (!text::is_cyrillic(first) || !text::is_lower(first)) return false;
  while (j < w.size()) {
    char32_t c = text::decode(w, j);
    if (!text::is_letter(c) && !text::is_digit(c) && c != '-') return false;
  }
  return true;
}

// Index of the first double space after the content start, or npos.
std::size_t find_gap(std::string_view s, std::size_t before) {
  std::size_t g = s.find("  ");
  return g != std::string_view::npos && g > 0 && g < before ? g : std::string_view::npos;
}

// The repaired line, or nullopt when the line shows no displaced word.
}  // namespace

std::optional<MappedText> repair_displaced(const MappedText& line, bool next_is_continuation) {
  const std::string& s = line.str();
  if (s.empty()) return std::nullopt;
  const std::size_t last_space = s.rfind(' ');
  const std::size_t p = last_space == std::string::npos ? 0 : last_space + 1;
  std::string_view tail = std::string_view(s).substr(p);

  // "түрлерінің :тізбесінде" -> "түрлерінің тізбесінде:"
  if (p > 0 && is_sentence_punct(tail.front()) && is_orphan_word(tail.substr(1))) {
    MappedText out = line.slice(0, p);
    out.append(line.slice(p + 1, s.size()));
    out.append(line.slice(p, p + 1));
    return out;
  }
  // "бастап  енгізіледі) бұйрығымен.қолданысқа" -> "бастап қолданысқа енгізіледі) бұйрығымен."
  // "       мынадай редакцияда жазылсын:19-тармақ" -> "19-тармақ мынадай редакцияда жазылсын:"
  for (std::size_t k = 1; k + 1 < tail.size(); ++k) {
    if (!is_sentence_punct(tail[k])) continue;
    std::string_view orphan = tail.substr(k + 1);
    const char before = tail[k - 1];
    const bool word_before = static_cast<unsigned char>(before) >= 0x80 || before == ')' ||
                             text::is_digit(static_cast<unsigned char>(before));
    if (!word_before || !is_orphan_word(orphan)) continue;
    const std::size_t cut = p + k + 1;  // the orphan starts here
    MappedText base = line.slice(0, cut);
    MappedText word = line.slice(cut, s.size());
    const std::size_t gap = find_gap(base.str(), base.size());
    MappedText out;
    if (gap != std::string::npos) {
      out = base.slice(0, gap + 1);
      out.append(word);
      out.append(base.slice(gap + 1, base.size()));
    } else {
      out = word;
      out.append_inserted(" ", word.original_offset(0));
      out.append(base);
    }
    return out;
  }
  // "Заңының 21-бабы  13) тармақшасына 4-тармағының" -> "21-бабы 4-тармағының 13) тармақшасына"
  // (a wrapped line with a hole and a trailing word that belongs in it)
  if (!next_is_continuation || p == 0) return std::nullopt;
  const std::size_t gap = find_gap(s, p);
  if (gap == std::string::npos) return std::nullopt;
  std::size_t last = s.size();
  std::size_t lb = last - 1;
  while (lb > 0 && (static_cast<unsigned char>(s[lb]) & 0xC0) == 0x80) --lb;
  std::size_t tmp = lb;
  char32_t last_char = text::decode(s, tmp);
  if (!text::is_letter(last_char) && !text::is_digit(last_char)) return std::nullopt;
  std::size_t chunk_begin = p;
  std::size_t keep_end = p;  // base keeps [0, keep_end)
  if (tail.front() == '(') {
    chunk_begin = p + 1;
    keep_end = p + 1;
  } else {
    // "(№ 521/НҚ": the number sign belongs to the number.
    std::string_view head = std::string_view(s).substr(0, p);
    head = text::trim_right(head);
    if (head.size() >= 3 && head.substr(head.size() - 3) == "№") {
      chunk_begin = head.size() - 3;
      keep_end = chunk_begin;
    }
  }
  if (chunk_begin <= gap + 2) return std::nullopt;
  MappedText base = line.slice(0, keep_end);
  // drop trailing spaces of base
  std::size_t base_end = base.size();
  while (base_end > 0 && base.str()[base_end - 1] == ' ' && base.str()[base_end - 1] != '(') --base_end;
  if (tail.front() == '(') base_end = base.size();
  base = base.slice(0, base_end);
  MappedText chunk = line.slice(chunk_begin, s.size());
  MappedText out = base.slice(0, gap + 1);
  out.append(chunk);
  out.append_inserted(" ", chunk.original_offset(0));
  out.append(base.slice(gap + 2, base.size()));
  return out;
}

}  // namespace zanline
