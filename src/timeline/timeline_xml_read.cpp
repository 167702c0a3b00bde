// Timeline XML reader: timeline_from_xml (zanline/timeline.hpp). The format, with an example, is
// described in timeline_xml_common.hpp; the writer is timeline_xml_write.cpp.
//
// Reading takes what the writer writes and nothing else: the root in the default namespace, the
// elements in schema order, no unknown elements or attributes, known enumeration names, real
// ISO dates, unique event/source ids, unique unit eIds per expression, one expression per
// language, and version from/to/source naming an event/source of the file. The first problem
// found is reported as "timeline.xml:LINE: WHERE: WHAT" and nullopt returned; nothing throws.
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "output/xml_text.hpp"
#include "timeline/timeline_xml_common.hpp"
#include "zanline/timeline.hpp"

namespace zanline {
namespace {

using timeline_xml::kNamespace;
using xml::decode_utf8;
bool xml_char(char32_t cp) { return xml::is_xml_char(cp); }

// True if `s` is well-formed UTF-8 of characters XML 1.0 allows (a value read back from XML can
// still hold "&#1;" or a lone surrogate reference).
bool xml_clean(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(s, i, cp);
    if (len == 0 || !xml_char(cp)) return false;
    i += len;
  }
  return true;
}

// The enumerator of E whose to_string() is `name`; every to_string ends its switch with "?".
template <class E>
std::optional<E> enum_from_string(std::string_view name) {
  for (int i = 0; i < 256; ++i) {  // enum class: every int is a valid value to ask about
    const E e = static_cast<E>(i);
    const char* s = to_string(e);
    if (std::strcmp(s, "?") == 0) break;
    if (name == s) return e;
  }
  return std::nullopt;
}

// `s` for an error message, on one line: cut after 40 bytes (at a character boundary), so a
// megabyte of garbage in an attribute gives a short message; line breaks and tabs as \n \r \t.
std::string clip(std::string_view s) {
  constexpr std::size_t kMax = 40;
  std::size_t cut = s.size();
  if (cut > kMax) {
    cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string out;
  for (const char c : s.substr(0, cut)) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return cut < s.size() ? out + "..." : out;
}
std::string quote(std::string_view s) { return "'" + clip(s) + "'"; }

bool is_space(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// One element of a content model: <name>, once or (repeated) any number of times.
struct Slot {
  std::string_view name;
  bool required;
  bool repeated;
};

class Reader {
 public:
  explicit Reader(std::string_view xml) : xml_(xml) {}

  std::optional<Timeline> read();
  const std::string& error() const { return error_; }

 private:
  // Records "timeline.xml:LINE: WHERE: MESSAGE" (the first error only); returns false.
  bool fail(pugi::xml_node n, std::string_view where, const std::string& message);
  bool fail_at(std::ptrdiff_t offset, std::string_view where, const std::string& message);

  // Only the `allowed` attributes, each at most once.
  bool check_attrs(pugi::xml_node n, std::string_view where,
                   std::initializer_list<std::string_view> allowed);
  // Element children in the order of `slots`; text between them only whitespace.
  bool check_sequence(pugi::xml_node n, std::string_view where, std::initializer_list<Slot> slots);

  bool str(pugi::xml_node n, const char* name, std::string_view where, std::string* out,
           bool required = false);
  bool date(pugi::xml_node n, const char* name, std::string_view where, std::optional<Date>* out);
  template <class E>
  bool enumeration(pugi::xml_node n, const char* name, std::string_view where, E* out);
  // The text of a simple element <name>...</name>: no attributes, no child elements.
  bool text(pugi::xml_node n, std::string_view where, std::string* out);
  bool text_child(pugi::xml_node parent, const char* name, std::string_view where,
                  std::string* out);

  bool root(pugi::xml_node n, Timeline* t);
  bool event(pugi::xml_node n, std::size_t index, Event* e);
  bool act_ref(pugi::xml_node n, std::string_view where, ActRef* a);
  bool source(pugi::xml_node n, std::size_t index, SourceFile* s);
  bool expression(pugi::xml_node n, std::set<Language>* langs, Expression* x);
  bool unit(pugi::xml_node n, std::string_view where, std::set<std::string>* eids, UnitTimeline* u);
  bool version(pugi::xml_node n, std::string_view where, Version* v);

  std::string_view xml_;
  std::string error_;
  std::set<std::string> event_ids_;
  std::set<std::string> source_ids_;
};

bool Reader::fail_at(std::ptrdiff_t offset, std::string_view where, const std::string& message) {
  if (!error_.empty()) return false;
  error_ = "timeline.xml";
  if (offset >= 0) {
    const std::size_t end = std::min(static_cast<std::size_t>(offset), xml_.size());
    const auto lines =
        std::count(xml_.begin(), xml_.begin() + static_cast<std::ptrdiff_t>(end), '\n');
    error_ += ":" + std::to_string(lines + 1);
  }
  error_ += ": ";
  if (!where.empty()) error_ += std::string(where) + ": ";
  error_ += message;
  return false;
}

bool Reader::fail(pugi::xml_node n, std::string_view where, const std::string& message) {
  return fail_at(n.offset_debug(), where, message);
}

bool Reader::check_attrs(pugi::xml_node n, std::string_view where,
                         std::initializer_list<std::string_view> allowed) {
  std::set<std::string_view> seen;
  for (const pugi::xml_attribute a : n.attributes()) {
    const std::string_view name = a.name();
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return fail(n, where, "unexpected attribute " + quote(name) + " on <" + n.name() + ">");
    }
    if (!seen.insert(name).second) {
      return fail(n, where, "attribute " + std::string(name) + " given twice");
    }
  }
  return true;
}

bool Reader::check_sequence(pugi::xml_node n, std::string_view where,
                            std::initializer_list<Slot> slots) {
  const Slot* slot = slots.begin();
  bool seen = false;  // *slot has been matched at least once
  const std::string parent = std::string("<") + n.name() + ">";
  for (const pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      if (is_space(c.value())) continue;
      return fail(c, where, "unexpected text " + quote(c.value()) + " in " + parent);
    }
    if (c.type() != pugi::node_element) continue;  // comments, processing instructions
    const std::string name = clip(c.name());
    if (std::none_of(slots.begin(), slots.end(), [&](const Slot& s) { return s.name == name; })) {
      return fail(c, where, "unexpected element <" + name + "> in " + parent);
    }
    while (slot != slots.end() && slot->name != name) {
      if (slot->required && !seen) {
        return fail(c, where,
                    "missing <" + std::string(slot->name) + "> before <" + name + "> in " + parent);
      }
      ++slot;
      seen = false;
    }
    if (slot == slots.end()) return fail(c, where, "<" + name + "> out of order in " + parent);
    if (seen && !slot->repeated) {
      return fail(c, where, "<" + name + "> given twice in " + parent);
    }
    seen = true;
  }
  for (; slot != slots.end(); ++slot, seen = false) {
    if (slot->required && !seen) {
      return fail(n, where, "missing <" + std::string(slot->name) + "> in " + parent);
    }
  }
  return true;
}

bool Reader::str(pugi::xml_node n, const char* name, std::string_view where, std::string* out,
                 bool required) {
  const pugi::xml_attribute a = n.attribute(name);
  const std::string_view value = a.value();
  if (required && value.empty()) {
    return fail(n, where, std::string("missing attribute ") + name + " on <" + n.name() + ">");
  }
  if (!xml_clean(value)) {
    return fail(n, where,
                std::string("attribute ") + name +
                    " holds invalid UTF-8 or a character XML does not allow");
  }
  *out = value;
  return true;
}

bool Reader::date(pugi::xml_node n, const char* name, std::string_view where,
                  std::optional<Date>* out) {
  const pugi::xml_attribute a = n.attribute(name);
  if (!a) {
    out->reset();
    return true;
  }
  *out = parse_iso_date(a.value());
  if (*out) return true;
  std::string message = "bad date " + quote(a.value());
  if (std::strcmp(name, "date") != 0) message += std::string(" in ") + name;
  return fail(n, where, message);
}

template <class E>
bool Reader::enumeration(pugi::xml_node n, const char* name, std::string_view where, E* out) {
  const pugi::xml_attribute a = n.attribute(name);
  if (!a) {
    return fail(n, where, std::string("missing attribute ") + name + " on <" + n.name() + ">");
  }
  const std::optional<E> e = enum_from_string<E>(a.value());
  if (!e) return fail(n, where, std::string("unknown ") + name + " " + quote(a.value()));
  *out = *e;
  return true;
}

bool Reader::text(pugi::xml_node n, std::string_view where, std::string* out) {
  if (!check_attrs(n, where, {})) return false;
  out->clear();
  for (const pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      *out += c.value();
    } else if (c.type() == pugi::node_element) {
      return fail(c, where,
                  std::string("unexpected element <") + c.name() + "> in <" + n.name() + ">");
    }
  }
  if (!xml_clean(*out)) {
    return fail(
        n, where,
        std::string("<") + n.name() + "> holds invalid UTF-8 or a character XML does not allow");
  }
  return true;
}

