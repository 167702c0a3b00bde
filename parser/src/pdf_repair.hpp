// PDF-export artifact repair: words that were hyperlinks in the original are cut out of their
// place and glued to the end of the line (after "." or ":"), leaving a double-space hole.
//
//   "01.01.2026 бастап  енгізіледі) бұйрығымен.қолданысқа"
//     -> "01.01.2026 бастап қолданысқа енгізіледі) бұйрығымен."
//   "       мынадай редакцияда жазылсын:19-тармақ" -> "19-тармақ мынадай редакцияда жазылсын:"
//   "Заңының 21-бабы  13) тармақшасына 4-тармағының" (wrapped line)
//     -> "Заңының 21-бабы 4-тармағының 13) тармақшасына"
#pragma once

#include <optional>

#include "text.hpp"

namespace zanline {

// The repaired line (indentation and trailing spaces already removed), or nullopt when the line
// shows no displaced word. `next_is_continuation`: the following line continues this paragraph
// (the hole-and-trailing-word rule applies only to wrapped lines).
std::optional<text::MappedText> repair_displaced(const text::MappedText& line, bool next_is_continuation);

}  // namespace zanline
