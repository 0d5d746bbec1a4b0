#pragma once
// The typed document tree that every stage after xml/ consumes. Plain value
// types: no libxml2 handle survives parsing. Text is UTF-8, whitespace already
// normalised as in HTML (runs collapsed to one space) except inside <pre>.
// Every node keeps its SourcePos so later stages can point at the XML line.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/source_pos.hpp"

namespace emnpub::model {

enum class DocType { Inform, Bulletin, Report, Glossary, Factsheet };
const char* to_string(DocType t);
// The type a name stands for ("inform" ...), or nothing for any other string.
std::optional<DocType> doc_type_named(std::string_view name);
// Every type, in declaration order.
inline constexpr DocType kDocTypes[] = {DocType::Inform, DocType::Bulletin, DocType::Report, DocType::Glossary,
                                        DocType::Factsheet};

enum class Dir { Auto, Ltr, Rtl };

// ---- inline content ------------------------------------------------------

enum class InlineKind {
  Text,    // text: a run of characters
  Emph,    // <em>
  Strong,  // <strong>
  Sup,     // <sup>
  Sub,     // <sub>
  Code,    // <code>
  Span,    // <span xml:lang class>
  Link,    // <a href>
  Ref,     // <ref target/>: no children; layout generates the wording
  Note,    // <note>: footnote; children are its inline content
  Abbr,    // <abbr title>
  Break,   // <br/>
};

struct Inline {
  InlineKind kind = InlineKind::Text;
  std::string text;               // Text only
  std::string lang;               // effective xml:lang (inherited), always set
  std::string cls;                // class attribute, if any
  std::string href;               // Link
  std::string target;             // Ref: id of the referenced element
  std::string title;              // Abbr
  std::vector<Inline> children;   // Emph, Strong, Sup, Sub, Code, Span, Link, Note, Abbr
  SourcePos pos;
};

// ---- block content -------------------------------------------------------

enum class BlockKind {
  Paragraph,   // <p>: inlines
  List,        // <ul>/<ol>: items (each a ListItem)
  ListItem,    // <li>: blocks (inline-only content is wrapped in one Paragraph)
  Table,       // <table>: table
  Figure,      // <figure>: figure
  Box,         // <box type>: title (inlines, may be empty) + blocks
  Quote,       // <quote>: blocks + source (inlines, may be empty)
  Pre,         // <pre>: text (whitespace kept)
  DefList,     // <definition-list>: blocks alternate DefTerm, DefDesc
  DefTerm,     // <term>: inlines
  DefDesc,     // <definition>: blocks
  PageBreak,   // <pagebreak/>
  Section,     // <section>: title (inlines) + blocks (content and subsections)
  Item,        // bulletin <item country date>: title + blocks
  Chart,       // <chart type>: chart + caption (stretch goal: drawn from the data)
};

enum class ListStyle { Bullet, Decimal, LowerAlpha, UpperAlpha, LowerRoman, UpperRoman };
enum class CellAlign { Default, Left, Center, Right, Start, End, Decimal };

struct Block;

struct TableCell {
  bool header = false;            // <th>
  int colspan = 1;
  int rowspan = 1;
  CellAlign align = CellAlign::Default;
  // Content: block elements in `blocks`, or (most cells) inline-only
  // content in `inlines`, set as one paragraph in the cell's language and
  // direction. Not wrapped in a Block: a report holds tens of thousands of
  // cells, and a Block is large.
  std::vector<Block> blocks;
  std::vector<Inline> inlines;
  std::string lang;               // effective xml:lang of the cell
  Dir dir = Dir::Auto;
  SourcePos pos;
};

enum class RowGroup { Head, Body, Foot };

struct TableRow {
  RowGroup group = RowGroup::Body;
  std::vector<TableCell> cells;
  SourcePos pos;
};

struct TableColumn {
  // width as given: "30%" → percent=30; "4cm"/"20mm"/"72pt" → absolute in
  // points; none → both empty (share what is left)
  std::optional<double> percent;
  std::optional<double> points;
};

struct Table {
  std::vector<Inline> caption;    // empty when absent
  std::vector<TableColumn> columns;  // from <colgroup>; empty when absent
  std::vector<TableRow> rows;     // in document order: head rows, body, foot
};

struct Image {
  std::string src;                // as written (data: URI or relative path);
                                  // whitespace inside a data: URI removed
  std::string alt;
  std::optional<double> width_percent;  // width="50%"
  std::optional<double> width_points;   // width="8cm" etc.
};

// <chart> data (stretch goal): the layout draws it in the brand colours.
struct ChartPoint {
  std::string label;              // <point label>
  double value = 0;               // <point value>
  SourcePos pos;
};

struct ChartSeries {
  std::string name;               // <series name>
  std::vector<ChartPoint> points;
  SourcePos pos;
};

struct Chart {
  std::string type;               // bar|line|pie
  std::vector<ChartSeries> series;
};

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  std::string id;                 // id attribute (sections, figures, tables...)
  std::string cls;                // class attribute
  std::string lang;               // effective xml:lang, always set
  Dir dir = Dir::Auto;            // dir attribute (inherited)

