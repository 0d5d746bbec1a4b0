#include "pdf/hpdf_handles.hpp"

#include <cstdio>
#include <stdexcept>
#include <string>

namespace emnpub::pdf {

namespace {

// Called by libharu from C: record the first error only, never throw here.
void record_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* state = static_cast<HpdfErrorState*>(user_data);
  if (state->error == HPDF_OK) {
    state->error = error_no;
    state->detail = detail_no;
  }
}

}  // namespace

Document::Document() : errors_(std::make_unique<HpdfErrorState>()) {
  doc_.reset(HPDF_New(record_error, errors_.get()));
  if (!doc_) throw std::runtime_error("PDF writer: libharu could not create a document");
}

void Document::check(HPDF_STATUS status, std::string_view what) const {
  if (errors_->error != HPDF_OK) fail(errors_->error, what);
  // Internal object calls set the document error without calling back.
  if (const HPDF_STATUS e = HPDF_GetError(doc_.get()); e != HPDF_OK) fail(e, what);
  if (status != HPDF_OK) fail(status, what);
}

void Document::fail(HPDF_STATUS status, std::string_view what) const {
  char code[48];
  std::snprintf(code, sizeof code, "libharu error 0x%04X, detail %u", static_cast<unsigned>(status),
                static_cast<unsigned>(errors_->detail));
  throw std::runtime_error("PDF writer: " + std::string(what) + " failed (" + code + ")");
}

}  // namespace emnpub::pdf