bool Reader::text_child(pugi::xml_node parent, const char* name, std::string_view where,
                        std::string* out) {
  const pugi::xml_node c = parent.child(name);
  if (!c) {
    out->clear();
    return true;
  }
  return text(c, where, out);
}

bool Reader::act_ref(pugi::xml_node n, std::string_view where, ActRef* a) {
  return check_attrs(n, where, {"type", "issuer", "date", "number", "registration"}) &&
         str(n, "type", where, &a->type) && str(n, "issuer", where, &a->issuer) &&
         date(n, "date", where, &a->date) && str(n, "number", where, &a->number) &&
         str(n, "registration", where, &a->registration);
}

// Where an element with an id is: "event e3", or "event #3" (1-based) before its id is known.
std::string where_id(const char* what, pugi::xml_node n, const char* id_attr, std::size_t index) {
  const std::string_view id = n.attribute(id_attr).value();
  if (id.empty()) return std::string(what) + " #" + std::to_string(index + 1);
  return std::string(what) + " " + clip(id);
}

bool Reader::event(pugi::xml_node n, std::size_t index, Event* e) {
  const std::string where = where_id("event", n, "id", index);
  if (!check_attrs(n, where, {"id", "type", "date", "ingested"}) ||
      !check_sequence(n, where,
                      {{"effective", false, false},
                       {"source", false, false},
                       {"sourceCode", false, false},
                       {"note", false, false},
                       {"notApplied", false, true}}) ||
      !str(n, "id", where, &e->id, true) || !enumeration(n, "type", where, &e->type) ||
      !date(n, "date", where, &e->date)) {
    return false;
  }
  if (!event_ids_.insert(e->id).second) return fail(n, where, "duplicate event id");
  std::istringstream langs(n.attribute("ingested").value());
  for (std::string l; langs >> l;) {
    const std::optional<Language> lang = enum_from_string<Language>(l);
    if (!lang) return fail(n, where, "unknown language " + quote(l) + " in ingested");
    e->ingested.push_back(*lang);
  }
  if (const pugi::xml_node f = n.child("effective")) {
    const std::string fwhere = where + ": effective";
    Effect& effect = e->effective;
    if (!check_attrs(f, fwhere, {"date", "rule", "amount"}) ||
        !check_sequence(f, fwhere, {{"text", false, false}}) ||
        !date(f, "date", fwhere, &effect.date) ||
        (f.attribute("rule") && !enumeration(f, "rule", fwhere, &effect.rule)) ||
        !text_child(f, "text", fwhere, &effect.text)) {
      return false;
    }
    if (const pugi::xml_attribute amount = f.attribute("amount")) {
      const std::string_view s = amount.value();
      const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), effect.amount);
      if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
        return fail(f, fwhere, "bad amount " + quote(s));
      }
    }
  }
  if (const pugi::xml_node s = n.child("source")) {
    if (!act_ref(s, where + ": source", &e->source)) return false;
  }
  if (!text_child(n, "sourceCode", where, &e->source_code) || !text_child(n, "note", where, &e->note)) return false;
  for (const pugi::xml_node na : n.children("notApplied")) e->not_applied.emplace_back(na.text().get());
  return true;
}

