#include "pipeline/engine.hpp"

#include <filesystem>

#include "layout/document_layouter.hpp"
#include "pdf/pdf_writer.hpp"
#include "text/font_registry.hpp"
#include "text/hyphenator.hpp"
#include "xml/publication_parser.hpp"

namespace emnpub {

namespace fs = std::filesystem;

std::string Engine::default_layouts_dir() { return std::string(EMNPUB_SOURCE_DIR) + "/layouts"; }
std::string Engine::default_fonts_dir() { return std::string(EMNPUB_SOURCE_DIR) + "/fonts"; }

Engine::Engine(EngineConfig cfg) : cfg_(std::move(cfg)) {
  if (cfg_.layouts_dir.empty()) cfg_.layouts_dir = default_layouts_dir();
  if (cfg_.fonts_dir.empty()) cfg_.fonts_dir = default_fonts_dir();
  // The manifest is small and read eagerly; font files load lazily.
  fonts_ = std::make_unique<text::FontRegistry>(
      text::read_font_manifest((fs::path(cfg_.fonts_dir) / "fonts.xml").string(), {cfg_.fonts_dir}));
  hyphenators_ = std::make_unique<text::HyphenatorCache>();
}

Engine::~Engine() = default;

style::LayoutRef Engine::layout(const std::string& name) const {
  {
    std::lock_guard lock(mu_);
    if (auto it = layouts_.find(name); it != layouts_.end()) return it->second;
  }
  const fs::path p = fs::path(cfg_.layouts_dir) / (name + ".xml");
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) {
    Diagnostics d;
    d.error(DiagKind::Layout, p.string(), {}, "no layout file for '" + name + "' in " + cfg_.layouts_dir);
    throw DocumentRefused(std::move(d));
  }
  auto L = style::load_layout(p.string());
  std::lock_guard lock(mu_);
  return layouts_.emplace(name, std::move(L)).first->second;
}

model::Document Engine::parse(std::string_view xml, const RenderOptions& opts, Diagnostics& warnings) const {
  xml::ParseOptions po;
  po.source_name = opts.source_name;
  po.max_depth = opts.max_depth;
  xml::ParseResult r = xml::parse_publication(xml, po);
  warnings.append(r.warnings);
  r.doc.source_name = opts.source_name;
  return std::move(r.doc);
}

Diagnostics Engine::validate(std::string_view xml, const RenderOptions& opts) const {
  Diagnostics warnings;
  parse(xml, opts, warnings);
  return warnings;
}

RenderResult Engine::render(std::string_view xml, const RenderOptions& opts) const {
  RenderResult res;
  model::Document doc = parse(xml, opts, res.warnings);
  const std::string name = opts.layout.empty() ? model::to_string(doc.type) : opts.layout;
  style::LayoutRef L = layout(name);
  layout::PagedDocument paged;
  try {
    paged = layout::layout_document(doc, *L, *fonts_, *hyphenators_, res.warnings, opts.limits);
  } catch (const text::FontError& e) {
    Diagnostics d;
    d.error(DiagKind::Font, opts.source_name, {}, e.what());
    throw DocumentRefused(std::move(d));
  }
  if (opts.strict) {
    Diagnostics errors;
    for (auto w : res.warnings.list())
      if (w.kind == DiagKind::Font) {
        w.severity = Severity::Error;
        errors.add(std::move(w));
      }
    if (errors.has_errors()) throw DocumentRefused(std::move(errors));
  }
  res.pages = static_cast<int>(paged.pages.size());
  res.document_id = doc.id;
  res.pdf = pdf::write_pdf(paged);
  return res;
}

}  // namespace emnpub
