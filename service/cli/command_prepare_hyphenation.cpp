// `emnpub prepare-hyphenation`: saves each installed hyphenation dictionary
// as an image that loads in one read (text/hyphen_dict_image.hpp). The
// build runs it; renders fall back to parsing a dictionary that has no
// current image, so it is never required, only faster (a German render
// spent ~35 ms parsing its dictionary).
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include "cli/command.hpp"
#include "pipeline/engine.hpp"
#include "text/hyphen_dict_image.hpp"
#include "text/hyphen_dict_loader.hpp"
#include "text/hyphenator.hpp"

namespace emnpub::cli {

namespace {

namespace fs = std::filesystem;

int run(const std::vector<std::string>& args) {
  std::string from = text::kSystemHyphenDir;
  std::string out = Engine::default_hyphen_images_dir();
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "--out" || args[i] == "--from") && i + 1 < args.size()) {
      (args[i] == "--out" ? out : from) = args[i + 1];
      ++i;
    } else {
      return usage_error("unknown argument " + args[i]);
    }
  }
  std::error_code ec;
  if (!fs::is_directory(from, ec)) {
    std::cout << from << ": no hyphenation dictionaries installed; nothing to prepare\n";
    return 0;
  }
  fs::create_directories(out, ec);
  if (ec) {
    std::cerr << out << ": error: cannot create the folder: " << ec.message() << "\n";
    return 1;
  }
  const std::vector<std::string> files = text::dictionary_files(from);
  int status = 0;
  for (const std::string& dic : files) {
    std::string error;
    text::DictSource source;
    auto dict = text::dict_source_of(dic, source) ? text::load_hyphen_dict(dic, error) : nullptr;
    const std::string image = out + "/" + text::hyphen_image_name(dic);
    if (!dict || !text::save_hyphen_image(*dict, source, image, error)) {
      std::cerr << dic << ": error: " << (error.empty() ? "cannot read" : error) << "\n";
      status = 1;
      continue;
    }
    std::cout << dic << " -> " << image << " (" << (fs::file_size(image, ec) >> 10) << " KiB)\n";
  }
  return status;
}

const Registration prepare_cmd{{
    "prepare-hyphenation",
    "       emnpub prepare-hyphenation [--from DIR] [--out DIR]\n",
    "save the installed hyphenation dictionaries as images that load fast (the build runs it)",
    run}};

}  // namespace

}  // namespace emnpub::cli
