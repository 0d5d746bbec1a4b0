// `emnpub serve` as a command: flags, configuration file, environment,
// configuration errors, and the embedded defaults.
#include "http_test_support.hpp"

namespace emnpub::http {
namespace {

using namespace test;

// Runs a shell command line; returns stdout and stderr.
std::string shell(const std::string& command, int* status = nullptr) {
  const std::string cmd = command + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p.get())) > 0) out.append(buf, n);
  const int rc = pclose(p.release());
  if (status) *status = WEXITSTATUS(rc);
  return out;
}

std::string run(const std::string& args, int* status = nullptr) { return shell(emnpub_binary() + " " + args, status); }

TEST(ServeCommand, PrintConfigShowsTheLayers) {
  TempDir d;
  write_file(d.path() / "emnpub.properties", "server.port = 9100\nworkers.queue = 5\n");
  int status = -1;
  const std::string out = run("serve --config " + (d.path() / "emnpub.properties").string() +
                                  " --port 9200 --print-config",
                              &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("server.port = 9200\n"), std::string::npos) << out;
  EXPECT_NE(out.find("workers.queue = 5\n"), std::string::npos) << out;
  EXPECT_NE(out.find("server.bind = 127.0.0.1\n"), std::string::npos) << out;
  const std::string env = shell("env EMNPUB_WORKERS_QUEUE=3 " + emnpub_binary() + " serve --print-config");
  EXPECT_NE(env.find("workers.queue = 3\n"), std::string::npos) << env;
}

TEST(ServeCommand, ConfigurationErrorsExitTwo) {
  int status = -1;
  std::string out = run("serve --bind 0.0.0.0 --print-config", &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(out.find("auth.enabled"), std::string::npos) << out;
  out = run("serve --port", &status);
  EXPECT_EQ(status, 2);
  out = run("serve --frobnicate", &status);
  EXPECT_EQ(status, 2);
  out = run("serve --config /nonexistent/emnpub.properties", &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(out.find("/nonexistent/emnpub.properties"), std::string::npos) << out;
}

TEST(ServeCommand, ServesWithFlagsAndTokenFromTheConfigFile) {
  TempDir d;
  fs::copy(std::string(EMNPUB_SOURCE_DIR) + "/layouts", d.path() / "layouts", fs::copy_options::recursive);
  write_file(d.path() / "emnpub.ini", "[auth]\nenabled = true\ntokens = file-token-123\n[workers]\nthreads = 2\n");
  ChildServer child({"--config", (d.path() / "emnpub.ini").string(), "--port", "0", "--layouts",
                     (d.path() / "layouts").string()});
  const uint16_t port = child.wait_until_listening();
  ASSERT_NE(port, 0) << child.log();
  EXPECT_NE(child.log().find("auth=on"), std::string::npos);
  EXPECT_NE(child.log().find("layouts=" + (d.path() / "layouts").string()), std::string::npos) << child.log();
  EXPECT_EQ(post(port, "/v1/render", sample("inform-en.xml")).status, 401);
  const Response r =
      post(port, "/v1/render", sample("inform-en.xml"), {{"Authorization", "Bearer file-token-123"}});
  EXPECT_EQ(r.status, 200);
  child.signal(SIGTERM);
  EXPECT_EQ(child.wait(), 0) << child.log();
}

TEST(ServeCommand, PortInUseFailsCleanly) {
  TestServer s;
  int status = -1;
  const std::string out = run("serve --port " + std::to_string(s.port()), &status);
  EXPECT_EQ(status, 1) << out;
  EXPECT_NE(out.find("emnpub serve: error"), std::string::npos) << out;
}

}  // namespace
}  // namespace emnpub::http
