// Valid documents of every type become the expected model: inherited
// language and direction, section levels, wrapped list items and cells,
// tables, figures, charts, metadata and glossary entries.
#include <filesystem>
#include <functional>

#include "xml_test_support.hpp"

namespace emnpub::xml::test {
namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

TEST(XmlModel, EverySampleAndValidDocumentParses) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(data_path("valid"))) files.push_back(e.path());
  for (const auto& e : std::filesystem::directory_iterator(std::string(EMNPUB_SOURCE_DIR) + "/samples"))
    if (e.path().extension() == ".xml") files.push_back(e.path());
  for (const auto& f : files) {
    try {
      const auto r = parse_text(read_file(f), f);
      EXPECT_FALSE(r.doc.meta.title_text.empty()) << f;
      EXPECT_TRUE(r.warnings.empty()) << f << "\n" << all_messages(r.warnings.list());
    } catch (const DocumentRefused& e) {
      ADD_FAILURE() << f << "\n" << all_messages(e.diagnostics().list());
    }
  }
}

TEST(XmlModel, Inform) {
  const auto r = parse_data_file("valid/inform.xml");
  const model::Document& d = r.doc;
  EXPECT_EQ(d.type, model::DocType::Inform);
  EXPECT_EQ(d.id, "inform-min");
  EXPECT_EQ(d.lang, "en");
  EXPECT_EQ(d.source_name, "valid/inform.xml");
  EXPECT_EQ(d.meta.title_text, "Labour migration pathways");
  EXPECT_EQ(d.meta.date, "2026-03-16");
  EXPECT_EQ(d.meta.pos.line, 3);
  EXPECT_EQ(d.meta.pos.path, "/publication/meta");

  ASSERT_EQ(d.summary.size(), 1u);
  const Block& box = d.summary[0];
  EXPECT_EQ(box.kind, BlockKind::Box);
  EXPECT_EQ(box.box_type, "keypoints");
  EXPECT_EQ(model::plain_text(box.title), "Key points");
  ASSERT_EQ(box.blocks.size(), 1u);
  const Block& list = box.blocks[0];
  EXPECT_EQ(list.kind, BlockKind::List);
  EXPECT_FALSE(list.ordered);
  ASSERT_EQ(list.blocks.size(), 2u);
  // Inline-only <li> is wrapped in one Paragraph; a <li> with blocks is not.
  const Block& li1 = list.blocks[0];
  EXPECT_EQ(li1.kind, BlockKind::ListItem);
  ASSERT_EQ(li1.blocks.size(), 1u);
  EXPECT_EQ(li1.blocks[0].kind, BlockKind::Paragraph);
  EXPECT_EQ(model::plain_text(li1.blocks[0].inlines), "Single permit decisions within 90 days.");
  EXPECT_EQ(li1.blocks[0].pos.path, "/publication/summary/box/ul/li[1]");
  ASSERT_EQ(list.blocks[1].blocks.size(), 1u);
  EXPECT_EQ(list.blocks[1].blocks[0].pos.path, "/publication/summary/box/ul/li[2]/p");

  ASSERT_EQ(d.body.size(), 1u);
  const Block& sec = d.body[0];
  EXPECT_EQ(sec.kind, BlockKind::Section);
  EXPECT_EQ(sec.id, "sec-intro");
  EXPECT_EQ(sec.level, 1);
  EXPECT_TRUE(sec.numbered);
  EXPECT_EQ(sec.pos.line, 18);
  EXPECT_EQ(sec.pos.column, 5);
  ASSERT_EQ(sec.blocks.size(), 1u);
  const auto& p = sec.blocks[0].inlines;
  // "Labour ... State." + note + " See " + ref + "."
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0].text, "Labour shortages affect nearly every Member State.");
  EXPECT_EQ(p[1].kind, InlineKind::Note);
  ASSERT_EQ(p[1].children.size(), 1u);
  EXPECT_EQ(p[1].children[0].text, "Eurostat, job vacancy statistics, 2025.");
  EXPECT_EQ(p[2].text, " See ");
  EXPECT_EQ(p[3].kind, InlineKind::Ref);
  EXPECT_EQ(p[3].target, "sec-intro");
  EXPECT_EQ(p[4].text, ".");
}

