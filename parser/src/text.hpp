// Internal text helpers for the parser stages: UTF-8 decoding, character classes (ICU),
// a map from normalized text back to original offsets, and offset -> line:col.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zanline/document.hpp"

namespace zanline::text {

// Decodes one code point at s[i]; advances i. Returns U+FFFD for invalid sequences.
char32_t decode(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t c);
// Byte offset of the first invalid UTF-8 sequence, or npos when s is valid UTF-8.
std::size_t find_invalid_utf8(std::string_view s);
std::size_t count_code_points(std::string_view s);

bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_digit(char32_t c);  // ASCII 0-9 only: legal numbering is ASCII
bool is_space(char32_t c);
bool is_cyrillic(char32_t c);
bool is_latin(char32_t c);

std::string_view trim(std::string_view s);
std::string_view trim_left(std::string_view s);
std::string_view trim_right(std::string_view s);
// Collapses runs of spaces to one and trims.
std::string squeeze_spaces(std::string_view s);
bool starts_with_lower(std::string_view s);
bool starts_with_upper(std::string_view s);
// Kazakh-aware lower case (ICU, locale "kk").
std::string to_lower(std::string_view s);

// Text built from pieces of an original input; remembers where each piece came from.
class MappedText {
 public:
  void append(std::string_view s, std::size_t original_offset);
  void append(const MappedText& other);
  // Appends text that has no original (inserted separators); it maps to `original_offset`.
  void append_inserted(std::string_view s, std::size_t original_offset);
  MappedText slice(std::size_t begin, std::size_t end) const;
  std::size_t original_offset(std::size_t pos) const;
  const std::string& str() const { return text_; }
  std::size_t size() const { return text_.size(); }
  bool empty() const { return text_.empty(); }

 private:
  std::string text_;
  // (position in text_, original offset), sorted by position; a piece runs to the next anchor.
  std::vector<std::pair<std::size_t, std::size_t>> anchors_;
  std::size_t contiguous_end_ = static_cast<std::size_t>(-1);  // original offset after text_
};

// Byte offset -> 1-based line:col (col in code points) for one input.
class LineIndex {
 public:
  explicit LineIndex(std::string_view input);
  SourcePos pos(std::size_t offset) const;

 private:
  std::string_view input_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace zanline::text
