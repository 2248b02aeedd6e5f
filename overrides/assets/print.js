/* Adds the page's address to printouts (shown only in print: overrides/assets/print.css) and
   opens collapsed <details> while printing, so that nothing is lost on paper. */
(function () {
  "use strict";
  var content = document.querySelector(".md-content__inner");
  if (!content) { return; }
  var line = document.createElement("p");
  var address = document.createElement("span");
  line.className = "print-url";
  address.className = "print-url__address";
  address.textContent = window.location.origin + window.location.pathname;
  line.appendChild(document.createTextNode("Printed from "));
  line.appendChild(address);
  content.insertBefore(line, content.firstChild);

  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
