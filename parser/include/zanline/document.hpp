// zanline/document.hpp — the parsed form of one Kazakh or Russian legal text.
//
//   zanline::Document doc = zanline::parse(text, {.source_name = "order.txt"});
//   for (const zanline::Unit& u : doc.body)       // points, articles, chapters ...
//     std::cout << u.eid << " " << u.num << "\n";  // "point_2" "2"
//   doc.meta.number;                                // "130/НҚ"
//   doc.meta.entry_into_force.kind;                 // EifKind::days_after_publication
//   doc.instructions[0].op;                         // Operation::new_wording
//
// Everything here is a plain value type: the parser fills it, src/ writes it as XML or JSON.
// Positions are 1-based line:column in the ORIGINAL input (columns count code points), so a
// diagnostic points at what the user sees even after normalization moved text around.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "zanline/date.hpp"

namespace zanline {

struct SourcePos {
  int line = 0;  // 1-based; 0 = unknown
  int col = 0;   // 1-based, in code points
};

enum class Severity { note, warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     // stable machine code, e.g. "input.not-utf8", "note.unparsed"
  std::string message;  // human text
  SourcePos pos;
};

// One change the normalizer made. `before` is the original text of the range that was
// changed, `after` what replaced it; applying every repair in reverse restores the input.
struct Repair {
  std::string kind;  // "nfc", "space", "lookalike", "legacy-glyph", "displaced-word", ...
  std::size_t offset = 0;  // byte offset in the original input
  SourcePos pos;
  std::string before;
  std::string after;
};

enum class Language { unknown, kk, ru };

enum class UnitKind {
  title,
  preamble,
  formula,  // БҰЙЫРАМЫН / ҚАУЛЫ ЕТЕДІ / ПРИКАЗЫВАЮ / ПОСТАНОВЛЯЕТ
  section,
  chapter,
  paragraph,  // § of codes
  article,
  point,
  subpoint,
  part,  // unnumbered paragraph (абзац / часть) of an article or point
  appendix,
  signature,
};

enum class UnitStatus { normal, excluded, repealed };


// What an appendix header block says: whose appendix it is, and — in an amending act whose
// appendix replaces an appendix of the amended act — which appendix it restates.
struct AppendixInfo {
  std::string header;  // the header block as written, lines joined by " "
  std::string of_act_date;    // ISO date of the act the appendix belongs to, "" if not stated
  std::string of_act_number;  // "130/НҚ"
  std::string restates_header;
  std::string restates_act_date;    // "2019-04-11"
  std::string restates_act_number;  // "37/НҚ"
  std::string restates_num;         // "2"
};

struct Unit {
  UnitKind kind = UnitKind::part;
  std::string eid;      // Akoma Ntoso style: "art_4-1__point_2__subpoint_3"
  std::string num;      // as printed, without decoration: "4-1", "1)" -> "1"
  std::string heading;  // article / chapter / appendix title
  std::string text;     // the unit's own text (without children)
  UnitStatus status = UnitStatus::normal;
  std::string status_text;  // "алып тасталды - ҚР ... қаулысымен" for excluded units
  SourcePos pos;
  std::optional<AppendixInfo> appendix;  // only for UnitKind::appendix
  // How many lines (parts) of the parent's text precede this unit: a point whose parts each hold
  // a list numbered 1), 2), … tells the lists apart by it ("в части третьей пункта 2: подпункт
  // 2)"). Derived from the layout; 0 when the parent has no text before it.
  int after_line = 0;
  std::vector<Unit> children;
};

// An act as cited: "Қазақстан Республикасының ... министрінің 2019 жылғы 11 сәуірдегі № 37/НҚ бұйрығы".
struct ActRef {
  std::string type;    // "order", "decree", "law", "code", "edict", "resolution", "" if unknown
  std::string issuer;  // as written
  std::optional<Date> date;
  std::string number;        // "37/НҚ", "47-IV" (№/N dropped)
  std::string registration;  // Ministry of Justice registration number, "18523"
};

enum class EifKind {
  none,                    // no clause found
  from_date,               // "01.01.2015 бастап", "с 1 июля 2021 года"
  from_signing,            // "қол қойылған күнінен бастап", "со дня подписания"
  from_publication,        // "ресми жарияланған күнінен бастап", "со дня официального опубликования"
  days_after_publication,  // "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң"
  months_after_publication,
  after_event,  // "шекаралас мемлекеттерге хабарлағаннан кейін" — an event we cannot date
  see_unit,     // "қолданысқа енгізілу тәртібін 2-баптан қараңыз"
  raw,          // recognised as an entry-into-force clause, not understood
};

struct EntryIntoForce {
  EifKind kind = EifKind::none;
  int amount = 0;           // N for days/months_after_publication
  std::optional<Date> date; // for from_date
  std::string ref;          // for see_unit: "2-бап"
  std::string text;         // the clause as written
  SourcePos pos;
  // Per-unit exceptions ("except point 3, which enters into force on ...").
  struct Exception {
    std::string units;
    std::optional<Date> date;
    std::string text;
  };
  std::vector<Exception> exceptions;
};

enum class ActStatus { unknown, in_force, repealed, new_act, updated };

struct Metadata {
  Language lang = Language::unknown;
  std::string type;    // "order" / "decree" / "law" / ...
  std::string form;    // as written: "бұйрығы", "Постановление", "Закон"
  std::string issuer;  // as written
  std::optional<Date> date;
  std::string number;
  std::string registration;
  std::optional<Date> registration_date;
  std::string title;
  std::string status_label;  // "Күшін жойған", "Действующий", ...
  ActStatus status = ActStatus::unknown;
  struct Repeal {
    ActRef by;
    std::optional<Date> effective;
    std::string text;
  };
  std::optional<Repeal> repeal;
  EntryIntoForce entry_into_force;
  // YAML front matter / meta fields of Markdown editions, kept as written.
  std::string act_code;  // "10612" (zan.gov.kz document code)
  std::optional<Date> version_date;
  std::string caused_by;  // act code of the act that caused this edition
  std::string caused_by_requisite;  // "Закон Республики Казахстан от 22 апреля 2009 года № 152-IV"
  SourcePos pos;
};

enum class NoteAction {
  amended,        // өзгеріс(тер) енгізілді / с изменениями
  new_wording,    // жаңа редакцияда / в редакции
  supplemented,   // толықтырылды / дополнен(а)
  excluded,       // алып тасталды / исключен(а)
  repealed,       // күші жойылды / утратил силу
  entry_into_force,  // "01.01.2019 бастап қолданысқа енгізіледі - осы Заңның 2-бабымен"
  other,
};

struct NoteEvent {
  std::string target;  // "act" or a unit path as eId ("point_1-1", "app_1")
  std::string target_text;  // as written: "1-1-тармақпен", "Приложение 1"
  NoteAction action = NoteAction::other;
  ActRef act;  // the amending act
  EntryIntoForce entry_into_force;
};

struct Note {
  std::string text;
  std::string attached_to;  // eId of the unit it follows, "" for the whole act
  SourcePos pos;
  std::vector<NoteEvent> events;
};

enum class Operation {
  new_wording,   // мынадай редакцияда жазылсын / изложить в следующей редакции
  insert,        // мынадай мазмұндағы ... толықтырылсын / дополнить ... следующего содержания
  substitute,    // "A" деген сөздер "B" деген сөздермен ауыстырылсын / слова "A" заменить словами "B"
  insert_words,  // "A" деген сөздерден кейін "B" ... толықтырылсын / после слов "A" дополнить словами "B"
  delete_,       // алып тасталсын / исключить
  repeal,        // күші жойылды деп танылсын / признать утратившим силу
};

struct UnitStep {
  UnitKind kind = UnitKind::point;
  std::string num;  // "19", "2", "4-1"; ordinal parts/abzacs as their number "2"
};

struct Instruction {
  ActRef target_act;
  std::string scope;            // non-numbered container, e.g. "...тізбесінде" (a list approved by the act)
  std::vector<UnitStep> path;   // unit path inside the act (largest first)
  std::string target_eid;       // path rendered as eId
  bool heading_only = false;    // "в статье 4: заголовок изложить ...": only the unit's heading ("point_19", "app_2")
  Operation op = Operation::new_wording;
  std::string old_words;        // substitute / insert_words
  std::string new_words;        // substitute / insert_words
  std::string new_text;         // new wording / inserted unit, quotes stripped
  std::string new_text_ref;     // "appendix" when the new text is this act's appendix
  std::string text;             // the instruction as written
  SourcePos pos;
};

struct Document {
  std::string source_name;
  std::string input_format;  // "plain" or "markdown"
  Metadata meta;
  std::vector<Unit> body;  // title, preamble, formula, units, signature, appendices in order
  std::vector<Note> notes;
  std::vector<Instruction> instructions;
  std::vector<Repair> repairs;
  std::vector<Diagnostic> diagnostics;

  bool has_errors() const;
};

// Human names used by every writer (XML, JSON, text): one table, so they cannot drift apart.
const char* to_string(Severity);
const char* to_string(Language);
const char* to_string(UnitKind);
const char* to_string(UnitStatus);
const char* to_string(EifKind);
const char* to_string(ActStatus);
const char* to_string(NoteAction);
const char* to_string(Operation);

// Visits every unit depth-first, parents before children.
template <class F>
void for_each_unit(const std::vector<Unit>& units, F&& f) {
  for (const Unit& u : units) {
    f(u);
    for_each_unit(u.children, f);
  }
}

}  // namespace zanline
