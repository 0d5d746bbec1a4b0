#pragma once
// Thin helpers over libharu's object API (hpdf_objects.h) for the objects
// libharu has no public function for: fonts, CMaps, page labels, exact
// numbers. All objects live in the document's memory manager and xref.
#include <hpdf.h>
#include <hpdf_objects.h>

#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "pdf/hpdf_handles.hpp"

namespace emnpub::pdf {

// zlib, by default at its default level (6); deterministic for a given zlib
// build. One per document, reused for every stream: a fresh deflate state
// per page costs more than compressing the page.
class Deflater {
 public:
  // zlib's default level, 6: level 9 spent ~20% more time for 0.4% smaller
  // files on the samples (longer match searches that rarely find better).
  explicit Deflater(int level = 6);
  ~Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  // The result stays valid until the next call.
  std::string_view compress(std::string_view data);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

class PdfObjects {
 public:
  PdfObjects(Document& doc, bool compress) : doc_(doc), compress_(compress) {}
  PdfObjects(const PdfObjects&) = delete;
  PdfObjects& operator=(const PdfObjects&) = delete;

  Document& doc() { return doc_; }
  HPDF_MMgr mmgr() { return doc_.mmgr(); }
  bool compress() const { return compress_; }

  HPDF_Dict new_dict();         // indirect: written as "n 0 obj", referenced as "n 0 R"
  HPDF_Dict new_direct_dict();  // written inline where it is added
  HPDF_Array new_array();

  // A stream object holding `data`, Flate-compressed when compression is on.
  HPDF_Dict new_stream(std::string_view data);
  // A stream object holding data already as stored: deflated by the caller
  // when compress() is on (fonts are prepared on several threads).
  HPDF_Dict new_encoded_stream(std::string_view stored);
  // Fills an existing, empty stream object (e.g. a page's /Contents). We
  // compress here rather than letting libharu do it at save time so a long
  // document keeps only compressed page contents in memory.
  void fill_stream(HPDF_Dict stream, std::string_view data);

  // Appends literal "/Key value" text to a dictionary this writer created.
  // libharu writes reals through float (636.23 -> 636.22998) and has no
  // object for long mixed arrays such as /W, so exact syntax goes here. Uses
  // the dictionary's attr/write_fn slots: never call on libharu's own
  // page, font, outline or catalog dictionaries.
  void add_raw_entries(HPDF_Dict dict, std::string_view text);

  void add(HPDF_Dict dict, const char* key, void* obj);
  void add_name(HPDF_Dict dict, const char* key, const char* value);
  void add_number(HPDF_Dict dict, const char* key, int32_t value);
  void push(HPDF_Array array, void* obj);

  // PDF text string: a literal for printable ASCII, else UTF-16BE with BOM.
  void* text_string(std::string_view utf8);
  // Always UTF-16BE with BOM (outline titles, so accents and Greek survive).
  HPDF_Binary utf16_string(std::string_view utf8);
  HPDF_String ascii_string(std::string_view ascii);

 private:
  Document& doc_;
  bool compress_;
  Deflater deflater_;
  // Owned text behind add_raw_entries; deque keeps addresses stable.
  std::deque<std::string> raw_entries_;
};

}  // namespace emnpub::pdf
