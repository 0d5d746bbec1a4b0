// Layered configuration: embedded defaults < file < environment < flags,
// and the refusals that keep a misconfigured service from starting.
#include <stdlib.h>

#include "http_test_support.hpp"

namespace emnpub::http {
namespace {

using test::TempDir;
using test::write_file;

// Sets an environment variable for one test and restores it afterwards.
struct EnvVar {
  std::string name;
  std::optional<std::string> old;
  EnvVar(std::string n, const std::string& v) : name(std::move(n)) {
    if (const char* o = std::getenv(name.c_str())) old = o;
    setenv(name.c_str(), v.c_str(), 1);
  }
  ~EnvVar() {
    if (old) setenv(name.c_str(), old->c_str(), 1);
    else unsetenv(name.c_str());
  }
};

TEST(Config, EmbeddedDefaultsRunWithoutAnyFile) {
  ConfigSources src;
  src.environment = false;
  const ServerConfig c = load_server_config(src);
  EXPECT_EQ(c.bind, "127.0.0.1");
  EXPECT_EQ(c.port, 8080);
  EXPECT_FALSE(c.auth_enabled);
  EXPECT_EQ(c.max_body_bytes, 16u << 20);
  EXPECT_DOUBLE_EQ(c.deadline_s, 30);
  EXPECT_EQ(c.workers, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  EXPECT_EQ(c.queue, 64);
  EXPECT_EQ(c.cache_bytes, 0u);
  EXPECT_EQ(c.sources, std::vector<std::string>{"embedded defaults"});
}

TEST(Config, FileThenEnvironmentThenFlags) {
  TempDir d;
  const auto file = d.path() / "emnpub.properties";
  write_file(file, "server.port = 9001\nworkers.queue = 7\nlimits.deadline_s = 12\ncache.mib = 3\n");
  ConfigSources src;
  src.file = file.string();
  src.environment = true;
  EnvVar e1("EMNPUB_WORKERS_QUEUE", "9");
  EnvVar e2("EMNPUB_SERVER_PORT", "9002");
  src.flags["server.port"] = "9003";
  const ServerConfig c = load_server_config(src);
  EXPECT_EQ(c.port, 9003);                     // flag beats environment and file
  EXPECT_EQ(c.queue, 9);                       // environment beats file
  EXPECT_DOUBLE_EQ(c.deadline_s, 12);          // file beats defaults
  EXPECT_EQ(c.cache_bytes, 3u << 20);
  EXPECT_EQ(c.bind, "127.0.0.1");              // default
}

TEST(Config, IniFilesUseSections) {
  TempDir d;
  const auto file = d.path() / "emnpub.ini";
  write_file(file, "[server]\nport = 9100\n[limits]\nmax_body_mib = 2\n[auth]\nenabled = true\ntokens = abc, def\n");
  ConfigSources src;
  src.file = file.string();
  src.environment = false;
  const ServerConfig c = load_server_config(src);
  EXPECT_EQ(c.port, 9100);
  EXPECT_EQ(c.max_body_bytes, 2u << 20);
  EXPECT_TRUE(c.auth_enabled);
  EXPECT_EQ(c.tokens, (std::vector<std::string>{"abc", "def"}));
}

TEST(Config, TokensFileOnePerLine) {
  TempDir d;
  write_file(d.path() / "tokens", "# CMS production\nfirst-token\n\n  second-token  \n");
  ConfigSources src;
  src.environment = false;
  src.flags = {{"auth.enabled", "true"}, {"auth.tokens_file", (d.path() / "tokens").string()}};
  EXPECT_EQ(load_server_config(src).tokens, (std::vector<std::string>{"first-token", "second-token"}));
}

void expect_refused(const ConfigSources& src, const std::string& fragment) {
  try {
    load_server_config(src);
    ADD_FAILURE() << "accepted; expected an error mentioning " << fragment;
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(Config, UnknownKeysAndBadValuesAreRefused) {
  TempDir d;
  const auto file = d.path() / "x.properties";
  write_file(file, "server.prot = 9000\n");
  ConfigSources src;
  src.environment = false;
  src.file = file.string();
  expect_refused(src, "server.prot");

  ConfigSources bad_value;
  bad_value.environment = false;
  bad_value.flags["server.port"] = "eighty";
  expect_refused(bad_value, "server.port");

  ConfigSources out_of_range;
  out_of_range.environment = false;
  out_of_range.flags["workers.queue"] = "-1";
  expect_refused(out_of_range, "workers.queue");

  ConfigSources level;
  level.environment = false;
  level.flags["log.level"] = "loud";
  expect_refused(level, "log.level");

  ConfigSources txt;
  txt.environment = false;
  txt.file = (d.path() / "x.txt").string();
  write_file(txt.file, "");
  expect_refused(txt, ".properties or .ini");
}

// Relative <img src> paths resolve against paths.assets: none by default
// (data: URIs only), set by file, environment or flag like every path.
TEST(Config, AssetsFolderComesFromTheLayers) {
  ConfigSources none;
  none.environment = false;
  EXPECT_EQ(load_server_config(none).assets_dir, "");
  EnvVar e("EMNPUB_PATHS_ASSETS", "/srv/emn/assets");
  ConfigSources env;
  EXPECT_EQ(load_server_config(env).assets_dir, "/srv/emn/assets");
  ConfigSources flag = env;
  flag.flags["paths.assets"] = "/other";
  EXPECT_EQ(load_server_config(flag).assets_dir, "/other");
}

TEST(Config, EnvironmentValuesAreCheckedToo) {
  EnvVar e("EMNPUB_LIMITS_DEADLINE_S", "soon");
  ConfigSources src;
  expect_refused(src, "EMNPUB_LIMITS_DEADLINE_S");
}

TEST(Config, AuthOffOnlyOnLoopbackUnlessSaidExplicitly) {
  ConfigSources exposed;
  exposed.environment = false;
  exposed.flags["server.bind"] = "0.0.0.0";
  expect_refused(exposed, "auth.enabled");

  ConfigSources explicit_off = exposed;
  explicit_off.flags["auth.enabled"] = "false";
  EXPECT_FALSE(load_server_config(explicit_off).auth_enabled);

  ConfigSources with_tokens = exposed;
  with_tokens.flags["auth.enabled"] = "true";
  with_tokens.flags["auth.tokens"] = "s3cret-token";
  EXPECT_TRUE(load_server_config(with_tokens).auth_enabled);

  ConfigSources no_tokens;
  no_tokens.environment = false;
  no_tokens.flags["auth.enabled"] = "true";
  expect_refused(no_tokens, "no tokens");
}

TEST(Config, EnvironmentNames) {
  EXPECT_EQ(environment_name("server.port"), "EMNPUB_SERVER_PORT");
  EXPECT_EQ(environment_name("limits.max_body_mib"), "EMNPUB_LIMITS_MAX_BODY_MIB");
}

TEST(Config, DescribeRedactsTokens) {
  ConfigSources src;
  src.environment = false;
  src.flags = {{"auth.enabled", "true"}, {"auth.tokens", "very-secret-token"}};
  const std::string text = describe(load_server_config(src));
  EXPECT_EQ(text.find("very-secret-token"), std::string::npos);
  EXPECT_NE(text.find("auth.tokens = (1 redacted)"), std::string::npos);
}

}  // namespace
}  // namespace emnpub::http
