#include "pdf/content_stream.hpp"

#include <stdexcept>

#include "pdf/number_format.hpp"

namespace emnpub::pdf {

void ContentStream::number(double v, int decimals) {
  append_number(out_, v, decimals);
  out_.push_back(' ');
}

void ContentStream::op(std::string_view s) {
  out_.append(s);
  out_.push_back('\n');
}

void ContentStream::save() {
  saved_.push_back(state_);
  op("q");
}

void ContentStream::restore() {
  if (saved_.empty()) throw std::logic_error("PDF writer: Q without q");
  state_ = saved_.back();
  saved_.pop_back();
  op("Q");
}

void ContentStream::color(const layout::Color& c, const char* name) {
  number(c.r / 255.0, kColorDecimals);
  number(c.g / 255.0, kColorDecimals);
  number(c.b / 255.0, kColorDecimals);
  op(name);
}

void ContentStream::set_fill_color(const layout::Color& c) {
  if (state_.fill == c) return;
  color(c, "rg");
  state_.fill = c;
}

void ContentStream::set_stroke_color(const layout::Color& c) {
  if (state_.stroke == c) return;
  color(c, "RG");
  state_.stroke = c;
}

void ContentStream::set_line_width(double pt) {
  pt = round_to(pt, kCoordDecimals);
  if (state_.line_width == pt) return;
  number(pt, kCoordDecimals);
  op("w");
  state_.line_width = pt;
}

void ContentStream::set_dotted(double line_width, double gap) {
  set_line_width(line_width);
  out_.append("1 J [0 ");
  append_number(out_, gap, kCoordDecimals);
  op("] 0 d");
}

void ContentStream::move_to(double x, double y) {
  number(x, kCoordDecimals);
  number(y, kCoordDecimals);
  op("m");
}

void ContentStream::line_to(double x, double y) {
  number(x, kCoordDecimals);
  number(y, kCoordDecimals);
  op("l");
}

void ContentStream::rect(double x, double y, double w, double h) {
  number(x, kCoordDecimals);
  number(y, kCoordDecimals);
  number(w, kCoordDecimals);
  number(h, kCoordDecimals);
  op("re");
}

void ContentStream::close_path() { op("h"); }
void ContentStream::fill() { op("f"); }
void ContentStream::stroke() { op("S"); }
void ContentStream::fill_and_stroke() { op("B"); }

void ContentStream::draw_xobject(std::string_view name, double x, double y, double w, double h) {
  save();
  number(w, kCoordDecimals);
  out_.append("0 0 ");
  number(h, kCoordDecimals);
  number(x, kCoordDecimals);
  number(y, kCoordDecimals);
  op("cm");
  out_.push_back('/');
  out_.append(name);
  op(" Do");
  restore();
}

void ContentStream::begin_text() {
  if (in_text_) throw std::logic_error("PDF writer: nested BT");
  in_text_ = true;
  op("BT");
}

void ContentStream::end_text() {
  if (!in_text_) throw std::logic_error("PDF writer: ET without BT");
  in_text_ = false;
  op("ET");
}

void ContentStream::set_font(std::string_view resource_name, double size) {
  size = round_to(size, kCoordDecimals);
  if (state_.font == resource_name && state_.font_size == size) return;
  out_.push_back('/');
  out_.append(resource_name);
  out_.push_back(' ');
  number(size, kCoordDecimals);
  op("Tf");
  state_.font = resource_name;
  state_.font_size = size;
}

void ContentStream::move_text(double x, double y) {
  number(x, kCoordDecimals);
  number(y, kCoordDecimals);
  op("Td");
}

void ContentStream::set_rise(double pt) {
  pt = round_to(pt, kCoordDecimals);
  if (state_.rise == pt) return;
  number(pt, kCoordDecimals);
  op("Ts");
  state_.rise = pt;
}

void ContentStream::begin_marked(std::string_view tag) {
  out_.push_back('/');
  out_.append(tag);
  op(" BMC");
  ++marked_depth_;
}

void ContentStream::begin_marked(std::string_view tag, std::string_view props) {
  out_.push_back('/');
  out_.append(tag);
  out_.push_back(' ');
  out_.append(props);
  op(" BDC");
  ++marked_depth_;
}

void ContentStream::end_marked() {
  if (marked_depth_ == 0) throw std::logic_error("PDF writer: EMC without BMC/BDC");
  --marked_depth_;
  op("EMC");
}

}  // namespace emnpub::pdf
