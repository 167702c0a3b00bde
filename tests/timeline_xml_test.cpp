// Tests for timeline_to_xml / timeline_from_xml (zanline/timeline.hpp) and schema/timeline.xsd,
// on timelines built by hand from real texts:
//   * the Law "On holidays in the Republic of Kazakhstan" of 13.12.2001 No. 267-II (zan.gov.kz
//     10612), article 3 as amended by the Laws of 25.06.2008 No. 47-IV (40216) and of 22.04.2009
//     No. 152-IV (45379): corpus/triples/holidays-10612_by_40216 and holidays-10612_by_45379;
//   * the seed order No. 130/НҚ of 2022-04-19 (corpus/seed), whose entry into force ("ten days
//     after first publication") is still a rule, repealed by order No. 521/НҚ from 2026-01-01.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "zanline/timeline.hpp"

namespace zanline {
namespace {

constexpr const char* kSchema = ZANLINE_SCHEMA_DIR "/timeline.xsd";
constexpr const char* kNamespace = "urn:zanline:timeline:1";

// --- the holidays law ----------------------------------------------------------------------------

// Article 3 in Russian: the 2001 text, after 47-IV (abzac 7 "День Столицы" inserted), after
// 152-IV (abzac 4 "22" -> "21-23", abzac 9 "День Республики" excluded). Abzacs joined by "\n".
const std::string kArt3Ru2001 =
    "Государственными праздниками в Республике Казахстан являются праздники, отмечаемые в "
    "следующие дни:\n"
    "Новый год - 1-2 января;\n"
    "Международный женский день - 8 марта;\n"
    "Наурыз мейрамы - 22 марта;\n"
    "Праздник единства народа Казахстана - 1 мая;\n"
    "День Победы - 9 мая;\n"
    "День Конституции Республики Казахстан - 30 августа;\n"
    "День Республики - 25 октября.";
const std::string kArt3Ru2008 =
    "Государственными праздниками в Республике Казахстан являются праздники, отмечаемые в "
    "следующие дни:\n"
    "Новый год - 1-2 января;\n"
    "Международный женский день - 8 марта;\n"
    "Наурыз мейрамы - 22 марта;\n"
    "Праздник единства народа Казахстана - 1 мая;\n"
    "День Победы - 9 мая;\n"
    "День Столицы - 6 июля;\n"
    "День Конституции Республики Казахстан - 30 августа;\n"
    "День Республики - 25 октября.";
const std::string kArt3Ru2009 =
    "Государственными праздниками в Республике Казахстан являются праздники, отмечаемые в "
    "следующие дни:\n"
    "Новый год - 1-2 января;\n"
    "Международный женский день - 8 марта;\n"
    "Наурыз мейрамы - 21-23 марта;\n"
    "Праздник единства народа Казахстана - 1 мая;\n"
    "День Победы - 9 мая;\n"
    "День Столицы - 6 июля;\n"
    "День Конституции Республики Казахстан - 30 августа.";
const std::string kArt3Kk2001 =
    "Қазақстан Республикасындағы мемлекеттік мерекелер - мына күндері атап өтілетін мерекелер:\n"
    "1-2 қаңтар - Жаңа жыл;\n"
    "8 наурыз - Халықаралық әйелдер күні;\n"
    "22 наурыз - Наурыз мейрамы;\n"
    "1 мамыр - Қазақстан халқының бірлігі мерекесі;\n"
    "9 мамыр - Жеңіс күні;\n"
    "30 тамыз - Қазақстан Республикасының Конституциясы күні;\n"
    "25 қазан - Республика күні.";
const std::string kArt3Kk2008 =
    "Қазақстан Республикасындағы мемлекеттік мерекелер - мына күндері атап өтілетін мерекелер:\n"
    "1-2 қаңтар - Жаңа жыл;\n"
    "8 наурыз - Халықаралық әйелдер күні;\n"
    "22 наурыз - Наурыз мейрамы;\n"
    "1 мамыр - Қазақстан халқының бірлігі мерекесі;\n"
    "9 мамыр - Жеңіс күні;\n"
    "6 шілде - Астана күні;\n"
    "30 тамыз - Қазақстан Республикасының Конституциясы күні;\n"
    "25 қазан - Республика күні.";
const std::string kArt3Kk2009 =
    "Қазақстан Республикасындағы мемлекеттік мерекелер - мына күндері атап өтілетін мерекелер:\n"
    "1-2 қаңтар - Жаңа жыл;\n"
    "8 наурыз - Халықаралық әйелдер күні;\n"
    "21-23 наурыз - Наурыз мейрамы;\n"
    "1 мамыр - Қазақстан халқының бірлігі мерекесі;\n"
    "9 мамыр - Жеңіс күні;\n"
    "6 шілде - Астана күні;\n"
    "30 тамыз - Қазақстан Республикасының Конституциясы күні.";

Event event(std::string id, EventType type, std::optional<Date> date) {
  Event e;
  e.id = std::move(id);
  e.type = type;
  e.date = date;
  return e;
}

Version version(std::string from, std::string to, VersionStatus status, std::string source,
                std::string heading = "", std::string text = "") {
  Version v;
  v.from = std::move(from);
  v.to = std::move(to);
  v.status = status;
  v.source = std::move(source);
  v.heading = std::move(heading);
  v.text = std::move(text);
  return v;
}

UnitTimeline unit(std::string eid, UnitKind kind, std::string num, std::vector<Version> versions) {
  UnitTimeline u;
  u.eid = std::move(eid);
  u.kind = kind;
  u.num = std::move(num);
  u.versions = std::move(versions);
  return u;
}

SourceFile source(std::string id, Language lang, std::optional<Date> date, std::string path,
                  std::string sha256, std::string origin) {
  return {std::move(id), lang, date, std::move(path), std::move(sha256), std::move(origin)};
}

Event amended_by_law(std::string id, Date date, std::string number, std::string code,
                     std::string note) {
  Event e = event(std::move(id), EventType::amended, date);
  e.effective.rule = EifKind::from_publication;
  e.effective.text =
      "Статья 2 . Настоящий Закон вводится в действие со дня его первого официального "
      "опубликования.";
  e.source.type = "law";
  e.source.date = date;
  e.source.number = std::move(number);
  e.source_code = std::move(code);
  e.note = std::move(note);
  return e;
}

Timeline holidays_timeline() {
  Timeline t;
  t.id = "10612";
  t.uri = "/akn/kz/act/law/2001-12-13/267-ii";
  t.type = "law";
  t.date = Date{2001, 12, 13};
  t.number = "267-II";
  t.act_code = "10612";

  t.events.push_back(event("e1", EventType::adopted, Date{2001, 12, 13}));
  Event eif = event("e2", EventType::entry_into_force, std::nullopt);
  eif.effective.rule = EifKind::from_publication;
  eif.effective.text =
      "1. Настоящий Закон вводится в действие со дня его официального "
      "опубликования.";
  t.events.push_back(eif);
  t.events.push_back(amended_by_law(
      "e3", Date{2008, 6, 25}, "47-IV", "40216",
      "Сноска. Статья 3 с изменениями, внесенными Законом РК от 25.06.2008 N 47-IV (порядок "
      "введения в действие см. ст. 2 )."));
  t.events.push_back(amended_by_law(
      "e4", Date{2009, 4, 22}, "152-IV", "45379",
      "Сноска. Статья 3 с изменениями, внесенными Законами РК от 25.06.2008 N 47-IV (порядок "
      "введения в действие см. ст. 2 ); от 22.04.2009 N 152-IV (порядок введения в действие см. "
      "ст. 2 )."));

  const std::string by_40216 = "corpus/triples/holidays-10612_by_40216/";
  const std::string by_45379 = "corpus/triples/holidays-10612_by_45379/";
  t.sources = {
      source("s1", Language::kk, Date{2001, 12, 13}, "sources/kk/2001-12-13.md",
             "0e7b1378043bed40b92e82d50e2a21028095ec85d07320956dd1359403bf3f5f",
             by_40216 + "before.kaz.md"),
      source("s2", Language::ru, Date{2001, 12, 13}, "sources/ru/2001-12-13.md",
             "1842964346e3a17172f9fdc934818185b3b2788208bd988729107a2fe6375bc0",
             by_40216 + "before.rus.md"),
      source("s3", Language::kk, Date{2008, 6, 25}, "sources/kk/2008-06-25.md",
             "35783f95a7889cc1cc79f320566a0f2f2cc0760758c996aad02c1e299b106071",
             by_40216 + "after.kaz.md"),
      source("s4", Language::ru, Date{2008, 6, 25}, "sources/ru/2008-06-25.md",
             "8f8f7434f3ac8be986af1aa8514356f65fd2453224ce0dfcc85cd699ea37f05d",
             by_40216 + "after.rus.md"),
      source("s5", Language::kk, Date{2009, 4, 22}, "sources/kk/2009-04-22.md",
             "ee782867fc60f2551f75eba1310fd1998b578c86428f0288c773796299754179",
             by_45379 + "after.kaz.md"),
      source("s6", Language::ru, Date{2009, 4, 22}, "sources/ru/2009-04-22.md",
             "976fa7762aa8d5fd25d936034e8969ec4fb32cddf5059ef8ee54c46ddfe4110d",
             by_45379 + "after.rus.md"),
  };

  Expression kk;
  kk.lang = Language::kk;
  kk.title = "Қазақстан Республикасындағы мерекелер туралы";
  const std::string kk_heading = "Мемлекеттік мерекелер";
  kk.units.push_back(unit("art_3", UnitKind::article, "3",
                          {version("e2", "e3", VersionStatus::text, "s1", kk_heading, kArt3Kk2001),
                           version("e3", "e4", VersionStatus::text, "s3", kk_heading, kArt3Kk2008),
                           version("e4", "", VersionStatus::text, "s5", kk_heading, kArt3Kk2009)}));

  Expression ru;
  ru.lang = Language::ru;
  ru.title = "О праздниках в Республике Казахстан";
  ru.units.push_back(
      unit("art_2", UnitKind::article, "2",
           {version("e2", "", VersionStatus::text, "s2", "Национальные праздники",
                    "Национальным праздником в Республике Казахстан является День Независимости 16 "
                    "декабря, отмечаемый 16-17 декабря.")}));
  const std::string ru_heading = "Государственные праздники";
  ru.units.push_back(unit("art_3", UnitKind::article, "3",
                          {version("e2", "e3", VersionStatus::text, "s2", ru_heading, kArt3Ru2001),
                           version("e3", "e4", VersionStatus::text, "s4", ru_heading, kArt3Ru2008),
                           version("e4", "", VersionStatus::text, "s6", ru_heading, kArt3Ru2009)}));
  // "абзац девятый исключить" (152-IV): the ninth abzac since 47-IV inserted the seventh.
  ru.units.push_back(
      unit("art_3__al_9", UnitKind::part, "9",
           {version("e3", "e4", VersionStatus::text, "s4", "", "День Республики - 25 октября."),
            version("e4", "", VersionStatus::excluded, "s6")}));
  t.expressions = {kk, ru};
  return t;
}

// --- the seed order ------------------------------------------------------------------------------

const std::string kPoint1 =
    "\"Ақпараттық-коммуникациялық технологиялар саласындағы басым қызмет түрлерінің тізбесін және "
    "меншікті өндірістің өлшемшарттарын бекіту туралы\" Қазақстан Республикасының Цифрлық даму, "
    "қорғаныс және аэроғарыш өнеркәсібі министрінің 2019 жылғы 11 сәуірдегі № 37/НҚ бұйрығына "
    "(Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 18523 болып тіркелген) "
    "мынадай өзгерістер енгізілсін:\n"
    "көрсетілген бұйрықпен бекітілген Ақпараттық-коммуникациялық технологиялар саласындағы басым "
    "қызмет түрлерінің тізбесінде:\n"
    "19-тармақ мынадай редакцияда жазылсын:\n"
    "\"19. Есептеу операцияларын орындау және деректерді өңдеу үшін кешенді есептеу "
    "инфрақұрылымымен қамтамасыз ету бойынша көрсетілетін қызметтер (цифрлық майнинг бойынша "
    "қызметті жүзеге асыратын тұлғаларға инфрақұрылым ұсынатын деректерді өңдеу орталықтарын "
    "(Data-орталықтарды) қоспағанда).\";\n"
    "көрсетілген бұйрықпен бекітілген меншікті өндірістің өлшемшарттары осы бұйрыққа қосымшаға "
    "сәйкес жаңа редакцияда жазылсын.";
const std::string kPoint4 =
    "Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа "
    "енгізіледі.";
// The appendix header block as the source lays it out: a leading space, empty lines.
const std::string kAppendixHeader =
    " Қазақстан Республикасының\nЦифрлық даму, инновациялар\n\nжәне аэроғарыш өнеркәсібі\n"
    "министрінің\n\n2022 жылғы 19 сәуірдегі\n№ 130/НҚ Бұйрыққа\n\nқосымша";

Timeline seed_timeline() {
  Timeline t;
  t.id = "order-2022-04-19-130-nk";
  t.uri = "/akn/kz/act/order/2022-04-19/130-nk";
  t.type = "order";
  t.date = Date{2022, 4, 19};
  t.number = "130/НҚ";
  t.registration = "27788";
  t.registered = Date{2022, 4, 27};

  t.events.push_back(event("e1", EventType::adopted, Date{2022, 4, 19}));
  t.events.push_back(event("e2", EventType::registered, Date{2022, 4, 27}));
  Event eif = event("e3", EventType::entry_into_force, std::nullopt);
  eif.effective.rule = EifKind::days_after_publication;  // no publication date known: a rule
  eif.effective.amount = 10;
  eif.effective.text = kPoint4;
  t.events.push_back(eif);
  Event repeal = event("e4", EventType::repealed, Date{2025, 10, 20});
  repeal.effective.date = Date{2026, 1, 1};
  repeal.effective.rule = EifKind::from_date;
  repeal.effective.text = "01.01.2026 бастап қолданысқа енгізіледі";
  repeal.source.type = "order";
  repeal.source.issuer =
      "Қазақстан Республикасы Премьер-Министрінің орынбасары – Жасанды "
      "интеллект және цифрлық даму министрінің";
  repeal.source.date = Date{2025, 10, 20};
  repeal.source.number = "521/НҚ";
  repeal.note =
      "Ескерту. Бұйрықтың күші жойылды - ҚР Премьер-Министрінің орынбасары – Жасанды "
      "интеллект және цифрлық даму министрінің 20.10.2025 № 521/НҚ (01.01.2026 бастап "
      "қолданысқа енгізіледі) бұйрығымен.";
  t.events.push_back(repeal);

  // Edition date unknown: the file is the text as published, with the repeal note added later.
  t.sources.push_back(source("s1", Language::kk, std::nullopt,
                             "sources/kk/order-130-nk-2022-04-19.kaz.txt",
                             "09e26d397fbfd38811933b0105f12c8545ec25ce845dace1e7eac4b01c62e618",
                             "corpus/seed/order-130-nk-2022-04-19.kaz.txt"));

  Expression kk;
  kk.lang = Language::kk;
  kk.title =
      "\"Ақпараттық-коммуникациялық технологиялар саласындағы басым қызмет түрлерінің тізбесін "
      "және меншікті өндірістің өлшемшарттарын бекіту туралы\" Қазақстан Республикасының Цифрлық "
      "даму, қорғаныс және аэроғарыш өнеркәсібі министрінің 2019 жылғы 11 сәуірдегі № 37/НҚ "
      "бұйрығына өзгерістер енгізу туралы";
  kk.units.push_back(unit("para_1", UnitKind::point, "1",
                          {version("e3", "e4", VersionStatus::text, "s1", "", kPoint1),
                           version("e4", "", VersionStatus::repealed, "")}));
  kk.units.push_back(unit("para_4", UnitKind::point, "4",
                          {version("e3", "e4", VersionStatus::text, "s1", "", kPoint4),
                           version("e4", "", VersionStatus::repealed, "")}));
  kk.units.push_back(unit("app_1", UnitKind::appendix, "",
                          {version("e3", "e4", VersionStatus::text, "s1",
                                   "Меншікті тауарлар өндірісінің өлшемшарттары", kAppendixHeader),
                           version("e4", "", VersionStatus::repealed, "")}));
  // The Russian text of the order is not in the corpus: its units are known, their text is not.
  Expression ru;
  ru.lang = Language::ru;
  ru.units.push_back(unit("para_1", UnitKind::point, "1",
                          {version("e3", "e4", VersionStatus::unknown, ""),
                           version("e4", "", VersionStatus::repealed, "")}));
  t.expressions = {kk, ru};
  return t;
}

// --- helpers -------------------------------------------------------------------------------------

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : "(none)"; }

// Field by field, so a failure names the field.
void expect_same(const ActRef& a, const ActRef& b) {
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.issuer, b.issuer);
  EXPECT_EQ(iso(a.date), iso(b.date));
  EXPECT_EQ(a.number, b.number);
  EXPECT_EQ(a.registration, b.registration);
}

