// XML writer: Document -> <document xmlns="urn:zanline:document:1">, valid against
// schema/document.xsd. Element and attribute names are camelCase (Akoma Ntoso habit: eId).
//
// Rules that keep the output small and deterministic:
//   * empty strings, nullopt, line/col 0 and default enum values the schema marks optional are
//     left out (a unit's status="normal", an entry-into-force clause of kind "none");
//   * the top-level sections <meta> <body> <notes> <instructions> <repairs> <diagnostics> are
//     always written, so a reader can rely on them;
//   * every string goes through xml_safe(): invalid UTF-8 and characters XML 1.0 forbids
//     become U+FFFD, so any Document gives well-formed XML.
#include <pugixml.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "xml_text.hpp"
#include "zanline/output.hpp"

namespace zanline {
namespace {

std::string xml_safe(std::string_view s) { return xml::safe(s); }

// Only real calendar dates are written, so every date attribute is a valid xs:date.
std::optional<std::string> iso(const std::optional<Date>& d) {
  if (!d || !d->valid()) return std::nullopt;
  return d->iso();
}
std::optional<std::string> iso(std::string_view s) {
  const std::optional<Date> d = parse_iso_date(s);
  if (!d) return std::nullopt;
  return d->iso();
}

void attr(pugi::xml_node n, const char* name, std::string_view value) {
  if (!value.empty()) n.append_attribute(name).set_value(xml_safe(value).c_str());
}
void date_attr(pugi::xml_node n, const char* name, const std::optional<std::string>& iso_date) {
  if (iso_date) attr(n, name, *iso_date);
}
void attr_int(pugi::xml_node n, const char* name, long long value) {
  n.append_attribute(name).set_value(value);
}

void pos_attrs(pugi::xml_node n, const SourcePos& p) {
  if (p.line > 0) attr_int(n, "line", p.line);
  if (p.col > 0) attr_int(n, "col", p.col);
}

// <name>value</name>, left out when value is empty.
pugi::xml_node text_child(pugi::xml_node parent, const char* name, std::string_view value) {
  if (value.empty()) return {};
  pugi::xml_node n = parent.append_child(name);
  n.text().set(xml_safe(value).c_str());
  return n;
}
void date_child(pugi::xml_node parent, const char* name,
                const std::optional<std::string>& iso_date) {
  if (iso_date) text_child(parent, name, *iso_date);
}

bool empty(const ActRef& a) {
  return a.type.empty() && a.issuer.empty() && !a.date && a.number.empty() &&
         a.registration.empty();
}

void write_act_ref(pugi::xml_node parent, const char* name, const ActRef& a) {
  if (empty(a)) return;
  pugi::xml_node n = parent.append_child(name);
  attr(n, "type", a.type);
  attr(n, "issuer", a.issuer);
  date_attr(n, "date", iso(a.date));
  attr(n, "number", a.number);
  attr(n, "registration", a.registration);
}

void write_eif(pugi::xml_node parent, const EntryIntoForce& e) {
  if (e.kind == EifKind::none && e.text.empty() && e.exceptions.empty()) return;
  pugi::xml_node n = parent.append_child("entryIntoForce");
  attr(n, "kind", to_string(e.kind));
  if (e.amount != 0) attr_int(n, "amount", e.amount);
  date_attr(n, "date", iso(e.date));
  attr(n, "ref", e.ref);
  pos_attrs(n, e.pos);
  text_child(n, "text", e.text);
  for (const EntryIntoForce::Exception& x : e.exceptions) {
    pugi::xml_node xn = n.append_child("exception");
    attr(xn, "units", x.units);
    date_attr(xn, "date", iso(x.date));
    if (!x.text.empty()) xn.text().set(xml_safe(x.text).c_str());
  }
}

void write_meta(pugi::xml_node parent, const Metadata& m) {
  pugi::xml_node n = parent.append_child("meta");
  pos_attrs(n, m.pos);
  text_child(n, "type", m.type);
  text_child(n, "form", m.form);
  text_child(n, "issuer", m.issuer);
  date_child(n, "date", iso(m.date));
  text_child(n, "number", m.number);
  text_child(n, "registration", m.registration);
  date_child(n, "registrationDate", iso(m.registration_date));
  text_child(n, "title", m.title);
  text_child(n, "statusLabel", m.status_label);
  text_child(n, "status", to_string(m.status));
  text_child(n, "actCode", m.act_code);
  date_child(n, "versionDate", iso(m.version_date));
  text_child(n, "causedBy", m.caused_by);
  if (m.repeal) {
    pugi::xml_node r = n.append_child("repeal");
    date_attr(r, "effective", iso(m.repeal->effective));
    write_act_ref(r, "by", m.repeal->by);
    text_child(r, "text", m.repeal->text);
  }
  write_eif(n, m.entry_into_force);
}

void write_unit(pugi::xml_node parent, const Unit& u) {
  pugi::xml_node n = parent.append_child("unit");
  attr(n, "kind", to_string(u.kind));
  attr(n, "eId", u.eid);
  attr(n, "num", u.num);
  if (u.status != UnitStatus::normal) attr(n, "status", to_string(u.status));
  if (u.after_line > 0) n.append_attribute("afterLine").set_value(u.after_line);
  pos_attrs(n, u.pos);
  text_child(n, "heading", u.heading);
  text_child(n, "text", u.text);
  text_child(n, "statusText", u.status_text);
  if (u.appendix) {
    const AppendixInfo& a = *u.appendix;
    pugi::xml_node an = n.append_child("appendixInfo");
    date_attr(an, "ofActDate", iso(a.of_act_date));
    attr(an, "ofActNumber", a.of_act_number);
    attr(an, "restatesHeader", a.restates_header);
    date_attr(an, "restatesActDate", iso(a.restates_act_date));
    attr(an, "restatesActNumber", a.restates_act_number);
    attr(an, "restatesNum", a.restates_num);
    if (!a.header.empty()) an.text().set(xml_safe(a.header).c_str());
  }
  for (const Unit& c : u.children) write_unit(n, c);
}

void write_note(pugi::xml_node parent, const Note& note) {
  pugi::xml_node n = parent.append_child("note");
  attr(n, "attachedTo", note.attached_to);
  pos_attrs(n, note.pos);
  text_child(n, "text", note.text);
  for (const NoteEvent& e : note.events) {
    pugi::xml_node en = n.append_child("event");
    attr(en, "target", e.target);
    attr(en, "targetText", e.target_text);
    attr(en, "action", to_string(e.action));
    write_act_ref(en, "act", e.act);
    write_eif(en, e.entry_into_force);
  }
}

void write_instruction(pugi::xml_node parent, const Instruction& in) {
  pugi::xml_node n = parent.append_child("instruction");
  attr(n, "op", to_string(in.op));
  attr(n, "targetEid", in.target_eid);
  if (in.heading_only) n.append_attribute("headingOnly") = true;
  pos_attrs(n, in.pos);
  write_act_ref(n, "targetAct", in.target_act);
  text_child(n, "scope", in.scope);
  if (!in.path.empty()) {
    pugi::xml_node p = n.append_child("path");
    for (const UnitStep& s : in.path) {
      pugi::xml_node sn = p.append_child("step");
      attr(sn, "kind", to_string(s.kind));
      attr(sn, "num", s.num);
    }
  }
  text_child(n, "oldWords", in.old_words);
  text_child(n, "newWords", in.new_words);
  if (!in.new_text.empty() || !in.new_text_ref.empty()) {
    pugi::xml_node t = n.append_child("newText");
    attr(t, "ref", in.new_text_ref);
    if (!in.new_text.empty()) t.text().set(xml_safe(in.new_text).c_str());
  }
  text_child(n, "text", in.text);
}

void write_repair(pugi::xml_node parent, const Repair& r) {
  pugi::xml_node n = parent.append_child("repair");
  attr(n, "kind", r.kind);
  n.append_attribute("offset").set_value(static_cast<unsigned long long>(r.offset));
  pos_attrs(n, r.pos);
  // Always written, even when empty: an insertion has no "before", a deletion no "after".
  n.append_child("before").text().set(xml_safe(r.before).c_str());
  n.append_child("after").text().set(xml_safe(r.after).c_str());
}

void write_diagnostic(pugi::xml_node parent, const Diagnostic& d) {
  pugi::xml_node n = parent.append_child("diagnostic");
  attr(n, "severity", to_string(d.severity));
  attr(n, "code", d.code);
  pos_attrs(n, d.pos);
  if (!d.message.empty()) n.text().set(xml_safe(d.message).c_str());
}

}  // namespace

std::string to_xml(const Document& doc) {
  pugi::xml_document xml;
  pugi::xml_node root = xml::start_document(xml, "document", kDocumentNamespace);
  attr(root, "source", doc.source_name);
  attr(root, "format", doc.input_format);
  attr(root, "lang", to_string(doc.meta.lang));

  write_meta(root, doc.meta);
  pugi::xml_node body = root.append_child("body");
  for (const Unit& u : doc.body) write_unit(body, u);
  pugi::xml_node notes = root.append_child("notes");
  for (const Note& n : doc.notes) write_note(notes, n);
  pugi::xml_node instructions = root.append_child("instructions");
  for (const Instruction& in : doc.instructions) write_instruction(instructions, in);
  pugi::xml_node repairs = root.append_child("repairs");
  for (const Repair& r : doc.repairs) write_repair(repairs, r);
  pugi::xml_node diagnostics = root.append_child("diagnostics");
  for (const Diagnostic& d : doc.diagnostics) write_diagnostic(diagnostics, d);

  return xml::finish_document(xml);
}

}  // namespace zanline