bool Reader::source(pugi::xml_node n, std::size_t index, SourceFile* s) {
  const std::string where = where_id("source", n, "id", index);
  if (!check_attrs(n, where, {"id", "lang", "date", "path", "sha256", "origin"}) ||
      !check_sequence(n, where, {}) || !str(n, "id", where, &s->id, true) ||
      !enumeration(n, "lang", where, &s->lang) || !date(n, "date", where, &s->date) ||
      !str(n, "path", where, &s->path) || !str(n, "sha256", where, &s->sha256) ||
      !str(n, "origin", where, &s->origin)) {
    return false;
  }
  if (!s->sha256.empty() &&
      (s->sha256.size() != 64 || s->sha256.find_first_not_of("0123456789abcdef") != std::string::npos))
    return fail(n, where, "sha256 is not 64 lowercase hex digits");
  if (!source_ids_.insert(s->id).second) return fail(n, where, "duplicate source id");
  return true;
}

bool Reader::version(pugi::xml_node n, std::string_view where, Version* v) {
  if (!check_attrs(n, where, {"from", "to", "status", "source"}) ||
      !check_sequence(n, where, {{"heading", false, false}, {"text", false, false}}) ||
      !str(n, "from", where, &v->from, true) || !str(n, "to", where, &v->to) ||
      !enumeration(n, "status", where, &v->status) || !str(n, "source", where, &v->source) ||
      !text_child(n, "heading", where, &v->heading) || !text_child(n, "text", where, &v->text)) {
    return false;
  }
  for (const char* name : {"to", "source"}) {  // present means non-empty, as the writer does
    if (n.attribute(name) && !*n.attribute(name).value()) {
      return fail(n, where, std::string("empty attribute ") + name);
    }
  }
  for (const std::string* id : {&v->from, &v->to}) {
    if (!id->empty() && !event_ids_.contains(*id)) {
      return fail(n, where, "no event " + quote(*id) + " in <events>");
    }
  }
  if (!v->source.empty() && !source_ids_.contains(v->source)) {
    return fail(n, where, "no source " + quote(v->source) + " in <sources>");
  }
  return true;
}