TEST(XmlModel, BulletinItemsAndPeriod) {
  const auto d = parse_data_file("valid/bulletin.xml").doc;
  EXPECT_EQ(d.type, model::DocType::Bulletin);
  EXPECT_EQ(d.lang, "fr");
  EXPECT_EQ(d.meta.series, "EMN Bulletin");
  EXPECT_EQ(d.meta.series_number, "42");
  EXPECT_EQ(d.meta.period_from, "2026-01-01");
  EXPECT_EQ(d.meta.period_to, "2026-03-31");
  ASSERT_EQ(d.body.size(), 1u);
  ASSERT_EQ(d.body[0].blocks.size(), 2u);
  const Block& item = d.body[0].blocks[0];
  EXPECT_EQ(item.kind, BlockKind::Item);
  EXPECT_EQ(item.id, "item-be");
  EXPECT_EQ(item.country, "BE");
  EXPECT_EQ(item.date, "2026-02-14");
  EXPECT_EQ(item.lang, "fr");
  EXPECT_EQ(model::plain_text(item.title), "Nouvelle capacité d’accueil");
  ASSERT_EQ(item.blocks.size(), 1u);
  EXPECT_EQ(d.body[0].blocks[1].country, "EU");
  EXPECT_EQ(d.body[0].blocks[1].date, "");
}

TEST(XmlModel, FactsheetTable) {
  const auto d = parse_data_file("valid/factsheet.xml").doc;
  EXPECT_EQ(d.type, model::DocType::Factsheet);
  const Block& sec = d.body.at(0);
  EXPECT_FALSE(sec.numbered);
  const Block& t = sec.blocks.at(0);
  ASSERT_EQ(t.kind, BlockKind::Table);
  EXPECT_EQ(t.id, "tab-key");
  EXPECT_EQ(model::plain_text(t.table.caption), "Eerste verblijfsvergunningen, 2025");
  ASSERT_EQ(t.table.columns.size(), 2u);
  EXPECT_DOUBLE_EQ(*t.table.columns[0].percent, 60.0);
  EXPECT_FALSE(t.table.columns[0].points);
  EXPECT_NEAR(*t.table.columns[1].points, 4 * 72 / 2.54, 1e-9);
  ASSERT_EQ(t.table.rows.size(), 3u);
  EXPECT_EQ(t.table.rows[0].group, model::RowGroup::Head);
  EXPECT_TRUE(t.table.rows[0].cells[0].header);
  EXPECT_EQ(t.table.rows[0].cells[1].align, model::CellAlign::Right);
  EXPECT_EQ(t.table.rows[1].group, model::RowGroup::Body);
  EXPECT_EQ(t.table.rows[1].cells[1].align, model::CellAlign::Decimal);
  // Inline-only content stays the cell's own (no wrapping paragraph).
  EXPECT_TRUE(t.table.rows[1].cells[0].blocks.empty());
  ASSERT_FALSE(t.table.rows[1].cells[0].inlines.empty());
  EXPECT_EQ(t.table.rows[1].cells[0].lang, "nl");
  EXPECT_EQ(t.table.rows[1].cells[0].inlines[0].lang, "nl");
  EXPECT_EQ(t.table.rows[2].cells[0].colspan, 2);
  EXPECT_EQ(t.table.rows[2].cells[0].blocks.at(0).pos.path,
            "/publication/body/section/table/tbody/tr[2]/td/p");
}

