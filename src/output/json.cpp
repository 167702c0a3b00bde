// JSON writer: the same content and names as the XML writer (xml.cpp), shaped for machines.
//
//   XML                                  JSON
//   <document source= format= lang=>     {"source", "format", "lang", "meta", "body", ...}
//   <unit ...> child <unit>s             {"kind", "eId", ..., "children": [...]}
//   <note> <event>s                      {"attachedTo", ..., "events": [...]}
//   <entryIntoForce> <exception>s        {"kind", ..., "text", "exceptions": [...]}
//   <path><step/></path>                 "path": [{"kind", "num"}]
//   <newText ref=>text</newText>         "newText", "newTextRef"
//   <appendixInfo ...>header             {"header", "ofActDate", ...}
//   <diagnostic ...>message              {"severity", "code", "line", "col", "message"}
//
// Keys keep the XML order (ordered_json). Empty strings, nullopt and line/col 0 are left out; the
// top-level "meta", "body", "notes", "instructions", "repairs", "diagnostics" are always present.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zanline/output.hpp"

namespace zanline {
namespace {

using Json = nlohmann::ordered_json;

// Only real calendar dates are written (the XML writer does the same).
std::optional<std::string> iso(const std::optional<Date>& d) {
  if (!d || !d->valid()) return std::nullopt;
  return d->iso();
}
std::optional<std::string> iso(std::string_view s) {
  const std::optional<Date> d = parse_iso_date(s);
  if (!d) return std::nullopt;
  return d->iso();
}

void put(Json& j, const char* key, std::string_view value) {
  if (!value.empty()) j[key] = std::string(value);
}
void put_date(Json& j, const char* key, const std::optional<std::string>& iso_date) {
  if (iso_date) j[key] = *iso_date;
}

void put_pos(Json& j, const SourcePos& p) {
  if (p.line > 0) j["line"] = p.line;
  if (p.col > 0) j["col"] = p.col;
}

bool empty(const ActRef& a) {
  return a.type.empty() && a.issuer.empty() && !a.date && a.number.empty() &&
         a.registration.empty();
}

void put_act_ref(Json& j, const char* key, const ActRef& a) {
  if (empty(a)) return;
  Json r = Json::object();
  put(r, "type", a.type);
  put(r, "issuer", a.issuer);
  put_date(r, "date", iso(a.date));
  put(r, "number", a.number);
  put(r, "registration", a.registration);
  j[key] = std::move(r);
}

void put_eif(Json& j, const EntryIntoForce& e) {
  if (e.kind == EifKind::none && e.text.empty() && e.exceptions.empty()) return;
  Json r = Json::object();
  r["kind"] = to_string(e.kind);
  if (e.amount != 0) r["amount"] = e.amount;
  put_date(r, "date", iso(e.date));
  put(r, "ref", e.ref);
  put_pos(r, e.pos);
  put(r, "text", e.text);
  if (!e.exceptions.empty()) {
    Json xs = Json::array();
    for (const EntryIntoForce::Exception& x : e.exceptions) {
      Json xj = Json::object();
      put(xj, "units", x.units);
      put_date(xj, "date", iso(x.date));
      put(xj, "text", x.text);
      xs.push_back(std::move(xj));
    }
    r["exceptions"] = std::move(xs);
  }
  j["entryIntoForce"] = std::move(r);
}

Json meta_json(const Metadata& m) {
  Json j = Json::object();
  put_pos(j, m.pos);
  put(j, "type", m.type);
  put(j, "form", m.form);
  put(j, "issuer", m.issuer);
  put_date(j, "date", iso(m.date));
  put(j, "number", m.number);
  put(j, "registration", m.registration);
  put_date(j, "registrationDate", iso(m.registration_date));
  put(j, "title", m.title);
  put(j, "statusLabel", m.status_label);
  j["status"] = to_string(m.status);
  put(j, "actCode", m.act_code);
  put_date(j, "versionDate", iso(m.version_date));
  put(j, "causedBy", m.caused_by);
  if (m.repeal) {
    Json r = Json::object();
    put_date(r, "effective", iso(m.repeal->effective));
    put_act_ref(r, "by", m.repeal->by);
    put(r, "text", m.repeal->text);
    j["repeal"] = std::move(r);
  }
  put_eif(j, m.entry_into_force);
  return j;
}

Json unit_json(const Unit& u) {
  Json j = Json::object();
  j["kind"] = to_string(u.kind);
  put(j, "eId", u.eid);
  put(j, "num", u.num);
  if (u.status != UnitStatus::normal) j["status"] = to_string(u.status);
  if (u.after_line > 0) j["afterLine"] = u.after_line;
  put_pos(j, u.pos);
  put(j, "heading", u.heading);
  put(j, "text", u.text);
  put(j, "statusText", u.status_text);
  if (u.appendix) {
    const AppendixInfo& a = *u.appendix;
    Json aj = Json::object();
    put_date(aj, "ofActDate", iso(a.of_act_date));
    put(aj, "ofActNumber", a.of_act_number);
    put(aj, "restatesHeader", a.restates_header);
    put_date(aj, "restatesActDate", iso(a.restates_act_date));
    put(aj, "restatesActNumber", a.restates_act_number);
    put(aj, "restatesNum", a.restates_num);
    put(aj, "header", a.header);
    j["appendixInfo"] = std::move(aj);
  }
  if (!u.children.empty()) {
    Json cs = Json::array();
    for (const Unit& c : u.children) cs.push_back(unit_json(c));
    j["children"] = std::move(cs);
  }
  return j;
}

Json note_json(const Note& n) {
  Json j = Json::object();
  put(j, "attachedTo", n.attached_to);
  put_pos(j, n.pos);
  put(j, "text", n.text);
  if (!n.events.empty()) {
    Json es = Json::array();
    for (const NoteEvent& e : n.events) {
      Json ej = Json::object();
      put(ej, "target", e.target);
      put(ej, "targetText", e.target_text);
      ej["action"] = to_string(e.action);
      put_act_ref(ej, "act", e.act);
      put_eif(ej, e.entry_into_force);
      es.push_back(std::move(ej));
    }
    j["events"] = std::move(es);
  }
  return j;
}

Json instruction_json(const Instruction& in) {
  Json j = Json::object();
  j["op"] = to_string(in.op);
  put(j, "targetEid", in.target_eid);
  if (in.heading_only) j["headingOnly"] = true;
  put_pos(j, in.pos);
  put_act_ref(j, "targetAct", in.target_act);
  put(j, "scope", in.scope);
  if (!in.path.empty()) {
    Json ps = Json::array();
    for (const UnitStep& s : in.path) {
      Json sj = Json::object();
      sj["kind"] = to_string(s.kind);
      put(sj, "num", s.num);
      ps.push_back(std::move(sj));
    }
    j["path"] = std::move(ps);
  }
  put(j, "oldWords", in.old_words);
  put(j, "newWords", in.new_words);
  put(j, "newText", in.new_text);
  put(j, "newTextRef", in.new_text_ref);
  put(j, "text", in.text);
  return j;
}

Json repair_json(const Repair& r) {
  Json j = Json::object();
  put(j, "kind", r.kind);
  j["offset"] = r.offset;
  put_pos(j, r.pos);
  // Always present, even when empty: an insertion has no "before", a deletion no "after".
  j["before"] = r.before;
  j["after"] = r.after;
  return j;
}

Json diagnostic_json(const Diagnostic& d) {
  Json j = Json::object();
  j["severity"] = to_string(d.severity);
  put(j, "code", d.code);
  put_pos(j, d.pos);
  put(j, "message", d.message);
  return j;
}

template <class T, class F>
Json array_of(const std::vector<T>& items, F&& to_json_value) {
  Json a = Json::array();
  for (const T& item : items) a.push_back(to_json_value(item));
  return a;
}

}  // namespace

std::string to_json(const Document& doc) {
  Json j = Json::object();
  put(j, "source", doc.source_name);
  put(j, "format", doc.input_format);
  j["lang"] = to_string(doc.meta.lang);
  j["meta"] = meta_json(doc.meta);
  j["body"] = array_of(doc.body, unit_json);
  j["notes"] = array_of(doc.notes, note_json);
  j["instructions"] = array_of(doc.instructions, instruction_json);
  j["repairs"] = array_of(doc.repairs, repair_json);
  j["diagnostics"] = array_of(doc.diagnostics, diagnostic_json);
  // Invalid UTF-8 (kept in diagnostics and repairs of a non-UTF-8 input) becomes U+FFFD
  // instead of throwing.
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace zanline
