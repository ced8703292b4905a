// Reads a built site's bundle for the tests as the build has it: bundle.json, with its takeaways
// (stored as columns) as one object each, and its texts (texts.json: the takeaways' bodies and
// the articles' context) put back in place.
import { readFile } from "node:fs/promises";
import path from "node:path";

export async function readBundle(dist) {
  const read = async (file) => JSON.parse(await readFile(path.join(dist, file), "utf8"));
  const [bundle, texts] = [await read("bundle.json"), await read("texts.json")];
  const columns = bundle.takeaways;
  bundle.takeaways = columns.id.map((id, i) => ({
    id,
    article: columns.article[i],
    ordinal: columns.ordinal[i],
    title: columns.title[i],
    alt_title: columns.alt_title[i] ?? undefined,
    title_en: columns.title_en?.[i] ?? undefined,
    summary: columns.summary[i],
    title_only: columns.title_only.includes(i),
    themes: columns.themes[i],
    projects: columns.projects[i],
    body_html: texts.bodies[i],
  }));
  bundle.articles.forEach((a, i) => { a.context = texts.contexts[i]; });
  return bundle;
}
