#pragma once
// RAII ownership of one libharu document and the error plumbing around it.
// libharu reports errors through a C callback; throwing through C frames is
// undefined, so the callback only records the error and every call site
// checks afterwards (Document::check) and throws from C++.
#include <hpdf.h>
#include <hpdf_doc.h>

#include <memory>
#include <string_view>

namespace emnpub::pdf {

struct HpdfErrorState {
  HPDF_STATUS error = HPDF_OK;  // first error reported by libharu
  HPDF_STATUS detail = 0;
};

struct HpdfDocDeleter {
  void operator()(HPDF_Doc_Rec* doc) const { HPDF_Free(doc); }
};
using HpdfDocPtr = std::unique_ptr<HPDF_Doc_Rec, HpdfDocDeleter>;

class Document {
 public:
  Document();  // throws std::runtime_error when libharu cannot start
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  HPDF_Doc get() const { return doc_.get(); }
  HPDF_MMgr mmgr() const { return doc_->mmgr; }
  HPDF_Xref xref() const { return doc_->xref; }

  // Throws naming `what` when `status` is not OK or libharu recorded an error.
  void check(HPDF_STATUS status, std::string_view what) const;
  // Same for calls that signal failure with a null pointer.
  template <typename T>
  T check_ptr(T ptr, std::string_view what) const {
    check(ptr ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, what);
    return ptr;
  }

 private:
  [[noreturn]] void fail(HPDF_STATUS status, std::string_view what) const;

  // Declared before doc_ so it outlives the document that points at it.
  std::unique_ptr<HpdfErrorState> errors_;
  HpdfDocPtr doc_;
};

}  // namespace emnpub::pdf
