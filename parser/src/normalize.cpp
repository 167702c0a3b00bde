#include "normalize.hpp"

#include "pdf_repair.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <optional>

namespace zanline {
namespace {

using text::MappedText;

struct Line {
  std::size_t offset;    // original byte offset of the line start
  std::string_view raw;  // without the line terminator
};

std::vector<Line> split_lines(std::string_view input) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start <= input.size()) {
    std::size_t nl = input.find('\n', start);
    if (nl == std::string_view::npos) nl = input.size();
    std::string_view raw = input.substr(start, nl - start);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    lines.push_back({start, raw});
    if (nl == input.size()) break;
    start = nl + 1;
  }
  if (!lines.empty() && lines.back().raw.empty() && lines.back().offset == input.size())
    lines.pop_back();
  return lines;
}

void add_diag(std::vector<Diagnostic>& diags, Severity sev, std::string code, std::string msg,
              SourcePos pos) {
  diags.push_back({sev, std::move(code), std::move(msg), pos});
}

// --- Input checks -----------------------------------------------------------------------------

bool check_input(std::string_view input, const ParseOptions& options, const text::LineIndex& index,
                 std::vector<Diagnostic>& diags) {
  if (input.size() > options.max_bytes) {
    add_diag(diags, Severity::error, "input.too-large",
             "input is " + std::to_string(input.size()) + " bytes; the limit is " +
                 std::to_string(options.max_bytes),
             {1, 1});
    return false;
  }
  if (text::trim(input).empty() ||
      input.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    add_diag(diags, Severity::error, "input.empty", "input is empty", {1, 1});
    return false;
  }
  if (auto nul = input.find('\0'); nul != std::string_view::npos) {
    add_diag(diags, Severity::error, "input.binary",
             "input is binary (NUL byte), not a text file", index.pos(nul));
    return false;
  }
  if (auto bad = text::find_invalid_utf8(input); bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(input[bad]));
    add_diag(diags, Severity::error, "input.not-utf8",
             std::string("input is not valid UTF-8 (byte ") + hex + ")", index.pos(bad));
    return false;
  }
  std::size_t start = 0;
  while (start < input.size()) {
    std::size_t nl = input.find('\n', start);
    if (nl == std::string_view::npos) nl = input.size();
    if (nl - start > kMaxLineBytes) {
      add_diag(diags, Severity::error, "input.line-too-long",
               "line is " + std::to_string(nl - start) + " bytes long; the limit is " +
                   std::to_string(kMaxLineBytes) + " (not a legal text?)",
               index.pos(start));
      return false;
    }
    start = nl + 1;
  }
  return true;
}

// --- Character repairs --------------------------------------------------------------------------

// Latin letters that look like Cyrillic ones, as they appear inside Cyrillic words.
char32_t cyrillic_lookalike(char32_t c, Language lang) {
  switch (c) {
    case 'a': return U'а';
    case 'c': return U'с';
    case 'e': return U'е';
    case 'o': return U'о';
    case 'p': return U'р';
    case 'x': return U'х';
    case 'y': return U'у';
    case 'i': return U'і';
    case 'A': return U'А';
    case 'B': return U'В';
    case 'C': return U'С';
    case 'E': return U'Е';
    case 'H': return U'Н';
    case 'I': return U'І';
    case 'K': return U'К';
    case 'M': return U'М';
    case 'O': return U'О';
    case 'P': return U'Р';
    case 'T': return U'Т';
    case 'X': return U'Х';
    case 'Y': return lang == Language::ru ? U'У' : U'Ү';
    default: return 0;
  }
}

// Pre-Unicode Kazakh fonts put Kazakh letters on Macedonian/Serbian code points.
char32_t legacy_glyph(char32_t c) {
  switch (c) {
    case U'Ќ': return U'Қ';
    case U'ќ': return U'қ';
    case U'Ѓ': return U'Ғ';
    case U'ѓ': return U'ғ';
    case U'Њ': return U'Ң';
    case U'њ': return U'ң';
    case U'Љ': return U'Ө';
    case U'љ': return U'ө';
    default: return 0;
  }
}

bool is_legacy_candidate(char32_t c) {
  return legacy_glyph(c) != 0 || c == U'Ў' || c == U'ў' || c == U'Ї' || c == U'ї' ||
         c == U'Є' || c == U'є' || c == U'Ѕ' || c == U'ѕ';
}

bool is_roman_letter(char32_t c) {
  return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M' ||
         c == U'І';
}

struct CharContext {
  Language lang;
  bool repair;
  const text::LineIndex& index;
  std::vector<Repair>& repairs;
  std::vector<Diagnostic>& diags;
};

std::string utf8(char32_t c) {
  std::string s;
  text::append_utf8(s, c);
  return s;
}

