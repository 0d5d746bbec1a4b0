// POST /v1/validate: the document checked against the publication format
// (parse, schema, semantics) without laying it out.
#include <Poco/JSON/Array.h>

#include "http/handlers.hpp"

namespace emnpub::http {

void handle_validate(Exchange& ex) {
  ServiceState& s = ex.state;
  ex.query({});
  RenderOptions ro;
  ro.source_name = "request";
  ro.max_depth = s.cfg.max_depth;
  ByteBudget::Hold hold(s.bodies);
  auto body = std::make_shared<const std::string>(ex.read_body(hold));
  const auto deadline =
      std::chrono::steady_clock::now() +
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(s.cfg.deadline_s));
  const Engine& engine = s.engine;
  // Parsing and schema-checking a large document is real work: it queues
  // like a render.
  const Diagnostics warnings =
      run_on_worker(ex, false, deadline, ro.source_name, [&engine, body, ro] { return engine.validate(*body, ro); });
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("valid", true);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& w : warnings.list()) {
    Poco::JSON::Object::Ptr j = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    j->set("kind", kind_name(w.kind));
    if (w.pos.line > 0) j->set("line", w.pos.line);
    if (w.pos.column > 0) j->set("column", w.pos.column);
    if (!w.pos.path.empty()) j->set("path", w.pos.path.str());
    j->set("message", w.message);
    list->add(j);
  }
  o.set("warnings", list);
  ex.send_json(200, o);
}

}  // namespace emnpub::http
