#pragma once
// Bearer-token authentication (RFC 6750 header form). Tokens are compared
// as SHA-256 digests in constant time, against every configured token, so
// neither the length nor the content of a token leaks through timing.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace emnpub::http {

class BearerAuth {
 public:
  BearerAuth(bool enabled, const std::vector<std::string>& tokens);

  bool enabled() const { return enabled_; }
  // `authorization`: the Authorization header value ("" when absent).
  bool allows(std::string_view authorization) const;

 private:
  using Digest = std::array<uint8_t, 32>;
  static Digest digest(std::string_view s);
  bool enabled_;
  std::vector<Digest> tokens_;
};

// Constant-time equality of equally long byte strings.
bool constant_time_equal(const uint8_t* a, const uint8_t* b, size_t n);

}  // namespace emnpub::http