// Repairs one word (a run of letters) in place: look-alike Latin letters inside a Cyrillic
// word, Cyrillic І inside a Latin Roman numeral. Mixed words it cannot repair get a warning.
void repair_word(std::string_view line, std::size_t line_offset, std::size_t begin, std::size_t end,
                 CharContext& ctx, MappedText& out) {
  std::string_view word = line.substr(begin, end - begin);
  int cyr = 0, lat = 0, unmapped_latin = 0;
  bool roman = true;
  for (std::size_t i = 0; i < word.size();) {
    char32_t c = text::decode(word, i);
    if (text::is_cyrillic(c)) ++cyr;
    if (text::is_latin(c)) {
      ++lat;
      if (!cyrillic_lookalike(c, ctx.lang)) ++unmapped_latin;
    }
    if (!is_roman_letter(c)) roman = false;
  }
  const std::size_t offset = line_offset + begin;
  if (cyr == 0 || lat == 0) {
    out.append(word, offset);
    return;
  }
  std::string fixed;
  std::string kind;
  if (roman) {
    kind = "roman-numeral";
    for (std::size_t i = 0; i < word.size();) {
      char32_t c = text::decode(word, i);
      text::append_utf8(fixed, c == U'І' ? U'I' : c);
    }
  } else if (unmapped_latin == 0 && cyr >= 1) {
    kind = "lookalike";
    for (std::size_t i = 0; i < word.size();) {
      char32_t c = text::decode(word, i);
      char32_t m = text::is_latin(c) ? cyrillic_lookalike(c, ctx.lang) : 0;
      text::append_utf8(fixed, m ? m : c);
    }
  } else {
    // e.g. "КZ" in "СТ-КZ": a Latin letter with no Cyrillic twin; the reading is unclear.
    add_diag(ctx.diags, Severity::warning, "text.mixed-script",
             "word \"" + std::string(word) + "\" mixes Cyrillic and Latin letters (" +
                 std::to_string(cyr) + " Cyrillic, " + std::to_string(lat) +
                 " Latin); left as written",
             ctx.index.pos(offset));
    out.append(word, offset);
    return;
  }
  if (!ctx.repair) {
    add_diag(ctx.diags, Severity::warning, "text." + kind,
             "word \"" + std::string(word) + "\" should read \"" + fixed + "\" (--no-repair)",
             ctx.index.pos(offset));
    out.append(word, offset);
    return;
  }
  ctx.repairs.push_back({kind, offset, ctx.index.pos(offset), std::string(word), fixed});
  out.append_inserted(fixed, offset);
}

// Applies character-level repairs to one line and returns it mapped to the original.
MappedText repair_chars(std::string_view line, std::size_t line_offset, CharContext& ctx) {
  // NFC first: a decomposed letter would defeat every literal pattern.
  const icu::Normalizer2* nfc = nullptr;
  {
    UErrorCode status = U_ZERO_ERROR;
    nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) nfc = nullptr;
  }
  std::string nfc_line;
  bool nfc_changed = false;
  if (nfc) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    if (!nfc->isNormalized(u, status) && U_SUCCESS(status)) {
      icu::UnicodeString n = nfc->normalize(u, status);
      if (U_SUCCESS(status)) {
        n.toUTF8String(nfc_line);
        nfc_changed = true;
      }
    }
  }
  if (nfc_changed) {
    if (ctx.repair) {
      ctx.repairs.push_back({"nfc", line_offset, ctx.index.pos(line_offset), std::string(line), nfc_line});
    } else {
      add_diag(ctx.diags, Severity::warning, "text.not-nfc", "line is not in Unicode NFC",
               ctx.index.pos(line_offset));
      nfc_changed = false;
    }
  }
  // After an NFC change every piece of the line maps to the line start.
  std::string_view src = nfc_changed ? std::string_view(nfc_line) : line;
  auto orig = [&](std::size_t i) { return nfc_changed ? line_offset : line_offset + i; };

  int legacy = 0;
  for (std::size_t i = 0; i < src.size();) legacy += is_legacy_candidate(text::decode(src, i));

  MappedText out;
  std::size_t i = 0;
  while (i < src.size()) {
    const std::size_t start = i;
    char32_t c = text::decode(src, i);
    if (text::is_letter(c) && !is_legacy_candidate(c)) {
      std::size_t end = i;
      while (end < src.size()) {
        std::size_t next = end;
        char32_t d = text::decode(src, next);
        if (!text::is_letter(d) || is_legacy_candidate(d)) break;
        end = next;
      }
      if (nfc_changed) {
        out.append(src.substr(start, end - start), line_offset);
      } else {
        repair_word(src, line_offset, start, end, ctx, out);
      }
      i = end;
      continue;
    }
    std::string_view ch = src.substr(start, i - start);
    // (string_view + assign: GCC 12 reports a false -Wrestrict for `std::string = "literal"`)
    std::string_view kind;
    std::string replacement;
    if (c == 0xA0) {
      kind = "space";
      replacement.assign(1, ' ');
    } else if (c == 0xAD || c == 0x200B || c == 0xFEFF) {
      kind = "invisible";
    } else if (is_legacy_candidate(c)) {
      if (legacy >= 2 && legacy_glyph(c)) {
        kind = "legacy-glyph";
        replacement = utf8(legacy_glyph(c));
      } else {
        add_diag(ctx.diags, Severity::warning, "text.legacy-glyph",
                 "letter \"" + std::string(ch) + "\" looks like a legacy Kazakh font glyph; left as written",
                 ctx.index.pos(orig(start)));
      }
    }
    if (kind.empty() || !ctx.repair) {
      if (!kind.empty())
        add_diag(ctx.diags, Severity::warning, "text." + std::string(kind),
                 "character U+" + [&] {
                   char b[8];
                   std::snprintf(b, sizeof b, "%04X", static_cast<unsigned>(c));
                   return std::string(b);
                 }() + " would be repaired (--no-repair)",
                 ctx.index.pos(orig(start)));
      out.append(ch, orig(start));
      continue;
    }
    ctx.repairs.push_back({std::string(kind), orig(start), ctx.index.pos(orig(start)), std::string(ch), replacement});
    out.append_inserted(replacement, orig(start));
  }
  return out;
}

