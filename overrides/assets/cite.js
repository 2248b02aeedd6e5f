/* "Cite this" on essay pages (markup: scripts/citethis.py; paragraph buttons: scripts/decorate.py).
   Citations are formatted at build time from bib/; this script only fills in the address of the
   page or passage (which depends on the published version) and the passage number, and copies. */
(function () {
  "use strict";

  function pageUrl(hash) {
    var url = new URL(window.location.href);
    url.search = "";
    url.hash = hash || "";
    return url.toString();
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

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function announce(message) {
    var region = document.querySelector("[data-edition-live]");
    if (region) { region.textContent = ""; region.textContent = message; }
  }

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

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".edition-cite").forEach(function (panel) { fillUrls(panel, pageUrl()); });
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
