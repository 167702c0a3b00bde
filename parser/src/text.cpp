#include "text.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>

namespace zanline::text {

char32_t decode(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t c = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    c = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    c = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    c = b0 & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  const bool overlong = (len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && c < 0x10000);
  if (overlong || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
    ++i;
    return 0xFFFD;
  }
  i += static_cast<std::size_t>(len);
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    if (decode(s, i) == 0xFFFD) {
      // A literal U+FFFD in the input is valid; only a failed decode is not.
      if (s.substr(start, 3) != "\xEF\xBF\xBD") return start;
    }
  }
  return std::string_view::npos;
}

std::size_t count_code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

bool is_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool is_upper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool is_lower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == '\r'; }

bool is_cyrillic(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_CYRILLIC;
}

bool is_latin(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_LATIN;
}

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  return s;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view trim(std::string_view s) { return trim_left(trim_right(s)); }

std::string squeeze_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : trim(s)) {
    if (ch == ' ' || ch == '\t') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

bool starts_with_lower(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = 0;
  return is_lower(decode(s, i));
}

bool starts_with_upper(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = 0;
  return is_upper(decode(s, i));
}

std::string to_lower(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toLower(icu::Locale("kk"));
  std::string out;
  u.toUTF8String(out);
  return out;
}

void MappedText::append(std::string_view s, std::size_t original_offset) {
  if (s.empty()) return;
  if (original_offset != contiguous_end_) anchors_.emplace_back(text_.size(), original_offset);
  text_.append(s);
  contiguous_end_ = original_offset + s.size();
}

void MappedText::append_inserted(std::string_view s, std::size_t original_offset) {
  if (s.empty()) return;
  anchors_.emplace_back(text_.size(), original_offset);
  text_.append(s);
  contiguous_end_ = static_cast<std::size_t>(-1);
}

void MappedText::append(const MappedText& other) {
  for (std::size_t k = 0; k < other.anchors_.size(); ++k) {
    const std::size_t begin = other.anchors_[k].first;
    const std::size_t end = k + 1 < other.anchors_.size() ? other.anchors_[k + 1].first : other.text_.size();
    append(std::string_view(other.text_).substr(begin, end - begin), other.anchors_[k].second);
  }
}

MappedText MappedText::slice(std::size_t begin, std::size_t end) const {
  MappedText out;
  end = std::min(end, text_.size());
  std::size_t pos = begin;
  while (pos < end) {
    // Find the anchor containing pos and the end of its piece.
    auto it = std::upper_bound(anchors_.begin(), anchors_.end(), pos,
                               [](std::size_t p, const auto& a) { return p < a.first; });
    const auto& a = *(it - 1);
    const std::size_t piece_end = it == anchors_.end() ? text_.size() : it->first;
    const std::size_t stop = std::min(piece_end, end);
    out.append(std::string_view(text_).substr(pos, stop - pos), a.second + (pos - a.first));
    pos = stop;
  }
  return out;
}

std::size_t MappedText::original_offset(std::size_t pos) const {
  if (anchors_.empty()) return 0;
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), pos,
                             [](std::size_t p, const auto& a) { return p < a.first; });
  if (it == anchors_.begin()) return anchors_.front().second;
  const auto& a = *(it - 1);
  return a.second + (pos - a.first);
}

LineIndex::LineIndex(std::string_view input) : input_(input) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < input.size(); ++i)
    if (input[i] == '\n') line_starts_.push_back(i + 1);
}

SourcePos LineIndex::pos(std::size_t offset) const {
  offset = std::min(offset, input_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  const std::size_t col = count_code_points(input_.substr(start, offset - start)) + 1;
  return SourcePos{static_cast<int>(line), static_cast<int>(col)};
}

}  // namespace zanline::text