// --- Paragraphs -----------------------------------------------------------------------------------

bool is_sentence_punct(char ch) { return ch == '.' || ch == ':' || ch == ';'; }


bool ends_paragraph(std::string_view content) {
  if (!match_status_label(content).empty()) return true;
  std::string lower = text::to_lower(text::trim(content));
  // "қосымша", "2-қосымша", "... Бұйрыққа қосымша" close an appendix header line.
  const std::string_view kAppendix = "қосымша";
  if (lower.size() >= kAppendix.size() &&
      std::string_view(lower).substr(lower.size() - kAppendix.size()) == kAppendix)
    return true;
  return false;
}

int indent_of(std::string_view raw) {
  int n = 0;
  for (char ch : raw) {
    if (ch == ' ') ++n;
    else if (ch == '\t') n += 4;
    else break;
  }
  return n;
}

void normalize_plain(const std::vector<Line>& lines, const std::vector<MappedText>& fixed,
                     CharContext& ctx, Normalized& out) {
  Paragraph cur;
  bool have = false;
  bool hard_end = false;
  int blanks = 0;
  std::size_t blank_from = 0;
  auto flush = [&] {
    if (have) out.paragraphs.push_back(std::move(cur));
    cur = Paragraph{};
    have = false;
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const MappedText& line = fixed[i];
    if (text::trim(line.str()).empty()) {
      if (blanks == 0) blank_from = lines[i].offset;
      ++blanks;
      continue;
    }
    const int indent = indent_of(line.str());
    // Strip indentation and trailing spaces, keeping the map.
    std::string_view s = line.str();
    std::size_t b = s.size() - text::trim_left(s).size();
    std::size_t e = text::trim_right(s).size();
    MappedText content = line.slice(b, e);

    const bool next_continues = i + 1 < lines.size() && !text::trim(fixed[i + 1].str()).empty() &&
                                indent_of(fixed[i + 1].str()) == 0;
    const std::size_t content_start = content.original_offset(0);  // before any word moves
    if (auto r = repair_displaced(content, next_continues)) {
      const std::size_t off = content.original_offset(0);
      if (ctx.repair) {
        ctx.repairs.push_back({"displaced-word", off, ctx.index.pos(off), content.str(), r->str()});
        content = std::move(*r);
      } else {
        add_diag(ctx.diags, Severity::warning, "text.displaced-word",
                 "words look displaced by a PDF export; would read \"" + r->str() + "\" (--no-repair)",
                 ctx.index.pos(off));
      }
    }

    const bool line_hard_end = ends_paragraph(content.str());
    const bool is_label = !match_status_label(content.str()).empty();
    const std::string& prev = cur.text.str();
    const bool prev_open = have && !prev.empty() && !is_sentence_punct(prev.back());
    const bool starts_new = !have || indent > 0 || hard_end || is_label ||
                            (blanks > 0 && !(prev_open && text::starts_with_lower(content.str())));
    if (starts_new) {
      flush();
      cur.pos = ctx.index.pos(content_start);
      cur.indent = indent;
      cur.blank_before = blanks;
      cur.text = std::move(content);
      have = true;
    } else {
      if (blanks > 0) {
        const std::size_t off = blank_from;
        ctx.repairs.push_back({"page-break", off, ctx.index.pos(off),
                               std::string(blanks + 1, '\n'), " "});
      }
      const std::size_t join_at = content.original_offset(0);
      if (!prev.empty() && prev.back() != '(') cur.text.append_inserted(" ", join_at);
      cur.text.append(content);
    }
    hard_end = line_hard_end;
    blanks = 0;
  }
  flush();
}

