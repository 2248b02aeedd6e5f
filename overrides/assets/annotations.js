/* The annotation layer of an essay page (markup: scripts/annotations/layer.py; loaded by
   overrides/essay.html on essay pages only, after edition.js, whose afterStartUp it uses).

   Without this script each marker (✎) is a link to its annotation's page. With it:
   - a marker opens and closes its note beside the passage (a disclosure: aria-expanded;
     Escape closes it and returns to the marker). The notes' content is not in the page: the
     essay's notes file (data-content, beside the page) is fetched once, when a note is first
     opened; if it cannot be, the note says so and links to the annotation's page;
   - the controls in the place the essay's header keeps for them (so nothing moves) hide or
     show the whole layer, remembered across pages and visits, and filter it by motivation or
     by tag. */
(function () {
  "use strict";

  var KEY = "edition-annotations";
  var root = document.documentElement;

  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }
  function remember(value) {
    try { window.localStorage.setItem(KEY, value); } catch (error) { /* private mode: this page only */ }
  }

  if (remembered() === "hidden") { root.setAttribute("data-annotations", "hidden"); }

  function noteOf(link) {
    return document.getElementById(link.getAttribute("aria-controls") || "");
  }

  var files = {};  /* notes file URL -> the promise of its notes */

  function notesOf(url) {
    if (!files[url]) {
      files[url] = editionFetchText(url).then(function (text) { return JSON.parse(text).notes || {}; });
      files[url].catch(function () { delete files[url]; });  /* a later opening tries again */
    }
    return files[url];
  }

  function status(text) {
    /* What a note says while its content loads, or that it could not be loaded. */
    var p = document.createElement("p");
    p.className = "annotation-note__meta annotation-note__status";
    p.textContent = text;
    return p;
  }

  function fill(note, link) {
    /* The note's content, from the essay's notes file, the first time it is opened. */
    var source = note.getAttribute("data-content");
    if (!source || note.hasAttribute("data-filled")) { return; }
    note.setAttribute("data-filled", "");
    note.setAttribute("aria-busy", "true");
    note.replaceChildren(status("Loading the note…"));
    notesOf(new URL(source, document.baseURI).href).then(function (notes) {
      if (!(note.id in notes)) { throw new Error("no note " + note.id); }
      note.innerHTML = notes[note.id];  /* the edition's own HTML, sanitized when it was built */
    }).catch(function () {
      note.removeAttribute("data-filled");
      var failed = status("This note could not be loaded here. ");
      var page = document.createElement("a");
      page.setAttribute("href", link.getAttribute("href"));
      page.textContent = "Read it on its page";
      failed.appendChild(page);
      failed.appendChild(document.createTextNode("."));
      note.replaceChildren(failed);
    }).then(function () { note.removeAttribute("aria-busy"); });
  }

  function setOpen(link, open) {
    var note = noteOf(link);
    if (!note) { return; }
    if (open) { fill(note, link); }
    note.hidden = !open;
    link.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function enhance(link) {
    var id = link.getAttribute("data-annotation");
    var note = document.querySelector(".annotation-note[data-annotation='" + id.replace(/'/g, "\\'") + "']");
    if (!note) { return; }
    link.setAttribute("role", "button");
    link.setAttribute("aria-controls", note.id);
    link.setAttribute("aria-expanded", "false");
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".annotation-marker a[aria-controls]") : null;
    if (!link) { return; }
    event.preventDefault();
    setOpen(link, link.getAttribute("aria-expanded") !== "true");
  });

  document.addEventListener("keydown", function (event) {
    var link = event.target.closest ? event.target.closest(".annotation-marker a[aria-controls]") : null;
    if (link && event.key === " ") {  /* a button answers the space bar too */
      event.preventDefault();
      setOpen(link, link.getAttribute("aria-expanded") !== "true");
    } else if (event.key === "Escape") {
      var note = event.target.closest ? event.target.closest(".annotation-note") : null;
      var open = note || document.querySelector(".annotation-note:not([hidden])");
      if (!open) { return; }
      var opener = document.querySelector(".annotation-marker a[aria-controls='" + open.id + "']");
      if (opener) { setOpen(opener, false); opener.focus(); }
    }
  });

  function option(select, value, label) {
    var made = document.createElement("option");
    made.value = value;
    made.textContent = label;
    select.appendChild(made);
  }

  function filterSelect(name, label, values, labels) {
    /* The label names the select by "for", not by holding it: its name is the label alone. */
    var wrap = document.createElement("span");
    wrap.className = "annotation-tools__filter";
    var select = document.createElement("select");
    select.id = "annotation-filter-" + name;
    select.setAttribute("data-annotation-filter", name);
    var text = document.createElement("label");
    text.htmlFor = select.id;
    text.textContent = label;
    option(select, "", "all");
    values.forEach(function (value) { option(select, value, labels[value] || value); });
    wrap.appendChild(text);
    wrap.appendChild(document.createTextNode(" "));
    wrap.appendChild(select);
    return wrap;
  }

  function applyFilters(tools) {
    var wanted = {};
    tools.querySelectorAll("[data-annotation-filter]").forEach(function (select) {
      wanted[select.getAttribute("data-annotation-filter")] = select.value;
    });
    var shown = 0;
    document.querySelectorAll(".annotation-marker a[data-annotation]").forEach(function (link) {
      var ok = (!wanted.motivation || link.getAttribute("data-motivation") === wanted.motivation) &&
               (!wanted.tag || (" " + link.getAttribute("data-tags") + " ").indexOf(" " + wanted.tag + " ") >= 0);
      var id = link.getAttribute("data-annotation");
      document.querySelectorAll("[data-annotation='" + id.replace(/'/g, "\\'") + "']").forEach(function (el) {
        el.classList.toggle("annotation--filtered", !ok);
      });
      if (!ok) { setOpen(link, false); } else { shown += 1; }
    });
    var status = tools.querySelector("[data-annotation-status]");
    if (status) { status.textContent = shown + " shown"; }
  }

  function makeControls(tools) {
    var place = tools.querySelector("[data-annotation-controls]");
    if (!place) { return; }
    var labels = JSON.parse(tools.getAttribute("data-labels") || "{}");
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "annotation-tools__toggle";
    toggle.textContent = "Show annotations";
    toggle.setAttribute("aria-pressed", root.getAttribute("data-annotations") === "hidden" ? "false" : "true");
    place.appendChild(toggle);
    var motivations = (tools.getAttribute("data-motivations") || "").split(" ").filter(Boolean);
    var tags = (tools.getAttribute("data-tags") || "").split(" ").filter(Boolean);
    if (motivations.length > 1) { place.appendChild(filterSelect("motivation", "Motivation", motivations, labels)); }
    if (tags.length) { place.appendChild(filterSelect("tag", "Tag", tags, {})); }
    var status = document.createElement("span");
    status.className = "annotation-tools__status";
    status.setAttribute("data-annotation-status", "");
    status.setAttribute("role", "status");
    place.appendChild(status);
    toggle.addEventListener("click", function () {
      var hide = toggle.getAttribute("aria-pressed") === "true";
      toggle.setAttribute("aria-pressed", hide ? "false" : "true");
      if (hide) {
        root.setAttribute("data-annotations", "hidden");
        document.querySelectorAll(".annotation-marker a[aria-expanded='true']").forEach(function (link) { setOpen(link, false); });
      } else {
        root.removeAttribute("data-annotations");
      }
      remember(hide ? "hidden" : "shown");
    });
    place.addEventListener("change", function () { applyFilters(tools); });
    applyFilters(tools);
  }

  afterStartUp(function () {
    document.querySelectorAll(".annotation-marker a[data-annotation]").forEach(enhance);
    document.querySelectorAll("[data-annotation-tools]").forEach(makeControls);
  });
})();
