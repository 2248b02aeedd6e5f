/* The edition's scripts, one deferred file: 1. copy-link buttons; 2. "Cite this"; 3. print;
   4. landing from a search result; 5. ranges of paragraphs. Each part is self-contained.

   Timing: this script runs when the page is parsed, just before Material's start-up (its
   DOMContentLoaded handler). The parts that change the page (1-3) make their changes with
   afterStartUp: in a task of their own once every DOMContentLoaded handler has run, so that
   Material's start-up task does not grow with them and Material styles and measures fewer
   elements. The page keeps the buttons' places (overrides/assets/edition.css), so nothing moves
   when they appear. `make bench` measures this as total blocking time (bench/report.md). Event
   listeners are added at once: they cost nothing until used. */

function afterStartUp(fn) {
  "use strict";
  window.addEventListener("DOMContentLoaded", function () { window.setTimeout(fn); });
}

/* Shared by the parts below, the teachers' page (overrides/assets/teach.js), the concept previews
   and the annotation layer: copying to the clipboard (the selection where the clipboard API is
   not offered), fetching a file of the site, telling screen readers what happened (the page's
   live region), and a day as each citation style writes it. */
function editionCopy(text) {
  "use strict";
  function bySelection() {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    area.remove();
    return ok;
  }
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text).catch(function () {
      if (!bySelection()) { throw new Error("copy failed"); }
    });
  }
  return bySelection() ? Promise.resolve() : Promise.reject(new Error("copy failed"));
}

function editionFetchText(url) {
  "use strict";
  /* A page or file of this site (relative addresses: local builds too), as text. */
  return fetch(url, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) { throw new Error(response.status); }
    return response.text();
  });
}

function editionAnnounce(message) {
  "use strict";
  var region = document.querySelector("[data-edition-live]");
  if (region) { region.textContent = ""; region.textContent = message; }
}

function editionAccessed(style, date) {
  "use strict";
  var months = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  var mla = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
  if (style === "mla") { return date.getDate() + " " + mla[date.getMonth()] + " " + date.getFullYear(); }
  return months[date.getMonth()] + " " + date.getDate() + ", " + date.getFullYear();
}

/* ==== 1. Copy-link buttons ==== */

/* Copy-link buttons of the edition's passages (markup: scripts/edition/decorate.py).
   Puts the passage's full URL on the clipboard and confirms it visibly and to screen readers. */
(function () {
  "use strict";

  function passageUrl(id) {
    var url = new URL(window.location.href);
    url.search = "";
    url.hash = id;
    return url.toString();
  }

  var copy = editionCopy;

  function announce(message) {
    editionAnnounce(message);
    if (window.alert$ && typeof window.alert$.next === "function") { window.alert$.next(message); }
  }

  /* Each passage's buttons, made from its margin controls (scripts/edition/decorate.py: the number's
     link, ``data-said``, and ``data-kind``/``data-number`` if it can be cited), in the place the
     stylesheet keeps for them, after Material's start-up (see the top of this file). */
  function button(tools, className, label) {
    var made = document.createElement("button");
    made.type = "button";
    made.className = className;
    made.setAttribute("aria-label", label + tools.getAttribute("data-said"));
    tools.appendChild(made);
    return made;
  }

  function makeButtons(tools) {
    var link = tools.querySelector(".passage-link");
    if (!link) { return; }
    var id = link.getAttribute("href").slice(1);
    var copyButton = button(tools, "passage-copy", "Copy link to ");
    copyButton.setAttribute("data-passage", id);
    copyButton.setAttribute("data-label", link.getAttribute("data-label"));
    if (tools.hasAttribute("data-kind")) {
      var citeButton = button(tools, "passage-cite", "Cite ");
      citeButton.setAttribute("data-passage", id);
      citeButton.setAttribute("data-kind", tools.getAttribute("data-kind"));
      citeButton.setAttribute("data-number", tools.getAttribute("data-number"));
    }
    tools.classList.add("passage-tools--ready");
  }

  afterStartUp(function () {
    document.querySelectorAll(".passage-tools[data-said]").forEach(makeButtons);
  });

  /* A passage button's hover hint, given when first needed (no title on the buttons above, so
     that Material sets up no tooltip for each as the page loads). */
  document.addEventListener("pointerover", function (event) {
    var button = event.target.closest ? event.target.closest(".passage-copy, .passage-cite") : null;
    if (button && !button.title) { button.title = button.getAttribute("aria-label"); }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".passage-copy") : null;
    if (!button) { return; }
    event.preventDefault();
    var url = passageUrl(button.getAttribute("data-passage"));
    var label = button.getAttribute("data-label");
    copy(url).then(function () {
      button.setAttribute("data-copied", "true");
      announce("Link to " + label + " copied: " + url);
      window.setTimeout(function () { button.removeAttribute("data-copied"); }, 2500);
    }, function () {
      announce("Could not copy the link. Its address is " + url);
    });
  });
})();

