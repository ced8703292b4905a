// Reads a built site's bundle for the tests as the build has it: bundle.json with its texts
// (texts.json: the takeaways' bodies and the articles' context) put back in place.
import { readFile } from "node:fs/promises";
import path from "node:path";

export async function readBundle(dist) {
  const read = async (file) => JSON.parse(await readFile(path.join(dist, file), "utf8"));
  const [bundle, texts] = [await read("bundle.json"), await read("texts.json")];
  bundle.takeaways.forEach((t, i) => { t.body_html = texts.bodies[i]; });
  bundle.articles.forEach((a, i) => { a.context = texts.contexts[i]; });
  return bundle;
}
