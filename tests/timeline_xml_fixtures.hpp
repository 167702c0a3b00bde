// Timelines built by hand from real texts, shared by timeline_xml_test.cpp (writing, round trip,
// schema) and timeline_xml_malformed_test.cpp (malformed and mutated input), and the helpers
// both use (xmllint against schema/timeline.xsd, editing the written XML):
//   * the Law "On holidays in the Republic of Kazakhstan" of 13.12.2001 No. 267-II (zan.gov.kz
//     10612), article 3 as amended by the Laws of 25.06.2008 No. 47-IV (40216) and of 22.04.2009
//     No. 152-IV (45379): corpus/triples/holidays-10612_by_40216 and holidays-10612_by_45379;
//   * the seed order No. 130/НҚ of 2022-04-19 (corpus/seed), whose entry into force ("ten days
//     after first publication") is still a rule, repealed by order No. 521/НҚ from 2026-01-01.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "zanline/timeline.hpp"

namespace zanline::testing {

inline constexpr const char* kSchema = ZANLINE_SCHEMA_DIR "/timeline.xsd";
inline constexpr const char* kNamespace = "urn:zanline:timeline:1";

// --- the holidays law ----------------------------------------------------------------------------

// Article 3 in Russian: the 2001 text, after 47-IV (abzac 7 "День Столицы" inserted), after
// 152-IV (abzac 4 "22" -> "21-23", abzac 9 "День Республики" excluded). Abzacs joined by "\n".
inline const std::string kArt3Ru2001 =
    "Государственными праздниками в Республике Казахстан являются праздники, отмечаемые в "
    "следующие дни:\n"
    "Новый год - 1-2 января;\n"
    "Международный женский день - 8 марта;\n"
    "Наурыз мейрамы - 22 марта;\n"
    "Праздник единства народа Казахстана - 1 мая;\n"
    "День Победы - 9 мая;\n"
    "День Конституции Республики Казахстан - 30 августа;\n"
    "День Республики - 25 октября.";
inline const std::string kArt3Ru2008 =
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
inline const std::string kArt3Ru2009 =
    "Государственными праздниками в Республике Казахстан являются праздники, отмечаемые в "
    "следующие дни:\n"
    "Новый год - 1-2 января;\n"
    "Международный женский день - 8 марта;\n"
    "Наурыз мейрамы - 21-23 марта;\n"
    "Праздник единства народа Казахстана - 1 мая;\n"
    "День Победы - 9 мая;\n"
    "День Столицы - 6 июля;\n"
    "День Конституции Республики Казахстан - 30 августа.";
inline const std::string kArt3Kk2001 =
    "Қазақстан Республикасындағы мемлекеттік мерекелер - мына күндері атап өтілетін мерекелер:\n"
    "1-2 қаңтар - Жаңа жыл;\n"
    "8 наурыз - Халықаралық әйелдер күні;\n"
    "22 наурыз - Наурыз мейрамы;\n"
    "1 мамыр - Қазақстан халқының бірлігі мерекесі;\n"
    "9 мамыр - Жеңіс күні;\n"
    "30 тамыз - Қазақстан Республикасының Конституциясы күні;\n"
    "25 қазан - Республика күні.";
inline const std::string kArt3Kk2008 =
    "Қазақстан Республикасындағы мемлекеттік мерекелер - мына күндері атап өтілетін мерекелер:\n"
    "1-2 қаңтар - Жаңа жыл;\n"
    "8 наурыз - Халықаралық әйелдер күні;\n"
    "22 наурыз - Наурыз мейрамы;\n"
    "1 мамыр - Қазақстан халқының бірлігі мерекесі;\n"
    "9 мамыр - Жеңіс күні;\n"
    "6 шілде - Астана күні;\n"
    "30 тамыз - Қазақстан Республикасының Конституциясы күні;\n"
    "25 қазан - Республика күні.";
inline const std::string kArt3Kk2009 =
    "Қазақстан Республикасындағы мемлекеттік мерекелер - мына күндері атап өтілетін мерекелер:\n"
    "1-2 қаңтар - Жаңа жыл;\n"
    "8 наурыз - Халықаралық әйелдер күні;\n"
    "21-23 наурыз - Наурыз мейрамы;\n"
    "1 мамыр - Қазақстан халқының бірлігі мерекесі;\n"
    "9 мамыр - Жеңіс күні;\n"
    "6 шілде - Астана күні;\n"
    "30 тамыз - Қазақстан Республикасының Конституциясы күні.";

inline Event event(std::string id, EventType type, std::optional<Date> date) {
  Event e;
  e.id = std::move(id);
  e.type = type;
  e.date = date;
  return e;
}

inline Version version(std::string from, std::string to, VersionStatus status,
                       std::string source, std::string heading = "", std::string text = "") {
  Version v;
  v.from = std::move(from);
  v.to = std::move(to);
  v.status = status;
  v.source = std::move(source);
  v.heading = std::move(heading);
  v.text = std::move(text);
  return v;
}

inline UnitTimeline unit(std::string eid, UnitKind kind, std::string num,
                         std::vector<Version> versions) {
  UnitTimeline u;
  u.eid = std::move(eid);
  u.kind = kind;
  u.num = std::move(num);
  u.versions = std::move(versions);
  return u;
}

inline SourceFile source(std::string id, Language lang, std::optional<Date> date,
                         std::string path, std::string sha256, std::string origin) {
  return {std::move(id), lang, date, std::move(path), std::move(sha256), std::move(origin)};
}

inline Event amended_by_law(std::string id, Date date, std::string number, std::string code,
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

inline Timeline holidays_timeline() {
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

inline const std::string kPoint1 =
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
inline const std::string kPoint4 =
    "Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа "
    "енгізіледі.";
// The appendix header block as the source lays it out: a leading space, empty lines.
inline const std::string kAppendixHeader =
    " Қазақстан Республикасының\nЦифрлық даму, инновациялар\n\nжәне аэроғарыш өнеркәсібі\n"
    "министрінің\n\n2022 жылғы 19 сәуірдегі\n№ 130/НҚ Бұйрыққа\n\nқосымша";

inline Timeline seed_timeline() {
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

inline bool xmllint_available() {
  return std::system("command -v xmllint >/dev/null 2>&1") == 0;
}

// xmllint's complaints about `xml` against schema/timeline.xsd; "" when it validates.
inline std::string schema_errors(const std::string& xml) {
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

// `xml` with the first `from` replaced by `to`; the test fails if `from` is not there.
inline std::string replace(std::string xml, const std::string& from, const std::string& to) {
  const std::size_t p = xml.find(from);
  EXPECT_NE(p, std::string::npos) << "not in the XML: " << from;
  if (p != std::string::npos) xml.replace(p, from.size(), to);
  return xml;
}

inline std::size_t line_of(const std::string& xml, const std::string& needle) {
  const std::size_t p = xml.find(needle);
  return p == std::string::npos ? 0
                                : static_cast<std::size_t>(std::count(
                                      xml.begin(), xml.begin() + static_cast<long>(p), '\n')) +
                                      1;
}

}  // namespace zanline::testing