bool Reader::unit(pugi::xml_node n, std::string_view where_expression, std::set<std::string>* eids,
                  UnitTimeline* u) {
  const std::string_view eid = n.attribute("eId").value();
  const std::string where = std::string(where_expression) + ": unit " +
                            (eid.empty() ? std::string("without eId") : clip(eid));
  if (!check_attrs(n, where, {"eId", "kind", "num", "afterLine"}) ||
      !check_sequence(n, where, {{"version", false, true}}) ||
      !str(n, "eId", where, &u->eid, true) || !enumeration(n, "kind", where, &u->kind) ||
      !str(n, "num", where, &u->num)) {
    return false;
  }
  if (const pugi::xml_attribute al = n.attribute("afterLine")) {
    const std::string_view s = al.value();
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), u->after_line);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || u->after_line < 1)
      return fail(n, where, "bad afterLine " + quote(s));
  }
  if (!eids->insert(u->eid).second) return fail(n, where, "duplicate unit eId");
  std::size_t index = 0;
  for (const pugi::xml_node vn : n.children("version")) {
    Version& v = u->versions.emplace_back();
    if (!version(vn, where + ": version " + std::to_string(++index), &v)) return false;
  }
  return true;
}

bool Reader::expression(pugi::xml_node n, std::set<Language>* langs, Expression* x) {
  const std::string where = std::string("expression ") + clip(n.attribute("lang").value());
  if (!check_attrs(n, where, {"lang"}) ||
      !check_sequence(n, where, {{"title", false, false}, {"unit", false, true}}) ||
      !enumeration(n, "lang", where, &x->lang) || !text_child(n, "title", where, &x->title)) {
    return false;
  }
  if (!langs->insert(x->lang).second) return fail(n, where, "second expression in this language");
  std::set<std::string> eids;
  for (const pugi::xml_node un : n.children("unit")) {
    if (!unit(un, where, &eids, &x->units.emplace_back())) return false;
  }
  return true;
}

