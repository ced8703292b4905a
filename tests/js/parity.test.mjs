// Parity: our Rust port of elasticlunr's scoring ranks exactly as elasticlunr.js 0.9.5 on the
// same reference index (its lengths rounded as the engine keeps them), with scores within 1e-9.
// `cargo test` writes the reference index and, for each query and configuration, our tokens and
// ranking (tests/search.rs); this replays them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const elasticlunr = require("elasticlunr");
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIR = process.env.PARITY_DIR ?? path.join(ROOT, "target/tmp/parity");

test("elasticlunr.js 0.9.5 ranks every case as the Rust engine does", () => {
  assert.ok(existsSync(path.join(DIR, "cases.json")), `no parity cases in ${DIR}: run cargo test first`);
  assert.equal(elasticlunr.version, "0.9.5");
  const index = elasticlunr.Index.load(JSON.parse(readFileSync(path.join(DIR, "index.json"), "utf8")));
  // Queries arrive tokenized by our tokenizer: split them back on spaces, and change nothing.
  elasticlunr.tokenizer = (text) => (text ? text.split(" ") : []);
  index.pipeline.reset();
  const cases = JSON.parse(readFileSync(path.join(DIR, "cases.json"), "utf8"));
  let compared = 0;
  for (const c of cases) {
    const fields = {};
    for (const f of c.config.fields) fields[f.field] = { boost: f.boost, bool: f.bool, expand: f.expand };
    const results = index.search(c.tokens.join(" "), { fields });
    const label = `${c.config_name} ${JSON.stringify(c.query)}`;
    assert.deepEqual(results.map((r) => Number(r.ref)), c.ranked.map(([doc]) => doc), `ranking differs for ${label}`);
    results.forEach((r, i) => {
      assert.ok(Math.abs(r.score - c.ranked[i][1]) <= 1e-9, `score of doc ${r.ref} differs for ${label}: ${r.score} vs ${c.ranked[i][1]}`);
      compared++;
    });
  }
  assert.ok(compared > 200, `only ${compared} scores compared`);
});
