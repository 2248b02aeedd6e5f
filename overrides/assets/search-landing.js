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
