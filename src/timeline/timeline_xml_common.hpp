// Timeline XML, internal to the writer (timeline_xml_write.cpp) and the reader
// (timeline_xml_read.cpp): Timeline <-> <timeline xmlns="urn:zanline:timeline:1">, valid against
// schema/timeline.xsd. Conventions of the document writer (src/output/xml.cpp): camelCase names,
// empty strings, nullopt and invalid dates left out, ISO dates, 2-space indent, final newline.
//
//   <timeline xmlns="urn:zanline:timeline:1" id="10612" uri="/akn/kz/act/law/2001-12-13/267-ii">
//     <identity type="law" date="2001-12-13" number="267-II" actCode="10612" />
//     <events>
//       <event id="e3" type="amended" date="2008-06-25">
//         <effective rule="from-publication"><text>Настоящий Закон вводится ...</text></effective>
//         <source type="law" date="2008-06-25" number="47-IV" />
//         <sourceCode>40216</sourceCode>
//         <note>Сноска. Статья 3 с изменениями ...</note>
//       </event>
//     </events>
//     <sources><source id="s1" lang="ru" date="2001-12-13" path="sources/ru/2001-12-13.md" ...
//     <expression lang="ru">
//       <title>О праздниках в Республике Казахстан</title>
//       <unit eId="art_3" kind="article" num="3">
//         <version from="e2" to="e3" status="text" source="s2"><heading>..</heading><text>..
#pragma once

namespace zanline::timeline_xml {

// The namespace of <timeline>, the target namespace of schema/timeline.xsd.
inline constexpr const char* kNamespace = "urn:zanline:timeline:1";

}  // namespace zanline::timeline_xml
