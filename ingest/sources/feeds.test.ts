import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { NewsRecord } from "../records";
import { DEFAULT_FEEDS, feedNameFor, feedsSource, parseFeed } from "./feeds";
import { parseIsoDateTime, parseRfc822Date } from "./feeds-dates";

const DIR = "../shared/data/news-feeds";
const recorded = (name: string) => readFileSync(`${DIR}/${name}`, "utf8");
const fixture = (name: string) => readFileSync(`ingest/sources/fixtures/feeds/${name}`, "utf8");
const ctx = (feed: string, observedAt = "2026-08-22T17:05:14Z") => ({ feed, observedAt: new Date(observedAt), url: `https://feeds.example/${feed}.xml` });
const news = (records: unknown[]) => records as NewsRecord[];
const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://site.example/</link>${items}</channel></rss>`;

describe("parseFeed on the recorded feeds", () => {
  it("reads every item of the 13 recorded RSS and Atom feeds", () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith(".xml")).sort();
    const counts = Object.fromEntries(files.map((f) => {
      const r = parseFeed(recorded(f), ctx(f));
      expect(r.rejections).toEqual([]);
      return [f, r.records.length];
    }));
    expect(counts).toEqual({
      "ainewsdirect.anthropic_news.atom.xml": 13, "ainewsdirect.deepseek_news.atom.xml": 14, "ainewsdirect.minimax_blog.atom.xml": 19,
      "ainewsdirect.moonshot_blog.atom.xml": 9, "ainewsdirect.z_ai_blog.atom.xml": 16, "olshansk.feed_anthropic_news.xml": 255,
      "olshansk.feed_cohere.xml": 50, "olshansk.feed_google_ai.xml": 10, "olshansk.feed_meta_ai.xml": 88, "olshansk.feed_mistral.xml": 54,
      "olshansk.feed_ollama.xml": 56, "olshansk.feed_openai_research.xml": 194, "olshansk.feed_xainews.xml": 39,
    });
  });

  it("reads an RSS item's title, link and RFC 822 date, and drops a summary that repeats the title", () => {
    const { records } = parseFeed(recorded("olshansk.feed_anthropic_news.xml"), ctx("anthropic-news"));
    expect(records[0]).toEqual({
      type: "news", url: "https://www.anthropic.com/news/claude-text-watermark", title: "How Claude’s text watermark works",
      publishedAt: new Date("2026-08-14T00:00:00Z"), feed: "anthropic-news", summary: null,
    });
    expect(news(records).at(-1)!.publishedAt).toEqual(new Date("2021-05-28T00:00:00Z"));
  });

  it("applies pubDate offsets (-0400) when converting to UTC", () => {
    const first = news(parseFeed(recorded("olshansk.feed_cohere.xml"), ctx("cohere-blog")).records)[0]!;
    expect(first.title).toBe("Cohere advances sovereign AI capabilities with NVIDIA");
    expect(first.publishedAt).toEqual(new Date("2026-03-16T20:28:39Z"));
    expect(first.summary).toBe("NVIDIA ecosystem-native model and local North instance will meet growing market demand for secure, privately run AI systems");
  });

  it("keeps Chinese titles intact and reads Atom dates", () => {
    const { records } = parseFeed(recorded("ainewsdirect.deepseek_news.atom.xml"), ctx("deepseek-news"));
    expect(records[0]).toMatchObject({
      url: "https://api-docs.deepseek.com/zh-cn/news/news251201", title: "DeepSeek-V3.2 正式版发布 2025/12/01",
      publishedAt: new Date("2025-12-01T00:00:00Z"), summary: "DeepSeek news: DeepSeek-V3.2 正式版发布 2025/12/01",
    });
    expect(news(records).every((r) => /[\u4e00-\u9fff]/.test(r.title))).toBe(true);
  });

  it("strips the image from escaped-HTML descriptions", () => {
    const first = news(parseFeed(recorded("olshansk.feed_google_ai.xml"), ctx("google-developers-ai")).records)[0]!;
    expect(first.summary).toMatch(/^Building autonomous AI agents that mutate production state/);
    expect(first.summary).not.toMatch(/<img|<br/);
  });

  it("gives items that share one release-notes link a fragment per title", () => {
    const { records } = parseFeed(recorded("ainewsdirect.z_ai_blog.atom.xml"), ctx("z-ai-news"));
    const urls = news(records).map((r) => r.url);
    expect(new Set(urls).size).toBe(16);
    expect(urls[0]).toBe("https://docs.z.ai/release-notes/new-released#glm-5-1");
    expect(urls.every((u) => u.startsWith("https://docs.z.ai/release-notes/new-released#"))).toBe(true);
  });
});