TEST(XmlModel, GlossaryEntries) {
  const auto d = parse_data_file("valid/glossary.xml").doc;
  EXPECT_EQ(d.type, model::DocType::Glossary);
  EXPECT_TRUE(d.body.empty());
  ASSERT_EQ(d.entries.size(), 2u);
  const model::GlossaryEntry& e = d.entries[0];
  EXPECT_EQ(e.id, "g-asylum");
  EXPECT_EQ(e.lang, "en");
  EXPECT_EQ(model::plain_text(e.headword), "asylum");
  ASSERT_EQ(e.definition.size(), 1u);
  EXPECT_EQ(e.definition[0].kind, BlockKind::Paragraph);
  ASSERT_EQ(e.translations.size(), 3u);
  EXPECT_EQ(e.translations[0].lang, "bg");
  EXPECT_EQ(model::plain_text(e.translations[0].term), "убежище");
  EXPECT_EQ(e.translations[0].term.at(0).lang, "bg");
  EXPECT_EQ(e.translations[2].lang, "ar");
  EXPECT_EQ(e.related, std::vector<std::string>{"g-refugee"});
  EXPECT_EQ(model::plain_text(e.source), "Based on the 1950 Institute of International Law resolution.");
  EXPECT_EQ(e.pos.path, "/publication/body/entry[1]");
  EXPECT_EQ(d.entries[1].lang, "en");  // headword without xml:lang: the document's
  EXPECT_EQ(d.entries[1].definition.at(0).pos.path, "/publication/body/entry[2]/definition/p");
}

class ReportModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { doc_ = new model::Document(parse_data_file("valid/report.xml").doc); }
  static void TearDownTestSuite() {
    delete doc_;
    doc_ = nullptr;
  }
  static const model::Document& d() { return *doc_; }
  static inline model::Document* doc_ = nullptr;
};

TEST_F(ReportModel, Meta) {
  const model::Meta& m = d().meta;
  EXPECT_EQ(m.title_text, "Migration and Asylum in Belgium 2025");
  EXPECT_EQ(model::plain_text(m.subtitle), "Annual policy report");
  EXPECT_EQ(m.series, "EMN Annual Report");
  EXPECT_EQ(m.series_number, "7");
  EXPECT_EQ(m.authors, (std::vector<std::string>{"Belgian Contact Point", "Immigration Office"}));
  EXPECT_EQ(m.publisher, "European Migration Network");
  EXPECT_EQ(m.keywords, (std::vector<std::string>{"asylum", "integration"}));
  ASSERT_EQ(m.disclaimer.size(), 1u);
  ASSERT_EQ(m.contact.size(), 1u);
  EXPECT_EQ(m.isbn, "978-92-79-00000-0");
  EXPECT_EQ(m.doi, "10.2837/000000");
  EXPECT_EQ(m.legal_deposit, "D/2026/1234/5");
  EXPECT_EQ(d().dir, model::Dir::Ltr);
  EXPECT_EQ(d().summary.at(0).dir, model::Dir::Ltr);
  EXPECT_EQ(d().back.size(), 1u);
}

TEST_F(ReportModel, InlineKindsAndInheritedLanguage) {
  const Block& p = d().body.at(0).blocks.at(0);
  EXPECT_EQ(p.id, "p-lead");
  EXPECT_EQ(p.cls, "lead");
  std::vector<InlineKind> kinds;
  for (const Inline& in : p.inlines)
    if (in.kind != InlineKind::Text) kinds.push_back(in.kind);
  EXPECT_EQ(kinds, (std::vector<InlineKind>{InlineKind::Emph, InlineKind::Strong, InlineKind::Sup, InlineKind::Sub,
                                            InlineKind::Code, InlineKind::Span, InlineKind::Link, InlineKind::Abbr,
                                            InlineKind::Break, InlineKind::Note}));
  for (const Inline& in : p.inlines) {
    if (in.kind == InlineKind::Span) {
      EXPECT_EQ(in.lang, "fa");
      EXPECT_EQ(in.cls, "foreign");
      EXPECT_EQ(in.children.at(0).lang, "fa");
    } else {
      EXPECT_EQ(in.lang, "en");
    }
    if (in.kind == InlineKind::Link) {
      EXPECT_EQ(in.href, "https://emn.ec.europa.eu");
    }
    if (in.kind == InlineKind::Abbr) {
      EXPECT_EQ(in.title, "European Migration Network");
    }
    if (in.kind == InlineKind::Note) {
      EXPECT_EQ(in.children.at(1).target, "s1-1");
    }
  }
  // Spaces around <br/> are dropped: "EMN," then break then "a break ...".
  for (std::size_t i = 0; i + 1 < p.inlines.size(); ++i) {
    if (p.inlines[i + 1].kind == InlineKind::Break) {
      EXPECT_EQ(p.inlines[i].text, ",");
    }
  }
}