  std::vector<Inline> inlines;    // Paragraph, DefTerm
  std::vector<Inline> title;      // Section, Item, Box (may be empty)
  std::vector<Block> blocks;      // List (ListItems), ListItem, Box, Quote,
                                  // DefList, DefDesc, Section, Item
  std::string text;               // Pre

  // Section
  bool numbered = true;           // numbered="no" → false
  int level = 0;                  // 1..4 for sections (body and annexes)
  // List
  bool ordered = false;
  ListStyle list_style = ListStyle::Bullet;
  int start = 1;
  // Box
  std::string box_type;           // keypoints|highlight|note|warning
  // Quote
  std::vector<Inline> source;
  // Item (bulletin)
  std::string country;            // ISO 3166 alpha-2 or EU
  std::string date;               // ISO 8601
  // Table, Figure
  Table table;
  Image image;
  std::vector<Inline> caption;    // Figure caption (also Chart caption)
  // Chart
  Chart chart;

  SourcePos pos;
};

// ---- metadata and the whole document -----------------------------------

struct Meta {
  std::vector<Inline> title;
  std::string title_text;         // plain text of the title (PDF Info, file names)
  std::vector<Inline> subtitle;
  std::string series;             // "EMN Bulletin"
  std::string series_number;      // "42" or empty
  std::string date;               // ISO 8601 YYYY-MM-DD
  std::string period_from, period_to;
  std::vector<std::string> authors;
  std::string publisher;
  std::vector<std::string> keywords;
  std::vector<Block> disclaimer;
  std::vector<Block> contact;
  std::string isbn, doi, legal_deposit;
  SourcePos pos;
};

// Glossary (type="glossary"): entries instead of sections in <body>.
struct Translation {
  std::string lang;
  std::vector<Inline> term;
  SourcePos pos;
};

struct GlossaryEntry {
  std::string id;
  std::string lang;               // xml:lang of the headword <term>
  std::vector<Inline> headword;
  std::vector<Block> definition;
  std::vector<Translation> translations;
  std::vector<std::string> related;   // ids from <related ref>
  std::vector<Inline> source;
  SourcePos pos;
};

struct Document {
  DocType type = DocType::Inform;
  std::string id;
  std::string lang;               // root xml:lang
  Dir dir = Dir::Auto;
  Meta meta;
  std::vector<Block> summary;     // <summary> blocks (may be empty)
  std::vector<Block> body;        // top-level sections (level 1)
  std::vector<GlossaryEntry> entries;  // glossary body (document order)
  std::vector<Block> annexes;     // top-level annex sections (level 1)
  std::vector<Block> back;        // <back> blocks
  std::string source_name;        // file name as given, for diagnostics
};

// Plain text of inline content (for titles, bookmarks, Info).
std::string plain_text(const std::vector<Inline>& inlines);

}  // namespace emnpub::model