describe("parseFeed refuses unsafe or broken payloads", () => {
  it("refuses an entity-expansion bomb without expanding it", () => {
    expect(() => parseFeed(fixture("billion-laughs.xml"), ctx("bomb"))).toThrow(/^feed declares entities; refused/);
  });

  it("refuses external entities and a bare DOCTYPE", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>`;
    expect(() => parseFeed(xxe, ctx("xxe"))).toThrow(/^feed declares entities; refused/);
    expect(() => parseFeed(`<!DOCTYPE rss SYSTEM "http://evil.example/rss.dtd">${rss("")}`, ctx("dtd"))).toThrow(/^feed declares entities; refused/);
  });

  it("does not mistake a DOCTYPE quoted inside CDATA for a declaration", () => {
    const item = `<item><title>HTML5 tips</title><link>https://site.example/html5</link><description><![CDATA[<p>Start with <code><!DOCTYPE html></code></p>]]></description><pubDate>Thu, 20 Nov 2025 08:00:00 +0000</pubDate></item>`;
    const { records } = parseFeed(rss(item), ctx("t"));
    expect(news(records).map((r) => r.title)).toEqual(["HTML5 tips"]);
    expect(news(records)[0]!.summary).not.toContain("DOCTYPE"); // as HTML it is a directive, which the sanitiser drops
  });

  it("fails the whole payload on malformed XML", () => {
    const xai = recorded("olshansk.feed_xainews.xml");
    expect(() => parseFeed(xai.slice(0, xai.indexOf("</item>", 3000) + 7), ctx("t"))).toThrow("malformed XML: unclosed element <channel> at the end of the document (truncated?)");
    expect(() => parseFeed(xai.slice(0, 4000), ctx("t"))).toThrow(/^malformed XML: /);
    expect(() => parseFeed(rss("<item><title>a</item>"), ctx("t"))).toThrow("malformed XML: end tag </item> does not match <title> at line 1");
    expect(() => parseFeed(rss("<item><title>AT&T</title></item>"), ctx("t"))).toThrow('malformed XML: unescaped "&"');
    expect(() => parseFeed(rss("<item><title>a&nbsp;b</title></item>"), ctx("t"))).toThrow('malformed XML: undefined entity "&nbsp;"');
    expect(() => parseFeed(`${rss("")}<rss/>`, ctx("t"))).toThrow("malformed XML: more than one root element");
    expect(() => parseFeed(`${rss("")} trailing`, ctx("t"))).toThrow("malformed XML: text outside the root element");
    expect(() => parseFeed(`<rss><channel attr=unquoted></channel></rss>`, ctx("t"))).toThrow("malformed XML: malformed start tag <channel>");
  });

  it("fails on HTML, JSON or an unknown root instead of a feed", () => {
    expect(() => parseFeed("<!DOCTYPE html><html><body>Just a moment...</body></html>", ctx("t"))).toThrow('expected an RSS or Atom feed but got HTML (starts with "<!DOCTYPE html>")');
    expect(() => parseFeed('{"items": []}', ctx("t"))).toThrow("expected an RSS or Atom feed but got JSON");
    expect(() => parseFeed("<opml version='2.0'><body/></opml>", ctx("t"))).toThrow("expected an RSS or Atom feed but the root element is <opml>");
    expect(() => parseFeed("", ctx("t"))).toThrow("expected an RSS or Atom feed but the payload is empty");
  });
});

describe("parseFeed item rules", () => {
  const hostile = parseFeed(fixture("hostile-items.rss.xml"), { ...ctx("test", "2026-08-22T00:00:00Z"), url: "https://feeds.example/hostile.xml" });

  it("sanitises the summary to a few inline tags with http(s) links only", () => {
    const first = news(hostile.records)[0]!;
    expect(first.title).toBe("深度求索发布 DeepSeek-V3.2 正式版");
    expect(first.publishedAt).toEqual(new Date("2025-12-01T01:30:00Z"));
    expect(first.summary).toBe('<p>Hello <b>world</b> <a>js link</a> <a href="https://news.example.com/docs/v3.2">docs</a> <a href="https://ok.example/page">ok</a> <code>&lt;!DOCTYPE html&gt;</code> span</p>');
    expect(first.summary).not.toMatch(/script|style|iframe|fallback|onclick|onerror|onmouseover|javascript|<img|target/);
  });

  it("rejects items without an http(s) link, a title or a parsable, plausible date and keeps the rest", () => {
    expect(news(hostile.records).map((r) => [r.url, r.title, r.publishedAt.toISOString(), r.summary])).toEqual([
      ["https://news.example.com/zh/deepseek-v3-2", "深度求索发布 DeepSeek-V3.2 正式版", "2025-12-01T01:30:00.000Z", expect.any(String)],
      ["https://news.example.com/posts/relative", "Relative link, ISO date, content:encoded", "2025-11-20T13:00:00.000Z", "<ul><li>one</li><li>two</li></ul>"],
      ["https://news.example.com/guid-only", "Only a permalink guid", "2025-11-20T13:00:00.000Z", null],
    ]);
    expect(hostile.rejections.map((r) => [r.record, r.field, r.reason])).toEqual([
      ["javascript:alert(document.cookie)", "link", 'link "javascript:alert(document.cookie)" is not an http(s) URL'],
      ["https://news.example.com/undated", "pubDate", "no date"],
      ["https://news.example.com/badly-dated", "pubDate", 'unparsable date "sometime last week"'],
      ["https://news.example.com/future", "pubDate", "dated 2031-01-01T00:00:00.000Z, after the feed was fetched (2026-08-22T00:00:00.000Z)"],
      ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "link", 'link "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" is not an http(s) URL'],
      ["https://news.example.com/no-title", "title", "empty title"],
    ]);
    expect(hostile.rejections.every((r) => r.file === "test")).toBe(true);
  });

  it("reads Atom html titles, xhtml content, alternate links and published dates", () => {
    const { records, rejections } = parseFeed(fixture("release-notes.atom.xml"), ctx("notes", "2026-04-10T00:00:00Z"));
    expect(records).toEqual([
      { type: "news", url: "https://example.com/release-notes#model-x-2-friends", title: "Model X-2 & friends", publishedAt: new Date("2026-04-07T07:00:00.123Z"), feed: "notes",
        summary: '<p>Now <strong>faster</strong>; see <a href="https://example.com/x2">the post</a>.</p>' },
      { type: "news", url: "https://example.com/release-notes#model-x-1", title: "Model X-1", publishedAt: new Date("2026-01-15T00:00:00Z"), feed: "notes",
        summary: "Plain text with a &lt;tag&gt; that is not markup" },
    ]);
    expect(rejections.map((r) => [r.record, r.field, r.reason])).toEqual([
      ["Self link only", "link", "no link"],
      ["https://example.com/release-notes", "link", "the same link and title as an earlier item"],
    ]);
  });

  it("fails the payload when no item of a feed can be read (drift, not bad items)", () => {
    const undated = [1, 2, 3].map((i) => `<item><title>t${i}</title><link>https://site.example/${i}</link><published>2026-01-0${i}</published></item>`).join("");
    expect(() => parseFeed(rss(undated), ctx("t"))).toThrow("none of the 3 feed items could be read (first: pubDate: no date)");
  });
});

