/**
 * Which labs and models a news item mentions. Pure: text in, slugs out. Case-insensitive, on word
 * boundaries (ASCII letters and digits; CJK text has no spaces, so a CJK character next to a name
 * counts as a boundary: "DeepSeek-V3.2正式版" mentions DeepSeek-V3.2).
 * - Labs match by name, by name without its parenthetical ("Alibaba (Qwen)" → "Alibaba") and by slug.
 * - Models match by name, slug and aliases, and a model name may not be glued to more of a model
 *   id by "-" or ".": "o3-mini" does not mention o3, "GPT-5.5" does not mention GPT-5.
 * - Spaces, hyphens and underscores in a name are interchangeable ("GPT 4o" = "GPT-4o").
 * - When one model's match lies inside a longer model's match ("GPT-4o" in "GPT-4o mini"), only the
 *   longer one counts.
 */

export interface LabRef {
  slug: string;
  name: string;
}
export interface ModelRef {
  slug: string;
  name: string;
  aliases?: readonly string[];
}
export interface EntityLinks {
  labSlugs: string[];
  modelSlugs: string[];
}

const ALNUM = /[A-Za-z0-9]/;
const MIN_TERM = 2;

interface Span {
  start: number;
  end: number;
}

function termPattern(term: string): RegExp {
  const parts = term.trim().split(/[\s_-]+/).map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  return new RegExp(parts.join("[\\s_-]+"), "gi");
}

function findSpans(text: string, term: string, glued: boolean): Span[] {
  const spans: Span[] = [];
  const re = termPattern(term);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const before = text[start - 1] ?? "";
    const after = text[end] ?? "";
    const okBefore = !ALNUM.test(m[0][0]!) || (!ALNUM.test(before) && !(glued && /[-.]/.test(before) && ALNUM.test(text[start - 2] ?? "")));
    const okAfter = !ALNUM.test(m[0][m[0].length - 1]!) || (!ALNUM.test(after) && !(glued && /[-.]/.test(after) && ALNUM.test(text[end + 1] ?? "")));
    if (okBefore && okAfter) spans.push({ start, end });
    re.lastIndex = start + 1; // overlapping occurrences are fine
  }
  return spans;
}

function uniqueTerms(terms: string[]): string[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = t.trim().toLowerCase();
    if (key.length < MIN_TERM || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function labTerms(lab: LabRef): string[] {
  return uniqueTerms([lab.name, lab.name.replace(/\s*\([^)]*\)\s*/g, " "), lab.slug]);
}

export function linkNewsToEntities(text: string, labs: readonly LabRef[], models: readonly ModelRef[]): EntityLinks {
  const body = text.normalize("NFKC");

  const labSlugs = new Set<string>();
  for (const lab of labs) {
    if (labTerms(lab).some((t) => findSpans(body, t, false).length > 0)) labSlugs.add(lab.slug);
  }

  const matches: { slug: string; spans: Span[] }[] = [];
  for (const model of models) {
    const spans = uniqueTerms([model.name, model.slug, ...(model.aliases ?? [])]).flatMap((t) => findSpans(body, t, true));
    if (spans.length) matches.push({ slug: model.slug, spans });
  }
  const inside = (a: Span, b: Span) => b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
  const modelSlugs = new Set<string>();
  for (const m of matches) {
    const others = matches.filter((o) => o.slug !== m.slug).flatMap((o) => o.spans);
    if (m.spans.some((s) => !others.some((o) => inside(s, o)))) modelSlugs.add(m.slug);
  }

  return { labSlugs: [...labSlugs].sort(), modelSlugs: [...modelSlugs].sort() };
}
