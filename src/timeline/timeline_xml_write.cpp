// Timeline XML writer: timeline_to_xml (zanline/timeline.hpp). The format, with an example, is
// described in timeline_xml_common.hpp; the reader is timeline_xml_read.cpp.
//
// Writing: <identity>, <events> and <sources> are always written (possibly empty), so a reader can
// rely on them; `rule` only when not "none", `amount` only when not 0, a version's `status`
// always. Every string goes through xml_safe(): invalid UTF-8 and characters XML 1.0 forbids
// become U+FFFD, and "\r\n" or a lone "\r" become "\n" (an XML parser turns a raw CR into LF
// anyway, and the timeline keeps lines joined by "\n"). Everything else survives exactly:
// texts are written as the only child of their element, so the indenting writer adds no
// whitespace inside them, and attributes escape "\n" and "\t" as character references.
#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "output/xml_text.hpp"
#include "timeline/timeline_xml_common.hpp"
#include "zanline/timeline.hpp"

namespace zanline {
namespace {

using timeline_xml::kNamespace;
std::string xml_safe(std::string_view s) { return xml::safe(s, /*newlines=*/true); }

bool writable(const std::optional<Date>& d) { return d && d->valid(); }

void attr(pugi::xml_node n, const char* name, std::string_view value) {
  if (!value.empty()) n.append_attribute(name).set_value(xml_safe(value).c_str());
}
void date_attr(pugi::xml_node n, const char* name, const std::optional<Date>& d) {
  if (writable(d)) attr(n, name, d->iso());
}

// <name>value</name>, left out when value is empty. The value is the element's only child, so
// format_indent writes it inline and adds no whitespace to it.
void text_child(pugi::xml_node parent, const char* name, std::string_view value) {
  if (value.empty()) return;
  parent.append_child(name).append_child(pugi::node_pcdata).set_value(xml_safe(value).c_str());
}

// Empty as far as the XML can tell: an invalid date is not written, so it does not count.
bool empty(const ActRef& a) {
  return a.type.empty() && a.issuer.empty() && !writable(a.date) && a.number.empty() &&
         a.registration.empty();
}
bool empty(const Effect& e) {
  return !writable(e.date) && e.rule == EifKind::none && e.amount == 0 && e.text.empty();
}

// Same attribute names as the ActRef type of schema/document.xsd.
void write_act_ref(pugi::xml_node parent, const char* name, const ActRef& a) {
  if (empty(a)) return;
  pugi::xml_node n = parent.append_child(name);
  attr(n, "type", a.type);
  attr(n, "issuer", a.issuer);
  date_attr(n, "date", a.date);
  attr(n, "number", a.number);
  attr(n, "registration", a.registration);
}

void write_event(pugi::xml_node parent, const Event& e) {
  pugi::xml_node n = parent.append_child("event");
  attr(n, "id", e.id);
  attr(n, "type", to_string(e.type));
  date_attr(n, "date", e.date);
  std::string ingested;
  for (const Language l : e.ingested) ingested += (ingested.empty() ? "" : " ") + std::string(to_string(l));
  attr(n, "ingested", ingested);
  if (!empty(e.effective)) {
    const Effect& f = e.effective;
    pugi::xml_node fn = n.append_child("effective");
    date_attr(fn, "date", f.date);
    if (f.rule != EifKind::none) attr(fn, "rule", to_string(f.rule));
    if (f.amount != 0) fn.append_attribute("amount").set_value(f.amount);
    text_child(fn, "text", f.text);
  }
  write_act_ref(n, "source", e.source);
  text_child(n, "sourceCode", e.source_code);
  text_child(n, "note", e.note);
  for (const std::string& na : e.not_applied) text_child(n, "notApplied", na);
}

void write_source(pugi::xml_node parent, const SourceFile& s) {
  pugi::xml_node n = parent.append_child("source");
  attr(n, "id", s.id);
  attr(n, "lang", to_string(s.lang));
  date_attr(n, "date", s.date);
  attr(n, "path", s.path);
  attr(n, "sha256", s.sha256);
  attr(n, "origin", s.origin);
}

void write_expression(pugi::xml_node parent, const Expression& x) {
  pugi::xml_node n = parent.append_child("expression");
  attr(n, "lang", to_string(x.lang));
  text_child(n, "title", x.title);
  for (const UnitTimeline& u : x.units) {
    pugi::xml_node un = n.append_child("unit");
    attr(un, "eId", u.eid);
    attr(un, "kind", to_string(u.kind));
    attr(un, "num", u.num);
    if (u.after_line > 0) un.append_attribute("afterLine").set_value(u.after_line);
    for (const Version& v : u.versions) {
      pugi::xml_node vn = un.append_child("version");
      attr(vn, "from", v.from);
      attr(vn, "to", v.to);
      attr(vn, "status", to_string(v.status));
      attr(vn, "source", v.source);
      text_child(vn, "heading", v.heading);
      text_child(vn, "text", v.text);
    }
  }
}

}  // namespace

std::string timeline_to_xml(const Timeline& t) {
  pugi::xml_document xml;
  pugi::xml_node root = xml::start_document(xml, "timeline", kNamespace);
  attr(root, "id", t.id);
  attr(root, "uri", t.uri);

  pugi::xml_node identity = root.append_child("identity");
  attr(identity, "type", t.type);
  date_attr(identity, "date", t.date);
  attr(identity, "number", t.number);
  attr(identity, "registration", t.registration);
  date_attr(identity, "registered", t.registered);
  attr(identity, "actCode", t.act_code);

  pugi::xml_node events = root.append_child("events");
  for (const Event& e : t.events) write_event(events, e);
  pugi::xml_node sources = root.append_child("sources");
  for (const SourceFile& s : t.sources) write_source(sources, s);
  for (const Expression& x : t.expressions) write_expression(root, x);

  return xml::finish_document(xml);
}

}  // namespace zanline
