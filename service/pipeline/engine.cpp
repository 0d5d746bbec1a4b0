#include "pipeline/engine.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "layout/document_layouter.hpp"
#include "pdf/pdf_writer.hpp"
#include "common/file_stamp.hpp"
#include "pipeline/glyph_census.hpp"
#include "pipeline/image_loader.hpp"
#include "pipeline/page_pipe.hpp"
#include "text/font_registry.hpp"
#include "text/hyphenator.hpp"
#include "xml/publication_parser.hpp"

namespace emnpub {

namespace fs = std::filesystem;

std::string Engine::default_layouts_dir() { return std::string(EMNPUB_SOURCE_DIR) + "/layouts"; }
std::string Engine::default_fonts_dir() { return std::string(EMNPUB_SOURCE_DIR) + "/fonts"; }
std::string Engine::default_hyphen_images_dir() { return std::string(EMNPUB_BINARY_DIR) + "/hyphen"; }

Engine::Engine(EngineConfig cfg) : cfg_(std::move(cfg)) {
  if (cfg_.layouts_dir.empty()) cfg_.layouts_dir = default_layouts_dir();
  if (cfg_.fonts_dir.empty()) cfg_.fonts_dir = default_fonts_dir();
  xml::init_libxml();  // before any thread below uses libxml2
  // The schema compiles while the manifest, the input and the document's
  // own parse are read: every render validates, and this is the largest
  // fixed cost of a short one.
  try {
    schema_warmup_ = HelperThread([] {
      try {
        xml::prepare_schema();
      } catch (...) {
        // A validation compiles it again and reports the failure.
      }
    });
  } catch (const std::system_error&) {
    // No thread to spare: the first validation compiles it.
  }
  // The manifest is small and read eagerly; font files load lazily.
  fonts_ = std::make_unique<text::FontRegistry>(
      text::read_font_manifest((fs::path(cfg_.fonts_dir) / "fonts.xml").string(), {cfg_.fonts_dir}));
  hyphenators_ = std::make_unique<text::HyphenatorCache>(std::vector<std::string>{text::kSystemHyphenDir},
                                                         default_hyphen_images_dir());
}

Engine::~Engine() {
  if (schema_warmup_.joinable()) schema_warmup_.join();
}

namespace {

// The files a layout was read from: the layout file and its brand file.
std::map<std::string, int64_t> stamp(const std::vector<std::string>& files) {
  std::map<std::string, int64_t> m;
  for (const auto& f : files) m[f] = file_mtime_ns(f);
  return m;
}

bool changed(const std::map<std::string, int64_t>& m) {
  for (const auto& [f, t] : m)
    if (file_mtime_ns(f) != t) return true;
  return false;
}

}  // namespace

std::vector<std::string> Engine::layout_names() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cfg_.layouts_dir, ec)) {
    if (e.path().extension() != ".xml" || e.path().stem() == "brand") continue;
    out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

style::LayoutRef Engine::layout(const std::string& name) const {
  const fs::path p = fs::path(cfg_.layouts_dir) / (name + ".xml");
  std::unique_lock lock(mu_);
  auto it = layouts_.find(name);
  if (it != layouts_.end() && !changed(it->second.mtimes)) return it->second.layout;
  if (it != layouts_.end() && !it->second.failed_mtimes.empty() && !changed(it->second.failed_mtimes))
    return it->second.layout;  // the broken edit is unchanged: keep serving the last good one
  lock.unlock();
  // Load outside the lock: a slow disk must not stall renders of other types.
  std::error_code ec;
  style::LayoutRef fresh;
  std::vector<Diagnostic> problems;
  std::map<std::string, int64_t> attempted = stamp({p.string()});
  if (!fs::is_regular_file(p, ec)) {
    Diagnostic d;
    d.kind = DiagKind::Layout;
    d.file = p.string();
    d.message = "no layout file for '" + name + "' in " + cfg_.layouts_dir;
    problems.push_back(std::move(d));
  } else {
    try {
      fresh = style::load_layout(p.string());
    } catch (const DocumentRefused& e) {
      problems = e.diagnostics().list();
      // Watch the brand file too, so fixing it triggers a retry.
      for (const auto& d : problems) attempted.emplace(d.file, file_mtime_ns(d.file));
    }
  }
  lock.lock();
  LoadedLayout& slot = layouts_[name];
  if (fresh) {
    if (slot.layout) ++slot.reloads;
    slot.layout = fresh;
    slot.mtimes = stamp(fresh->files);
    slot.loaded_at = static_cast<int64_t>(std::time(nullptr));
    slot.problems.clear();
    slot.failed_mtimes.clear();
    return fresh;
  }
  slot.problems = problems;
  slot.failed_mtimes = attempted;
  if (slot.layout) return slot.layout;
  layouts_.erase(name);
  Diagnostics d;
  for (auto& x : problems) d.add(std::move(x));
  throw DocumentRefused(std::move(d));
}

std::vector<Engine::LayoutStatus> Engine::layout_status() const {
  std::vector<LayoutStatus> out;
  for (const auto& name : layout_names()) {
    try {
      layout(name);
    } catch (const DocumentRefused&) {
    }
    std::lock_guard lock(mu_);
    LayoutStatus st;
    st.name = name;
    if (auto it = layouts_.find(name); it != layouts_.end()) {
      if (it->second.layout) st.files = it->second.layout->files;
      st.loaded_at = it->second.loaded_at;
      st.reloads = it->second.reloads;
      st.problems = it->second.problems;
    } else {
      Diagnostic d;
      d.kind = DiagKind::Layout;
      d.file = name;
      d.message = "the layout cannot be loaded";
      st.problems.push_back(std::move(d));
    }
    out.push_back(std::move(st));
  }
  return out;
}

model::Document Engine::parse(std::string_view xml, const RenderOptions& opts, Diagnostics& warnings,
                              HelperThread* patterns) const {
  xml::ParseOptions po;
  po.source_name = opts.source_name;
  po.max_depth = opts.max_depth;
  if (patterns)
    po.on_root = [this, patterns, &opts](const xml::RootHint& hint) {
      const std::string_view type = hint.type, lang = hint.lang;
      // The hint is read before validation (see warm_up). The patterns
      // load on a helper, and the document is checked beside this call
      // (xml::parse_publication) while it loads the layout and faces.
      // Errors are only a warm-up's: the render meets them again,
      // located. (The cache accepts any string: it only opens files named
      // from a well-formed language tag.)
      try {
        *patterns = HelperThread([this, lang = std::string(lang)] {
          try {
            hyphenators_->get(lang);
          } catch (...) {
          }
        });
      } catch (const std::system_error&) {
        // No thread to spare: the render loads them when it needs them.
      }
      try {
        warm_up(opts.layout.empty() ? std::string(type) : opts.layout, std::string(lang), hint);
      } catch (...) {
      }
    };
  xml::ParseResult r = xml::parse_publication(xml, po);
  warnings.append(r.warnings);
  r.doc.source_name = opts.source_name;
  return std::move(r.doc);
}

void Engine::warm_up(const std::string& layout_name, const std::string& lang, const xml::RootHint& hint) const {
  // Only layout names a render could ask for: the hint is unvalidated
  // input, and a layout name becomes a path.
  if (!model::doc_type_named(layout_name)) return;
  const style::LayoutRef L = layout(layout_name);
  // Only faces the document will use (the render reads no other): body
  // text for paragraphs, the first heading level for sections, the body's
  // emphasis for <em> as the layout styles it. Any other face loads when
  // the layout first needs it.
  const style::BlockStyle p = L->block({"p", {}, {}, lang, 0});
  if (hint.has("p")) fonts_->face({p.font.family, p.font.weight, p.font.italic});
  if (hint.has("section")) {
    const style::BlockStyle h = L->block({"heading", {}, {}, lang, 1});
    fonts_->face({h.font.family, h.font.weight, h.font.italic});
  }
  if (hint.has("em")) {
    // As layout::apply_inline styles <em> inside body text.
    const style::InlineStyle em = L->inline_style({"em", {}, {}, lang, 0});
    const bool italic = em.italic < 0 ? p.font.italic : (em.italic == 1 && !p.font.italic);
    fonts_->face({em.family.empty() ? p.font.family : em.family, em.weight ? em.weight : p.font.weight, italic});
  }
}

Diagnostics Engine::validate(std::string_view xml, const RenderOptions& opts) const {
  Diagnostics warnings;
  parse(xml, opts, warnings);
  return warnings;
}

RenderResult Engine::render(std::string_view xml, const RenderOptions& opts) const {
  RenderResult res;
  using clock = std::chrono::steady_clock;
  auto t = clock::now();
  auto lap = [&t](double& into) {
    const auto now = clock::now();
    into = std::chrono::duration<double, std::milli>(now - t).count();
    t = now;
  };
  HelperThread patterns;  // joins the thread loading the patterns when the render ends, however it ends
  model::Document doc = parse(xml, opts, res.warnings, &patterns);
  lap(res.timings.parse_ms);
  const std::string name = opts.layout.empty() ? model::to_string(doc.type) : opts.layout;
  style::LayoutRef L = layout(name);
  res.layout = name;
  if (opts.refuse_broken_layout) {
    Diagnostics broken;
    {
      std::lock_guard lock(mu_);
      if (auto it = layouts_.find(name); it != layouts_.end())
        for (const auto& p : it->second.problems) broken.add(p);
    }
    if (broken.has_errors()) throw DocumentRefused(std::move(broken));
  }
  lap(res.timings.layout_load_ms);
  Diagnostics image_problems;
  const layout::ImageStore images = load_images(
      doc, opts.assets_dir.empty() ? cfg_.assets_dir : opts.assets_dir, 32u << 20, image_problems);
  if (image_problems.has_errors()) throw DocumentRefused(std::move(image_problems));
  lap(res.timings.images_ms);
  // Pages go to the PDF writer as layout finishes them: each is written,
  // compressed and freed on a second thread while the rest is laid out.
  // (The pipe is declared after the writer, so it stops first.)
  auto writer = std::make_unique<pdf::PageStreamWriter>();
  auto open_pipe = [&writer] {
    return std::make_unique<PagePipe>([w = writer.get()](const layout::Page& page) { w->add_page(page); });
  };
  std::unique_ptr<PagePipe> pipe = open_pipe();
  GlyphCensus census;
  layout::PageSink sink;
  sink.page = [&](layout::Page&& page) {
    for (const auto& r : page.runs) res.glyphs += r.glyphs.size();
    census.add(page);
    pipe->push(std::move(page));
  };
  res.layout_passes = 1;
  sink.restart = [&] {
    ++res.layout_passes;
    census.clear();
    pipe.reset();
    writer = std::make_unique<pdf::PageStreamWriter>();
    pipe = open_pipe();
    res.glyphs = 0;
  };
  layout::PagedDocument paged;
  try {
    paged = layout::layout_document(doc, *L, *fonts_, *hyphenators_, res.warnings, opts.limits, &images, &sink);
  } catch (const text::FontError& e) {
    Diagnostics d;
    d.error(DiagKind::Font, opts.source_name, {}, e.what());
    throw DocumentRefused(std::move(d));
  }
  lap(res.timings.layout_ms);
  if (opts.strict) {
    Diagnostics errors;
    for (auto w : res.warnings.list())
      if (w.kind == DiagKind::Font) {
        w.severity = Severity::Error;
        errors.add(std::move(w));
      }
    if (errors.has_errors()) throw DocumentRefused(std::move(errors));
  }
  // The subset programs are made here, from the glyphs the pages use, while
  // the writer thread writes the last pages: for a short document that is
  // all of them, since no page is final before the end.
  auto programs = make_font_programs(census.take(), writer->compresses());
  pipe->drain();
  pipe.reset();
  for (auto& [face, program] : programs) writer->provide_program(face, std::move(program));
  res.pages = static_cast<int>(writer->pages());
  res.document_id = doc.id;
  res.pdf = writer->finish(paged.info, paged.outline, paged.labels, paged.destinations);
  writer.reset();
  lap(res.timings.pdf_ms);
  return res;
}

}  // namespace emnpub
