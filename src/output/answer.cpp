#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>

#include "output/xml_text.hpp"
#include "zanline/output.hpp"
#include "zanline/query.hpp"

namespace zanline {
namespace {

void attr(pugi::xml_node n, const char* name, const std::string& v) {
  if (!v.empty()) n.append_attribute(name) = xml::safe(v, /*newlines=*/true).c_str();
}

void element(pugi::xml_node n, const char* name, const std::string& v) {
  if (!v.empty()) n.append_child(name).append_child(pugi::node_pcdata).set_value(xml::safe(v, true).c_str());
}

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }

}  // namespace

std::string at_to_xml(const AtResult& r, const Timeline& t) {
  pugi::xml_document doc;
  pugi::xml_node root = xml::start_document(doc, "answer", kAnswerNamespace);
  attr(root, "act", t.uri);
  attr(root, "id", t.id);
  attr(root, "date", r.date.iso());
  attr(root, "lang", to_string(r.lang));
  pugi::xml_node act = root.append_child("act");
  attr(act, "status", to_string(r.act.status));
  attr(act, "since", iso(r.act.since));
  attr(act, "by", r.act.by);
  element(act, "reason", r.act.reason);
  for (const std::string& w : r.warnings) element(root, "warning", w);
  for (const UnitState& u : r.units) {
    pugi::xml_node n = root.append_child("unit");
    attr(n, "eId", u.eid);
    attr(n, "kind", to_string(u.kind));
    attr(n, "num", u.num);
    attr(n, "status", to_string(u.status));
    attr(n, "since", iso(u.since));
    attr(n, "until", iso(u.until));
    attr(n, "event", u.event);
    attr(n, "by", u.by);
    element(n, "heading", u.heading);
    element(n, "text", u.text);
    element(n, "pendingText", u.pending_text);
    element(n, "reason", u.reason);
  }
  return xml::finish_document(doc);
}

std::string at_to_json(const AtResult& r, const Timeline& t) {
  nlohmann::ordered_json j;
  j["act"] = t.uri;
  j["id"] = t.id;
  j["date"] = r.date.iso();
  j["lang"] = to_string(r.lang);
  j["status"] = to_string(r.act.status);
  if (r.act.since) j["since"] = r.act.since->iso();
  if (!r.act.by.empty()) j["by"] = r.act.by;
  if (!r.act.reason.empty()) j["reason"] = r.act.reason;
  if (!r.warnings.empty()) j["warnings"] = r.warnings;
  j["units"] = nlohmann::ordered_json::array();
  for (const UnitState& u : r.units) {
    nlohmann::ordered_json ju;
    ju["eId"] = u.eid;
    ju["kind"] = to_string(u.kind);
    if (!u.num.empty()) ju["num"] = u.num;
    ju["status"] = to_string(u.status);
    if (u.since) ju["since"] = u.since->iso();
    if (u.until) ju["until"] = u.until->iso();
    if (!u.by.empty()) ju["by"] = u.by;
    if (!u.heading.empty()) ju["heading"] = u.heading;
    if (!u.text.empty()) ju["text"] = u.text;
    if (!u.pending_text.empty()) ju["pendingText"] = u.pending_text;
    if (!u.reason.empty()) ju["reason"] = u.reason;
    j["units"].push_back(std::move(ju));
  }
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace zanline
