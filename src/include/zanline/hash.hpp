#pragma once

#include <string>
#include <string_view>

namespace zanline {

// SHA-256 of `bytes` as 64 lowercase hex digits (what `sha256sum` prints). Stored with every
// source file so that a store's copy of a legal text can be checked against the original.
std::string sha256_hex(std::string_view bytes);

}  // namespace zanline