TEST_F(ReportModel, ListsNestAndKeepTheirStyle) {
  const Block& ol = d().body.at(0).blocks.at(1);
  ASSERT_EQ(ol.kind, BlockKind::List);
  EXPECT_TRUE(ol.ordered);
  EXPECT_EQ(ol.start, 3);
  EXPECT_EQ(ol.list_style, model::ListStyle::LowerRoman);
  const Block& nested = ol.blocks.at(1).blocks.at(0);
  EXPECT_EQ(nested.kind, BlockKind::List);
  EXPECT_EQ(nested.list_style, model::ListStyle::Bullet);
}

TEST_F(ReportModel, SectionLevelsCountSeparatelyInBodyAndAnnexes) {
  const Block& s1 = d().body.at(0);
  EXPECT_EQ(s1.cls, "chapter");
  const Block& s2 = s1.blocks.at(2);
  ASSERT_EQ(s2.kind, BlockKind::Section);
  EXPECT_EQ(s2.level, 2);
  EXPECT_FALSE(s2.numbered);
  const Block& s3 = s2.blocks.at(0);
  EXPECT_EQ(s3.level, 3);
  const Block& s4 = s3.blocks.at(0);
  EXPECT_EQ(s4.level, 4);
  EXPECT_EQ(s4.id, "s1-1-1-1");
  ASSERT_EQ(d().annexes.size(), 1u);
  EXPECT_EQ(d().annexes[0].level, 1);
  EXPECT_EQ(d().annexes[0].blocks.at(0).level, 2);
  EXPECT_EQ(d().annexes[0].pos.path, "/publication/annexes/section");
}

TEST_F(ReportModel, Figures) {
  const Block& s4 = d().body.at(0).blocks.at(2).blocks.at(0).blocks.at(0);
  const Block& f1 = s4.blocks.at(0);
  ASSERT_EQ(f1.kind, BlockKind::Figure);
  EXPECT_EQ(f1.image.src, "figures/chart-2025.png");
  EXPECT_EQ(f1.image.alt, "Applications per month");
  EXPECT_DOUBLE_EQ(*f1.image.width_percent, 80.0);
  EXPECT_EQ(model::plain_text(f1.caption), "Applications per month");
  const Block& f2 = s4.blocks.at(1);
  EXPECT_EQ(f2.image.src.rfind("data:image/png;base64,iVBOR", 0), 0u);
  EXPECT_NEAR(*f2.image.width_points, 2 * 72 / 2.54, 1e-9);
  EXPECT_FALSE(f2.image.width_percent);
}