void normalize_markdown(const std::vector<Line>& lines, const std::vector<MappedText>& fixed,
                        std::size_t first, CharContext& ctx, Normalized& out) {
  int blanks = 0;
  for (std::size_t i = first; i < lines.size(); ++i) {
    std::string_view s = fixed[i].str();
    if (text::trim(s).empty()) {
      ++blanks;
      continue;
    }
    std::size_t b = s.size() - text::trim_left(s).size();
    std::size_t e = text::trim_right(s).size();
    Paragraph p;
    p.text = fixed[i].slice(b, e);
    p.pos = ctx.index.pos(p.text.original_offset(0));
    p.indent = indent_of(s);
    p.blank_before = blanks;
    out.paragraphs.push_back(std::move(p));
    blanks = 0;
  }
}

bool looks_like_markdown(const std::vector<Line>& lines) {
  if (!lines.empty() && text::trim(lines.front().raw) == "---") return true;
  int marks = 0;
  for (const Line& l : lines) {
    std::string_view t = text::trim_left(l.raw);
    if (t.substr(0, 2) == "# " || t.substr(0, 3) == "## " || t.substr(0, 3) == "> *" ||
        t.substr(0, 6) == "<a id=")
      ++marks;
  }
  return marks > 0;
}

}  // namespace

std::string fold_lookalikes(std::string_view s) {
  std::vector<Repair> repairs;
  std::vector<Diagnostic> diags;
  const std::string copy(s);
  text::LineIndex index(copy);
  CharContext ctx{detect_language(copy), true, index, repairs, diags};
  return repair_chars(copy, 0, ctx).str();
}

std::string_view match_status_label(std::string_view line) {
  static constexpr std::array<std::string_view, 12> kLabels = {
      "Күшін жойған", "Қолданыстағы", "Жаңартылған", "Жаңа",           "Действующий",
      "Утративший силу", "Утратил силу", "Утратило силу", "Утратила силу", "Новый",
      "Обновленный", "Қолданысқа енгізілмеген"};
  std::string_view t = text::trim(line);
  for (std::string_view l : kLabels)
    if (t == l) return l;
  return {};
}

Language detect_language(std::string_view s) {
  long kk = 0, cyr = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = text::decode(s, i);
    if (c < 0x400) continue;
    if (text::is_cyrillic(c)) ++cyr;
    switch (c) {
      case U'ә': case U'ғ': case U'қ': case U'ң': case U'ө': case U'ұ': case U'ү': case U'һ':
      case U'і': case U'Ә': case U'Ғ': case U'Қ': case U'Ң': case U'Ө': case U'Ұ': case U'Ү':
      case U'І':
        ++kk;
        break;
      default:
        break;
    }
  }
  if (cyr == 0) return Language::unknown;
  // Kazakh prose has ~5% Kazakh-specific letters; Russian has them only in names.
  return kk * 100 >= cyr * 2 ? Language::kk : Language::ru;
}

Normalized normalize(std::string_view input, const ParseOptions& options,
                     const text::LineIndex& index, std::vector<Repair>& repairs,
                     std::vector<Diagnostic>& diagnostics) {
  Normalized out;
  if (!check_input(input, options, index, diagnostics)) {
    out.fatal = true;
    return out;
  }
  out.lang = detect_language(input);
  std::vector<Line> lines = split_lines(input);
  out.format = options.format == InputFormat::detect
                   ? (looks_like_markdown(lines) ? InputFormat::markdown : InputFormat::plain)
                   : options.format;

  std::size_t first = 0;
  if (out.format == InputFormat::markdown && !lines.empty() && text::trim(lines[0].raw) == "---") {
    for (std::size_t i = 1; i < lines.size(); ++i) {
      if (text::trim(lines[i].raw) == "---") {
        const std::size_t b = lines[1].offset, e = lines[i].offset;
        out.front_matter = std::string(input.substr(b, e - b));
        out.front_matter_pos = index.pos(b);
        first = i + 1;
        break;
      }
    }
  }

  CharContext ctx{out.lang, options.repair, index, repairs, diagnostics};
  // A byte-order mark at the very start is dropped (and recorded).
  std::vector<MappedText> fixed;
  fixed.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i < first) {
      fixed.emplace_back();
      continue;
    }
    fixed.push_back(repair_chars(lines[i].raw, lines[i].offset, ctx));
  }
  if (out.format == InputFormat::markdown)
    normalize_markdown(lines, fixed, first, ctx, out);
  else
    normalize_plain(lines, fixed, ctx, out);
  return out;
}

}  // namespace zanline
