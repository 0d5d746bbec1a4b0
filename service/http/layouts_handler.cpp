// GET /v1/layouts: every layout in the layouts directory, which document
// type uses it, when it was last (re)loaded and why its last edit was
// refused, if it was.
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/Timestamp.h>

#include "http/handlers.hpp"
#include "model/document.hpp"

namespace emnpub::http {

namespace {

// Document types that use this layout when no ?layout= is given.
Poco::JSON::Array::Ptr types_for(const std::string& name) {
  Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
  if (model::doc_type_named(name)) a->add(name);
  return a;
}

}  // namespace

void handle_layouts(Exchange& ex) {
  ServiceState& s = ex.state;
  ex.query({});
  s.layouts_fingerprint();  // reloads edited layouts and logs what changed
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& st : s.engine.layout_status()) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("name", st.name);
    o->set("document_types", types_for(st.name));
    // ok: the files on disk are live; stale: the last edit was refused and
    // the previous version serves; unavailable: no version ever loaded.
    o->set("status", st.problems.empty() ? "ok" : st.files.empty() ? "unavailable" : "stale");
    Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
    for (const auto& f : st.files) files->add(f);
    o->set("files", files);
    if (st.loaded_at > 0)
      o->set("loaded_at", Poco::DateTimeFormatter::format(Poco::Timestamp::fromEpochTime(st.loaded_at),
                                                          Poco::DateTimeFormat::ISO8601_FORMAT));
    o->set("reloads", st.reloads);
    Poco::JSON::Array::Ptr problems = new Poco::JSON::Array;
    for (const auto& d : st.problems) {
      Poco::JSON::Object::Ptr p = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      p->set("kind", kind_name(d.kind));
      p->set("file", d.file);
      if (d.pos.line > 0) p->set("line", d.pos.line);
      if (d.pos.column > 0) p->set("column", d.pos.column);
      p->set("message", d.message);
      problems->add(p);
    }
    o->set("problems", problems);
    list->add(o);
  }
  Poco::JSON::Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("layouts_dir", s.engine.config().layouts_dir);
  out.set("layouts", list);
  ex.send_json(200, out);
}

}  // namespace emnpub::http
