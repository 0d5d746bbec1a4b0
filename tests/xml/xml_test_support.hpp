#pragma once
// Shared helpers for the xml stage tests: read test files, parse, and get
// the refusal of a document that must be refused.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/file_stamp.hpp"
#include "common/diagnostics.hpp"
#include "xml/publication_parser.hpp"

namespace emnpub::xml::test {

inline std::string read_file(const std::string& path) { return file_bytes(path); }

inline std::string data_path(const std::string& rel) { return std::string(EMNPUB_TEST_DATA) + "/" + rel; }

inline ParseResult parse_text(const std::string& xml, const std::string& name = "test.xml") {
  ParseOptions opts;
  opts.source_name = name;
  return parse_publication(xml, opts);
}

inline ParseResult parse_data_file(const std::string& rel) { return parse_text(read_file(data_path(rel)), rel); }

// The diagnostics of a refused document; a test failure if it was accepted.
inline std::vector<Diagnostic> refusal(std::string_view bytes, const ParseOptions& opts = {}) {
  try {
    parse_publication(bytes, opts);
  } catch (const DocumentRefused& e) {
    return e.diagnostics().list();
  }
  ADD_FAILURE() << "the document was accepted but should have been refused";
  return {};
}

inline std::vector<Diagnostic> refusal_of_file(const std::string& rel) {
  ParseOptions opts;
  opts.source_name = rel;
  return refusal(read_file(data_path(rel)), opts);
}

inline std::string all_messages(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += format_diagnostic(d) + "\n";
  return out;
}

// A minimal valid publication with `body` inside its only section.
inline std::string in_section(const std::string& body, const std::string& type = "report") {
  return "<publication type=\"" + type +
         "\" xml:lang=\"en\" version=\"1\">\n"
         "<meta><title>T</title><date>2026-01-01</date></meta>\n"
         "<body><section id=\"s1\"><title>S</title>\n" +
         body + "\n</section></body></publication>\n";
}

}  // namespace emnpub::xml::test

namespace emnpub::xml::test {

// A text dump of the whole model (kinds, texts, languages, positions) so two
// parses can be compared exactly.
inline void dump_inlines(const std::vector<model::Inline>& v, std::string& out) {
  for (const auto& in : v) {
    out += "[" + std::to_string(static_cast<int>(in.kind)) + "|" + in.lang + "|" + in.text + "|" + in.href + "|" +
           in.target + "|" + in.pos.path.str() + ":" + std::to_string(in.pos.line) + "]";
    dump_inlines(in.children, out);
    out += "/";
  }
}

inline void dump_blocks(const std::vector<model::Block>& v, std::string& out) {
  for (const auto& b : v) {
    out += "{" + std::to_string(static_cast<int>(b.kind)) + "|" + b.id + "|" + b.lang + "|" +
           std::to_string(static_cast<int>(b.dir)) + "|" + std::to_string(b.level) + "|" + b.pos.path.str() + ":" +
           std::to_string(b.pos.line) + ":" + std::to_string(b.pos.column) + "|" + b.text;
    dump_inlines(b.inlines, out);
    dump_inlines(b.title, out);
    dump_inlines(b.caption, out);
    for (const auto& r : b.table.rows)
      for (const auto& c : r.cells) dump_blocks(c.blocks, out);
    dump_blocks(b.blocks, out);
    out += "}";
  }
}

inline std::string dump(const model::Document& d) {
  std::string out = std::string(model::to_string(d.type)) + "|" + d.lang + "|" + d.meta.title_text + "|" + d.meta.date;
  dump_blocks(d.summary, out);
  dump_blocks(d.body, out);
  dump_blocks(d.annexes, out);
  dump_blocks(d.back, out);
  for (const auto& e : d.entries) {
    out += "<" + e.id + "|" + e.lang;
    dump_inlines(e.headword, out);
    dump_blocks(e.definition, out);
    for (const auto& t : e.translations) dump_inlines(t.term, out);
    out += ">";
  }
  return out;
}

}  // namespace emnpub::xml::test
