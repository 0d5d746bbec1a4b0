#include "pdf/info_and_id.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>

#include "pdf/digest.hpp"

namespace emnpub::pdf {

namespace {

constexpr size_t kIdLen = 16;
constexpr std::string_view kZeroHex = "<00000000000000000000000000000000>";

}  // namespace

std::string pdf_date(std::string_view d) {
  auto digits = [&d](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
    return true;
  };
  const bool ok =
      d.size() == 10 && digits(0, 4) && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2);
  const int month = ok ? std::stoi(std::string(d.substr(5, 2))) : 0;
  const int day = ok ? std::stoi(std::string(d.substr(8, 2))) : 0;
  if (!ok || month < 1 || month > 12 || day < 1 || day > 31)
    throw std::runtime_error("PDF writer: document date \"" + std::string(d) +
                             "\" is not YYYY-MM-DD");
  std::string out = "D:";
  out += d.substr(0, 4);
  out += d.substr(5, 2);
  out += d.substr(8, 2);
  out += "000000Z";
  return out;
}

void write_info(PdfObjects& objs, const layout::DocumentInfo& info) {
  HPDF_Doc doc = objs.doc().get();
  HPDF_Dict dict = doc->info;  // created by libharu with its own /Producer
  if (!dict) throw std::logic_error("PDF writer: libharu created no Info dictionary");
  auto text = [&](const char* key, const std::string& value) {
    if (!value.empty()) objs.add(dict, key, objs.text_string(value));
  };
  text("Title", info.title);
  text("Author", info.author);
  text("Subject", info.subject);
  text("Keywords", info.keywords);
  text("Creator", info.creator);
  objs.add(dict, "Producer", objs.ascii_string("emnpub"));
  if (!info.date.empty()) {
    const std::string date = pdf_date(info.date);
    objs.add(dict, "CreationDate", objs.ascii_string(date));
    objs.add(dict, "ModDate", objs.ascii_string(date));
  }
  if (!info.lang.empty()) objs.add(doc->catalog, "Lang", objs.text_string(info.lang));
}

void add_id_placeholder(PdfObjects& objs) {
  HPDF_Doc doc = objs.doc().get();
  HPDF_BYTE zeros[kIdLen] = {};
  HPDF_Array id = objs.new_array();
  objs.add(doc->trailer, "ID", id);
  objs.push(id, HPDF_Binary_New(objs.mmgr(), zeros, kIdLen));
  objs.push(id, HPDF_Binary_New(objs.mmgr(), zeros, kIdLen));
}

void finalize_id(std::vector<uint8_t>& pdf) {
  static constexpr std::string_view kTrailer = "trailer";
  const auto trailer = std::find_end(pdf.begin(), pdf.end(), kTrailer.begin(), kTrailer.end());
  if (trailer == pdf.end()) throw std::logic_error("PDF writer: saved file has no trailer");
  const auto first = std::search(trailer, pdf.end(), kZeroHex.begin(), kZeroHex.end());
  const auto second = first == pdf.end() ? first
                                         : std::search(first + kZeroHex.size(), pdf.end(),
                                                       kZeroHex.begin(), kZeroHex.end());
  if (second == pdf.end()) throw std::logic_error("PDF writer: /ID placeholder not found");

  Md5 md5;
  md5.update(pdf.data(), pdf.size());
  const auto digest = md5.finish();
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (auto at : {first, second}) {
    for (size_t i = 0; i < kIdLen; ++i) {
      at[1 + 2 * i] = static_cast<uint8_t>(kHex[digest[i] >> 4]);
      at[2 + 2 * i] = static_cast<uint8_t>(kHex[digest[i] & 0xF]);
    }
  }
}

}  // namespace emnpub::pdf
