#pragma once
// An immutable string whose copies share one buffer. Every inline and text
// run of a document carries its element's path (SourcePos); copied as
// std::string that was a heap copy per run, per layout pass, and the
// largest part of building the model.
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace emnpub {

class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string s)  // NOLINT(google-explicit-constructor): a drop-in for std::string
      : p_(s.empty() ? nullptr : std::make_shared<const std::string>(std::move(s))) {}
  SharedText(const char* s) : SharedText(std::string(s)) {}  // NOLINT(google-explicit-constructor)

  const std::string& str() const { return p_ ? *p_ : empty_string(); }
  operator const std::string&() const { return str(); }  // NOLINT(google-explicit-constructor)
  bool empty() const { return !p_; }

  friend bool operator==(const SharedText& a, const SharedText& b) { return a.str() == b.str(); }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.str() == b; }
  friend std::ostream& operator<<(std::ostream& os, const SharedText& t) { return os << t.str(); }

 private:
  static const std::string& empty_string() {
    static const std::string empty;
    return empty;
  }
  std::shared_ptr<const std::string> p_;
};

}  // namespace emnpub