/* ==== 2. Cite this ==== */

/* "Cite this" on essay pages (markup: scripts/citing/citethis.py; paragraph buttons: scripts/edition/decorate.py).
   Citations are formatted at build time from bib/; this script only fills in the address of the
   page or passage (which depends on the published version) and the passage number, and copies. */
(function () {
  "use strict";

  /* Citations give the page in its own version (data-cite-page, from scripts/common/versions.py),
     never a moving alias such as /latest/; a plain build has none: the address opened. */
  function pageUrl(hash) {
    var panel = document.querySelector(".edition-cite[data-cite-page]");
    var url = new URL(panel ? panel.getAttribute("data-cite-page") : window.location.href, window.location.href);
    url.search = "";
    url.hash = hash || "";
    return url.toString();
  }

  /* The access date of an undated page (scripts/citing/citethis.py): today, in each style's form. */
  var accessed = editionAccessed;

  function fillDates(root) {
    var today = new Date();
    root.querySelectorAll("[data-cite-accessed]").forEach(function (el) {
      var holder = el.closest("[data-cite-style]");
      el.textContent = accessed(holder ? holder.getAttribute("data-cite-style") : "chicago", today);
    });
  }

  function fillUrls(root, url) {
    root.querySelectorAll("[data-cite-url]").forEach(function (a) {
      a.setAttribute("href", url);
      a.textContent = url;
    });
  }

  function citationText(el) {
    return el.textContent.replace(/\s+/g, " ").trim();
  }

  var copy = editionCopy, announce = editionAnnounce;

  function item(label, html, what) {
    var wrap = document.createElement("div");
    wrap.className = "edition-cite__item";
    var text = document.createElement("p");
    text.className = "edition-cite__text";
    text.innerHTML = html;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "edition-cite__copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy the " + label + " citation of " + what);
    wrap.appendChild(text);
    wrap.appendChild(button);
    return wrap;
  }

  function passageDialog(button) {
    var id = button.getAttribute("data-passage");
    var kind = button.getAttribute("data-kind");
    var number = button.getAttribute("data-number");
    var what = (kind === "note" ? "note " : "paragraph ") + number;
    var dialog = document.querySelector("dialog.edition-cite-dialog");
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "edition-cite-dialog";
      dialog.setAttribute("aria-labelledby", "edition-cite-dialog-title");
      document.body.appendChild(dialog);
    }
    dialog.innerHTML = "";
    var title = document.createElement("h2");
    title.id = "edition-cite-dialog-title";
    title.textContent = "Cite " + what;
    dialog.appendChild(title);
    document.querySelectorAll("template[data-cite-passage]").forEach(function (template) {
      var label = template.getAttribute("data-cite-label");
      var parts = template.content;
      var section = document.createElement("section");
      section.setAttribute("data-cite-style", template.getAttribute("data-cite-passage"));
      var heading = document.createElement("h3");
      heading.textContent = label;
      section.appendChild(heading);
      section.appendChild(item(label, parts.querySelector("[data-kind='" + kind + "']").innerHTML, what + " in the text"));
      section.appendChild(item(label, parts.querySelector("[data-kind='entry']").innerHTML, what + ", reference"));
      section.querySelectorAll("[data-cite-locator]").forEach(function (el) { el.textContent = number; });
      fillUrls(section, pageUrl(id));
      fillDates(section);
      dialog.appendChild(section);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "edition-cite-dialog__close md-button";
    close.textContent = "Close";
    close.addEventListener("click", function () { dialog.close(); });
    dialog.appendChild(close);
    dialog.showModal();
  }

  afterStartUp(function () {
    document.querySelectorAll(".edition-cite").forEach(function (panel) {
      fillUrls(panel, pageUrl());
      fillDates(panel);
    });
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest) { return; }
    var cite = event.target.closest(".passage-cite");
    if (cite) { event.preventDefault(); passageDialog(cite); return; }
    var button = event.target.closest(".edition-cite__copy");
    if (!button) { return; }
    var text = citationText(button.parentNode.querySelector(".edition-cite__text"));
    copy(text).then(function () {
      button.setAttribute("data-copied", "true");
      button.textContent = "Copied";
      announce("Citation copied: " + text);
      window.setTimeout(function () { button.removeAttribute("data-copied"); button.textContent = "Copy"; }, 2500);
    }, function () { announce("Could not copy the citation. Select its text to copy it."); });
  });
})();

