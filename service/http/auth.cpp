#include "http/auth.hpp"

#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <cctype>

namespace emnpub::http {

bool constant_time_equal(const uint8_t* a, const uint8_t* b, size_t n) {
  // volatile: keeps the compiler from turning the loop into an early-exit memcmp.
  volatile uint8_t diff = 0;
  for (size_t i = 0; i < n; ++i) diff = diff | static_cast<uint8_t>(a[i] ^ b[i]);
  return diff == 0;
}

BearerAuth::BearerAuth(bool enabled, const std::vector<std::string>& tokens) : enabled_(enabled) {
  for (const auto& t : tokens) tokens_.push_back(digest(t));
}

BearerAuth::Digest BearerAuth::digest(std::string_view s) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(s.data(), static_cast<unsigned>(s.size()));
  const auto& d = sha.digest();
  Digest out{};
  std::copy_n(d.begin(), std::min(d.size(), out.size()), out.begin());
  return out;
}

bool BearerAuth::allows(std::string_view authorization) const {
  if (!enabled_) return true;
  // The scheme is case-insensitive (RFC 9110 §11.1); the token is not.
  constexpr std::string_view scheme = "bearer";
  if (authorization.size() <= scheme.size() + 1) return false;
  for (size_t i = 0; i < scheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != scheme[i]) return false;
  if (authorization[scheme.size()] != ' ') return false;
  std::string_view token = authorization.substr(scheme.size() + 1);
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  if (token.empty()) return false;
  const Digest presented = digest(token);
  bool ok = false;
  for (const auto& t : tokens_) ok |= constant_time_equal(presented.data(), t.data(), t.size());
  return ok;
}

}  // namespace emnpub::http
