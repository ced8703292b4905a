// Reads a built site's bundle.json for the tests, with its takeaways as one object each (the
// bundle stores them as columns: short fields, then the bodies apart).
import { readFile } from "node:fs/promises";
import path from "node:path";

export async function readBundle(dist) {
  const bundle = JSON.parse(await readFile(path.join(dist, "bundle.json"), "utf8"));
  const { fields, body_html: bodies } = bundle.takeaways;
  bundle.takeaways = fields.map((t, i) => ({ ...t, body_html: bodies[i] }));
  return bundle;
}
