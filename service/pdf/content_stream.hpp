#pragma once
// Builds one page's content stream as text: graphics, text and
// marked-content operators with locale-independent numbers. Tracks the
// graphics state that matters (colours, line width, font, rise) so
// redundant operators are not repeated from item to item.
#include <string>
#include <string_view>
#include <vector>

#include "layout/paged_document.hpp"

namespace emnpub::pdf {

class ContentStream {
 public:
  const std::string& data() const { return out_; }
  std::string take() { return std::move(out_); }

  // --- graphics state ---
  void save();     // q
  void restore();  // Q
  void set_fill_color(const layout::Color& c);
  void set_stroke_color(const layout::Color& c);
  void set_line_width(double pt);
  // Round dots of the line width, `gap` apart (round caps on a zero-length dash).
  void set_dotted(double line_width, double gap);

  // --- paths (coordinates in points) ---
  void move_to(double x, double y);
  void line_to(double x, double y);
  void rect(double x, double y, double w, double h);
  void close_path();
  void fill();
  void stroke();
  void fill_and_stroke();

  void draw_xobject(std::string_view name, double x, double y, double w, double h);

  // --- text ---
  void begin_text();
  void end_text();
  void set_font(std::string_view resource_name, double size);
  void move_text(double x, double y);  // Td; absolute right after BT
  void set_rise(double pt);            // Ts
  double rise() const { return state_.rise; }

  // --- marked content ---
  void begin_marked(std::string_view tag);                          // /Tag BMC
  void begin_marked(std::string_view tag, std::string_view props);  // /Tag props BDC
  void end_marked();                                                // EMC

  // Raw access for operators built elsewhere (TJ arrays).
  std::string& raw() { return out_; }
  void number(double v, int decimals);  // appends v and a space

 private:
  struct State {
    // PDF starts every page with black fill and stroke.
    layout::Color fill, stroke;
    double line_width = 1.0;
    std::string font;
    double font_size = 0;
    double rise = 0;
  };
  void color(const layout::Color& c, const char* op);
  void op(std::string_view s);

  std::string out_;
  State state_;
  std::vector<State> saved_;
  int marked_depth_ = 0;
  bool in_text_ = false;
};

}  // namespace emnpub::pdf
