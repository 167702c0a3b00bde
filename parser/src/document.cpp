#include "zanline/document.hpp"

#include <algorithm>

namespace zanline {

bool Document::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "?";
}

const char* to_string(Language l) {
  switch (l) {
    case Language::unknown: return "und";
    case Language::kk: return "kk";
    case Language::ru: return "ru";
  }
  return "?";
}

const char* to_string(UnitKind k) {
  switch (k) {
    case UnitKind::title: return "title";
    case UnitKind::preamble: return "preamble";
    case UnitKind::formula: return "formula";
    case UnitKind::section: return "section";
    case UnitKind::chapter: return "chapter";
    case UnitKind::paragraph: return "paragraph";
    case UnitKind::article: return "article";
    case UnitKind::point: return "point";
    case UnitKind::subpoint: return "subpoint";
    case UnitKind::part: return "part";
    case UnitKind::appendix: return "appendix";
    case UnitKind::signature: return "signature";
  }
  return "?";
}

const char* to_string(UnitStatus s) {
  switch (s) {
    case UnitStatus::normal: return "normal";
    case UnitStatus::excluded: return "excluded";
    case UnitStatus::repealed: return "repealed";
  }
  return "?";
}

const char* to_string(EifKind k) {
  switch (k) {
    case EifKind::none: return "none";
    case EifKind::from_date: return "from-date";
    case EifKind::from_signing: return "from-signing";
    case EifKind::from_publication: return "from-publication";
    case EifKind::days_after_publication: return "days-after-publication";
    case EifKind::months_after_publication: return "months-after-publication";
    case EifKind::after_event: return "after-event";
    case EifKind::see_unit: return "see-unit";
    case EifKind::raw: return "raw";
  }
  return "?";
}

const char* to_string(ActStatus s) {
  switch (s) {
    case ActStatus::unknown: return "unknown";
    case ActStatus::in_force: return "in-force";
    case ActStatus::repealed: return "repealed";
    case ActStatus::new_act: return "new";
    case ActStatus::updated: return "updated";
  }
  return "?";
}

const char* to_string(NoteAction a) {
  switch (a) {
    case NoteAction::amended: return "amended";
    case NoteAction::new_wording: return "new-wording";
    case NoteAction::supplemented: return "supplemented";
    case NoteAction::excluded: return "excluded";
    case NoteAction::repealed: return "repealed";
    case NoteAction::entry_into_force: return "entry-into-force";
    case NoteAction::other: return "other";
  }
  return "?";
}

const char* to_string(Operation o) {
  switch (o) {
    case Operation::new_wording: return "new-wording";
    case Operation::insert: return "insert";
    case Operation::substitute: return "substitute";
    case Operation::insert_words: return "insert-words";
    case Operation::delete_: return "delete";
    case Operation::repeal: return "repeal";
  }
  return "?";
}

}  // namespace zanline
