/* The teachers' page (markup and data: scripts/teach/pages.py). Every link and citation on the
   page works without this script; it adds what needs one: a copy button beside each link and
   citation, the range tool, and the syllabus builder, whose list lives in the page's address
   (?syllabus=p:toucas-p4,r:toucas-p4:toucas-p9,t:arms-control,c:thaad), so a teacher can save or
   share it; nothing is sent or stored anywhere. Citations are the edition's own, formatted at build
   time by CSL (scripts/citing/citethis.py): this script only fills in their numbers, addresses and
   access dates, as the essay pages' script does. */
(function () {
  "use strict";
  var holder = document.getElementById("teach-data");
  if (!holder) { return; }
  var data = JSON.parse(holder.textContent);
  var PARAM = "syllabus";
  function abs(href) { return new URL(href, window.location.href).toString(); }
  function words(el) { return el.textContent.replace(/\s+/g, " ").trim(); }
  function today(style) { return editionAccessed(style, new Date()); }

  /* A citation form (HTML from the build) with its placeholders filled. */
  function filled(html, style, opts) {
    var el = document.createElement("span");
    el.innerHTML = html;
    fill(el, style, opts);
    return el;
  }
  function fill(el, style, opts) {
    opts = opts || {};
    if (opts.number) { el.querySelectorAll("[data-cite-locator]").forEach(function (s) { s.textContent = opts.number; }); }
    if (opts.first) { el.querySelectorAll("[data-cite-from]").forEach(function (s) { s.textContent = opts.first; }); }
    el.querySelectorAll("a[data-cite-url]").forEach(function (a) {
      var url = opts.url || a.getAttribute("data-cite-url");
      if (url) { a.href = abs(url); a.textContent = abs(url); }
    });
    el.querySelectorAll("[data-cite-accessed]").forEach(function (s) { s.textContent = today(style); });
  }

  var copy = editionCopy, announce = editionAnnounce;  /* overrides/assets/edition.js */
  function button(text, label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "teach-button";
    b.textContent = text;
    b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    return b;
  }
  function copyButton(label, what, getText) {
    var b = button("Copy", "Copy " + label, function () {
      var text = getText();
      copy(text).then(function () {
        b.setAttribute("data-copied", "");
        b.textContent = "Copied";
        announce(what + " copied: " + text);
        window.setTimeout(function () { b.removeAttribute("data-copied"); b.textContent = "Copy"; }, 2500);
      }, function () { announce("Could not copy. Select the text to copy it."); });
    });
    return b;
  }

  /* Items: p:<passage>, r:<first>:<last>, t:<theme>, c:<concept>. */
  function essayOf(id) {
    var found = null;
    Object.keys(data.essays).forEach(function (key) {
      data.essays[key].passages.forEach(function (p) { if (p.id === id) { found = key; } });
    });
    return found;
  }
  function passage(essay, id) {
    return data.essays[essay].passages.filter(function (p) { return p.id === id; })[0];
  }
  function pinned(path) { return abs((data.pinned || data.latest) + path); }
  function latest(path) { return abs(data.latest + path); }

  function describe(key) {
    var parts = key.split(":");
    var essay, e;
    if (parts[0] === "p" && parts.length === 2 && (essay = essayOf(parts[1]))) {
      e = data.essays[essay];
      var p = passage(essay, parts[1]);
      if (p.kind !== "paragraph") { return null; }
      var path = e.url + "#" + p.id;
      return {key: key, label: e.surname + ", " + p.label, path: path, essay: essay, number: p.number};
    }
    if (parts[0] === "r" && parts.length === 3 && (essay = essayOf(parts[1])) && essayOf(parts[2]) === essay) {
      e = data.essays[essay];
      var ids = e.passages.map(function (q) { return q.id; });
      var from = ids.indexOf(parts[1]), to = ids.indexOf(parts[2]);
      if (to < from) { return null; }
      var numbers = e.passages.slice(from, to + 1).filter(function (q) { return q.kind === "paragraph"; })
        .map(function (q) { return q.number; });
      if (!numbers.length) { return null; }
      var first = numbers[0], last = numbers[numbers.length - 1];
      var rangePath = from === to ? e.url + "#" + parts[1] : e.url + "?to=" + parts[2] + "#" + parts[1];
      return {key: key, label: e.surname + ", ¶ " + (first === last ? first : first + "–" + last), path: rangePath,
              essay: essay, number: last, first: first === last ? null : first};
    }
    if ((parts[0] === "t" || parts[0] === "c") && data.pages[key]) {
      var page = data.pages[key];
      return {key: key, label: page.kind + ": " + page.title, path: null, page: page};
    }
    return null;
  }

  function citation(item, style) {
    var url = item.page ? abs(item.page.pinned || item.page.latest) : pinned(item.path);
    if (item.page) {
      return {entry: words(filled(data.edition[style], style, {url: url})), intext: "", url: url};
    }
    var forms = data.essays[item.essay].cite[style];
    var intext = filled(item.first ? forms.range_intext : forms.paragraph_intext, style, {number: item.number, first: item.first});
    return {entry: words(filled(forms.edition, style, {url: url})), intext: words(intext), url: url};
  }

  /* ---- The copy buttons of the lists ---- */
  function addCopyButtons(root) {
    root.querySelectorAll("a[data-teach-link]").forEach(function (a) {
      a.after(copyButton(words(a), "Link", function () { return abs(a.getAttribute("href")); }));
    });
    root.querySelectorAll(".teach-cite").forEach(function (c) {
      var entry = c.querySelector(".teach-cite__entry");
      fill(entry, "chicago");
      var label = c.closest("[data-item]").querySelector(".teach-item__label");
      c.appendChild(copyButton("the citation of " + words(label), "Citation", function () {
        return words(c.querySelector(".teach-cite__intext")) + " " + words(entry);
      }));
    });
    root.querySelectorAll(".teach-essay__reference").forEach(function (p) { fill(p, "chicago"); });
  }

  /* ---- The syllabus ---- */
  var builder = document.querySelector("[data-teach-builder]");
  var items = [];
  function fromAddress() {
    var value = new URLSearchParams(window.location.search).get(PARAM);
    return (value ? value.split(",") : []).filter(function (key, i, all) { return describe(key) && all.indexOf(key) === i; });
  }
  function toAddress() {
    var url = new URL(window.location.href);
    if (items.length) { url.searchParams.set(PARAM, items.join(",")); } else { url.searchParams.delete(PARAM); }
    window.history.replaceState(null, "", url.toString().replace(/%3A/g, ":").replace(/%2C/g, ","));
  }
  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function output() {
    var format = builder.querySelector("select[name=format]").value;
    var style = builder.querySelector("select[name=style]").value;
    var lines = items.map(function (key, i) {
      var item = describe(key), c = citation(item, style);
      var cited = c.entry + (c.intext ? " In the text: " + c.intext + "." : "");
      if (format === "markdown") { return (i + 1) + ". [" + item.label + "](" + c.url + "): " + cited; }
      if (format === "html") { return "  <li><a href=\"" + escapeHtml(c.url) + "\">" + escapeHtml(item.label) + "</a>: " + escapeHtml(cited) + "</li>"; }
      return (i + 1) + ". " + item.label + ": " + c.url + "\n   " + cited;
    });
    if (format === "html") { return "<ol>\n" + lines.join("\n") + "\n</ol>"; }
    return lines.join("\n");
  }
  function render() {
    var list = builder.querySelector(".teach-builder__items");
    list.innerHTML = "";
    items.forEach(function (key) {
      var item = describe(key);
      var li = document.createElement("li");
      li.setAttribute("data-key", key);
      var a = document.createElement("a");
      a.href = pinned(item.path || "").replace(/#$/, "");
      if (item.page) { a.href = abs(item.page.pinned || item.page.latest); }
      a.textContent = item.label;
      li.appendChild(a);
      li.appendChild(button("Remove", "Remove " + item.label + " from the syllabus", function () {
        items = items.filter(function (k) { return k !== key; });
        update();
        announce(item.label + " removed from the syllabus.");
      }));
      list.appendChild(li);
    });
    builder.querySelector(".teach-builder__empty").hidden = items.length > 0;
    builder.querySelector(".teach-builder__output").value = output();
  }
  function update() { toAddress(); render(); }
  function add(key) {
    var item = describe(key);
    if (!item) { return; }
    if (items.indexOf(key) >= 0) { announce(item.label + " is already in the syllabus."); return; }
    items.push(key);
    update();
    announce(item.label + " added to the syllabus, item " + items.length + ".");
  }
  function addButton(el, key) {
    var item = describe(key);
    if (!item) { return; }
    el.appendChild(button("Add", "Add " + item.label + " to the syllabus", function () { add(key); }));
  }

  /* ---- The range tool ---- */
  function setUpRange(form) {
    var essay = form.getAttribute("data-essay");
    var from = form.querySelector("select[name=from]"), to = form.querySelector("select[name=to]");
    var out = form.querySelector(".teach-range__result");
    to.selectedIndex = Math.min(to.options.length - 1, 3);
    function show() {
      if (to.selectedIndex < from.selectedIndex) { to.selectedIndex = from.selectedIndex; }
      var key = "r:" + from.value + ":" + to.value, item = describe(key), c = citation(item, "chicago");
      out.innerHTML = "";
      var link = document.createElement("a");
      link.href = c.url;
      link.textContent = item.label + ", " + (data.version ? "version " + data.version : "this copy");
      link.setAttribute("data-teach-range", "");
      out.appendChild(link);
      out.appendChild(copyButton("link: " + item.label, "Link", function () { return c.url; }));
      var cite = document.createElement("span");
      cite.className = "teach-range__cite";
      cite.textContent = " " + c.intext + " ";
      out.appendChild(cite);
      out.appendChild(copyButton("the citation of " + item.label, "Citation", function () { return c.intext + " " + c.entry; }));
      addButton(out, key);
    }
    from.addEventListener("change", show);
    to.addEventListener("change", show);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    show();
  }

  function start() {
    var content = document.querySelector(".md-content__inner") || document;
    addCopyButtons(content);
    content.querySelectorAll("[data-item]").forEach(function (el) { addButton(el, el.getAttribute("data-item")); });
    content.querySelectorAll("form.teach-range").forEach(setUpRange);
    if (builder) {
      items = fromAddress();
      builder.hidden = false;
      builder.querySelectorAll("select").forEach(function (s) { s.addEventListener("change", render); });
      var out = builder.querySelector(".teach-builder__output");
      out.after(copyButton("the list", "List", function () { return out.value; }));
      render();
    }
  }
  if (typeof afterStartUp === "function") { afterStartUp(start); } else { start(); }
})();
