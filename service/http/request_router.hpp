#pragma once
// Routes requests to handlers. Checks that need no body (route, method,
// shutdown, token, content type, declared length) run in the factory, before
// Poco answers `Expect: 100-continue`, so a refused client is told so
// without uploading its document first.
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <vector>

#include "http/service_state.hpp"

namespace emnpub::http {

class Exchange;

struct Route {
  const char* method;
  const char* path;
  bool needs_auth;
  bool takes_xml_body;
  void (*handle)(Exchange&);
};

const std::vector<Route>& routes();

class RequestRouter : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit RequestRouter(ServiceState& s) : s_(s) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& req) override;

 private:
  ServiceState& s_;
};

}  // namespace emnpub::http
