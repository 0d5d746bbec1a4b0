// Paragraphs set ahead on a helper thread (text/paragraph_prefetch.hpp):
// the layout thread gets exactly the lines it would have set itself, each
// paragraph is set by one thread only, and the helper stops where the two
// meet or when told to.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "paragraph_test_support.hpp"
#include "text/paragraph_prefetch.hpp"

namespace emnpub::text {
namespace {

using testing_support::paragraph_of;
using testing_support::TextEnv;
using ThreadSetter = testing_support::SetterWithCache;

ParagraphSpec spec_of(const std::string& text, Fixed width = 200 * kPt) {
  return paragraph_of(text, width, "nl", true);
}

std::vector<ParagraphSpec> document() {
  std::vector<ParagraphSpec> out;
  for (int i = 0; i < 12; ++i)
    out.push_back(spec_of("Paragraaf " + std::to_string(i) +
                          ": de verzoeken om internationale bescherming namen toe, vooral in de "
                          "opvangcentra van de lidstaten die het gemeenschappelijk asielstelsel toepassen."));
  out.push_back(spec_of("Paragraaf 0: een herhaling van een maat die al bestaat.", 120 * kPt));
  out.push_back(out.front());  // the same paragraph twice: set once
  return out;
}

// Each line's glyph ids and positions, as one comparable string.
std::string trace(const SetParagraph& p) {
  std::string s;
  for (const SetLine& l : p.lines) {
    s += "line " + std::to_string(l.width) + " " + std::to_string(l.ascent) + (l.hyphenated ? " -" : "") + ":";
    for (const GlyphRun& r : l.runs) {
      s += " [" + r.text + "]@" + std::to_string(r.x);
      for (const PlacedGlyph& g : r.glyphs) s += " " + std::to_string(g.gid) + "/" + std::to_string(g.x);
    }
    s += "\n";
  }
  return s;
}


// Each paragraph's trace, set by one thread without a helper.
std::vector<std::string> set_alone(TextEnv& f, const std::vector<ParagraphSpec>& doc) {
  ThreadSetter t(f);
  std::vector<std::string> out;
  for (const auto& s : doc) out.push_back(trace(t.setter.set(s)));
  return out;
}

TEST(ParagraphPrefetch, RecordingSetsNothingAndKeepsTheOrder) {
  TextEnv f;
  Shaper shaper;
  ParagraphSetter setter(f.fonts, f.hyphenators, shaper);
  std::vector<ParagraphSpec> recorded;
  setter.record_into([&recorded](const ParagraphSpec& s) { recorded.push_back(s); });
  for (const auto& s : document()) {
    const SetParagraph p = setter.set(s);
    ASSERT_EQ(p.lines.size(), 1u);
    EXPECT_TRUE(p.lines[0].runs.empty());
    EXPECT_EQ(p.lines[0].width, s.width);
  }
  EXPECT_EQ(shaper.cache_misses(), 0u);  // nothing was shaped
  ASSERT_EQ(recorded.size(), document().size());
  for (size_t i = 0; i < recorded.size(); ++i)
    EXPECT_EQ(ParagraphSetter::key_of(recorded[i]), ParagraphSetter::key_of(document()[i]));
}

TEST(ParagraphPrefetch, LayoutGetsTheLinesItWouldHaveSet) {
  TextEnv f;
  const std::vector<ParagraphSpec> doc = document();
  const std::vector<std::string> alone = set_alone(f, doc);
  // The helper sets everything first, then the layout thread asks.
  ParagraphPrefetch store;
  ThreadSetter helper(f);
  EXPECT_EQ(store.run(doc, helper.setter), doc.size() - 1);  // the repeat is set once
  ThreadSetter layout(f);
  layout.setter.share(&store);
  for (size_t i = 0; i < doc.size(); ++i) EXPECT_EQ(trace(layout.setter.set(doc[i])), alone[i]) << "paragraph " << i;
  EXPECT_EQ(layout.shaper.cache_misses(), 0u);  // the layout thread shaped nothing
  EXPECT_EQ(store.taken(), doc.size() - 1);  // the repeat came from its own cache
}

TEST(ParagraphPrefetch, HelperStopsWhereTheLayoutThreadBegan) {
  TextEnv f;
  const std::vector<ParagraphSpec> doc = document();
  ParagraphPrefetch store;
  ThreadSetter layout(f);
  layout.setter.share(&store);
  // The layout thread has set the first four before the helper starts.
  for (size_t i = 0; i < 4; ++i) layout.setter.set(doc[i]);
  ThreadSetter helper(f);
  // From the last: the repeat of paragraph 0 is the layout thread's
  // already (skipped), then the helper sets the thirteenth down to the
  // fifth and stops where the layout thread is.
  EXPECT_EQ(store.run(doc, helper.setter), doc.size() - 1 - 4);
  for (size_t i = 4; i < doc.size(); ++i) layout.setter.set(doc[i]);
  EXPECT_EQ(store.taken(), doc.size() - 1 - 4);
}

TEST(ParagraphPrefetch, ALongListIsTakenAWindowAtATime) {
  TextEnv f;
  std::vector<ParagraphSpec> doc = document();
  doc.pop_back();  // no repeat: 13 distinct paragraphs
  ParagraphPrefetch store(4);
  ThreadSetter layout(f);
  layout.setter.share(&store);
  for (size_t i = 0; i < 2; ++i) layout.setter.set(doc[i]);
  ThreadSetter helper(f);
  // Windows [0,4) [4,8) [8,12) [12,13): in the first the helper meets the
  // layout thread after setting 3 and 2; the others it sets whole.
  EXPECT_EQ(store.run(doc, helper.setter), 2u + 4u + 4u + 1u);
  for (size_t i = 2; i < doc.size(); ++i) layout.setter.set(doc[i]);
  EXPECT_EQ(store.taken(), 11u);
}

TEST(ParagraphPrefetch, BothThreadsAtOnceSetEachParagraphOnce) {
  TextEnv f;
  const std::vector<ParagraphSpec> doc = document();
  const std::vector<std::string> alone = set_alone(f, doc);
  for (int round = 0; round < 5; ++round) {
    ParagraphPrefetch store;
    size_t helper_set = 0;
    std::thread helper_thread([&] {
      ThreadSetter helper(f);
      helper_set = store.run(doc, helper.setter);
    });
    ThreadSetter layout(f);
    layout.setter.share(&store);
    std::vector<std::string> got;
    for (const auto& s : doc) got.push_back(trace(layout.setter.set(s)));
    store.stop();
    helper_thread.join();
    EXPECT_EQ(got, alone);
    // Whatever the helper set before the two met, the layout thread took.
    EXPECT_EQ(store.taken(), helper_set);
  }
}

TEST(ParagraphPrefetch, StoppedOrOverBudgetTheHelperBeginsNoMore) {
  TextEnv f;
  const std::vector<ParagraphSpec> doc = document();
  ThreadSetter helper(f);
  ParagraphPrefetch stopped;
  stopped.stop();
  EXPECT_EQ(stopped.run(doc, helper.setter), 0u);
  ParagraphPrefetch tiny(256, 1);  // a budget one paragraph exceeds
  EXPECT_EQ(tiny.run(doc, helper.setter), 1u);
}

}  // namespace
}  // namespace emnpub::text
