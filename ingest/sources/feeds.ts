/**
 * News feed adapter: RSS 2.0 (and RSS 1.0) and Atom. Pure: one feed's text in, NewsRecords out.
 * - XML is read by ./feeds-xml.ts, which refuses any DOCTYPE/ENTITY declaration (no entity
 *   expansion, so no "billion laughs") and throws on malformed XML; both are whole-payload errors.
 *   rss-parser is not used: its API is asynchronous and it would parse before we could refuse.
 * - Per item: the title is trimmed (whitespace collapsed); the link must be an http(s) URL; the date
 *   comes from RSS pubDate (RFC 822, or ISO 8601) / dc:date, or Atom published / updated; the summary
 *   (RSS description or content:encoded, Atom summary or content) is sanitised HTML, or null when it
 *   only repeats the title. An item failing one of these is a rejection; the others are kept.
 * - Some scraped feeds give several items the same link (one release-notes page for every model
 *   release). NewsItem.url is a key, so those items get a "#<title>" fragment on the shared link.
 */
import sanitizeHtml from "sanitize-html";
import type { NewsRecord, ParseContext, ParseResult, Rejection } from "../records";
import { parseFeedDate, parseIsoDateTime } from "./feeds-dates";
import { XmlDeclarationError, XmlSyntaxError, childElements, escapeXmlText, firstChild, innerMarkup, parseXml, textOf, type XmlElement } from "./feeds-xml";

export { linkNewsToEntities, type EntityLinks, type LabRef, type ModelRef } from "./feeds-entities";

export interface FeedParseContext extends ParseContext {
  /** the feed's name, stored on every record (e.g. "openai-news") */
  feed: string;
}
export interface FeedDefinition {
  name: string;
  url: string;
}

const OLSHANSK = "https://raw.githubusercontent.com/Olshansk/rss-feeds/main/feeds/";
const AI_NEWS_DIRECT = "https://raw.githubusercontent.com/mibuhand/AI-News-Direct/main/feeds/";
/** Feeds fetched in production: the labs' own feeds, then the scraped newsrooms recorded in ../shared/data/news-feeds. */
export const DEFAULT_FEEDS: readonly FeedDefinition[] = [
  { name: "openai-news", url: "https://openai.com/news/rss.xml" },
  { name: "google-deepmind-blog", url: "https://deepmind.google/blog/rss.xml" },
  { name: "huggingface-blog", url: "https://huggingface.co/blog/feed.xml" },
  { name: "anthropic-news", url: `${OLSHANSK}feed_anthropic_news.xml` },
  { name: "openai-research", url: `${OLSHANSK}feed_openai_research.xml` },
  { name: "meta-ai-blog", url: `${OLSHANSK}feed_meta_ai.xml` },
  { name: "mistral-news", url: `${OLSHANSK}feed_mistral.xml` },
  { name: "xai-news", url: `${OLSHANSK}feed_xainews.xml` },
  { name: "cohere-blog", url: `${OLSHANSK}feed_cohere.xml` },
  { name: "google-developers-ai", url: `${OLSHANSK}feed_google_ai.xml` },
  { name: "ollama-blog", url: `${OLSHANSK}feed_ollama.xml` },
  { name: "deepseek-news", url: `${AI_NEWS_DIRECT}deepseek_news.xml` },
  { name: "minimax-news", url: `${AI_NEWS_DIRECT}minimax_blog.xml` },
  { name: "moonshot-blog", url: `${AI_NEWS_DIRECT}moonshot_blog.xml` },
  { name: "z-ai-news", url: `${AI_NEWS_DIRECT}z_ai_blog.xml` },
  { name: "anthropic-news-ai-news-direct", url: `${AI_NEWS_DIRECT}anthropic_news.xml` },
];
export const FEEDS_URLS: readonly string[] = DEFAULT_FEEDS.map((f) => f.url);

/** The feed name for a URL: the default list's name, else the host, else (file: URLs) the file name. */
export function feedNameFor(url: string | undefined): string {
  const known = DEFAULT_FEEDS.find((f) => f.url === url);
  if (known) return known.name;
  try {
    const u = new URL(url ?? "");
    return u.hostname || decodeURIComponent(u.pathname.split("/").pop() ?? "").replace(/\.(xml|rss|atom)$/i, "") || "feed";
  } catch {
    return "feed";
  }
}

export const feedsSource = {
  slug: "news-feeds",
  name: "Lab news feeds (RSS / Atom)",
  kind: "news" as const,
  url: DEFAULT_FEEDS[0]!.url,
  /** one fetch + parse per feed */
  urls: FEEDS_URLS,
  feeds: DEFAULT_FEEDS,
  defaultSchedule: "7 * * * *",
  parse: (raw: string, ctx: ParseContext): ParseResult => parseFeed(raw, { ...ctx, feed: feedNameFor(ctx.url) }),
};

