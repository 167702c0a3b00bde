// Tests for zanline/output.hpp: XML (checked against schema/document.xsd with xmllint), JSON and
// text, on a Document built by hand from the seed order No. 130/НҚ of 2022-04-19
// (/work/shared/seed/order-130-nk-2022-04-19.kaz.txt): positions are that file's lines.
#include "zanline/output.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

namespace zanline {
namespace {

constexpr const char* kSchema = ZANLINE_SCHEMA_DIR "/document.xsd";

const std::string kPoint19 =
    "19. Есептеу операцияларын орындау және деректерді өңдеу үшін кешенді есептеу "
    "инфрақұрылымымен қамтамасыз ету бойынша көрсетілетін қызметтер (цифрлық майнинг бойынша "
    "қызметті жүзеге асыратын тұлғаларға инфрақұрылым ұсынатын деректерді өңдеу орталықтарын "
    "(Data-орталықтарды) қоспағанда).";

Unit unit(UnitKind kind, std::string eid, std::string num, std::string text, SourcePos pos,
          std::vector<Unit> children = {}) {
  Unit u;
  u.kind = kind;
  u.eid = std::move(eid);
  u.num = std::move(num);
  u.text = std::move(text);
  u.pos = pos;
  u.children = std::move(children);
  return u;
}

// The seed order as the parser should read it (texts normalized: lines joined, displaced
// words put back).
Document seed_document() {
  Document doc;
  doc.source_name = "order-130-nk-2022-04-19.kaz.txt";
  doc.input_format = "plain";

  Metadata& m = doc.meta;
  m.lang = Language::kk;
  m.type = "order";
  m.form = "бұйрығы";
  m.issuer = "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі "
             "министрі";
  m.date = Date{2022, 4, 19};
  m.number = "130/НҚ";
  m.registration = "27788";
  m.registration_date = Date{2022, 4, 27};
  m.title =
      "\"Ақпараттық-коммуникациялық технологиялар саласындағы басым қызмет түрлерінің "
      "тізбесін және меншікті өндірістің өлшемшарттарын бекіту туралы\" Қазақстан "
      "Республикасының Цифрлық даму, қорғаныс және аэроғарыш өнеркәсібі министрінің 2019 жылғы "
      "11 сәуірдегі № 37/НҚ бұйрығына өзгерістер енгізу туралы";
  m.status_label = "Күшін жойған";
  m.status = ActStatus::repealed;
  m.pos = {9, 1};
  Metadata::Repeal repeal;
  repeal.by.type = "order";
  repeal.by.issuer = "Қазақстан Республикасы Премьер-Министрінің орынбасары – Жасанды "
                     "интеллект және цифрлық даму министрі";
  repeal.by.date = Date{2025, 10, 20};
  repeal.by.number = "521/НҚ";
  repeal.effective = Date{2026, 1, 1};
  repeal.text = "Күші жойылды - Қазақстан Республикасы Премьер-Министрінің орынбасары – Жасанды "
                "интеллект және цифрлық даму министрінің 2025 жылғы 20 қазандағы № 521/НҚ "
                "бұйрығымен.";
  m.repeal = repeal;
  m.entry_into_force.kind = EifKind::days_after_publication;
  m.entry_into_force.amount = 10;
  m.entry_into_force.text = "Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он "
                            "күн өткен соң қолданысқа енгізіледі.";
  m.entry_into_force.pos = {55, 7};

  doc.body.push_back(unit(UnitKind::formula, "formula", "", "БҰЙЫРАМЫН:", {18, 7}));
  doc.body.push_back(unit(
      UnitKind::point, "point_1", "1",
      "\"Ақпараттық-коммуникациялық технологиялар саласындағы басым қызмет түрлерінің тізбесін "
      "және меншікті өндірістің өлшемшарттарын бекіту туралы\" Қазақстан Республикасының Цифрлық "
      "даму, қорғаныс және аэроғарыш өнеркәсібі министрінің 2019 жылғы 11 сәуірдегі № 37/НҚ "
      "бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 18523 болып "
      "тіркелген) мынадай өзгерістер енгізілсін:",
      {19, 7}));
  doc.body.push_back(unit(
      UnitKind::point, "point_2", "2",
      "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі "
      "министрлігінің Ақпараттық және ақпараттық-коммуникациялық технологияларды дамыту "
      "департаменті заңнамада белгіленген тәртіппен:",
      {35, 7},
      {
          unit(UnitKind::subpoint, "point_2__subpoint_1", "1",
               "осы бұйрықты Қазақстан Республикасы Әділет министрлігінде мемлекеттік тіркеуді;",
               {42, 7}),
          unit(UnitKind::subpoint, "point_2__subpoint_2", "2",
               "осы бұйрық ресми жарияланғаннан кейін оны Қазақстан Республикасының Цифрлық даму, "
               "инновациялар және аэроғарыш өнеркәсібі министрлігінің интернет-ресурсында "
               "орналастыруды;",
               {44, 7}),
          unit(UnitKind::subpoint, "point_2__subpoint_3", "3",
               "осы бұйрық мемлекеттік тіркелгеннен кейін он жұмыс күні ішінде осы тармақтың 1) "
               "және 2) тармақшаларында көзделген іс-шаралардың орындалуы туралы мәліметтерді "
               "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі "
               "министрлігінің Заң департаментіне ұсынуды қамтамасыз етсін.",
               {47, 7}),
      }));
  doc.body.push_back(unit(UnitKind::point, "point_3", "3",
                          "Осы бұйрықтың орындалуын бақылауды жетекшілік ететін Қазақстан "
                          "Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі "
                          "вице-министріне жүктелсін.",
                          {52, 7}));
  doc.body.push_back(unit(UnitKind::point, "point_4", "4", m.entry_into_force.text, {55, 7}));
  doc.body.push_back(unit(UnitKind::signature, "signature", "",
                          "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш "
                          "өнеркәсібі министрі Б. Мусин",
                          {57, 7}));

  Unit app = unit(
      UnitKind::appendix, "app", "", "", {62, 2},
      {
          unit(UnitKind::point, "app__point_1", "1",
               "Осы меншікті өндірістің өлшемшарттары \"Салық және бюджетке төленетін басқа да "
               "міндетті төлемдер туралы (Салық кодексі)\" Қазақстан Республикасы Кодексінің "
               "293-бабының 4-3 тармағына сәйкес әзірленген және \"Астана Хаб\" халықаралық "
               "технологиялық паркіне қатысушылардың меншікті тауарлар өндірісінің "
               "өлшемшарттарын белгілейді.",
               {88, 7}),
          unit(UnitKind::point, "app__point_2", "2",
               "Меншікті өндірістің өлшемшарттары мыналар болып табылады:", {93, 7},
               {
                   unit(UnitKind::subpoint, "app__point_2__subpoint_1", "1",
                        "Қазақстан Республикасы Сауда және интеграция министрінің 2021 жылғы 13 "
                        "шілдедегі № 454-НҚ бұйрығымен (Нормативтік құқықтық актілерді "
                        "мемлекеттік тіркеу тізілімінде № 23514 болып тіркелген) бекітілген ... "
                        "\"СТ-КZ\" нысанындағы тауардың шығарылуы туралы сертификаттың бар "
                        "болуы.",
                        {94, 7}),
                   unit(UnitKind::subpoint, "app__point_2__subpoint_2", "2",
                        "\"Қазақстан Республикасының Ұлттық Кәсіпкерлер палатасы туралы\" "
                        "Қазақстан Республикасы Заңының 21-бабы 4-тармағының 13) тармақшасына "
                        "сәйкес индустриялық сертификаттың бар болуы.",
                        {102, 7}),
               }),
          unit(UnitKind::point, "app__point_3", "3",
               "Осы Қосымшаның 2-тармағында көрсетілген өлшемшарттарының бірінің болуы меншікті "
               "өндірісті айқындау үшін жеткілікті болып табылады.",
               {105, 7}),
      });
  app.heading = "Меншікті тауарлар өндірісінің өлшемшарттары";
  AppendixInfo info;
  info.restates_header =
      "Қазақстан Республикасының Цифрлық даму, қорғаныс және аэроғарыш өнеркәсібі министрінің "
      "2019 жылғы 11 сәуірдегі № 37/НҚ бұйрығына 2-қосымша";
  info.header = "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі "
                "министрінің 2022 жылғы 19 сәуірдегі № 130/НҚ Бұйрыққа қосымша " +
                info.restates_header;
  info.of_act_date = "2022-04-19";
  info.of_act_number = "130/НҚ";
  info.restates_act_date = "2019-04-11";
  info.restates_act_number = "37/НҚ";
  info.restates_num = "2";
  app.appendix = info;
  doc.body.push_back(std::move(app));

  Note note;
  note.text = "Ескерту. Бұйрықтың күші жойылды - ҚР Премьер-Министрінің орынбасары – Жасанды "
              "интеллект және цифрлық даму министрінің 20.10.2025 № 521/НҚ (01.01.2026 бастап "
              "қолданысқа енгізіледі) бұйрығымен.";
  note.pos = {15, 7};
  NoteEvent event;
  event.target = "act";
  event.target_text = "Бұйрықтың";
  event.action = NoteAction::repealed;
  event.act.type = "order";
  event.act.issuer = "ҚР Премьер-Министрінің орынбасары – Жасанды интеллект және цифрлық даму "
                     "министрі";
  event.act.date = Date{2025, 10, 20};
  event.act.number = "521/НҚ";
  event.entry_into_force.kind = EifKind::from_date;
  event.entry_into_force.date = Date{2026, 1, 1};
  event.entry_into_force.text = "01.01.2026 бастап қолданысқа енгізіледі";
  note.events.push_back(event);
  doc.notes.push_back(note);

  ActRef order37;
  order37.type = "order";
  order37.issuer = "Қазақстан Республикасының Цифрлық даму, қорғаныс және аэроғарыш өнеркәсібі "
                   "министрі";
  order37.date = Date{2019, 4, 11};
  order37.number = "37/НҚ";
  order37.registration = "18523";

  Instruction point19;
  point19.target_act = order37;
  point19.scope = "көрсетілген бұйрықпен бекітілген Ақпараттық-коммуникациялық технологиялар "
                  "саласындағы басым қызмет түрлерінің тізбесінде";
  point19.path = {{UnitKind::point, "19"}};
  point19.target_eid = "point_19";
  point19.op = Operation::new_wording;
  point19.new_text = kPoint19;
  point19.text = point19.scope + ": 19-тармақ мынадай редакцияда жазылсын: \"" + kPoint19 +
                 "\";";
  point19.pos = {25, 7};
  doc.instructions.push_back(point19);

  Instruction appendix2;
  appendix2.target_act = order37;
  appendix2.path = {{UnitKind::appendix, "2"}};
  appendix2.target_eid = "app_2";
  appendix2.op = Operation::new_wording;
  appendix2.new_text_ref = "appendix";
  appendix2.text = "көрсетілген бұйрықпен бекітілген меншікті өндірістің өлшемшарттары осы "
                   "бұйрыққа қосымшаға сәйкес жаңа редакцияда жазылсын.";
  appendix2.pos = {33, 7};
  doc.instructions.push_back(appendix2);

  Repair repair;  // "бұйрығымен.қолданысқа": the word belongs before "енгізіледі"
  repair.kind = "displaced-word";
  repair.offset = 1602;
  repair.pos = {17, 43};
  repair.before = "қолданысқа";
  repair.after = "";
  doc.repairs.push_back(repair);

  Diagnostic warning;
  warning.severity = Severity::warning;
  warning.code = "normalize.displaced-word";
  warning.message = "word \"қолданысқа\" after the end of the sentence moved back before "
                    "\"енгізіледі\"";
  warning.pos = {17, 43};
  doc.diagnostics.push_back(warning);
  return doc;
}

// --- helpers ---------------------------------------------------------------------------------

void parse_xml(const std::string& xml, pugi::xml_document& out) {
  // parse_ws_pcdata_single keeps whitespace-only texts (a repair's " ") but not indentation,
  // as a reader should.
  const pugi::xml_parse_result r = out.load_buffer(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  ASSERT_TRUE(r) << r.description() << " at offset " << r.offset;
}

pugi::xml_node unit_node(const pugi::xml_document& doc, const std::string& eid) {
  return doc.select_node(("//unit[@eId='" + eid + "']").c_str()).node();
}

bool xmllint_available() { return std::system("command -v xmllint >/dev/null 2>&1") == 0; }

// xmllint's complaints about `xml` against schema/document.xsd; "" when it validates.
std::string schema_errors(const std::string& xml) {
  const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  const std::filesystem::path base = std::filesystem::path(::testing::TempDir()) /
                                     ("zanline_output_" + name + "_" +
                                      std::to_string(::getpid()));
  const std::string xml_path = base.string() + ".xml";
  const std::string log_path = base.string() + ".log";
  std::ofstream(xml_path, std::ios::binary) << xml;
  const std::string cmd = "xmllint --noout --schema '" + std::string(kSchema) + "' '" +
                          xml_path + "' >'" + log_path + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  std::stringstream log;
  log << std::ifstream(log_path).rdbuf();
  std::filesystem::remove(xml_path);
  std::filesystem::remove(log_path);
  return rc == 0 ? std::string() : "xmllint exit " + std::to_string(rc) + ":\n" + log.str();
}

// Every name to_string gives for enum E, in declaration order.
template <class E>
std::vector<std::string> enum_names() {
  std::vector<std::string> names;
  for (int i = 0;; ++i) {
    const std::string s = to_string(static_cast<E>(i));
    if (s == "?") break;
    names.push_back(s);
  }
  return names;
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// --- XML ---------------------------------------------------------------------------------------

TEST(XmlTest, RootCarriesNamespaceSourceFormatAndLanguage) {
  const std::string xml = to_xml(seed_document());
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document ", 0), 0u);
  EXPECT_EQ(xml.back(), '\n');
  pugi::xml_document doc;
  parse_xml(xml, doc);
  const pugi::xml_node root = doc.document_element();
  EXPECT_STREQ(root.name(), "document");
  EXPECT_STREQ(root.attribute("xmlns").value(), kDocumentNamespace);
  EXPECT_STREQ(root.attribute("source").value(), "order-130-nk-2022-04-19.kaz.txt");
  EXPECT_STREQ(root.attribute("format").value(), "plain");
  EXPECT_STREQ(root.attribute("lang").value(), "kk");
  std::vector<std::string> children;
  for (const pugi::xml_node c : root.children()) children.push_back(c.name());
  EXPECT_EQ(children, (std::vector<std::string>{"meta", "body", "notes", "instructions",
                                                "repairs", "diagnostics"}));
}

TEST(XmlTest, MetaHasIdentityStatusRepealAndEntryIntoForce) {
  pugi::xml_document doc;
  parse_xml(to_xml(seed_document()), doc);
  const pugi::xml_node meta = doc.child("document").child("meta");
  EXPECT_EQ(meta.attribute("line").as_int(), 9);
  EXPECT_STREQ(meta.child_value("type"), "order");
  EXPECT_STREQ(meta.child_value("form"), "бұйрығы");
  EXPECT_STREQ(meta.child_value("date"), "2022-04-19");
  EXPECT_STREQ(meta.child_value("number"), "130/НҚ");
  EXPECT_STREQ(meta.child_value("registration"), "27788");
  EXPECT_STREQ(meta.child_value("registrationDate"), "2022-04-27");
  EXPECT_STREQ(meta.child_value("statusLabel"), "Күшін жойған");
  EXPECT_STREQ(meta.child_value("status"), "repealed");
  EXPECT_FALSE(meta.child("actCode")) << "empty fields are left out";
  EXPECT_FALSE(meta.child("versionDate"));

  const pugi::xml_node repeal = meta.child("repeal");
  EXPECT_STREQ(repeal.attribute("effective").value(), "2026-01-01");
  EXPECT_STREQ(repeal.child("by").attribute("type").value(), "order");
  EXPECT_STREQ(repeal.child("by").attribute("number").value(), "521/НҚ");
  EXPECT_STREQ(repeal.child("by").attribute("date").value(), "2025-10-20");
  EXPECT_FALSE(repeal.child("by").attribute("registration"));
  EXPECT_NE(std::string(repeal.child_value("text")).find("№ 521/НҚ бұйрығымен"),
            std::string::npos);

  const pugi::xml_node eif = meta.child("entryIntoForce");
  EXPECT_STREQ(eif.attribute("kind").value(), "days-after-publication");
  EXPECT_EQ(eif.attribute("amount").as_int(), 10);
  EXPECT_FALSE(eif.attribute("date"));
  EXPECT_EQ(eif.attribute("line").as_int(), 55);
  EXPECT_EQ(eif.attribute("col").as_int(), 7);
  EXPECT_EQ(std::string(eif.child_value("text")).rfind("Осы бұйрық алғашқы ресми", 0), 0u);
}

TEST(XmlTest, BodyNestsSubpointsUnderPoint2) {
  pugi::xml_document doc;
  parse_xml(to_xml(seed_document()), doc);
  const pugi::xml_node point2 = unit_node(doc, "point_2");
  ASSERT_TRUE(point2);
  EXPECT_STREQ(point2.attribute("kind").value(), "point");
  EXPECT_STREQ(point2.attribute("num").value(), "2");
  EXPECT_EQ(point2.attribute("line").as_int(), 35);
  EXPECT_EQ(point2.attribute("col").as_int(), 7);
  EXPECT_FALSE(point2.attribute("status")) << "status=\"normal\" is left out";
  EXPECT_FALSE(point2.child("heading"));
  EXPECT_EQ(std::string(point2.child_value("text")).rfind("Қазақстан Республикасының", 0), 0u);

  std::vector<std::string> subpoints;
  for (const pugi::xml_node u : point2.children("unit")) {
    EXPECT_STREQ(u.attribute("kind").value(), "subpoint");
    subpoints.push_back(std::string(u.attribute("eId").value()) + "=" +
                        u.attribute("num").value() + "@" + u.attribute("line").value());
  }
  EXPECT_EQ(subpoints, (std::vector<std::string>{"point_2__subpoint_1=1@42",
                                                 "point_2__subpoint_2=2@44",
                                                 "point_2__subpoint_3=3@47"}));
  const pugi::xml_node body = doc.child("document").child("body");
  std::vector<std::string> top;
  for (const pugi::xml_node u : body.children("unit")) top.push_back(u.attribute("eId").value());
  EXPECT_EQ(top, (std::vector<std::string>{"formula", "point_1", "point_2", "point_3", "point_4",
                                           "signature", "app"}));
}

TEST(XmlTest, AppendixInfoNamesTheRestatedAppendix) {
  pugi::xml_document doc;
  parse_xml(to_xml(seed_document()), doc);
  const pugi::xml_node app = unit_node(doc, "app");
  ASSERT_TRUE(app);
  EXPECT_STREQ(app.attribute("kind").value(), "appendix");
  EXPECT_FALSE(app.attribute("num"));
  EXPECT_STREQ(app.child_value("heading"), "Меншікті тауарлар өндірісінің өлшемшарттары");
  const pugi::xml_node info = app.child("appendixInfo");
  EXPECT_STREQ(info.attribute("ofActDate").value(), "2022-04-19");
  EXPECT_STREQ(info.attribute("ofActNumber").value(), "130/НҚ");
  EXPECT_STREQ(info.attribute("restatesActDate").value(), "2019-04-11");
  EXPECT_STREQ(info.attribute("restatesActNumber").value(), "37/НҚ");
  EXPECT_STREQ(info.attribute("restatesNum").value(), "2");
  EXPECT_NE(std::string(info.attribute("restatesHeader").value()).find("2-қосымша"),
            std::string::npos);
  EXPECT_NE(std::string(info.text().get()).find("№ 130/НҚ Бұйрыққа қосымша"), std::string::npos);
  EXPECT_TRUE(unit_node(doc, "app__point_2__subpoint_2"));
}

TEST(XmlTest, NoteEventNamesTheRepealingAct) {
  pugi::xml_document doc;
  parse_xml(to_xml(seed_document()), doc);
  const pugi::xml_node note = doc.child("document").child("notes").child("note");
  EXPECT_FALSE(note.attribute("attachedTo")) << "a note on the whole act";
  EXPECT_EQ(note.attribute("line").as_int(), 15);
  EXPECT_EQ(std::string(note.child_value("text")).rfind("Ескерту. Бұйрықтың", 0), 0u);
  const pugi::xml_node event = note.child("event");
  EXPECT_STREQ(event.attribute("target").value(), "act");
  EXPECT_STREQ(event.attribute("targetText").value(), "Бұйрықтың");
  EXPECT_STREQ(event.attribute("action").value(), "repealed");
  EXPECT_STREQ(event.child("act").attribute("number").value(), "521/НҚ");
  EXPECT_STREQ(event.child("act").attribute("date").value(), "2025-10-20");
  EXPECT_STREQ(event.child("entryIntoForce").attribute("kind").value(), "from-date");
  EXPECT_STREQ(event.child("entryIntoForce").attribute("date").value(), "2026-01-01");
  EXPECT_FALSE(event.child("entryIntoForce").attribute("amount"));
}

TEST(XmlTest, InstructionGivesNewWordingOfPoint19) {
  pugi::xml_document doc;
  parse_xml(to_xml(seed_document()), doc);
  const pugi::xml_node in = doc.child("document").child("instructions").child("instruction");
  EXPECT_STREQ(in.attribute("op").value(), "new-wording");
  EXPECT_STREQ(in.attribute("targetEid").value(), "point_19");
  EXPECT_EQ(in.attribute("line").as_int(), 25);
  const pugi::xml_node act = in.child("targetAct");
  EXPECT_STREQ(act.attribute("number").value(), "37/НҚ");
  EXPECT_STREQ(act.attribute("date").value(), "2019-04-11");
  EXPECT_STREQ(act.attribute("registration").value(), "18523");
  EXPECT_STREQ(in.child("path").child("step").attribute("kind").value(), "point");
  EXPECT_STREQ(in.child("path").child("step").attribute("num").value(), "19");
  EXPECT_EQ(std::string(in.child_value("newText")).rfind("19. Есептеу операцияларын орындау", 0),
            0u);
  EXPECT_EQ(in.child_value("newText"), kPoint19);
  EXPECT_FALSE(in.child("newText").attribute("ref"));
  EXPECT_FALSE(in.child("oldWords"));

  const pugi::xml_node app = in.next_sibling("instruction");
  EXPECT_STREQ(app.attribute("targetEid").value(), "app_2");
  EXPECT_STREQ(app.child("newText").attribute("ref").value(), "appendix");
  EXPECT_STREQ(app.child_value("newText"), "");
}

TEST(XmlTest, RepairAndDiagnosticKeepPositions) {
  pugi::xml_document doc;
  parse_xml(to_xml(seed_document()), doc);
  const pugi::xml_node repair = doc.child("document").child("repairs").child("repair");
  EXPECT_STREQ(repair.attribute("kind").value(), "displaced-word");
  EXPECT_EQ(repair.attribute("offset").as_ullong(), 1602u);
  EXPECT_EQ(repair.attribute("line").as_int(), 17);
  EXPECT_EQ(repair.attribute("col").as_int(), 43);
  EXPECT_STREQ(repair.child_value("before"), "қолданысқа");
  EXPECT_TRUE(repair.child("after")) << "before/after are always written";
  EXPECT_STREQ(repair.child_value("after"), "");

  const pugi::xml_node d = doc.child("document").child("diagnostics").child("diagnostic");
  EXPECT_STREQ(d.attribute("severity").value(), "warning");
  EXPECT_STREQ(d.attribute("code").value(), "normalize.displaced-word");
  EXPECT_EQ(d.attribute("line").as_int(), 17);
  EXPECT_NE(std::string(d.text().get()).find("\"қолданысқа\""), std::string::npos);
}

TEST(XmlTest, IsDeterministicAndIndentedWithTwoSpaces) {
  const Document doc = seed_document();
  const std::string first = to_xml(doc);
  const Document copy = doc;
  EXPECT_EQ(first, to_xml(copy));
  EXPECT_EQ(first, to_xml(seed_document()));
  EXPECT_NE(first.find("\n  <meta line=\"9\" col=\"1\">\n    <type>order</type>\n"),
            std::string::npos);
}

TEST(XmlTest, SeedDocumentValidatesAgainstSchema) {
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(to_xml(seed_document())), "");
}

TEST(XmlTest, EmptyDocumentValidatesAgainstSchema) {
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  const std::string xml = to_xml(Document{});
  EXPECT_EQ(schema_errors(xml), "");
  EXPECT_NE(xml.find("<status>unknown</status>"), std::string::npos);
  EXPECT_EQ(xml.find("entryIntoForce"), std::string::npos) << "kind none is left out";
}

// Regression: pugixml writes U+0001 as "&#01;", which XML 1.0 forbids; the writer must not.
TEST(XmlTest, ControlCharactersAndBadUtf8BecomeReplacementCharacter) {
  Document doc = seed_document();
  doc.body[2].text = "тәртіппен\x01:\x1b[31m" + std::string(1, '\0') + "\xff!";
  doc.body[2].num = "2\x02";
  doc.diagnostics[0].message = "byte \x0b and \xc0\x80 (overlong)";
  doc.repairs[0].before = "\t \r\n";
  const std::string xml = to_xml(doc);
  for (char c : xml) {
    const auto b = static_cast<unsigned char>(c);
    EXPECT_FALSE(b < 0x20 && c != '\t' && c != '\n' && c != '\r') << "control byte " << int(b);
  }
  EXPECT_FALSE(std::regex_search(xml, std::regex("&#(0[0-8]|1[124-9]|2[0-9]|3[01]);")))
      << "no character references to forbidden characters";

  pugi::xml_document parsed;
  parse_xml(xml, parsed);
  const pugi::xml_node point2 = unit_node(parsed, "point_2");
  ASSERT_TRUE(point2);
  EXPECT_STREQ(point2.child_value("text"), "тәртіппен\uFFFD:\uFFFD[31m\uFFFD\uFFFD!");
  EXPECT_STREQ(point2.attribute("num").value(), "2\uFFFD");
  EXPECT_STREQ(parsed.select_node("//diagnostic").node().text().get(),
               "byte \uFFFD and \uFFFD\uFFFD (overlong)");
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

TEST(XmlTest, ExcludedUnitKeepsStatusAndStatusText) {
  Document doc = seed_document();
  Unit& sub = doc.body[2].children[1];
  sub.text.clear();
  sub.status = UnitStatus::excluded;
  sub.status_text = "алып тасталды - ҚР Цифрлық даму министрінің 01.01.2024 бұйрығымен";
  const std::string xml = to_xml(doc);
  pugi::xml_document parsed;
  parse_xml(xml, parsed);
  const pugi::xml_node u = unit_node(parsed, "point_2__subpoint_2");
  EXPECT_STREQ(u.attribute("status").value(), "excluded");
  EXPECT_FALSE(u.child("text"));
  EXPECT_EQ(std::string(u.child_value("statusText")).rfind("алып тасталды", 0), 0u);
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

TEST(XmlTest, InvalidDatesAreLeftOut) {
  Document doc = seed_document();
  doc.meta.date = Date{2021, 2, 29};
  doc.body.back().appendix->restates_act_date = "2019-13-11";
  const std::string xml = to_xml(doc);
  pugi::xml_document parsed;
  parse_xml(xml, parsed);
  EXPECT_FALSE(parsed.child("document").child("meta").child("date"));
  EXPECT_FALSE(unit_node(parsed, "app").child("appendixInfo").attribute("restatesActDate"));
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

// The schema's enumerations are exactly the names to_string() gives (document.cpp).
TEST(SchemaTest, EnumerationsMatchToString) {
  std::stringstream buf;
  buf << std::ifstream(kSchema).rdbuf();
  const std::string xsd = buf.str();
  ASSERT_FALSE(xsd.empty()) << kSchema;
  const auto check = [&](const std::string& type, const std::vector<std::string>& names) {
    const std::size_t begin = xsd.find("<xs:simpleType name=\"" + type + "\">");
    ASSERT_NE(begin, std::string::npos) << type;
    const std::string block = xsd.substr(begin, xsd.find("</xs:simpleType>", begin) - begin);
    std::vector<std::string> values;
    const std::string key = "<xs:enumeration value=\"";
    for (std::size_t p = block.find(key); p != std::string::npos; p = block.find(key, p)) {
      p += key.size();
      values.push_back(block.substr(p, block.find('"', p) - p));
    }
    EXPECT_EQ(values, names) << type;
  };
  check("Severity", enum_names<Severity>());
  check("Language", enum_names<Language>());
  check("UnitKind", enum_names<UnitKind>());
  check("UnitStatus", enum_names<UnitStatus>());
  check("EifKind", enum_names<EifKind>());
  check("ActStatus", enum_names<ActStatus>());
  check("NoteAction", enum_names<NoteAction>());
  check("Operation", enum_names<Operation>());
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