bool Reader::root(pugi::xml_node n, Timeline* t) {
  if (std::strcmp(n.name(), "timeline") != 0) {
    return fail(n, "",
                "root element is <" + clip(n.name()) + ">" + ", expected <timeline> in namespace " +
                    kNamespace);
  }
  const pugi::xml_attribute ns = n.attribute("xmlns");
  if (!ns) return fail(n, "", std::string("<timeline> has no namespace, expected ") + kNamespace);
  if (std::strcmp(ns.value(), kNamespace) != 0) {
    return fail(n, "",
                "<timeline> is in namespace " + quote(ns.value()) + ", expected " + kNamespace);
  }
  const std::string where = "timeline";
  for (const pugi::xml_attribute a : n.attributes()) {
    const std::string_view name = a.name();
    if (name.starts_with("xmlns:") || name.starts_with("xsi:")) continue;  // schemaLocation
    if (name != "xmlns" && name != "id" && name != "uri") {
      return fail(n, where, "unexpected attribute " + quote(name) + " on <timeline>");
    }
  }
  if (!str(n, "id", where, &t->id) || !str(n, "uri", where, &t->uri) ||
      !check_sequence(n, where,
                      {{"identity", true, false},
                       {"events", true, false},
                       {"sources", true, false},
                       {"expression", false, true}})) {
    return false;
  }

  const pugi::xml_node identity = n.child("identity");
  if (!check_attrs(identity, "identity",
                   {"type", "date", "number", "registration", "registered", "actCode"}) ||
      !check_sequence(identity, "identity", {}) || !str(identity, "type", "identity", &t->type) ||
      !date(identity, "date", "identity", &t->date) ||
      !str(identity, "number", "identity", &t->number) ||
      !str(identity, "registration", "identity", &t->registration) ||
      !date(identity, "registered", "identity", &t->registered) ||
      !str(identity, "actCode", "identity", &t->act_code)) {
    return false;
  }

  const pugi::xml_node events = n.child("events");
  if (!check_attrs(events, "events", {}) ||
      !check_sequence(events, "events", {{"event", false, true}})) {
    return false;
  }
  std::size_t index = 0;
  for (const pugi::xml_node e : events.children("event")) {
    if (!event(e, index++, &t->events.emplace_back())) return false;
  }

  const pugi::xml_node sources = n.child("sources");
  if (!check_attrs(sources, "sources", {}) ||
      !check_sequence(sources, "sources", {{"source", false, true}})) {
    return false;
  }
  index = 0;
  for (const pugi::xml_node s : sources.children("source")) {
    if (!source(s, index++, &t->sources.emplace_back())) return false;
  }

  std::set<Language> langs;
  for (const pugi::xml_node x : n.children("expression")) {
    if (!expression(x, &langs, &t->expressions.emplace_back())) return false;
  }
  return true;
}

std::optional<Timeline> Reader::read() {
  pugi::xml_document doc;
  // parse_ws_pcdata keeps whitespace-only texts (a version text "\n"); whitespace between
  // elements is skipped by check_sequence.
  const pugi::xml_parse_result r = doc.load_buffer(
      xml_.data(), xml_.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!r) {
    fail_at(r.offset, "", std::string("not well-formed XML: ") + r.description());
    return std::nullopt;
  }
  const pugi::xml_node n = doc.document_element();
  if (!n) {
    fail_at(-1, "", "no root element");
    return std::nullopt;
  }
  Timeline t;
  if (!root(n, &t)) return std::nullopt;
  return t;
}

}  // namespace

std::optional<Timeline> timeline_from_xml(const std::string& xml, std::string* error) {
  Reader reader(xml);
  std::optional<Timeline> t = reader.read();
  if (error) *error = t ? std::string() : reader.error();
  return t;
}

}  // namespace zanline
