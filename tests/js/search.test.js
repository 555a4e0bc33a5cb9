/* The shipped query logic (docs/assets/search/search.js) over an index the Python builder wrote.
 *
 * Run by tests/test_search_js.py (`make test`), which writes the index of tests/search_corpus.py's briefings
 * and passes its folder in BRIEFINGS_INDEX. Documents, by id: 0 ministry (2015); 1 sanctions,
 * 2 relations-with-washington (title only), 3 q1 (2021); 4 introduction, 5 talks (title only); 6 greenland
 * (title only), 7 q1 (2025, two briefings that day).
 */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const search = require("../../docs/assets/search/search.js");
const { openIndex, query, readScript } = require("./engine.cjs");

const FOLDER = process.env.BRIEFINGS_INDEX;
if (!FOLDER) throw new Error("BRIEFINGS_INDEX: expected the folder of an index (run through tests/test_search_js.py)");
const engine = openIndex(FOLDER);
const docs = async (text, filters) => (await query(engine, text, filters)).map((r) => r.doc);
const sorted = (list) => [...list].sort((a, b) => a - b);

test("words are read as the builder reads them", () => {
  assert.deepEqual(search.tokens("Russia’s position"), ["russia", "position"]);
  assert.deepEqual(search.tokens("don't DON’T Sánchez, Zürich"), ["don't", "don't", "sanchez", "zurich"]);
  assert.deepEqual(search.tokens("Ambassador-at-Large snake_case"), ["ambassador", "at", "large", "snake", "case"]);
  assert.deepEqual(search.unvlq("0VW1"), [0, 31, 32]);  // converter.search.index.vlq of each
});

test("runs of stop words are numbers in the order of meta.js's stop words", () => {
  const stop = readScript(FOLDER, "meta").stop;
  assert.equal(stop[0], "the");
  assert.deepEqual(search.runWords(0, stop), []);
  assert.deepEqual(search.runWords(1, stop), ["the"]);
  const base = stop.length + 1;
  const of = stop.indexOf("of") + 1, one = stop.indexOf("a") + 1;
  assert.deepEqual(search.runWords(of * base + 1, stop), ["of", "the"]);
  assert.deepEqual(search.runWords((one * base + of) * base + 1, stop), ["a", "of", "the"]);
});

const PHRASES = [
  ['"the United States"', [1]],  // document 3 has "United States" without "the" before it
  ['"United States"', [1, 3]],
  ['"the Ministry of Foreign Affairs"', [0]],
  ['"Ministry Foreign"', []],  // not in a row
  ['"Foreign of Ministry"', []],
  ['"one of the most important"', [7]],
  ['"of the most"', [7]],  // leading stop words: the run before "most" ends with them
  ['"the most of"', [7]],  // a trailing stop word is left out
  ['"affairs russia"', []],  // "of" stands between them
  ['"policy it is sanctioned"', []],  // the question and the answer are two paragraphs
  ['"denmark one"', []],
  ['"Talks in Minsk"', [5]],  // an item with no text of its own is found by its title
];

for (const [phrase, expected] of PHRASES) {
  test(`phrase ${phrase}`, async () => {
    assert.deepEqual(sorted(await docs(phrase)), expected);
  });
}

test("a phrase of stop words only asks for another word", async () => {
  const result = await engine.search({ q: '"the the"' });
  assert.equal(result.empty, true);
  assert.deepEqual(result.hits, []);
});

test("a word finds the other words of its stem", async () => {
  assert.deepEqual(sorted(await docs("sanctions ")), [1, 3]);  // "sanctioned" in the answer of document 3
  assert.deepEqual(sorted(await docs("sanctioned ")), [1, 3]);
  assert.deepEqual(await docs("russia washington "), []);  // every word must match
});

test("every agenda item is a result, the ones without text by their titles", async () => {
  const found = await query(engine, "Minsk ");
  assert.deepEqual(found.map((r) => [r.anchor, r.title, r.where, r.snippet]), [["talks", "Talks in Minsk", "Statement", ""]]);
  const topic = await query(engine, "Washington ");
  assert.deepEqual(topic.map((r) => [r.anchor, r.where]), [["relations-with-washington", "Q&A topic"], ["q1", "Q&A, question 1"]]);
});

test("the word being typed widens to the words it starts", async () => {
  assert.deepEqual(sorted(await docs("Greenl")), [6, 7]);
  assert.deepEqual(await docs("Greenl "), []);  // a finished word is taken as written
});

test("title words rank first; a result shows its words marked", async () => {
  const found = await query(engine, "Greenland ");
  assert.equal(found[0].anchor, "greenland");
  assert.equal(found[1].snippet, "And Denmark?\nOne of the most important issues is <mark>Greenland</mark>.".replace("\n", " "));
  const phrase = await query(engine, '"the United States"');
  assert.match(phrase[0].snippet, /<mark>The United States<\/mark> imposed/);
});

test("filters and orders", async () => {
  assert.deepEqual(await docs("russia", { kind: "qa" }), []);
  assert.deepEqual(sorted(await docs("russia ", { kind: "statement" })), [0, 1]);
  assert.deepEqual(await docs("russia ", { from: "2016" }), [1]);
  assert.deepEqual(await docs("russia ", { to: "2016" }), [0]);
  assert.deepEqual(await docs("russia ", { sort: "newest" }), [1, 0]);
  assert.deepEqual(await docs("russia ", { sort: "oldest" }), [0, 1]);
  assert.deepEqual(await docs("greenland ", { speaker: "Maria Zakharova" }), []);
  const found = await query(engine, "Greenland ");
  assert.deepEqual(found.map((r) => r.date), ["2025-01-23", "2025-01-23"]);
});

test("meta.js is read first, then every other file with its version", async () => {
  const meta = readScript(FOLDER, "meta");
  assert.equal(meta.format, search.FORMAT);
  assert.deepEqual(engine.requested[0], ["meta", null]);
  assert.ok(engine.requested.length > 1);
  for (const [name, version] of engine.requested.slice(1)) assert.equal(version, meta.id, name);
});

test("an index of another format is refused, and asked for again on the next query", async () => {
  let calls = 0;
  const old = search.createEngine((name) => {
    calls += 1;
    return Promise.resolve({ ...readScript(FOLDER, name), format: search.FORMAT - 1 });
  });
  await assert.rejects(old.search({ q: "russia" }), /another version/);
  await assert.rejects(old.search({ q: "russia" }), /another version/);
  assert.equal(calls, 2);
});

test("dates in the site's one format, with the months meta.js gives", () => {
  const months = readScript(FOLDER, "meta").months;
  assert.equal(search.longDate("2025-01-23", months), "January 23, 2025");
  assert.equal(search.longDate("2010-12-01", months), "December 1, 2010");
  assert.equal(search.longDate("", months), "Undated briefing");
});

test("a malformed #fragment is taken as written, not thrown on", () => {
  assert.equal(search.fragmentId("#q6"), "q6");
  assert.equal(search.fragmentId("#caf%C3%A9"), "café");
  assert.equal(search.fragmentId("#%E0%A4%A"), "%E0%A4%A");
  assert.equal(search.fragmentId("#100%"), "100%");
});
