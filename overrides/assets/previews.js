/* Previews of concepts (markup: scripts/concepts/linking.py and pages.py, data-concept-preview; concept
   pages: scripts/concepts/pages.py). Hovering over a concept's link, or moving to it with the
   keyboard, shows a card with the concept's definition (its page's title and first section)
   without leaving the page; a touch opens the page, as any link does.

   One listener for the whole page, nothing set up per link, and the concept page is fetched
   only when its card is first wanted (same site, relative address: local builds too). The card
   floats over the text, so nothing moves; it stays while the pointer is over it, and Escape
   closes it (WCAG 1.4.13). */
(function () {
  "use strict";

  var SELECTOR = "a[data-concept-preview]";  /* a mention in an essay, a related concept, the index */
  var cache = {};
  var card = null;
  var owner = null;
  var hideTimer = null;
  var showTimer = null;

  function definition(url) {
    if (!cache[url]) {
      cache[url] = editionFetchText(url).then(function (html) {  /* edition.js */
        var doc = new DOMParser().parseFromString(html, "text/html");
        var title = doc.querySelector("article h1");
        if (!title) { throw new Error("no title"); }
        var parts = [title];
        for (var el = title.nextElementSibling; el && !/^H[1-6]$/.test(el.tagName); el = el.nextElementSibling) {
          parts.push(el);
        }
        var wrap = document.createElement("div");
        parts.forEach(function (part) { wrap.appendChild(document.importNode(part, true)); });
        /* A copy, not the page: no ids twice, no note markers that lead nowhere here. */
        wrap.querySelectorAll("sup[id^='fnref'], .footnote-ref").forEach(function (ref) { ref.remove(); });
        wrap.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
        return wrap.innerHTML;
      });
    }
    return cache[url];
  }

  function ensureCard() {
    if (card) { return card; }
    card = document.createElement("div");
    card.className = "concept-card md-typeset";
    card.id = "concept-card";
    card.setAttribute("role", "tooltip");
    card.hidden = true;
    card.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    card.addEventListener("mouseleave", function () { hide(200); });
    document.body.appendChild(card);
    return card;
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = Math.min(384, document.documentElement.clientWidth - 32);
    var left = Math.max(16, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 16));
    card.style.width = width + "px";
    card.style.left = left + "px";
    card.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function show(link) {
    window.clearTimeout(hideTimer);
    var url = link.href;
    definition(url).then(function (html) {
      if (owner && owner !== link) { owner.removeAttribute("aria-describedby"); }
      ensureCard().innerHTML = html;
      owner = link;
      place(link);
      card.hidden = false;
      link.setAttribute("aria-describedby", card.id);
    }, function () { /* no card: the link still leads to the page */ });
  }

  function hide(delay) {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(function () {
      if (card) { card.hidden = true; }
      if (owner) { owner.removeAttribute("aria-describedby"); owner = null; }
    }, delay || 0);
  }

  function linkOf(target) {
    return target && target.closest ? target.closest(SELECTOR) : null;
  }

  var hovers = window.matchMedia ? window.matchMedia("(hover: hover)") : { matches: true };

  document.addEventListener("mouseover", function (event) {
    var link = linkOf(event.target);
    if (!link || !hovers.matches || link === owner) { return; }
    window.clearTimeout(showTimer);
    showTimer = window.setTimeout(function () { show(link); }, 150);
  });
  document.addEventListener("mouseout", function (event) {
    var link = linkOf(event.target);
    if (link && !link.contains(event.relatedTarget)) { window.clearTimeout(showTimer); if (link === owner) { hide(300); } }
  });
  document.addEventListener("focusin", function (event) {
    var link = linkOf(event.target);
    if (link && link.matches(":focus-visible")) { show(link); }
  });
  document.addEventListener("focusout", function (event) {
    if (linkOf(event.target) === owner) { hide(150); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && card && !card.hidden) { hide(0); }
  });
})();
