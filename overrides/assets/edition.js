/* Copy-link buttons of the edition's passages (markup: scripts/decorate.py).
   Puts the passage's full URL on the clipboard and confirms it visibly and to screen readers. */
(function () {
  "use strict";

  function passageUrl(id) {
    var url = new URL(window.location.href);
    url.search = "";
    url.hash = id;
    return url.toString();
  }

  function copyWithSelection(text) {
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

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!copyWithSelection(text)) { throw new Error("copy failed"); }
      });
    }
    return copyWithSelection(text) ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function announce(message) {
    var region = document.querySelector("[data-edition-live]");
    if (region) { region.textContent = ""; region.textContent = message; }
    if (window.alert$ && typeof window.alert$.next === "function") { window.alert$.next(message); }
  }

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