TEST_F(ReportModel, ChartBoxQuotePreDefinitionListPagebreakTable) {
  const auto& b = d().body.at(0).blocks;
  const Block& chart = b.at(3);
  ASSERT_EQ(chart.kind, BlockKind::Chart);
  EXPECT_EQ(chart.chart.type, "bar");
  ASSERT_EQ(chart.chart.series.size(), 2u);
  EXPECT_EQ(chart.chart.series[0].name, "2024");
  EXPECT_EQ(chart.chart.series[0].points.at(1).label, "Q2");
  EXPECT_DOUBLE_EQ(chart.chart.series[0].points.at(1).value, 8750.5);
  EXPECT_DOUBLE_EQ(chart.chart.series[1].points.at(0).value, -12);
  EXPECT_EQ(model::plain_text(chart.caption), "Asylum applications");

  EXPECT_EQ(b.at(4).kind, BlockKind::Box);
  EXPECT_EQ(b.at(4).box_type, "warning");
  EXPECT_TRUE(b.at(4).title.empty());

  const Block& quote = b.at(5);
  EXPECT_EQ(quote.kind, BlockKind::Quote);
  EXPECT_EQ(quote.dir, model::Dir::Rtl);
  EXPECT_EQ(quote.lang, "ar");
  EXPECT_EQ(quote.blocks.at(0).dir, model::Dir::Rtl);  // inherited
  EXPECT_EQ(quote.blocks.at(0).lang, "ar");
  EXPECT_EQ(model::plain_text(quote.source), "Model message");

  EXPECT_EQ(b.at(6).kind, BlockKind::Pre);
  EXPECT_EQ(b.at(6).text, "line 1\n   line 2");

  const Block& dl = b.at(7);
  ASSERT_EQ(dl.kind, BlockKind::DefList);
  ASSERT_EQ(dl.blocks.size(), 4u);
  EXPECT_EQ(dl.blocks[0].kind, BlockKind::DefTerm);
  EXPECT_EQ(model::plain_text(dl.blocks[0].inlines), "Single permit");
  EXPECT_EQ(dl.blocks[1].kind, BlockKind::DefDesc);
  EXPECT_EQ(dl.blocks[1].blocks.at(0).kind, BlockKind::Paragraph);
  EXPECT_EQ(dl.blocks[3].blocks.at(0).pos.path, "/publication/body/section[1]/definition-list/definition[2]/p");

  EXPECT_EQ(b.at(8).kind, BlockKind::PageBreak);

  const model::Table& t = b.at(9).table;
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[0].group, model::RowGroup::Head);
  EXPECT_EQ(t.rows[1].group, model::RowGroup::Body);
  EXPECT_EQ(t.rows[1].cells.at(0).rowspan, 2);
  EXPECT_TRUE(t.rows[1].cells.at(0).blocks.empty());  // empty cell: no paragraph
  EXPECT_TRUE(t.rows[1].cells.at(0).inlines.empty());
  EXPECT_EQ(t.rows[2].group, model::RowGroup::Body);
  EXPECT_EQ(t.rows[3].group, model::RowGroup::Foot);
  EXPECT_TRUE(t.columns.empty());
}

TEST(XmlModel, LanguageTagsAreStoredInConventionalCase) {
  const auto r = parse_text(in_section("<p xml:lang=\"PT-br\">x <span xml:lang=\"SR-latn\">y</span></p>"));
  const auto& p = r.doc.body.at(0).blocks.at(0);
  EXPECT_EQ(p.lang, "pt-BR");
  EXPECT_EQ(p.inlines.at(1).lang, "sr-Latn");
}

TEST(XmlModel, EveryNodeHasLanguageAndPosition) {
  const auto d = parse_data_file("valid/report.xml").doc;
  std::function<void(const std::vector<Inline>&)> inl = [&](const std::vector<Inline>& v) {
    for (const Inline& in : v) {
      EXPECT_FALSE(in.lang.empty());
      EXPECT_GT(in.pos.line, 0);
      EXPECT_FALSE(in.pos.path.empty());
      inl(in.children);
    }
  };
  std::function<void(const std::vector<Block>&)> blk = [&](const std::vector<Block>& v) {
    for (const Block& b : v) {
      EXPECT_FALSE(b.lang.empty());
      EXPECT_GT(b.pos.line, 0);
      EXPECT_GT(b.pos.column, 0);
      EXPECT_EQ(b.pos.path.str().rfind("/publication/", 0), 0u);
      inl(b.inlines);
      inl(b.title);
      blk(b.blocks);
      for (const auto& r : b.table.rows)
        for (const auto& c : r.cells) {
          EXPECT_FALSE(c.lang.empty());
          blk(c.blocks);
          inl(c.inlines);
        }
    }
  };
  blk(d.body);
  blk(d.annexes);
  blk(d.summary);
}

}  // namespace
}  // namespace emnpub::xml::test
