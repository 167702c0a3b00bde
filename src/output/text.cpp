// Text writer: an outline for people, not for parsing (use XML or JSON for that).
//
//   type:             order (бұйрығы)
//   number:           130/НҚ
//   date:             2022-04-19
//   registration:     27788 of 2022-04-27
//   status:           repealed (Күшін жойған)
//   entry into force: days-after-publication 10
//   repeal:           by order 521/НҚ of 2025-10-20, effective 2026-01-01
//
//   body:
//     point_2  2
//         Қазақстан Республикасының Цифрлық даму, инновациялар және ...
//       point_2__subpoint_1  1
//           осы бұйрықты Қазақстан Республикасы Әділет министрлігінде ...
//   ...
//   repairs: 1
//   diagnostics: 1 (0 errors, 1 warnings, 0 notes)
#include <fmt/format.h>

#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zanline/output.hpp"

namespace zanline {
namespace {

constexpr std::size_t kWidth = 100;     // wrap texts at this many code points
constexpr std::size_t kMaxChars = 300;  // show at most this many code points of one text

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += is_continuation(c) ? 0 : 1;
  return n;
}

// Words of `s` split at ASCII white space; control characters (which would steer a terminal)
// become U+FFFD.
std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else if (b < 0x20 || b == 0x7F) {
      word += "\xEF\xBF\xBD";
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// `s` as one line of words, cut after kMaxChars code points with "…".
std::string clip(std::string_view s) {
  std::string out;
  std::size_t n = 0;
  for (const std::string& w : words(s)) {
    const std::size_t len = code_points(w) + (out.empty() ? 0 : 1);
    if (n + len > kMaxChars) {
      out += " …";
      break;
    }
    if (!out.empty()) out += ' ';
    out += w;
    n += len;
  }
  return out;
}

// Appends `s` (clipped) wrapped at kWidth, each line starting with `indent` spaces.
void wrap(std::string& out, std::string_view s, std::size_t indent) {
  const std::string clipped = clip(s);
  if (clipped.empty()) return;
  const std::string pad(indent, ' ');
  std::size_t col = 0;
  for (const std::string& w : words(clipped)) {
    const std::size_t len = code_points(w);
    if (col > 0 && col + 1 + len > kWidth) {
      out += '\n';
      col = 0;
    }
    if (col == 0) {
      out += pad;
      col = indent;
    } else {
      out += ' ';
      ++col;
    }
    out += w;
    col += len;
  }
  out += '\n';
}

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }

// "order 521/НҚ of 2025-10-20 (reg. 18523)"
std::string describe(const ActRef& a) {
  std::string s = a.type.empty() ? std::string("act") : a.type;
  if (!a.number.empty()) s += " " + a.number;
  if (a.date) s += " of " + a.date->iso();
  if (!a.registration.empty()) s += " (reg. " + a.registration + ")";
  return s;
}

// "days-after-publication 10", "from-date 2026-01-01; except 3 from 2022-07-01"
std::string describe(const EntryIntoForce& e) {
  std::string s = to_string(e.kind);
  if (e.amount != 0) s += fmt::format(" {}", e.amount);
  if (e.date) s += " " + e.date->iso();
  if (!e.ref.empty()) s += " " + e.ref;
  for (const EntryIntoForce::Exception& x : e.exceptions) {
    s += "; except " + x.units;
    if (x.date) s += " from " + x.date->iso();
  }
  return s;
}

std::string describe(const SourcePos& p) {
  return p.line > 0 ? fmt::format("{}:{}", p.line, p.col) : std::string();
}

constexpr std::size_t kLabelWidth = 18;  // "entry into force: "

// "label:            value", the value wrapped with its continuation lines under its start.
void field(std::string& out, std::string_view label, std::string_view value) {
  std::string lines;
  wrap(lines, value, kLabelWidth);
  if (lines.empty()) return;
  lines.replace(0, kLabelWidth, fmt::format("{:<{}}", std::string(label) + ":", kLabelWidth));
  out += lines;
}

void write_header(std::string& out, const Document& doc) {
  const Metadata& m = doc.meta;
  field(out, "type", m.form.empty() ? m.type : fmt::format("{} ({})", m.type, m.form));
  field(out, "number", m.number);
  field(out, "date", iso(m.date));
  std::string registration = m.registration;
  if (m.registration_date) registration += " of " + m.registration_date->iso();
  field(out, "registration", registration);
  field(out, "issuer", m.issuer);
  field(out, "title", m.title);
  field(out, "status", m.status_label.empty()
                           ? std::string(to_string(m.status))
                           : fmt::format("{} ({})", to_string(m.status), m.status_label));
  if (m.entry_into_force.kind != EifKind::none) {
    field(out, "entry into force", describe(m.entry_into_force));
  }
  if (m.repeal) {
    std::string repeal = "by " + describe(m.repeal->by);
    if (m.repeal->effective) repeal += ", effective " + m.repeal->effective->iso();
    field(out, "repeal", repeal);
  }
  field(out, "act code", m.act_code);
  field(out, "version date", iso(m.version_date));
  std::string source = doc.source_name;
  const std::string format = doc.input_format.empty() ? "" : doc.input_format + ", ";
  source += fmt::format(" ({}{})", format, to_string(m.lang));
  field(out, "source", source);
}

void write_unit(std::string& out, const Unit& u, std::size_t depth) {
  const std::size_t indent = 2 * (depth + 1);
  std::string line = u.eid.empty() ? std::string(to_string(u.kind)) : u.eid;
  if (!u.num.empty()) line += "  " + u.num;
  if (!u.heading.empty()) line += "  " + clip(u.heading);
  if (u.status != UnitStatus::normal) line += fmt::format("  [{}]", to_string(u.status));
  fmt::format_to(std::back_inserter(out), "{:{}}{}\n", "", indent, line);
  wrap(out, u.text, indent + 4);
  wrap(out, u.status_text, indent + 4);
  if (u.appendix) {
    const AppendixInfo& a = *u.appendix;
    std::string info;
    if (!a.of_act_number.empty() || !a.of_act_date.empty()) {
      info = fmt::format("appendix to {} {}", a.of_act_number, a.of_act_date);
    }
    if (!a.restates_act_number.empty() || !a.restates_num.empty()) {
      info += fmt::format("{}restates appendix {} of {} {}", info.empty() ? "" : "; ",
                          a.restates_num, a.restates_act_number, a.restates_act_date);
    }
    wrap(out, info, indent + 4);
  }
  for (const Unit& c : u.children) write_unit(out, c, depth + 1);
}

void write_notes(std::string& out, const std::vector<Note>& notes) {
  if (notes.empty()) return;
  out += "\nnotes:\n";
  for (const Note& n : notes) {
    const std::string where = n.attached_to.empty() ? "act" : n.attached_to;
    const std::string pos = describe(n.pos);
    fmt::format_to(std::back_inserter(out), "  on {}{}\n", where, pos.empty() ? "" : " at " + pos);
    wrap(out, n.text, 6);
    for (const NoteEvent& e : n.events) {
      std::string s = fmt::format("- {} {}", e.target.empty() ? "?" : e.target,
                                  to_string(e.action));
      s += " by " + describe(e.act);
      if (e.entry_into_force.kind != EifKind::none) {
        s += ", in force " + describe(e.entry_into_force);
      }
      wrap(out, s, 6);
    }
  }
}

void write_instructions(std::string& out, const std::vector<Instruction>& instructions) {
  if (instructions.empty()) return;
  out += "\ninstructions:\n";
  for (const Instruction& in : instructions) {
    std::string s = to_string(in.op);
    if (!in.target_eid.empty()) s += " " + in.target_eid;
    s += " of " + describe(in.target_act);
    const std::string pos = describe(in.pos);
    if (!pos.empty()) s += " at " + pos;
    fmt::format_to(std::back_inserter(out), "  {}\n", s);
    if (!in.old_words.empty() || !in.new_words.empty()) {
      wrap(out, fmt::format("\"{}\" -> \"{}\"", in.old_words, in.new_words), 6);
    }
    if (!in.new_text.empty()) wrap(out, in.new_text, 6);
    if (!in.new_text_ref.empty()) wrap(out, "new text: this act's " + in.new_text_ref, 6);
  }
}

}  // namespace

std::string to_text(const Document& doc) {
  std::string out;
  write_header(out, doc);
  if (!doc.body.empty()) {
    out += "\nbody:\n";
    for (const Unit& u : doc.body) write_unit(out, u, 0);
  }
  write_notes(out, doc.notes);
  write_instructions(out, doc.instructions);

  int errors = 0, warnings = 0, notes = 0;
  for (const Diagnostic& d : doc.diagnostics) {
    (d.severity == Severity::error ? errors : d.severity == Severity::warning ? warnings : notes)++;
  }
  fmt::format_to(std::back_inserter(out), "\nrepairs: {}\n", doc.repairs.size());
  fmt::format_to(std::back_inserter(out), "diagnostics: {} ({} errors, {} warnings, {} notes)\n",
                 doc.diagnostics.size(), errors, warnings, notes);
  return out;
}

}  // namespace zanline
