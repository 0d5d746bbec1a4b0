#include "pdf/pdf_objects.hpp"

#include <zlib.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "pdf/unicode_text.hpp"

namespace emnpub::pdf {

namespace {

// libharu calls this while writing a dictionary, after its own entries and
// before ">>". attr holds the std::string set by add_raw_entries.
HPDF_STATUS write_raw_entries(HPDF_Dict dict, HPDF_Stream stream) {
  const auto* text = static_cast<const std::string*>(dict->attr);
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(text->data()),
                           static_cast<HPDF_UINT>(text->size()));
}

}  // namespace

struct Deflater::State {
  z_stream zs{};
  std::vector<char> out;
};

Deflater::Deflater(int level) : state_(std::make_unique<State>()) {
  if (deflateInit(&state_->zs, level) != Z_OK)
    throw std::runtime_error("PDF writer: zlib deflateInit failed");
}

Deflater::~Deflater() { deflateEnd(&state_->zs); }

std::string_view Deflater::compress(std::string_view data) {
  z_stream& zs = state_->zs;
  if (deflateReset(&zs) != Z_OK) throw std::runtime_error("PDF writer: zlib deflateReset failed");
  const size_t bound = deflateBound(&zs, data.size());
  if (state_->out.size() < bound) state_->out.resize(bound);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(state_->out.data());
  zs.avail_out = static_cast<uInt>(state_->out.size());
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
    throw std::runtime_error("PDF writer: zlib deflate failed");
  return std::string_view(state_->out.data(), zs.total_out);
}

HPDF_Dict PdfObjects::new_dict() {
  HPDF_Dict d = doc_.check_ptr(HPDF_Dict_New(mmgr()), "creating a dictionary");
  doc_.check(HPDF_Xref_Add(doc_.xref(), d), "adding a dictionary to the xref");
  return d;
}

HPDF_Dict PdfObjects::new_direct_dict() {
  return doc_.check_ptr(HPDF_Dict_New(mmgr()), "creating a dictionary");
}

HPDF_Array PdfObjects::new_array() {
  return doc_.check_ptr(HPDF_Array_New(mmgr()), "creating an array");
}

HPDF_Dict PdfObjects::new_stream(std::string_view data) {
  HPDF_Dict s = doc_.check_ptr(HPDF_DictStream_New(mmgr(), doc_.xref()), "creating a stream");
  fill_stream(s, data);
  return s;
}

HPDF_Dict PdfObjects::new_encoded_stream(std::string_view stored) {
  HPDF_Dict s = doc_.check_ptr(HPDF_DictStream_New(mmgr(), doc_.xref()), "creating a stream");
  s->filter = HPDF_STREAM_FILTER_NONE;
  if (compress_) add_raw_entries(s, "/Filter /FlateDecode\n");
  doc_.check(HPDF_Stream_Write(s->stream, reinterpret_cast<const HPDF_BYTE*>(stored.data()),
                               static_cast<HPDF_UINT>(stored.size())),
             "writing stream data");
  return s;
}

void PdfObjects::fill_stream(HPDF_Dict stream, std::string_view data) {
  // The data goes in already encoded, so libharu must not filter it again;
  // the /Filter entry is ours (libharu drops its own /Filter when filter is NONE).
  stream->filter = HPDF_STREAM_FILTER_NONE;
  if (compress_) {
    data = deflater_.compress(data);
    add_raw_entries(stream, "/Filter /FlateDecode\n");
  }
  doc_.check(HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                               static_cast<HPDF_UINT>(data.size())),
             "writing stream data");
}

void PdfObjects::add_raw_entries(HPDF_Dict dict, std::string_view text) {
  if (dict->attr) {
    if (dict->write_fn != write_raw_entries)
      throw std::logic_error("PDF writer: raw entries on a libharu-managed dictionary");
    static_cast<std::string*>(dict->attr)->append(text);
    return;
  }
  raw_entries_.emplace_back(text);
  dict->attr = &raw_entries_.back();
  dict->write_fn = write_raw_entries;
}

void PdfObjects::add(HPDF_Dict dict, const char* key, void* obj) {
  doc_.check_ptr(obj, std::string("creating /") + key);
  doc_.check(HPDF_Dict_Add(dict, key, obj), std::string("adding /") + key);
}

void PdfObjects::add_name(HPDF_Dict dict, const char* key, const char* value) {
  doc_.check(HPDF_Dict_AddName(dict, key, value), std::string("adding /") + key);
}

void PdfObjects::add_number(HPDF_Dict dict, const char* key, int32_t value) {
  doc_.check(HPDF_Dict_AddNumber(dict, key, value), std::string("adding /") + key);
}

void PdfObjects::push(HPDF_Array array, void* obj) {
  doc_.check_ptr(obj, "creating an array item");
  doc_.check(HPDF_Array_Add(array, obj), "adding an array item");
}

void* PdfObjects::text_string(std::string_view utf8) {
  if (is_printable_ascii(utf8)) return ascii_string(utf8);
  return utf16_string(utf8);
}

HPDF_Binary PdfObjects::utf16_string(std::string_view utf8) {
  std::vector<uint8_t> bytes = utf16be_with_bom(utf8);
  if (bytes.size() > HPDF_LIMIT_MAX_STRING_LEN)
    throw std::runtime_error("PDF writer: text string longer than 65535 bytes");
  return doc_.check_ptr(HPDF_Binary_New(mmgr(), bytes.data(), static_cast<HPDF_UINT>(bytes.size())),
                        "creating a text string");
}

HPDF_String PdfObjects::ascii_string(std::string_view ascii) {
  if (ascii.size() > HPDF_LIMIT_MAX_STRING_LEN)
    throw std::runtime_error("PDF writer: string longer than 65535 bytes");
  const std::string copy(ascii);  // libharu wants NUL-terminated input
  return doc_.check_ptr(HPDF_String_New(mmgr(), copy.c_str(), nullptr), "creating a string");
}

}  // namespace emnpub::pdf