/* ==== 3. Print ==== */

/* Paper (the print section of overrides/assets/edition.css): one citation line of this version
   at the top, in place of the "Cite this" panel (its Chicago reference of this edition, address
   and access date filled in by section 2), and the edition's name, the page's address and the
   page number at the foot of every page (an @page rule, written here because only the page knows
   its address in a local build). Both are made when printing begins (beforeprint; a packet's
   printer dispatches it: scripts/teach/packets.py), not as the page loads: a stylesheet added
   then restyles the whole page, which costs a phone's main thread (make bench). Opens collapsed
   <details> while printing (the panel's aside), so that nothing is lost on paper. */
(function () {
  "use strict";
  function cssString(text) { return "\"" + text.replace(/\\/g, "\\\\").replace(/"/g, "\\\"").replace(/\n/g, " ") + "\""; }

  function address() {
    var panel = document.querySelector(".edition-cite[data-cite-page]");
    var url = new URL(panel ? panel.getAttribute("data-cite-page") : window.location.href, window.location.href);
    url.search = "";
    url.hash = "";
    return url.toString();
  }

  var prepared = false;
  function prepare() {
    var content = document.querySelector(".md-content__inner");
    if (prepared || !content) { return; }
    prepared = true;
    var reference = document.querySelector(".edition-cite__style[data-cite-style='chicago'] .edition-cite__item[data-cite-kind='this edition'] .edition-cite__text");
    var line = document.createElement("p");
    line.className = "print-citation";
    line.textContent = reference ? "Cite as: " + reference.textContent.replace(/\s+/g, " ").trim()
                                 : "Printed from " + address();
    content.insertBefore(line, content.firstChild);
    var style = document.createElement("style");
    style.setAttribute("data-print-page", "");
    style.textContent = "@page { @bottom-left { content: " + cssString(address()) +
      "; font-size: 7.5pt; color: #444; } @bottom-right { content: counter(page) \" / \" counter(pages); font-size: 7.5pt; color: #444; } }";
    document.head.appendChild(style);
  }

  var opened = [];
  window.addEventListener("beforeprint", function () {
    prepare();
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open]):not(.edition-cite)"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

/* ==== 4. Search landing ==== */

/* Landing from a search result. Material's search links to a section (or the top of a page) and,
   with search.highlight, marks the query's words in the text (<mark data-md-highlight>). This
   brings the first marked passage of that section into view and flags it (data-search-landing),
   so "Aegis Ashore" lands on the paragraph that says it, not on a heading pages above. */
(function () {
  "use strict";
  if (!new URLSearchParams(window.location.search).get("h")) { return; }
  var content = document.querySelector(".md-content");
  if (!content) { return; }

  function start() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    return id ? document.getElementById(id) : null;
  }

  function land() {
    var marks = content.querySelectorAll("mark[data-md-highlight]");
    if (!marks.length) { return false; }
    var from = start();
    var mark = Array.prototype.find.call(marks, function (m) {
      return !from || from.contains(m) ||
        (from.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
    }) || marks[0];
    var passage = mark.closest(".passage, p, li, figcaption, td") || mark;
    passage.setAttribute("data-search-landing", "");
    passage.scrollIntoView({ block: "center" });
    return true;
  }

  if (land()) { return; }
  var observer = new MutationObserver(function () { if (land()) { observer.disconnect(); } });
  observer.observe(content, { childList: true, subtree: true });
  window.setTimeout(function () { observer.disconnect(); }, 10000);
})();

/* ==== 5. Ranges ==== */

/* A range link of the teachers' kit (scripts/teach/ranges.py): essays/toucas/?to=toucas-p9#toucas-p4.
   Without this script it is a link to its first passage, which the browser opens and marks
   (:target); with it, every passage from the first to the last is marked too (data-range: a
   background, so nothing moves). A first passage after the last is no range. */
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll("[data-range]").forEach(function (el) { el.removeAttribute("data-range"); });
    var last = new URLSearchParams(window.location.search).get("to");
    var first = decodeURIComponent(window.location.hash.slice(1));
    if (!last || !first) { return; }
    var all = Array.prototype.slice.call(document.querySelectorAll(".essay-text .passage[id]"));
    var i = all.indexOf(document.getElementById(first)), j = all.indexOf(document.getElementById(last));
    if (i < 0 || j < i) { return; }
    all.slice(i, j + 1).forEach(function (el, k, range) {
      el.setAttribute("data-range", k === 0 ? "first" : k === range.length - 1 ? "last" : "inside");
    });
  }
  mark();
  window.addEventListener("hashchange", mark);
})();