const ATOM = "http://www.w3.org/2005/Atom";
const RSS1 = "http://purl.org/rss/1.0/";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const DC = "http://purl.org/dc/elements/1.1/";
const RSS_NS = [null, RSS1] as const;
const MAX_CHARS = 10_000_000;
/** an item dated this far after the fetch is mis-dated and would sit on top of the news list */
const FUTURE_SLACK_MS = 2 * 24 * 3600 * 1000;

interface Candidate {
  title: string;
  link: string;
  publishedAt: Date;
  summary: string | null;
  record: string;
}

export function parseFeed(raw: string, ctx: FeedParseContext): ParseResult {
  const root = readFeedXml(raw);
  const file = ctx.feed;
  let items: { el: XmlElement; atom: boolean }[];
  // relative item links resolve against the site's address (the channel / feed link), else the feed URL
  let site: string | undefined;
  if (root.local === "feed" && root.ns === ATOM) {
    items = childElements(root, "entry", [ATOM]).map((el) => ({ el, atom: true }));
    site = childElements(root, "link", [ATOM]).find((l) => !l.attrs.rel || l.attrs.rel === "alternate")?.attrs.href;
  } else if (root.local === "rss" && root.ns === null) {
    const channel = firstChild(root, "channel", [null]);
    if (!channel) throw new Error("payload is RSS without a <channel> element");
    items = childElements(channel, "item", [null]).map((el) => ({ el, atom: false }));
    site = childText(channel, "link", [null]);
  } else if (root.local === "RDF") {
    const channel = firstChild(root, "channel", [RSS1]);
    items = childElements(root, "item", [RSS1]).map((el) => ({ el, atom: false }));
    site = childText(channel, "link", [RSS1]);
  } else throw new Error(`expected an RSS or Atom feed but the root element is <${root.name}>`);
  const base = (site && httpUrl(site, ctx.url)) || ctx.url;

  const rejections: Rejection[] = [];
  const candidates: Candidate[] = [];
  items.forEach(({ el, atom }, i) => {
    const out = atom ? readAtomEntry(el, base) : readRssItem(el, base);
    const record = out.record || `item[${i}]`;
    if ("reason" in out) { rejections.push({ file, record, field: out.field, reason: out.reason }); return; }
    if (out.publishedAt.getTime() > ctx.observedAt.getTime() + FUTURE_SLACK_MS) {
      rejections.push({ file, record, field: atom ? "published" : "pubDate", reason: `dated ${out.publishedAt.toISOString()}, after the feed was fetched (${ctx.observedAt.toISOString()})` });
      return;
    }
    candidates.push({ ...out, record });
  });
  if (items.length >= 3 && candidates.length === 0) {
    throw new Error(`none of the ${items.length} feed items could be read (first: ${rejections[0]?.field}: ${rejections[0]?.reason})`);
  }

  const linkCount = new Map<string, number>();
  for (const c of candidates) linkCount.set(c.link, (linkCount.get(c.link) ?? 0) + 1);
  const records: NewsRecord[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const url = (linkCount.get(c.link) ?? 0) > 1 ? withTitleFragment(c.link, c.title) : c.link;
    if (seen.has(url)) { rejections.push({ file, record: c.record, field: "link", reason: "the same link and title as an earlier item" }); continue; }
    seen.add(url);
    records.push({ type: "news", url, title: c.title, publishedAt: c.publishedAt, feed: ctx.feed, summary: c.summary });
  }
  return { records, rejections };
}

