// Tests for the JSON and text writers of zanline/output.hpp, on the seed order Document of
// output_fixtures.hpp; JSON against the XML writer's content and order. XML:
// output_xml_test.cpp.
#include "zanline/output.hpp"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "output_fixtures.hpp"

namespace zanline {
namespace {

using namespace zanline::testing;

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// --- JSON --------------------------------------------------------------------------------------

TEST(JsonTest, HasTheSameContentAsXml) {
  const std::string text = to_json(seed_document());
  EXPECT_EQ(text.back(), '\n');
  const nlohmann::json j = nlohmann::json::parse(text);
  EXPECT_EQ(j["source"], "order-130-nk-2022-04-19.kaz.txt");
  EXPECT_EQ(j["format"], "plain");
  EXPECT_EQ(j["lang"], "kk");

  const nlohmann::json& meta = j["meta"];
  EXPECT_EQ(meta["number"], "130/НҚ");
  EXPECT_EQ(meta["date"], "2022-04-19");
  EXPECT_EQ(meta["registration"], "27788");
  EXPECT_EQ(meta["registrationDate"], "2022-04-27");
  EXPECT_EQ(meta["status"], "repealed");
  EXPECT_EQ(meta["repeal"]["effective"], "2026-01-01");
  EXPECT_EQ(meta["repeal"]["by"]["number"], "521/НҚ");
  EXPECT_EQ(meta["entryIntoForce"]["kind"], "days-after-publication");
  EXPECT_EQ(meta["entryIntoForce"]["amount"], 10);
  EXPECT_FALSE(meta.contains("actCode"));

  ASSERT_EQ(j["body"].size(), 7u);
  const nlohmann::json& point2 = j["body"][2];
  EXPECT_EQ(point2["eId"], "point_2");
  EXPECT_EQ(point2["kind"], "point");
  EXPECT_EQ(point2["line"], 35);
  EXPECT_FALSE(point2.contains("status"));
  ASSERT_EQ(point2["children"].size(), 3u);
  EXPECT_EQ(point2["children"][2]["eId"], "point_2__subpoint_3");
  EXPECT_EQ(point2["children"][2]["num"], "3");
  const nlohmann::json& info = j["body"][6]["appendixInfo"];
  EXPECT_EQ(info["restatesActDate"], "2019-04-11");
  EXPECT_EQ(info["restatesActNumber"], "37/НҚ");
  EXPECT_EQ(info["restatesNum"], "2");

  const nlohmann::json& event = j["notes"][0]["events"][0];
  EXPECT_EQ(event["action"], "repealed");
  EXPECT_EQ(event["act"]["number"], "521/НҚ");
  EXPECT_EQ(event["entryIntoForce"]["date"], "2026-01-01");

  ASSERT_EQ(j["instructions"].size(), 2u);
  const nlohmann::json& in = j["instructions"][0];
  EXPECT_EQ(in["op"], "new-wording");
  EXPECT_EQ(in["targetEid"], "point_19");
  EXPECT_EQ(in["targetAct"]["registration"], "18523");
  EXPECT_EQ(in["path"][0]["kind"], "point");
  EXPECT_EQ(in["path"][0]["num"], "19");
  EXPECT_EQ(in["newText"].get<std::string>().rfind("19. Есептеу операцияларын орындау", 0), 0u);
  EXPECT_EQ(j["instructions"][1]["newTextRef"], "appendix");

  EXPECT_EQ(j["repairs"][0]["offset"], 1602);
  EXPECT_EQ(j["repairs"][0]["before"], "қолданысқа");
  EXPECT_EQ(j["repairs"][0]["after"], "");
  EXPECT_EQ(j["diagnostics"][0]["severity"], "warning");
  EXPECT_EQ(j["diagnostics"][0]["code"], "normalize.displaced-word");
  EXPECT_EQ(j["diagnostics"][0]["col"], 43);
}

TEST(JsonTest, UnitsComeInTheSameOrderAsInXml) {
  const Document doc = seed_document();
  pugi::xml_document xml;
  parse_xml(to_xml(doc), xml);
  std::vector<std::string> from_xml;
  for (const pugi::xpath_node& n : xml.select_nodes("//unit")) {
    from_xml.push_back(n.node().attribute("eId").value());
  }
  std::vector<std::string> from_json;
  const auto walk = [&](const nlohmann::json& units, const auto& self) -> void {
    for (const nlohmann::json& u : units) {
      from_json.push_back(u["eId"].get<std::string>());
      if (u.contains("children")) self(u["children"], self);
    }
  };
  walk(nlohmann::json::parse(to_json(doc))["body"], walk);
  EXPECT_EQ(from_xml, from_json);
  EXPECT_EQ(from_xml.size(), 15u);
}

TEST(JsonTest, InvalidUtf8DoesNotThrowAndEmptyDocumentHasAllSections) {
  Document doc;
  doc.diagnostics.push_back({Severity::error, "input.not-utf8", "bad byte \xff here", {1, 3}});
  std::string text;
  ASSERT_NO_THROW(text = to_json(doc));
  const nlohmann::json j = nlohmann::json::parse(text);
  EXPECT_EQ(j["diagnostics"][0]["message"], "bad byte \uFFFD here");
  EXPECT_EQ(j["lang"], "und");
  for (const char* key : {"body", "notes", "instructions", "repairs", "diagnostics"}) {
    EXPECT_TRUE(j[key].is_array()) << key;
  }
  EXPECT_EQ(to_json(doc), text);
}

// --- text --------------------------------------------------------------------------------------

TEST(TextTest, OutlineShowsHeaderUnitsNotesAndCounts) {
  const std::string text = to_text(seed_document());
  EXPECT_EQ(text.rfind("type:             order (бұйрығы)\n", 0), 0u) << text;
  for (const char* line : {
           "\nnumber:           130/НҚ\n",
           "\ndate:             2022-04-19\n",
           "\nregistration:     27788 of 2022-04-27\n",
           "\nstatus:           repealed (Күшін жойған)\n",
           "\nentry into force: days-after-publication 10\n",
           "\nrepeal:           by order 521/НҚ of 2025-10-20, effective 2026-01-01\n",
           "\n  point_2  2\n      Қазақстан Республикасының",
           "\n    point_2__subpoint_1  1\n        осы бұйрықты",
           "\n  app  Меншікті тауарлар өндірісінің өлшемшарттары\n",
           "restates appendix 2 of 37/НҚ 2019-04-11",
           "\n  on act at 15:7\n      Ескерту.",
           "- act repealed by order 521/НҚ of 2025-10-20, in force from-date 2026-01-01",
           "\n  new-wording point_19 of order 37/НҚ of 2019-04-11 (reg. 18523) at 25:7\n"
           "      19. Есептеу операцияларын орындау",
           "\nrepairs: 1\n",
           "\ndiagnostics: 1 (0 errors, 1 warnings, 0 notes)\n",
       }) {
    EXPECT_NE(text.find(line), std::string::npos) << "missing: " << line << "\nin:\n" << text;
  }
  EXPECT_EQ(text, to_text(seed_document()));
}

TEST(TextTest, LongTextsAreWrappedAndClipped) {
  Document doc = seed_document();
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += "өлшемшарттары ";
  doc.body[1].text = long_text;
  const std::string text = to_text(doc);
  std::istringstream lines(text);
  std::size_t clipped_lines = 0;
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(code_points(line), 100u) << line;
    if (line.find("өлшемшарттары өлшемшарттары") != std::string::npos) ++clipped_lines;
  }
  EXPECT_LE(clipped_lines, 4u) << "at most ~300 characters of one text";
  EXPECT_NE(text.find(" …\n"), std::string::npos);
}

}  // namespace
}  // namespace zanline
