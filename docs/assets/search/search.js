/* Search of the briefings archive: reads the index that converter/search/ writes under assets/search/index/.
 *
 * Every index file is a script that calls __briefingsSearch(name, data), so the search loads its data with
 * <script> tags and works over HTTP and from file:// alike. Nothing loads until the reader opens the search;
 * then meta.js, and for each query only the shards of its words and the texts of the results shown.
 * Word queries widen each word to the words of its stem (the index lists them) and, for the word being typed,
 * to words that start with it; "quoted phrases" match word for word, stop words included.
 * The query, the filters and the order are kept in the address (?q=&from=&to=&speaker=&kind=&sort=).
 *
 * The query logic (createEngine and the functions before it) needs no page: under Node it is exported as a
 * module, and tests/js/ runs it over an index the Python builder wrote.
 */
(function () {
  "use strict";

  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
  var PREFIX_MIN = 3;       // the word being typed widens to longer words from this many letters on
  var PREFIX_WORDS = 12;    // ... to at most this many, the most frequent
  var FORMAT = 2;           // converter/search/index.py's FORMAT: the index files this script reads
  var TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
  var TEXT_TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

  /* --- words and numbers (the same rules as converter/search/) ---------------------------------- */

  function fold(text) {
    return text.replace(/’/g, "'").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function word(token) {
    return token.endsWith("'s") ? token.slice(0, -2) : token;
  }

  function tokens(text) {
    return (fold(text).match(TOKEN) || []).map(word);
  }

  function unvlq(text) {
    var out = [];
    var value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      value += (digit & 31) * Math.pow(2, shift);
      if (digit & 32) shift += 5;
      else { out.push(value); value = 0; shift = 0; }
    }
    return out;
  }

  /* --- the index ---------------------------------------------------------------------------------- */

  /* The stop words of a run number (the index's run_words): the last word in the lowest place. */
  function runWords(number, stopList) {
    var base = stopList.length + 1, out = [];
    while (number) { out.unshift(stopList[number % base - 1]); number = Math.floor(number / base); }
    return out;
  }

  /* The query engine over one index. loadFile(name, version) resolves to the data of the index file
     name + ".js"; version is the index's id once meta.js has given it (null for meta.js itself). */
  function createEngine(loadFile) {
  var meta = null;
  var version = null;
  var docBriefing = null;   // document id -> briefing number
  var textStarts = [];
  var stop = new Set();
  var postingsCache = new Map();
  var positionsCache = new Map();
  var loads = {};

  function load(name) {
    if (!loads[name]) {
      loads[name] = loadFile(name, name === "meta" ? null : version).catch(function (error) {
        delete loads[name];  // try again on the next query
        throw error;
      });
    }
    return loads[name];
  }

  function start() {
    if (!meta) {
      meta = load("meta").then(function (data) {
        if (data.format !== FORMAT) throw new Error("the index is of another version of the site; reload the page");
        version = data.id;
        stop = new Set(data.stop);
        docBriefing = new Int32Array(data.docs);
        data.briefings.forEach(function (b, n) {
          var end = n + 1 < data.briefings.length ? data.briefings[n + 1][3] : data.docs;
          docBriefing.fill(n, b[3], end);
        });
        var at = 0;
        textStarts = unvlq(data.textStarts).map(function (delta) { at += delta; return at; });
        return data;
      }).catch(function (error) {
        meta = null;  // try again on the next query, with a new request
        delete loads.meta;
        throw error;
      });
    }
    return meta;
  }

  function shardOf(keys, key) {
    var lo = 0, hi = keys.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] <= key) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  function termShard(m, key) {
    var n = shardOf(m.keys.t, key);
    return n < 0 ? Promise.resolve({}) : load("t" + n);
  }

  function entry(m, w) {
    return termShard(m, w).then(function (shard) { return shard[w] || null; });
  }

  /* (document ids, impacts) of a word, decoded once */
  function postings(m, w) {
    if (!postingsCache.has(w)) {
      postingsCache.set(w, entry(m, w).then(function (e) {
        if (!e) return null;
        var numbers = unvlq(e[0]);
        var docs = new Int32Array(numbers.length / 2), impacts = new Uint8Array(numbers.length / 2);
        var doc = 0;
        for (var i = 0, j = 0; i < numbers.length; i += 2, j++) {
          doc += numbers[i];
          docs[j] = doc;
          impacts[j] = numbers[i + 1];
        }
        return { word: w, docs: docs, impacts: impacts, siblings: e[1] || [] };
      }));
    }
    return postingsCache.get(w);
  }

  /* document -> [position, run, position, run, ...] of a word */
  function positions(m, w) {
    if (!positionsCache.has(w)) {
      var n = shardOf(m.keys.p, w);
      positionsCache.set(w, Promise.all([postings(m, w), n < 0 ? {} : load("p" + n)]).then(function (r) {
        var p = r[0], text = r[1][w];
        var map = new Map();
        if (!p || !text) return map;
        var numbers = unvlq(text), at = 0;
        for (var d = 0; d < p.docs.length; d++) {
          var count = numbers[at++], pos = 0, list = new Array(count * 2);
          for (var k = 0; k < count; k++) {
            var step = numbers[at++];  // 2 * delta, + 1 when a run of stop words comes next
            pos += Math.floor(step / 2);
            list[2 * k] = pos;
            list[2 * k + 1] = step % 2 ? numbers[at++] : 0;
          }
          map.set(p.docs[d], list);
        }
        return map;
      }));
    }
    return positionsCache.get(w);
  }

  function idf(m, df) {
    return Math.log(1 + (m.docs - df + 0.5) / (df + 0.5));
  }

  /* Words the last, unfinished word may be the start of: the most frequent ones. */
  function completions(m, prefix) {
    var first = shardOf(m.keys.t, prefix), last = shardOf(m.keys.t, prefix + "\uffff");
    var names = [];
    for (var n = Math.max(first, 0); n <= last && names.length < 2; n++) names.push("t" + n);
    return Promise.all(names.map(load)).then(function (shards) {
      var found = [];
      shards.forEach(function (shard) {
        for (var w in shard) if (w !== prefix && w.startsWith(prefix)) found.push([w, shard[w][0].length]);
      });
      found.sort(function (a, b) { return b[1] - a[1]; });
      return found.slice(0, PREFIX_WORDS).map(function (f) { return f[0]; });
    });
  }

  /* One word of a word query: document -> score, over the word, its stem's words and its completions. */
  function wordMatches(m, w, typing) {
    return postings(m, w).then(function (p) {
      var siblings = p ? p.siblings : [];
      return Promise.all([
        Promise.all(siblings.map(function (s) { return postings(m, s); })),
        typing && w.length >= PREFIX_MIN ? completions(m, w) : [],
      ]).then(function (r) {
        var sources = [[p, 1]];
        r[0].forEach(function (s) { sources.push([s, 0.9]); });
        var extra = r[1].filter(function (c) { return c !== w && siblings.indexOf(c) < 0; });
        return Promise.all(extra.map(function (c) { return postings(m, c); })).then(function (more) {
          more.forEach(function (s) { sources.push([s, 0.6]); });
          var scores = new Map(), words = new Set();
          sources.forEach(function (source) {
            var s = source[0];
            if (!s) return;
            words.add(s.word);
            var weight = source[1] * idf(m, s.docs.length);
            for (var i = 0; i < s.docs.length; i++) {
              var score = weight * s.impacts[i];
              var was = scores.get(s.docs[i]);
              if (was === undefined || score > was) scores.set(s.docs[i], score);
            }
          });
          return { scores: scores, words: words };
        });
      });
    });
  }

  var runCache = new Map();
  function runMatches(m, actual, wanted, leading) {
    if (!runCache.has(actual)) runCache.set(actual, runWords(actual, m.stop));
    var a = runCache.get(actual), w = wanted.slice(-m.maxRun);
    if (leading) {
      if (!w.length) return true;
      a = a.slice(-w.length);
    }
    return a.length === w.length && a.every(function (x, i) { return x === w[i]; });
  }

  /* An exact phrase: document -> score, for documents holding its words in a row (converter/search/
     index.py explains the runs). Stop words are checked through the run of stop words before each word. */
  function phraseMatches(m, text) {
    var words = tokens(text);
    while (words.length && stop.has(words[words.length - 1])) words.pop();
    var parts = [], run = [];
    words.forEach(function (w, offset) {
      if (stop.has(w)) run.push(w);
      else { parts.push({ offset: offset, word: w, before: run }); run = []; }
    });
    if (!parts.length) return Promise.resolve(null);
    return Promise.all([
      Promise.all(parts.map(function (p) { return postings(m, p.word); })),
      Promise.all(parts.map(function (p) { return positions(m, p.word); })),
    ]).then(function (r) {
      var lists = r[0], maps = r[1];
      var scores = new Map();
      if (lists.some(function (l) { return !l; })) return { scores: scores, words: new Set(words), phrase: words };
      var order = parts.map(function (_, i) { return i; });
      order.sort(function (a, b) { return lists[a].docs.length - lists[b].docs.length; });
      var rarest = lists[order[0]];
      var weights = lists.map(function (l) { return idf(m, l.docs.length); });
      var impactOf = lists.map(function (l) {
        var map = new Map();
        for (var i = 0; i < l.docs.length; i++) map.set(l.docs[i], l.impacts[i]);
        return map;
      });
      for (var i = 0; i < rarest.docs.length; i++) {
        var doc = rarest.docs[i];
        if (!order.every(function (k) { return maps[k].has(doc); })) continue;
        var starts = null;
        for (var k = 0; k < parts.length && (starts === null || starts.size); k++) {
          var part = parts[k], list = maps[k].get(doc), ok = new Set();
          for (var j = 0; j < list.length; j += 2) {
            if (runMatches(m, list[j + 1], part.before, k === 0)) {
              var s = list[j] - part.offset;
              if (starts === null || starts.has(s)) ok.add(s);
            }
          }
          starts = ok;
        }
        if (starts && starts.size) {
          var score = 0;
          for (var n = 0; n < parts.length; n++) score += weights[n] * impactOf[n].get(doc);
          scores.set(doc, score * (1 + Math.log(starts.size)));
        }
      }
      return { scores: scores, words: new Set(words), phrase: words };
    });
  }

  /* "quoted phrases" and loose words; the last loose word is being typed unless a space follows it. */
  function parse(query) {
    var phrases = [], rest = query.replace(/[“”„]/g, '"').replace(/"([^"]*)("|$)/g, function (_, p) {
      if (tokens(p).length) phrases.push(p);
      return " ";
    });
    var loose = tokens(rest).filter(function (w) { return !stop.has(w); });
    var typing = /[\p{L}\p{N}]$/u.test(query) && !/"[^"]*$/.test(query);
    return { phrases: phrases, words: loose, typing: typing };
  }

  function kindOf(m, doc) {
    return (DIGIT[m.kinds.charCodeAt(doc / 6 | 0)] >> (doc % 6)) & 1 ? "qa" : "statement";
  }

  function filtersAllow(m, state, doc) {
    var b = m.briefings[docBriefing[doc]];
    var year = b[0] ? +b[0].slice(0, 4) : null;
    if (state.from && (year === null || year < +state.from)) return false;
    if (state.to && (year === null || year > +state.to)) return false;
    if (state.speaker && (b[1] < 0 || m.speakers[b[1]] !== state.speaker)) return false;
    if (state.kind && kindOf(m, doc) !== state.kind) return false;
    return true;
  }

  /* All matching documents, filtered and in order: [{doc, score}], and the words to highlight. */
  function search(state) {
    return start().then(function (m) {
      var q = parse(state.q || "");
      var jobs = q.phrases.map(function (p) { return phraseMatches(m, p); });
      q.words.forEach(function (w, n) {
        jobs.push(wordMatches(m, w, q.typing && n === q.words.length - 1));
      });
      return Promise.all(jobs).then(function (parts) {
        parts = parts.filter(Boolean);
        var highlight = { words: new Set(), phrases: [] };
        if (!parts.length) return { hits: [], highlight: highlight, empty: true };
        parts.forEach(function (p) {
          if (p.phrase) highlight.phrases.push(p.phrase);
          else p.words.forEach(function (w) { highlight.words.add(w); });
        });
        parts.sort(function (a, b) { return a.scores.size - b.scores.size; });
        var hits = [];
        parts[0].scores.forEach(function (score, doc) {
          for (var k = 1; k < parts.length; k++) {
            var s = parts[k].scores.get(doc);
            if (s === undefined) return;
            score += s;
          }
          if (filtersAllow(m, state, doc)) hits.push({ doc: doc, score: score });
        });
        if (state.sort === "newest") hits.sort(function (a, b) { return b.doc - a.doc; });
        else if (state.sort === "oldest") hits.sort(function (a, b) { return a.doc - b.doc; });
        else hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        return { hits: hits, highlight: highlight };
      });
    });
  }

  /* [anchor, title, excerpt] of a document */
  function textOf(doc) {
    var n = shardOf(textStarts, doc);
    return load("d" + n).then(function (shard) { return shard[doc - textStarts[n]]; });
  }

  /* The briefing [date, speaker, url, first document] of a document */
  function briefingOf(m, doc) {
    return m.briefings[docBriefing[doc]];
  }

  return { start: start, search: search, parse: parse, textOf: textOf, briefingOf: briefingOf, kindOf: kindOf };
  }

  /* --- snippets ----------------------------------------------------------------------------------- */

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function words(text) {
    var list = [], match;
    TEXT_TOKEN.lastIndex = 0;
    while ((match = TEXT_TOKEN.exec(text))) {
      list.push({ start: match.index, end: match.index + match[0].length, word: word(fold(match[0])) });
    }
    return list;
  }

  /* Which of the text's words to mark: the query's words, and the phrases where they stand in a row. */
  function marked(list, highlight) {
    var marks = new Uint8Array(list.length);
    list.forEach(function (t, i) { if (highlight.words.has(t.word)) marks[i] = 1; });
    highlight.phrases.forEach(function (phrase) {
      for (var i = 0; i + phrase.length <= list.length; i++) {
        var k = 0;
        while (k < phrase.length && list[i + k].word === phrase[k]) k++;
        if (k === phrase.length) for (k = 0; k < phrase.length; k++) marks[i + k] = 2;
      }
    });
    return marks;
  }

  function markedHtml(text, list, marks, from, to) {
    var html = "", at = from > 0 && from < list.length ? list[from].start : 0;
    var end = to < list.length ? list[to].start : text.length;
    for (var i = from; i < Math.min(to, list.length); i++) {
      if (!marks[i]) continue;
      var j = i;
      while (j + 1 < Math.min(to, list.length) && marks[j + 1] && (marks[j + 1] === 2 || marks[i] === 2)) j++;
      html += escapeHtml(text.slice(at, list[i].start)) + "<mark>" + escapeHtml(text.slice(list[i].start, list[j].end)) + "</mark>";
      at = list[j].end;
      i = j;
    }
    return html + escapeHtml(text.slice(at, end));
  }

  function snippet(text, highlight) {
    var list = words(text), marks = marked(list, highlight);
    var size = 32, best = 0, bestScore = -1;
    var seen = new Map(), distinct = 0;
    // The window of `size` words with the most different marked words (phrases count double).
    for (var i = 0; i < list.length; i++) {
      if (marks[i]) { var c = seen.get(list[i].word) || 0; if (!c) distinct += marks[i]; seen.set(list[i].word, c + 1); }
      var out = i - size;
      if (out >= 0 && marks[out]) {
        var left = seen.get(list[out].word) - 1;
        seen.set(list[out].word, left);
        if (!left) distinct -= marks[out];
      }
      if (distinct > bestScore) { bestScore = distinct; best = Math.max(0, i - size + 1); }
    }
    var from = Math.max(0, best - 4), to = Math.min(list.length, from + size + 8);
    var html = markedHtml(text, list, marks, from, to).replace(/\n/g, " ");
    return (from > 0 ? "… " : "") + html.trim() + (to < list.length ? " …" : "");
  }

  /* 'January 23, 2025', with the months of the site's one date format (meta.js has them from the builder) */
  function longDate(iso, months) {
    if (!iso) return "Undated briefing";
    var p = iso.split("-");
    return months[+p[1] - 1] + " " + +p[2] + ", " + p[0];
  }

  /* What a result says it is: "Statement", "Q&A, question 6", or "Q&A topic" for an item of the Q&A. */
  function kindLabel(kind, anchor) {
    if (kind !== "qa") return "Statement";
    var question = /^q(\d+)$/.exec(anchor);
    return question ? "Q&A, question " + question[1] : "Q&A topic";
  }

  /* The element id of an address's #fragment; a malformed escape ("#%E0") is taken as written. */
  function fragmentId(hash) {
    var id = hash.replace(/^#/, "");
    try { return decodeURIComponent(id); } catch (error) { return id; }
  }

  var api = {
    tokens: tokens, unvlq: unvlq, runWords: runWords, createEngine: createEngine, snippet: snippet, words: words,
    marked: marked, longDate: longDate, kindLabel: kindLabel, fragmentId: fragmentId, FORMAT: FORMAT,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  /* --- the page ----------------------------------------------------------------------------------- */

  var script = document.currentScript;
  var ROOT = new URL("../../", script.src);
  var INDEX = new URL("assets/search/index/", ROOT);
  var FILE = location.protocol === "file:";
  var PAGE_SIZE = 10;
  var PARAMS = ["q", "from", "to", "speaker", "kind", "sort"];
  var root = document.querySelector("[data-briefings-search]");
  if (!root) return;
  // The page carries the version of the index it was built with: a cached older meta.js is never used.
  var pageVersion = root.getAttribute("data-index-version") || "";

  var waiting = {};
  window.__briefingsSearch = function (name, data) {
    var resolve = waiting[name];
    delete waiting[name];
    if (resolve) resolve(data);
  };

  /* An index file through a <script> tag (which file:// allows, unlike fetch). */
  function loadScript(name, version) {
    version = version || pageVersion;
    return new Promise(function (resolve, reject) {
      waiting[name] = resolve;
      var tag = document.createElement("script");
      tag.src = INDEX + name + ".js" + (version ? "?v=" + version : "");
      tag.charset = "utf-8";
      tag.async = true;
      tag.onload = function () {
        tag.remove();
        if (waiting[name]) { delete waiting[name]; reject(new Error("no data in " + name + ".js")); }
      };
      tag.onerror = function () {
        tag.remove();
        delete waiting[name];
        reject(new Error("could not load " + name + ".js"));
      };
      document.head.appendChild(tag);
    });
  }

  var engine = createEngine(loadScript);
  var start = engine.start, search = engine.search, parse = engine.parse, textOf = engine.textOf;

  function pageUrl(b) {
    var url = b[2] || ("briefings/" + b[0].slice(0, 4) + "/" + b[0] + "/");
    return new URL(url + (FILE ? "index.html" : ""), ROOT);
  }

  var toggle = document.getElementById("__search");
  var input = root.querySelector("[data-briefings-search-query]");
  var form = root.querySelector("form");
  var metaLine = root.querySelector("[data-briefings-search-meta]");
  var list = root.querySelector("[data-briefings-search-results]");
  var more = root.querySelector("[data-briefings-search-more]");
  var filters = root.querySelector("[data-briefings-search-filters]");
  var offline = root.querySelector("[data-briefings-search-offline]");
  if (offline && FILE) offline.remove();  // this copy is the download
  var selects = {};
  Array.prototype.forEach.call(filters.querySelectorAll("select"), function (s) { selects[s.name] = s; });
  var current = { id: 0, hits: [], shown: 0, highlight: null };

  function state() {
    var s = { q: input.value };
    for (var name in selects) s[name] = selects[name].value;
    return s;
  }

  function keepInAddress(s) {
    var url = new URL(location.href);
    PARAMS.forEach(function (name) {
      if (s && s[name]) url.searchParams.set(name, s[name]); else url.searchParams.delete(name);
    });
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }

  function fillFilters(m) {
    if (selects.speaker.options.length > 1) return;
    var years = [];
    m.briefings.forEach(function (b) { if (b[0]) years.push(+b[0].slice(0, 4)); });
    var first = Math.min.apply(null, years), last = Math.max.apply(null, years);
    for (var y = first; y <= last && years.length; y++) {
      selects.from.add(new Option(String(y), String(y)));
      selects.to.add(new Option(String(y), String(y)));
    }
    m.speakers.forEach(function (name) { selects.speaker.add(new Option(name, name)); });
  }

  function restoreFilters(params) {
    for (var name in selects) {
      var value = params.get(name) || "";
      if (value && !Array.prototype.some.call(selects[name].options, function (o) { return o.value === value; })) {
        selects[name].add(new Option(value, value));
      }
      selects[name].value = value;
    }
  }

  function resultItem(m, hit, doc, highlight) {
    var b = engine.briefingOf(m, hit.doc);
    var anchor = doc[0], title = doc[1], text = doc[2];
    var url = pageUrl(b);
    var terms = Array.from(highlight.words);
    highlight.phrases.forEach(function (p) { terms.push('"' + p.join(" ") + '"'); });
    if (terms.length) url.searchParams.set("h", terms.join(" "));
    url.hash = anchor;
    var kind = engine.kindOf(m, hit.doc);
    var where = [longDate(b[0], m.months)];
    if (b[1] >= 0) where.push(m.speakers[b[1]]);
    where.push(kindLabel(kind, anchor));
    var titleWords = words(title);
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    li.innerHTML =
      '<a class="md-search-result__link" tabindex="-1"><article class="md-search-result__article md-typeset bs-result" data-kind="' + kind + '">' +
      '<div class="md-search-result__icon md-icon"></div>' +
      "<h2>" + markedHtml(title, titleWords, marked(titleWords, highlight), 0, titleWords.length) + "</h2>" +
      '<p class="bs-where">' + escapeHtml(where.join(" · ")) + "</p>" +
      '<p class="bs-snippet">' + snippet(text, highlight) + "</p></article></a>";
    li.firstChild.href = url.href;
    return li;
  }

  function showMore(id) {
    var hits = current.hits.slice(current.shown, current.shown + PAGE_SIZE);
    current.shown += hits.length;
    return start().then(function (m) {
      return Promise.all(hits.map(function (h) { return textOf(h.doc); })).then(function (docs) {
        if (id !== current.id) return;
        var fragment = document.createDocumentFragment();
        hits.forEach(function (h, n) { fragment.appendChild(resultItem(m, h, docs[n], current.highlight)); });
        list.appendChild(fragment);
        more.hidden = current.shown >= current.hits.length;
      });
    });
  }

  function plural(n) {
    return n === 1 ? "1 result" : n.toLocaleString("en") + " results";
  }

  var timer = 0;
  function run() {
    var s = state();
    keepInAddress(s);
    var id = ++current.id;
    if (!s.q.trim()) {
      list.innerHTML = "";
      more.hidden = true;
      metaLine.textContent = "Type to search every statement and answer; \"quotes\" for an exact phrase";
      return Promise.resolve();
    }
    return search(s).then(function (result) {
      if (id !== current.id) return;
      current.hits = result.hits;
      current.shown = 0;
      current.highlight = result.highlight;
      list.innerHTML = "";
      metaLine.textContent = result.empty ? "Only common words: add another word, or \"quote\" a phrase"
        : result.hits.length ? plural(result.hits.length) : "No matching statements or answers";
      return showMore(id);
    }).catch(function (error) {
      if (id !== current.id) return;
      metaLine.textContent = "Search is unavailable: " + error.message;
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    start().then(fillFilters).catch(function (error) {
      metaLine.textContent = "Search is unavailable: " + error.message;
    });
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", schedule);
  filters.addEventListener("change", function () { run(); });
  more.addEventListener("click", function () { showMore(current.id); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) { start().then(fillFilters); setTimeout(function () { input.focus(); }, 50); }
    else keepInAddress(null);
  });
  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    var typing = active && (active.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName));
    if (toggle.checked) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(active);
      if (event.key === "Escape") { toggle.checked = false; toggle.dispatchEvent(new Event("change")); input.blur(); }
      else if (event.key === "ArrowDown" && links.length) { event.preventDefault(); links[Math.min(at + 1, links.length - 1)].focus(); }
      else if (event.key === "ArrowUp" && links.length) { event.preventDefault(); (at <= 0 ? input : links[at - 1]).focus(); }
    } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[/sf]$/.test(event.key)) {
      event.preventDefault();
      open();
      input.focus();
    }
  });

  /* A shared search: ?q=... opens the search with its query and filters. */
  var params = new URLSearchParams(location.search);
  if (params.get("q")) {
    input.value = params.get("q");
    open();
    start().then(function (m) { fillFilters(m); restoreFilters(params); return run(); });
  }

  /* A result's page: ?h=... marks the query's words in the item or exchange the address points to. */
  function highlightTarget() {
    var terms = new URLSearchParams(location.search).get("h");
    var target = location.hash && document.getElementById(fragmentId(location.hash));
    if (!terms || !target) return;
    var highlight = { words: new Set(), phrases: [] };
    terms = terms.replace(/"([^"]*)"/g, function (_, p) { highlight.phrases.push(tokens(p)); return " "; });
    tokens(terms).forEach(function (t) { highlight.words.add(t); });
    var elements = [target];
    if (/^H[23]$/.test(target.tagName)) {
      for (var next = target.nextElementSibling; next && !/^H[1-3]$/.test(next.tagName); next = next.nextElementSibling) {
        elements.push(next);
      }
    }
    elements.forEach(function (element) {
      var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT), nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        if (node.parentNode.closest("a.headerlink, a.exchange-link, mark")) return;
        var text = node.nodeValue, list = words(text), marks = marked(list, highlight);
        if (!marks.some(Boolean)) return;
        var span = document.createElement("span");
        span.innerHTML = markedHtml(text, list, marks, 0, list.length);
        node.replaceWith.apply(node, Array.prototype.slice.call(span.childNodes));
      });
    });
  }
  highlightTarget();
  window.addEventListener("hashchange", highlightTarget);

  /* For tests and benchmarks: the same parsing and tokenising as the page uses. */
  window.briefingsSearch = Object.assign({ search: search, parse: parse, start: start }, api);
})();
