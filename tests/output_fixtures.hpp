// The Document shared by output_xml_test.cpp and output_json_text_test.cpp: the seed order
// No. 130/НҚ of 2022-04-19 built by hand (/work/shared/seed/order-130-nk-2022-04-19.kaz.txt):
// positions are that file's lines. And parse_xml, the way a reader of the XML parses it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "zanline/output.hpp"

namespace zanline::testing {

inline const std::string kPoint19 =
    "19. Есептеу операцияларын орындау және деректерді өңдеу үшін кешенді есептеу "
    "инфрақұрылымымен қамтамасыз ету бойынша көрсетілетін қызметтер (цифрлық майнинг бойынша "
    "қызметті жүзеге асыратын тұлғаларға инфрақұрылым ұсынатын деректерді өңдеу орталықтарын "
    "(Data-орталықтарды) қоспағанда).";

inline Unit unit(UnitKind kind, std::string eid, std::string num, std::string text,
                 SourcePos pos, std::vector<Unit> children = {}) {
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
inline Document seed_document() {
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

inline void parse_xml(const std::string& xml, pugi::xml_document& out) {
  // parse_ws_pcdata_single keeps whitespace-only texts (a repair's " ") but not indentation,
  // as a reader should.
  const pugi::xml_parse_result r = out.load_buffer(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  ASSERT_TRUE(r) << r.description() << " at offset " << r.offset;
}

}  // namespace zanline::testing