void expect_same(const Timeline& a, const Timeline& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.uri, b.uri);
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(iso(a.date), iso(b.date));
  EXPECT_EQ(a.number, b.number);
  EXPECT_EQ(a.registration, b.registration);
  EXPECT_EQ(iso(a.registered), iso(b.registered));
  EXPECT_EQ(a.act_code, b.act_code);
  ASSERT_EQ(a.events.size(), b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    const Event& x = a.events[i];
    const Event& y = b.events[i];
    SCOPED_TRACE("event " + x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_STREQ(to_string(x.type), to_string(y.type));
    EXPECT_EQ(iso(x.date), iso(y.date));
    EXPECT_EQ(iso(x.effective.date), iso(y.effective.date));
    EXPECT_STREQ(to_string(x.effective.rule), to_string(y.effective.rule));
    EXPECT_EQ(x.effective.amount, y.effective.amount);
    EXPECT_EQ(x.effective.text, y.effective.text);
    expect_same(x.source, y.source);
    EXPECT_EQ(x.source_code, y.source_code);
    EXPECT_EQ(x.note, y.note);
  }
  ASSERT_EQ(a.sources.size(), b.sources.size());
  for (std::size_t i = 0; i < a.sources.size(); ++i) {
    const SourceFile& x = a.sources[i];
    const SourceFile& y = b.sources[i];
    SCOPED_TRACE("source " + x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_STREQ(to_string(x.lang), to_string(y.lang));
    EXPECT_EQ(iso(x.date), iso(y.date));
    EXPECT_EQ(x.path, y.path);
    EXPECT_EQ(x.sha256, y.sha256);
    EXPECT_EQ(x.origin, y.origin);
  }
  ASSERT_EQ(a.expressions.size(), b.expressions.size());
  for (std::size_t i = 0; i < a.expressions.size(); ++i) {
    const Expression& x = a.expressions[i];
    const Expression& y = b.expressions[i];
    SCOPED_TRACE(std::string("expression ") + to_string(x.lang));
    EXPECT_STREQ(to_string(x.lang), to_string(y.lang));
    EXPECT_EQ(x.title, y.title);
    ASSERT_EQ(x.units.size(), y.units.size());
    for (std::size_t k = 0; k < x.units.size(); ++k) {
      const UnitTimeline& u = x.units[k];
      const UnitTimeline& w = y.units[k];
      SCOPED_TRACE("unit " + u.eid);
      EXPECT_EQ(u.eid, w.eid);
      EXPECT_STREQ(to_string(u.kind), to_string(w.kind));
      EXPECT_EQ(u.num, w.num);
      ASSERT_EQ(u.versions.size(), w.versions.size());
      for (std::size_t v = 0; v < u.versions.size(); ++v) {
        SCOPED_TRACE("version " + std::to_string(v + 1));
        EXPECT_EQ(u.versions[v].from, w.versions[v].from);
        EXPECT_EQ(u.versions[v].to, w.versions[v].to);
        EXPECT_STREQ(to_string(u.versions[v].status), to_string(w.versions[v].status));
        EXPECT_EQ(u.versions[v].heading, w.versions[v].heading);
        EXPECT_EQ(u.versions[v].text, w.versions[v].text);
        EXPECT_EQ(u.versions[v].source, w.versions[v].source);
      }
    }
  }
}

// Parses with the flags a reader of the format should use: parse_ws_pcdata_single keeps a
// whitespace-only text ("\n") but not indentation.
void parse_xml(const std::string& xml, pugi::xml_document& out) {
  const pugi::xml_parse_result r =
      out.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  ASSERT_TRUE(r) << r.description() << " at offset " << r.offset;
}

pugi::xml_node node(const pugi::xml_document& doc, const std::string& xpath) {
  return doc.select_node(xpath.c_str()).node();
}

bool xmllint_available() { return std::system("command -v xmllint >/dev/null 2>&1") == 0; }

// xmllint's complaints about `xml` against schema/timeline.xsd; "" when it validates.
std::string schema_errors(const std::string& xml) {
  const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  const std::filesystem::path base =
      std::filesystem::path(::testing::TempDir()) /
      ("zanline_timeline_" + name + "_" + std::to_string(::getpid()));
  const std::string xml_path = base.string() + ".xml";
  const std::string log_path = base.string() + ".log";
  std::ofstream(xml_path, std::ios::binary) << xml;
  const std::string cmd = "xmllint --noout --schema '" + std::string(kSchema) + "' '" + xml_path +
                          "' >'" + log_path + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  std::stringstream log;
  log << std::ifstream(log_path).rdbuf();
  std::filesystem::remove(xml_path);
  std::filesystem::remove(log_path);
  return rc == 0 ? std::string() : "xmllint exit " + std::to_string(rc) + ":\n" + log.str();
}

// Every name to_string gives for enum E, in declaration order (an enum class: any int is a
// value to ask about; to_string answers "?" past the last one).
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

// `xml` with the first `from` replaced by `to`; the test fails if `from` is not there.
std::string replace(std::string xml, const std::string& from, const std::string& to) {
  const std::size_t p = xml.find(from);
  EXPECT_NE(p, std::string::npos) << "not in the XML: " << from;
  if (p != std::string::npos) xml.replace(p, from.size(), to);
  return xml;
}

std::size_t line_of(const std::string& xml, const std::string& needle) {
  const std::size_t p = xml.find(needle);
  return p == std::string::npos ? 0
                                : static_cast<std::size_t>(std::count(
                                      xml.begin(), xml.begin() + static_cast<long>(p), '\n')) +
                                      1;
}

// --- round trip ----------------------------------------------------------------------------------

TEST(TimelineXmlTest, HolidaysRoundTripIsByteIdenticalAndFieldByField) {
  const Timeline t = holidays_timeline();
  const std::string xml = timeline_to_xml(t);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<timeline ", 0), 0u);
  EXPECT_EQ(xml.back(), '\n');
  std::string error = "stale";
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(error, "") << "error is cleared on success";
  expect_same(*back, t);
  EXPECT_EQ(timeline_to_xml(*back), xml);
}

TEST(TimelineXmlTest, SeedOrderRoundTripIsByteIdenticalAndFieldByField) {
  const Timeline t = seed_timeline();
  const std::string xml = timeline_to_xml(t);
  std::string error;
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  expect_same(*back, t);
  EXPECT_EQ(timeline_to_xml(*back), xml);
  EXPECT_EQ(back->expression(Language::kk)->units[2].versions[0].text, kAppendixHeader)
      << "leading space and empty lines kept";
}

TEST(TimelineXmlTest, EmptyTimelineRoundTrips) {
  const std::string xml = timeline_to_xml(Timeline{});
  EXPECT_EQ(xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<timeline xmlns=\"urn:zanline:timeline:1\">\n"
            "  <identity />\n"
            "  <events />\n"
            "  <sources />\n"
            "</timeline>\n");
  std::string error;
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  expect_same(*back, Timeline{});
  EXPECT_EQ(timeline_to_xml(*back), xml);
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

TEST(TimelineXmlTest, IsDeterministicAndIndentedWithTwoSpaces) {
  const std::string xml = timeline_to_xml(seed_timeline());
  EXPECT_EQ(xml, timeline_to_xml(seed_timeline()));
  EXPECT_NE(
      xml.find("\n  <events>\n    <event id=\"e1\" type=\"adopted\" date=\"2022-04-19\" />\n"),
      std::string::npos)
      << xml;
}

// A text is the only child of its element, so the indenting writer puts nothing around it.
TEST(TimelineXmlTest, MultiLineTextIsWrittenInlineAsItIs) {
  const std::string xml = timeline_to_xml(seed_timeline());
  EXPECT_NE(xml.find("<text> Қазақстан Республикасының\nЦифрлық даму, инновациялар\n\nжәне "),
            std::string::npos);
  EXPECT_NE(xml.find("\n\nқосымша</text>\n"), std::string::npos);
  EXPECT_NE(timeline_to_xml(holidays_timeline())
                .find("<text>Государственными праздниками в Республике Казахстан являются "
                      "праздники, отмечаемые в следующие дни:\nНовый год - 1-2 января;\n"),
            std::string::npos);
}

// --- what a plain XML reader sees ----------------------------------------------------------------

TEST(TimelineXmlTest, HolidaysAttributesAsPugixmlReadsThem) {
  pugi::xml_document doc;
  parse_xml(timeline_to_xml(holidays_timeline()), doc);
  const pugi::xml_node root = doc.document_element();
  EXPECT_STREQ(root.name(), "timeline");
  EXPECT_STREQ(root.attribute("xmlns").value(), kNamespace);
  EXPECT_STREQ(root.attribute("id").value(), "10612");
  EXPECT_STREQ(root.attribute("uri").value(), "/akn/kz/act/law/2001-12-13/267-ii");
  std::vector<std::string> children;
  for (const pugi::xml_node c : root.children()) children.push_back(c.name());
  EXPECT_EQ(children, (std::vector<std::string>{"identity", "events", "sources", "expression",
                                                "expression"}));

  const pugi::xml_node identity = root.child("identity");
  EXPECT_STREQ(identity.attribute("type").value(), "law");
  EXPECT_STREQ(identity.attribute("date").value(), "2001-12-13");
  EXPECT_STREQ(identity.attribute("number").value(), "267-II");
  EXPECT_STREQ(identity.attribute("actCode").value(), "10612");
  EXPECT_FALSE(identity.attribute("registration")) << "a law is not registered: left out";
  EXPECT_FALSE(identity.attribute("registered"));

  const pugi::xml_node e2 = node(doc, "//event[@id='e2']");
  EXPECT_STREQ(e2.attribute("type").value(), "entry-into-force");
  EXPECT_FALSE(e2.attribute("date"));
  EXPECT_STREQ(e2.child("effective").attribute("rule").value(), "from-publication");
  EXPECT_FALSE(e2.child("effective").attribute("date")) << "publication date not known";
  EXPECT_FALSE(e2.child("effective").attribute("amount"));
  EXPECT_FALSE(e2.child("source")) << "the act itself";

  const pugi::xml_node e4 = node(doc, "//event[@id='e4']");
  EXPECT_STREQ(e4.attribute("type").value(), "amended");
  EXPECT_STREQ(e4.attribute("date").value(), "2009-04-22");
  EXPECT_STREQ(e4.child("source").attribute("type").value(), "law");
  EXPECT_STREQ(e4.child("source").attribute("number").value(), "152-IV");
  EXPECT_STREQ(e4.child("source").attribute("date").value(), "2009-04-22");
  EXPECT_FALSE(e4.child("source").attribute("issuer"));
  EXPECT_STREQ(e4.child_value("sourceCode"), "45379");
  EXPECT_NE(std::string(e4.child_value("note")).find("от 22.04.2009 N 152-IV"), std::string::npos);
  std::vector<std::string> e4_children;
  for (const pugi::xml_node c : e4.children()) e4_children.push_back(c.name());
  EXPECT_EQ(e4_children, (std::vector<std::string>{"effective", "source", "sourceCode", "note"}));

  const pugi::xml_node s6 = node(doc, "//sources/source[@id='s6']");
  EXPECT_STREQ(s6.attribute("lang").value(), "ru");
  EXPECT_STREQ(s6.attribute("date").value(), "2009-04-22");
  EXPECT_STREQ(s6.attribute("path").value(), "sources/ru/2009-04-22.md");
  EXPECT_STREQ(s6.attribute("sha256").value(),
               "976fa7762aa8d5fd25d936034e8969ec4fb32cddf5059ef8ee54c46ddfe4110d");
  EXPECT_STREQ(s6.attribute("origin").value(),
               "corpus/triples/holidays-10612_by_45379/after.rus.md");

  const pugi::xml_node ru = node(doc, "//expression[@lang='ru']");
  EXPECT_STREQ(ru.child_value("title"), "О праздниках в Республике Казахстан");
  const pugi::xml_node art3 = ru.find_child_by_attribute("unit", "eId", "art_3");
  EXPECT_STREQ(art3.attribute("kind").value(), "article");
  EXPECT_STREQ(art3.attribute("num").value(), "3");
  const pugi::xml_node last = art3.last_child();
  EXPECT_STREQ(last.attribute("from").value(), "e4");
  EXPECT_FALSE(last.attribute("to")) << "open";
  EXPECT_STREQ(last.attribute("status").value(), "text");
  EXPECT_STREQ(last.attribute("source").value(), "s6");
  EXPECT_STREQ(last.child_value("heading"), "Государственные праздники");
  EXPECT_EQ(last.child_value("text"), kArt3Ru2009);

  const pugi::xml_node excluded = node(doc, "//expression[@lang='ru']/unit[@eId='art_3__al_9']");
  EXPECT_STREQ(excluded.attribute("kind").value(), "part");
  const pugi::xml_node gone = excluded.last_child();
  EXPECT_STREQ(gone.attribute("status").value(), "excluded");
  EXPECT_FALSE(gone.first_child()) << "no heading, no text";
  EXPECT_STREQ(excluded.first_child().attribute("to").value(), "e4");
}

TEST(TimelineXmlTest, SeedOrderEntryIntoForceIsARuleAndRepealHasADate) {
  pugi::xml_document doc;
  parse_xml(timeline_to_xml(seed_timeline()), doc);
  const pugi::xml_node identity = doc.document_element().child("identity");
  EXPECT_STREQ(identity.attribute("number").value(), "130/НҚ");
  EXPECT_STREQ(identity.attribute("registration").value(), "27788");
  EXPECT_STREQ(identity.attribute("registered").value(), "2022-04-27");
  EXPECT_FALSE(identity.attribute("actCode"));

  EXPECT_STREQ(node(doc, "//event[@id='e2']").attribute("type").value(), "registered");
  const pugi::xml_node eif = node(doc, "//event[@id='e3']/effective");
  EXPECT_STREQ(eif.attribute("rule").value(), "days-after-publication");
  EXPECT_EQ(eif.attribute("amount").as_int(), 10);
  EXPECT_FALSE(eif.attribute("date")) << "unresolved";
  EXPECT_EQ(eif.child_value("text"), kPoint4);

  const pugi::xml_node repeal = node(doc, "//event[@id='e4']");
  EXPECT_STREQ(repeal.attribute("type").value(), "repealed");
  EXPECT_STREQ(repeal.attribute("date").value(), "2025-10-20");
  EXPECT_STREQ(repeal.child("effective").attribute("date").value(), "2026-01-01");
  EXPECT_STREQ(repeal.child("effective").attribute("rule").value(), "from-date");
  EXPECT_STREQ(repeal.child("source").attribute("number").value(), "521/НҚ");
  EXPECT_EQ(std::string(repeal.child("source").attribute("issuer").value())
                .rfind("Қазақстан Республикасы Премьер-Министрінің орынбасары", 0),
            0u);
  EXPECT_FALSE(repeal.child("sourceCode"));

  const pugi::xml_node s1 = node(doc, "//sources/source");
  EXPECT_FALSE(s1.attribute("date")) << "edition date unknown";
  const pugi::xml_node unknown = node(doc, "//expression[@lang='ru']/unit/version");
  EXPECT_STREQ(unknown.attribute("status").value(), "unknown");
  EXPECT_FALSE(unknown.attribute("source"));
  EXPECT_FALSE(unknown.first_child());
  EXPECT_FALSE(node(doc, "//expression[@lang='ru']/title")) << "no title known";
  const pugi::xml_node repealed = node(doc, "//unit[@eId='para_4']/version[2]");
  EXPECT_STREQ(repealed.attribute("status").value(), "repealed");
  EXPECT_FALSE(repealed.attribute("to"));
}

// --- schema --------------------------------------------------------------------------------------

TEST(TimelineSchemaTest, HandBuiltTimelinesValidate) {
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(timeline_to_xml(holidays_timeline())), "");
  EXPECT_EQ(schema_errors(timeline_to_xml(seed_timeline())), "");
}

// The schema's enumerations are exactly the names to_string() gives.
TEST(TimelineSchemaTest, EnumerationsMatchToString) {
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
  check("EventType", enum_names<EventType>());
  check("VersionStatus", enum_names<VersionStatus>());
  check("EifKind", enum_names<EifKind>());
  check("UnitKind", enum_names<UnitKind>());
  check("Language", enum_names<Language>());
}

// --- characters ----------------------------------------------------------------------------------

TEST(TimelineXmlTest, WhitespaceAndMarkupCharactersSurviveExactly) {
  Timeline t = seed_timeline();
  Version& v = t.expressions[0].units[0].versions[0];
  v.heading = "  two leading, one trailing ";
  v.text = "\n";  // whitespace only
  t.expressions[0].units[1].versions[0].text = "\t<b>&amp;</b> ]]> \"'\n\n";
  t.events[3].source.issuer = "line 1\nline 2\ttab  \"quoted\" <&>";
  t.events[3].note = " ";
  t.sources[0].origin = " /path with spaces/ ";
  const std::string xml = timeline_to_xml(t);
  std::string error;
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  expect_same(*back, t);
  EXPECT_EQ(timeline_to_xml(*back), xml);
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

// XML cannot carry a CR through a parser (it becomes LF), nor control characters or bad UTF-8:
// the writer turns CR LF and CR into LF and the others into U+FFFD, so what it writes reads back
// to the same bytes.
TEST(TimelineXmlTest, CarriageReturnsBecomeLineFeedsAndForbiddenCharactersReplacement) {
  Timeline t = seed_timeline();
  t.expressions[0].units[0].versions[0].text = "a\r\nb\rc\r";
  t.expressions[0].units[1].versions[0].text = "x\x01y" + std::string(1, '\0') + "z\xff!";
  t.events[3].source.issuer = "\r\n";
  const std::string xml = timeline_to_xml(t);
  std::string error;
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(back->expressions[0].units[0].versions[0].text, "a\nb\nc\n");
  EXPECT_EQ(back->expressions[0].units[1].versions[0].text, "x\uFFFDy\uFFFDz\uFFFD!");
  EXPECT_EQ(back->events[3].source.issuer, "\n");
  EXPECT_EQ(timeline_to_xml(*back), xml);
  if (!xmllint_available()) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(schema_errors(xml), "");
}

TEST(TimelineXmlTest, InvalidDatesAreLeftOut) {
  Timeline t = seed_timeline();
  t.date = Date{2021, 2, 29};
  t.events[3].effective.date = Date{2026, 13, 1};
  t.events[3].effective.rule = EifKind::none;
  t.events[3].effective.text.clear();
  t.events[0].date = Date{2021, 2, 30};
  const std::string xml = timeline_to_xml(t);
  pugi::xml_document doc;
  parse_xml(xml, doc);
  EXPECT_FALSE(doc.document_element().child("identity").attribute("date"));
  EXPECT_FALSE(node(doc, "//event[@id='e1']").attribute("date"));
  EXPECT_FALSE(node(doc, "//event[@id='e4']/effective")) << "nothing left to write";
  std::string error;
  const std::optional<Timeline> back = timeline_from_xml(xml, &error);
  ASSERT_TRUE(back) << error;
  EXPECT_FALSE(back->date);
  EXPECT_EQ(timeline_to_xml(*back), xml);
}

// --- malformed input -----------------------------------------------------------------------------

struct Malformed {
  const char* name;
  std::string xml;
  std::string error;    // expected to occur in the message
  bool schema_rejects;  // xmllint against timeline.xsd says no as well
};

std::vector<Malformed> malformed_inputs() {
  const std::string good = timeline_to_xml(holidays_timeline());
  const std::string e3 = "<event id=\"e3\" type=\"amended\" date=\"2008-06-25\">";
  const std::string excluded = "status=\"excluded\"";
  return {
      {"empty", "", "not well-formed XML", false},
      {"not a timeline", "<x/>", "root element is <x>, expected <timeline>", false},
      {"no namespace", "<timeline><identity/><events/><sources/></timeline>",
       "<timeline> has no namespace", false},
      {"document namespace", replace(good, kNamespace, "urn:zanline:document:1"),
       "namespace 'urn:zanline:document:1', expected urn:zanline:timeline:1", true},
      {"bad date", replace(good, e3, "<event id=\"e3\" type=\"amended\" date=\"2021-02-30\">"),
       "event e3: bad date '2021-02-30'", true},
      {"bad registered date",
       replace(good, "<identity type=\"law\"", "<identity registered=\"30.12.2001\" type=\"law\""),
       "identity: bad date '30.12.2001' in registered", true},
      {"unknown status", replace(good, excluded, "status=\"deleted\""),
       "expression ru: unit art_3__al_9: version 2: unknown status 'deleted'", true},
      {"unknown event type", replace(good, "type=\"amended\"", "type=\"changed\""),
       "event e3: unknown type 'changed'", true},
      {"unknown rule", replace(good, "rule=\"from-publication\"", "rule=\"soon\""),
       "event e2: effective: unknown rule 'soon'", true},
      {"unknown language", replace(good, "<expression lang=\"kk\">", "<expression lang=\"en\">"),
       "expression en: unknown lang 'en'", true},
      {"missing event id", replace(good, e3, "<event type=\"amended\" date=\"2008-06-25\">"),
       "event #3: missing attribute id on <event>", true},
      {"missing status", replace(good, " " + excluded, ""),
       "version 2: missing attribute status on <version>", true},
      {"missing unit kind", replace(good, " kind=\"part\"", ""),
       "unit art_3__al_9: missing attribute kind on <unit>", true},
      {"duplicate event id", replace(good, "<event id=\"e4\"", "<event id=\"e3\""),
       "event e3: duplicate event id", true},
      {"duplicate unit", replace(good, "eId=\"art_3__al_9\"", "eId=\"art_3\""),
       "unit art_3: duplicate unit eId", true},
      {"second expression in a language",
       replace(good, "<expression lang=\"kk\">", "<expression lang=\"ru\">"),
       "expression ru: second expression in this language", true},
      {"version from an unknown event", replace(good, "from=\"e4\"", "from=\"e9\""),
       "no event 'e9' in <events>", true},
      {"version from an unknown source", replace(good, "source=\"s6\"", "source=\"s7\""),
       "no source 's7' in <sources>", true},
      {"bad amount", replace(good, "rule=\"from-publication\"", "amount=\"ten\""),
       "event e2: effective: bad amount 'ten'", true},
      {"unknown element", replace(good, "<sources>", "<sources>\n    <file />"),
       "sources: unexpected element <file> in <sources>", true},
      {"elements out of order", replace(good, "</timeline>", "  <identity />\n</timeline>"),
       "timeline: <identity> out of order in <timeline>", true},
      {"events twice", replace(good, "<sources>", "<events />\n  <sources>"),
       "timeline: <events> given twice in <timeline>", true},
      {"missing events",
       "<timeline xmlns=\"urn:zanline:timeline:1\"><identity/><sources/></timeline>",
       "timeline: missing <events> before <sources> in <timeline>", true},
      {"no children", "<timeline xmlns=\"urn:zanline:timeline:1\"/>",
       "timeline: missing <identity> in <timeline>", true},
      {"unknown attribute", replace(good, "<identity ", "<identity lang=\"ru\" "),
       "identity: unexpected attribute 'lang' on <identity>", true},
      {"text in a container", replace(good, "<events>", "<events>stray"),
       "events: unexpected text 'stray\\n    '", true},
      {"element in a text", replace(good, "<sourceCode>45379", "<sourceCode><b>45379</b>"),
       "event e4: unexpected element <b> in <sourceCode>", true},
      {"character reference to a control character",
       replace(good, "<sourceCode>45379", "<sourceCode>45379&#1;"),
       "event e4: <sourceCode> holds invalid UTF-8", false},
      {"truncated", good.substr(0, good.size() / 2), "not well-formed XML", false},
  };
}

TEST(TimelineXmlTest, MalformedInputsGiveNulloptAndAnError) {
  const bool lint = xmllint_available();
  for (const Malformed& m : malformed_inputs()) {
    SCOPED_TRACE(m.name);
    std::string error;
    std::optional<Timeline> t;
    ASSERT_NO_THROW(t = timeline_from_xml(m.xml, &error));
    EXPECT_FALSE(t);
    EXPECT_EQ(error.rfind("timeline.xml:", 0), 0u) << error;
    EXPECT_NE(error.find(m.error), std::string::npos) << error;
    if (lint && m.schema_rejects) {
      EXPECT_NE(schema_errors(m.xml), "") << "the schema accepts it";
    }
  }
}

TEST(TimelineXmlTest, ErrorNamesTheLine) {
  const std::string good = timeline_to_xml(holidays_timeline());
  const std::string e3 = "<event id=\"e3\" type=\"amended\" date=\"2008-06-25\">";
  const std::string bad =
      replace(good, e3, "<event id=\"e3\" type=\"amended\" date=\"2021-02-30\">");
  std::string error;
  EXPECT_FALSE(timeline_from_xml(bad, &error));
  EXPECT_EQ(error, "timeline.xml:" + std::to_string(line_of(good, e3)) +
                       ": event e3: bad date '2021-02-30'");
  EXPECT_FALSE(timeline_from_xml("", nullptr)) << "error may be null";
}

TEST(TimelineXmlTest, MegabyteOfGarbageGivesAnError) {
  std::mt19937 rng(20011213);
  std::string garbage(1 << 20, '\0');
  for (char& c : garbage) c = static_cast<char>(rng() & 0xFF);
  std::string error;
  EXPECT_FALSE(timeline_from_xml(garbage, &error));
  EXPECT_FALSE(error.empty());

  // Well-formed but deep: a hundred thousand nested elements under an unknown root.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  error.clear();
  EXPECT_FALSE(timeline_from_xml(deep, &error));
  EXPECT_NE(error.find("root element is <a>"), std::string::npos) << error;

  // A megabyte inside an attribute: the message quotes only its start.
  const std::string huge = replace(timeline_to_xml(seed_timeline()), "date=\"2022-04-19\"",
                                   "date=\"" + std::string(1 << 20, '7') + "\"");
  error.clear();
  EXPECT_FALSE(timeline_from_xml(huge, &error));
  EXPECT_NE(error.find("bad date '7777"), std::string::npos);
  EXPECT_LT(error.size(), 200u);
}

// Every proper prefix of a valid file is rejected; every one-byte change is either rejected
// with a message or read into a timeline that then round-trips.
TEST(TimelineXmlTest, TruncatedAndMutatedFilesNeverCrash) {
  const std::string good = timeline_to_xml(seed_timeline());
  for (std::size_t n = 0; n + 1 < good.size(); n += 13) {  // the final "\n" is not needed
    std::string error;
    EXPECT_FALSE(timeline_from_xml(good.substr(0, n), &error)) << n;
    EXPECT_FALSE(error.empty()) << n;
  }
  std::mt19937 rng(130);
  const char alphabet[] =
      "<>/=\"'&;# \n\x01\xff"
      "a-e1";
  for (int i = 0; i < 2000; ++i) {
    std::string mutated = good;
    mutated[rng() % mutated.size()] = alphabet[rng() % (sizeof alphabet - 1)];
    std::string error;
    const std::optional<Timeline> t = timeline_from_xml(mutated, &error);
    if (!t) {
      EXPECT_FALSE(error.empty());
      continue;
    }
    const std::string once = timeline_to_xml(*t);
    const std::optional<Timeline> again = timeline_from_xml(once, &error);
    ASSERT_TRUE(again) << error << "\n" << once;
    EXPECT_EQ(timeline_to_xml(*again), once);
  }
}

}  // namespace
}  // namespace zanline
