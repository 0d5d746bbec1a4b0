// `emnpub preview`: a live preview of one sample for layout designers
// (service/http/preview_*; docs/preview.md).
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <Poco/Exception.h>

#include "cli/command.hpp"
#include "http/preview_server.hpp"
#include "http/shutdown.hpp"

namespace emnpub::cli {

namespace {

int preview(const std::vector<std::string>& args) {
  http::PreviewConfig cfg;
  bool have_sample = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string* into = a == "--layouts"   ? &cfg.layouts_dir
                        : a == "--fonts"   ? &cfg.fonts_dir
                        : a == "--samples" ? &cfg.samples_dir
                        : a == "--web-dir" ? &cfg.web_dir
                                           : nullptr;
    if (into || a == "--port") {
      if (i + 1 >= args.size()) return usage_error(a + " needs a value");
      const std::string& v = args[++i];
      if (into) {
        *into = v;
        continue;
      }
      size_t used = 0;
      int port = -1;
      try {
        port = std::stoi(v, &used);
      } catch (const std::exception&) {
      }
      if (used != v.size() || port < 0 || port > 65535) return usage_error("--port wants a number from 0 to 65535");
      cfg.port = port;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option for preview: " + a);
    } else if (have_sample) {
      return usage_error("preview shows one sample; choose the others on the page");
    } else {
      cfg.sample = a;
      have_sample = true;
    }
  }
  if (!have_sample) return usage_error("preview needs a sample XML file");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(cfg.sample, ec)) {
    std::cerr << cfg.sample << ": error: cannot read the sample: no such file\n";
    return 1;
  }
  if (!cfg.samples_dir.empty() && !std::filesystem::is_directory(cfg.samples_dir, ec))
    return usage_error("--samples: no folder " + cfg.samples_dir);

  // Before any thread exists, so every thread inherits the blocked mask.
  http::TerminationSignals signals;
  try {
    http::PreviewServer server(std::move(cfg), std::cerr);
    server.start();
    signals.wait();
    server.stop();
    return 0;
  } catch (const http::PdfjsMissing& e) {
    std::cerr << "emnpub preview: " << e.what() << "\n";
    return 2;
  } catch (const Poco::Exception& e) {
    std::cerr << "emnpub preview: error: " << e.displayText() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "emnpub preview: error: " << e.what() << "\n";
    return 1;
  }
}

const Registration preview_cmd{{
    "preview",
    "       emnpub preview SAMPLE.xml [--layouts DIR] [--fonts DIR] [--samples DIR] [--port P] [--web-dir DIR]\n",
    "live preview for layout designers on http://127.0.0.1:8090/ (docs/preview.md)",
    preview}};

}  // namespace

}  // namespace emnpub::cli
