#pragma once
// MD5 through libharu's implementation: for the trailer /ID (the usual PDF
// choice), subset tags and image de-duplication. Not for security.
#include <hpdf.h>
#include <hpdf_encrypt.h>

#include <array>
#include <cstdint>
#include <string_view>

namespace emnpub::pdf {

class Md5 {
 public:
  Md5() { HPDF_MD5Init(&ctx_); }
  void update(const void* data, size_t len) {
    // libharu takes 32-bit lengths; feed big buffers in pieces.
    const auto* p = static_cast<const HPDF_BYTE*>(data);
    while (len > 0) {
      const auto n = static_cast<HPDF_UINT32>(len > (1u << 30) ? (1u << 30) : len);
      HPDF_MD5Update(&ctx_, p, n);
      p += n;
      len -= n;
    }
  }
  void update(std::string_view s) { update(s.data(), s.size()); }
  std::array<uint8_t, 16> finish() {
    std::array<uint8_t, 16> out{};
    HPDF_MD5Final(out.data(), &ctx_);
    return out;
  }

 private:
  HPDF_MD5_CTX ctx_;
};

}  // namespace emnpub::pdf
