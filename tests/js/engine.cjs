/* search.js's query engine over an index folder on disk, as the page runs it over <script> tags.
 *
 * As a module: openIndex(folder) and query(engine, text, filters) for the tests in this folder.
 * As a command: `node tests/js/engine.cjs FOLDER QUERY...` prints {query: [result, ...]} as JSON, for
 * tests/test_search_js.py to compare with what the Python side knows of the documents.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const search = require("../../docs/assets/search/search.js");

/* An index file's data: the script calls __briefingsSearch(name, data), as in the page. */
function readScript(folder, name) {
  const text = fs.readFileSync(path.join(folder, name + ".js"), "utf8");
  let found;
  new Function("__briefingsSearch", text)((called, data) => {
    if (called !== name) throw new Error(`${name}.js calls for ${called}`);
    found = data;
  });
  if (found === undefined) throw new Error(`no data in ${name}.js`);
  return found;
}

function openIndex(folder) {
  const requested = [];  // [name, version] of every file read
  const engine = search.createEngine((name, version) => {
    requested.push([name, version]);
    return new Promise((resolve) => resolve(readScript(folder, name)));
  });
  engine.requested = requested;
  return engine;
}

/* Every result of a query: its document, anchor, title, briefing date, kind label and snippet. */
async function query(engine, text, filters = {}) {
  const m = await engine.start();
  const result = await engine.search({ q: text, ...filters });
  const docs = await Promise.all(result.hits.map((hit) => engine.textOf(hit.doc)));
  return result.hits.map((hit, n) => ({
    doc: hit.doc,
    anchor: docs[n][0],
    title: docs[n][1],
    date: engine.briefingOf(m, hit.doc)[0],
    where: search.kindLabel(engine.kindOf(m, hit.doc), docs[n][0]),
    snippet: search.snippet(docs[n][2], result.highlight),
  }));
}

module.exports = { openIndex, query, readScript };

if (require.main === module) {
  const [folder, ...queries] = process.argv.slice(2);
  (async () => {
    const engine = openIndex(folder);
    const out = {};
    for (const text of queries) out[text] = await query(engine, text);
    process.stdout.write(JSON.stringify(out));
  })().catch((error) => { console.error(error); process.exit(1); });
}