describe("feed dates", () => {
  it("parses RFC 822 with offsets, zone names and two-digit years, and refuses nonsense", () => {
    expect(parseRfc822Date("Fri, 14 Aug 2026 00:00:00 +0000")).toEqual(new Date("2026-08-14T00:00:00Z"));
    expect(parseRfc822Date("Mon, 16 Mar 2026 16:28:39 -0400")).toEqual(new Date("2026-03-16T20:28:39Z"));
    expect(parseRfc822Date("16 Mar 26 16:28 PDT")).toEqual(new Date("2026-03-16T23:28:00Z"));
    expect(parseRfc822Date("Tue, 31 Feb 2026 00:00:00 GMT")).toBeNull();
    expect(parseRfc822Date("Tue, 03 Foo 2026 00:00:00 GMT")).toBeNull();
    expect(parseRfc822Date("2026-03-16")).toBeNull();
  });

  it("parses RFC 3339 with fractions and offsets", () => {
    expect(parseIsoDateTime("2026-04-30T13:03:04.726259+00:00")).toEqual(new Date("2026-04-30T13:03:04.726Z"));
    expect(parseIsoDateTime("2025-11-20T08:00:00-05:00")).toEqual(new Date("2025-11-20T13:00:00Z"));
    expect(parseIsoDateTime("2025-11-20")).toEqual(new Date("2025-11-20T00:00:00Z"));
    expect(parseIsoDateTime("2025-13-01T00:00:00Z")).toBeNull();
  });
});

describe("feed list and source", () => {
  it("lists the official lab feeds and the recorded feeds' live URLs, with unique names", () => {
    const urls = DEFAULT_FEEDS.map((f) => f.url);
    expect(urls).toEqual(expect.arrayContaining([
      "https://openai.com/news/rss.xml", "https://deepmind.google/blog/rss.xml", "https://huggingface.co/blog/feed.xml",
      "https://raw.githubusercontent.com/Olshansk/rss-feeds/main/feeds/feed_anthropic_news.xml",
      "https://raw.githubusercontent.com/mibuhand/AI-News-Direct/main/feeds/deepseek_news.xml",
    ]));
    expect(DEFAULT_FEEDS).toHaveLength(16);
    expect(new Set(DEFAULT_FEEDS.map((f) => f.name)).size).toBe(DEFAULT_FEEDS.length);
    expect(urls.every((u) => u.startsWith("https://"))).toBe(true);
  });

  it("names the feed of a payload from its URL when parsed through the source descriptor", () => {
    expect(feedNameFor("https://openai.com/news/rss.xml")).toBe("openai-news");
    expect(feedNameFor("https://blog.example.org/feed")).toBe("blog.example.org");
    expect(feedNameFor("file:/tmp/olshansk.feed_mistral.xml")).toBe("olshansk.feed_mistral");
    const { records } = feedsSource.parse(recorded("olshansk.feed_mistral.xml"), { observedAt: new Date("2026-05-28T00:00:00Z"), url: `https://raw.githubusercontent.com/Olshansk/rss-feeds/main/feeds/feed_mistral.xml` });
    expect(news(records)[0]!.feed).toBe("mistral-news");
    expect(feedsSource).toMatchObject({ slug: "news-feeds", kind: "news" });
  });
});