function readFeedXml(raw: string): XmlElement {
  if (raw.length > MAX_CHARS) throw new Error("feed is larger than 10 million characters");
  const head = raw.replace(/^\uFEFF/, "").trimStart();
  if (head === "") throw new Error("expected an RSS or Atom feed but the payload is empty");
  if (/^[[{]/.test(head)) throw new Error("expected an RSS or Atom feed but got JSON");
  if (/^<!doctype\s+html\b|^<html[\s>]/i.test(head)) throw new Error(`expected an RSS or Atom feed but got HTML (starts with ${JSON.stringify(head.slice(0, 15))})`);
  try {
    return parseXml(raw);
  } catch (err) {
    if (err instanceof XmlDeclarationError) throw new Error(`feed declares entities; refused (${err.message})`);
    if (err instanceof XmlSyntaxError) throw new Error(`malformed XML: ${err.message}`);
    throw err;
  }
}

type ItemOutcome = Candidate | { record: string; field: string; reason: string };

function readRssItem(item: XmlElement, base: string | undefined): ItemOutcome {
  const text = (local: string, ns: readonly (string | null)[] = RSS_NS) => childText(item, local, ns);
  const title = collapse(text("title"));
  const guid = firstChild(item, "guid", RSS_NS);
  const permalink = guid && guid.attrs.isPermaLink !== "false" ? textOf(guid).trim() : "";
  const rawLink = text("link") || permalink;
  const record = rawLink || title;
  const dateText = text("pubDate") || text("date", [DC]);
  const description = text("description") || text("encoded", [CONTENT]);
  return finishItem({ title, rawLink, base, record, dateText, dateField: "pubDate", summaryHtml: description });
}

function readAtomEntry(entry: XmlElement, base: string | undefined): ItemOutcome {
  const titleEl = firstChild(entry, "title", [ATOM]);
  const title = titleEl ? collapse(atomPlainText(titleEl)) : "";
  const links = childElements(entry, "link", [ATOM]).filter((l) => !l.attrs.rel || l.attrs.rel === "alternate");
  const rawLink = (links.find((l) => !l.attrs.type || l.attrs.type === "text/html") ?? links[0])?.attrs.href?.trim() ?? "";
  const record = rawLink || title;
  const dateEl = firstChild(entry, "published", [ATOM]) ?? firstChild(entry, "updated", [ATOM]);
  const summaryEl = firstChild(entry, "summary", [ATOM]) ?? firstChild(entry, "content", [ATOM]);
  const dateText = dateEl ? textOf(dateEl).trim() : "";
  return finishItem({ title, rawLink, base, record, dateText, dateField: dateEl?.local ?? "updated", summaryHtml: summaryEl ? atomHtml(summaryEl) : "", iso: true });
}

function finishItem(p: { title: string; rawLink: string; base: string | undefined; record: string; dateText: string; dateField: string; summaryHtml: string; iso?: boolean }): ItemOutcome {
  const { title, record } = p;
  if (!title) return { record, field: "title", reason: "empty title" };
  if (!p.rawLink) return { record, field: "link", reason: "no link" };
  const link = httpUrl(p.rawLink, p.base);
  if (!link) return { record, field: "link", reason: `link ${JSON.stringify(p.rawLink.slice(0, 80))} is not an http(s) URL` };
  if (!p.dateText) return { record, field: p.dateField, reason: "no date" };
  const publishedAt = p.iso ? parseIsoDateTime(p.dateText) : parseFeedDate(p.dateText);
  if (!publishedAt) return { record, field: p.dateField, reason: `unparsable date ${JSON.stringify(p.dateText.slice(0, 60))}` };
  const summary = sanitiseSummary(p.summaryHtml, link);
  const repeatsTitle = summary !== null && collapse(decodeHtmlText(sanitizeHtml(summary, { allowedTags: [], allowedAttributes: {} }))) === title;
  return { record, title, link, publishedAt, summary: repeatsTitle ? null : summary };
}

/** Atom text constructs: type="text" (default), "html" (escaped markup) or "xhtml" (inline markup). */
function atomHtml(el: XmlElement): string {
  const type = el.attrs.type ?? "text";
  if (type === "html" || type === "text/html") return textOf(el);
  if (type === "xhtml") return innerMarkup(el);
  return escapeXmlText(textOf(el));
}

function atomPlainText(el: XmlElement): string {
  const type = el.attrs.type ?? "text";
  if (type === "text") return textOf(el);
  return decodeHtmlText(sanitizeHtml(type === "xhtml" ? innerMarkup(el) : textOf(el), { allowedTags: [], allowedAttributes: {} }));
}

const SUMMARY_TAGS = ["a", "p", "b", "i", "em", "strong", "ul", "ol", "li", "br", "code"];

function sanitiseSummary(html: string, itemLink: string): string | null {
  if (!html.trim()) return null;
  const clean = sanitizeHtml(html, {
    allowedTags: SUMMARY_TAGS,
    allowedAttributes: { a: ["href"] },
    allowedSchemes: ["http", "https"],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: ["script", "style", "textarea", "option", "xmp", "noscript", "iframe", "template", "title"],
    transformTags: {
      // relative links resolve against the item's page; anything not http(s) loses its href
      a: (tagName, attribs) => {
        const href = attribs.href ? httpUrl(attribs.href, itemLink) : null;
        const kept: sanitizeHtml.Attributes = href ? { href } : {};
        return { tagName, attribs: kept };
      },
    },
  });
  const trimmed = clean.replace(/^(\s|<br \/>)+|(\s|<br \/>)+$/g, "");
  return trimmed === "" ? null : trimmed;
}

function httpUrl(s: string, base: string | undefined): string | null {
  try {
    const u = new URL(s.trim(), base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function withTitleFragment(link: string, title: string): string {
  const u = new URL(link);
  if (u.hash) return link;
  u.hash = title.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "") || "item";
  return u.href;
}

function childText(el: XmlElement | undefined, local: string, ns: readonly (string | null)[]): string {
  const child = el && firstChild(el, local, ns);
  return child ? textOf(child).trim() : "";
}

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** The few entities sanitize-html leaves in plain text. */
function decodeHtmlText(s: string): string {
  return s
    .replace(/&#(\d{1,7});/g, (_, d: string) => safeChar(Number(d)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => safeChar(parseInt(h, 16)))
    .replace(/&(lt|gt|quot|apos|nbsp|amp);/g, (_, n: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", amp: "&" })[n as "lt"]);
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "";
}
