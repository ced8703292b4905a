// Reads a built site's bundle for the tests as the build has it: the bundle, with its articles and
// takeaways (stored as columns, the takeaways without their ids, articles and ordinals) as one object each, and its
// texts (the takeaways' bodies and summaries, the articles' context) put back in place.
import { readFileSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** Takeaways a list shows before "show more": the app's `PAGE` (src/explore/url.rs). */
export const PAGE = Number(readFileSync(new URL("../../src/explore/url.rs", import.meta.url), "utf8")
  .match(/pub const PAGE: usize = (\d+);/)[1]);

/** Cards typing puts in before the rest: the app's `SCREENFUL` (src/app/pages/home.rs). */
export const SCREENFUL = Number(readFileSync(new URL("../../src/app/pages/home.rs", import.meta.url), "utf8")
  .match(/pub const SCREENFUL: usize = (\d+);/)[1]);

/** The name of a site's data file of `kind` ("bundle", "texts", "search"): `bundle.<hash>.json`. */
export function dataFile(dist, kind) {
  const found = readdirSync(dist).filter((f) => new RegExp(`^${kind}\\.[0-9a-f]{16}\\.json$`).test(f));
  if (found.length !== 1) throw new Error(`${dist}: ${found.length} ${kind}.<hash>.json files`);
  return found[0];
}

export async function readBundle(dist) {
  const read = async (kind) => JSON.parse(await readFile(path.join(dist, dataFile(dist, kind)), "utf8"));
  const [bundle, texts] = [await read("bundle"), await read("texts")];
  const a = bundle.articles;
  bundle.articles = a.id.map((id, i) => ({
    id,
    title: a.title[i],
    title_en: a.title_en?.[i] ?? undefined,
    file: a.file?.[i] ?? `${id}.md`,
    event: a.event?.[i] ?? undefined,
    date: a.date?.[i] ?? undefined,
    authors: a.authors?.[i] ?? [],
    url: a.url?.[i] ?? undefined,
    original_url: a.original_url?.[i] ?? undefined,
    tags: a.tags?.[i] ?? [],
  }));
  const columns = bundle.takeaways;
  const [themes, projects] = [lists(columns.themes, false), lists(columns.projects, true)];
  // The title-only takeaways' numbers, each written as its gap from the one before.
  let at = 0;
  const titleOnly = new Set(columns.title_only.map((gap) => (at += gap)));
  const placed = columns.per_article.flatMap((count, article) => Array.from({ length: count }, (_, n) => [article, n + 1]));
  bundle.takeaways = placed.map(([article, ordinal], i) => ({
    id: takeawayId(bundle.articles[article].id, ordinal, columns.title[i]),
    article,
    ordinal,
    title: columns.title[i],
    alt_title: columns.alt_title?.[i] ?? undefined,
    title_en: columns.title_en?.[i] ?? undefined,
    summary: texts.takeaway_summaries[i],
    title_only: titleOnly.has(i),
    themes: themes[i],
    theme_terms: texts.theme_terms[i],
    projects: projects[i],
    body_html: texts.bodies[i],
  }));
  bundle.articles.forEach((a, i) => { a.context = texts.contexts[i]; });
  return bundle;
}

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** A list per takeaway as the bundle writes it (`model::columns::Lists`): each list's numbers in
 * base64 VLQ (`model::vlq`: 5 bits a digit, lowest first, the sixth saying another follows), as
 * gaps from the one before if `ascending`, each list ended by a comma. */
function lists(text, ascending) {
  return text.split(",").slice(0, -1).map((list) => {
    const numbers = [];
    let [n, shift, previous] = [0, 0, 0];
    for (const char of list) {
      const digit = DIGITS.indexOf(char);
      if (digit < 0) throw new Error(`not a VLQ digit: ${char}`);
      n += (digit & 31) * 2 ** shift;
      if (digit & 32) {
        shift += 5;
        continue;
      }
      previous = ascending ? previous + n : n;
      numbers.push(previous);
      [n, shift] = [0, 0];
    }
    return numbers;
  });
}

/** A takeaway's id, as the app makes it again (`model::ids::takeaway_id`): `<article>-<ordinal>`,
 * then `-` and up to three Latin words of its title, lower-cased. */
function takeawayId(article, ordinal, title) {
  const slug = title.split(/[^A-Za-z0-9]+/).filter(Boolean).slice(0, 3).join("-").toLowerCase();
  return slug ? `${article}-${ordinal}-${slug}` : `${article}-${ordinal}`;
}

/** The seed corpus's takeaways that name theme `id`. */
export const withTheme = (bundle, id) => {
  const theme = bundle.themes.findIndex((t) => t.id === id);
  return bundle.takeaways.filter((t) => t.themes?.includes(theme));
};

/** The seed corpus's takeaway on DevOps, which the tests open in both languages. */
export const devopsTakeaway = (bundle) => bundle.takeaways.find((t) => t.title.startsWith("DevOps"));
