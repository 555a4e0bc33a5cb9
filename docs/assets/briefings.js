/* Link and cite controls for a briefing page, its agenda items and its Q&A exchanges. No library.
 *
 * Every agenda-item heading, every exchange and the page title get two controls: "link" (the permalink,
 * copied to the clipboard) and "cite" (the citation as plain text and BibTeX, each with a copy button).
 * The citations are those of converter/pages/citation.py, built here because the permalink is only known in the
 * browser when the site has no site_url; tests/browser/test_archive.py checks that the two agree.
 * The briefing's part comes from the page's meta tags (overrides/main.html).
 */
(function () {
  "use strict";

  var PUBLISHER = "Ministry of Foreign Affairs of the Russian Federation";
  var BIBTEX_SPECIAL = /[&%$#_{}~^\\]/g;
  var BIBTEX_REPLACEMENTS = { "\\": "\\textbackslash{}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" };
  var ITEMS = "h2.statement[id], h3.statement[id], h2.qa[id], h3.qa[id]";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") || "" : "";
  }

  // --- citation.py, line for line -------------------------------------------------------------------
  function author(speaker) {
    if (!speaker) return PUBLISHER;
    var parts = speaker.trim().split(/\s+/);
    var surname = parts.pop();
    return parts.length ? surname + ", " + parts.join(" ") : surname;
  }

  function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function title(cite) {
    if (cite.question !== null) {
      return "Answer to question " + cite.question + (cite.item ? ": " + cite.item : "");
    }
    return cite.item || cite.briefing;
  }

  function what(cite) {
    if (cite.question !== null) return title(cite) + ". ";
    return cite.item ? "\u201c" + cite.item + ".\u201d " : "";
  }

  function plain(cite) {
    var published = cite.speaker ? PUBLISHER + ", " + cite.longDate : capital(cite.longDate);
    var text = author(cite.speaker) + ". " + what(cite) + cite.briefing + ". " + published + ". " + cite.url;
    return text + (cite.sourceUrl ? " (original: " + cite.sourceUrl + ")." : ".");
  }

  function bib(text) {
    return text.replace(BIBTEX_SPECIAL, function (ch) {
      return BIBTEX_REPLACEMENTS[ch] || "\\" + ch;
    });
  }

  function key(cite) {
    var surname = cite.speaker ? author(cite.speaker).split(",")[0] : "mfa";
    var raw = surname + cite.pageId + (cite.anchor ? "-" + cite.anchor : "");
    return raw.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function bibtex(cite) {
    var fields = [
      ["author", cite.speaker ? bib(author(cite.speaker)) : "{" + bib(PUBLISHER) + "}"],
      ["title", "{" + bib(title(cite)) + "}"],
      ["note", bib(cite.briefing) + (cite.sourceUrl ? ". Original: " + bib(cite.sourceUrl) : "")],
      ["publisher", bib(PUBLISHER)],
    ];
    // The month's name is the first word of the long date the page gives ("January 23, 2025").
    if (cite.date) fields.push(["year", cite.date.slice(0, 4)], ["month", cite.longDate.split(" ")[0]]);
    fields.push(["url", cite.url]);
    var body = fields.map(function (f) { return "  " + f[0] + " = {" + f[1] + "}"; }).join(",\n");
    return "@misc{" + key(cite) + ",\n" + body + "\n}";
  }
  // ---------------------------------------------------------------------------------------------------

  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical ? canonical.href : location.href.replace(/[?#].*$/, "");
  }

  function textOf(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink, .item-tools").forEach(function (el) { el.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function sectionOf(element) {
    for (var node = element.previousElementSibling; node; node = node.previousElementSibling) {
      if (node.matches(ITEMS)) return node;
    }
    return null;
  }

  function citationFor(target) {
    var anchor = target.tagName === "H1" ? null : target.id;
    var exchange = target.classList.contains("exchange");
    var section = exchange ? sectionOf(target) : target;
    return {
      speaker: meta("briefing:speaker"),
      briefing: meta("citation_title"),
      date: meta("briefing:date"),
      longDate: meta("briefing:long-date"),
      pageId: meta("briefing:id"),
      url: pageUrl() + (anchor ? "#" + anchor : ""),
      item: anchor && section ? textOf(section) : null,
      question: exchange ? Number(anchor.replace(/^q/, "")) : null,
      anchor: anchor,
      sourceUrl: meta("briefing:source-url") || null,
    };
  }

  // --- the panel --------------------------------------------------------------------------------------
  var panel = null;

  function close() {
    if (panel) {
      panel.remove();
      panel = null;
    }
  }

  function fallbackCopy(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(text, field, status) {
    function done(ok) {
      status.textContent = ok ? "Copied" : "Press Ctrl+C (\u2318C) to copy";
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { done(true); },
        function () { done(fallbackCopy(field)); }
      );
    } else {
      done(fallbackCopy(field));
    }
  }

  function block(label, text, rows) {
    var wrapper = document.createElement("div");
    wrapper.className = "item-panel__block";
    var caption = document.createElement("label");
    caption.textContent = label;
    var field = document.createElement(rows > 1 ? "textarea" : "input");
    field.readOnly = true;
    field.value = text;
    field.className = "item-panel__field";
    if (rows > 1) field.rows = rows;
    caption.appendChild(field);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button item-panel__copy";
    button.textContent = "Copy";
    var status = document.createElement("span");
    status.className = "item-panel__status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () { copy(text, field, status); });
    wrapper.append(caption, button, status);
    return { element: wrapper, field: field, status: status };
  }

  function open(tools, kind, target) {
    var again = panel && panel.dataset.kind === kind && panel.dataset.target === (target.id || "");
    close();
    if (again) return null;
    var cite = citationFor(target);
    panel = document.createElement("div");
    panel.className = "item-panel";
    panel.setAttribute("role", "dialog");
    panel.dataset.kind = kind;
    panel.dataset.target = target.id || "";
    var blocks = kind === "link"
      ? [block("Permalink", cite.url, 1)]
      : [block("Citation", plain(cite), 4), block("BibTeX", bibtex(cite), bibtex(cite).split("\n").length)];
    panel.setAttribute("aria-label", kind === "link" ? "Permalink" : "Citation");
    var shut = document.createElement("button");
    shut.type = "button";
    shut.className = "item-panel__close";
    shut.setAttribute("aria-label", "Close");
    shut.textContent = "\u00d7";
    shut.addEventListener("click", close);
    panel.appendChild(shut);
    blocks.forEach(function (b) { panel.appendChild(b.element); });
    // After the heading or the question's paragraph that holds the controls, not inside it.
    tools.parentNode.after(panel);
    // Tall enough for the whole text, however the lines wrap.
    blocks.forEach(function (b) {
      if (b.field.tagName === "TEXTAREA") b.field.style.height = b.field.scrollHeight + 4 + "px";
    });
    return blocks;
  }

  function control(label, href, hint) {
    var element = document.createElement(href ? "a" : "button");
    if (href) element.href = href;
    else element.type = "button";
    element.className = "item-tools__" + label;
    element.textContent = label;
    element.title = hint;
    return element;
  }

  function addTools(target, host) {
    var tools = document.createElement("span");
    tools.className = "item-tools";
    var anchor = target.tagName === "H1" ? "" : "#" + target.id;
    var link = control("link", anchor || location.pathname, "Copy the permalink");
    var cite = control("cite", null, "Cite this " + (anchor ? (target.id.match(/^q\d+$/) ? "exchange" : "item") : "briefing"));
    link.addEventListener("click", function (event) {
      event.preventDefault();
      if (anchor) history.replaceState(null, "", anchor);
      var blocks = open(tools, "link", target);
      if (blocks) copy(blocks[0].field.value, blocks[0].field, blocks[0].status);
    });
    cite.addEventListener("click", function () { open(tools, "cite", target); });
    tools.append(link, cite);
    host.appendChild(tools);
  }

  // A page left where a briefing page moved (converter/moved.py): go to where the part after '#' is now.
  function forward() {
    var moved = document.querySelector(".moved-page a");
    if (!moved) return false;
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { id = ""; }
    var part = id ? document.getElementById(id) : null;
    var link = part ? part.querySelector("a") : null;
    location.replace((link || moved).href);
    return true;
  }

  function init() {
    if (forward()) return;
    var article = document.querySelector("article.md-content__inner");
    if (!article || !meta("citation_title")) return;
    var h1 = article.querySelector("h1");
    if (h1) addTools(h1, h1);
    article.querySelectorAll(ITEMS).forEach(function (heading) { addTools(heading, heading); });
    article.querySelectorAll(".exchange[id]").forEach(function (exchange) {
      addTools(exchange, exchange.querySelector("p.question") || exchange);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();

  // For tests and for readers' own scripts: the same functions as converter/pages/citation.py.
  window.briefingsCitation = { plain: plain, bibtex: bibtex, citationFor: citationFor };
})();
