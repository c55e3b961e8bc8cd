// Wide tables and code samples scroll sideways inside their box on a narrow screen. A box that
// scrolls must be reachable by keyboard (WCAG 2.1.1): it then takes focus, so arrow keys scroll it,
// and it is announced as a region named after its table (or as "code"). Boxes that fit take no focus.
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".table-wrap, pre"));
  if (!boxes.length) return;

  function nameOf(box) {
    var caption = box.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var labelled = box.closest("[aria-labelledby]");
    var heading = labelled && document.getElementById(labelled.getAttribute("aria-labelledby"));
    return heading ? heading.textContent.trim() : box.getAttribute("data-scroll-label") || "";
  }

  function update() {
    boxes.forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        var name = nameOf(box);
        if (name) box.setAttribute("aria-label", name);
        box.setAttribute("data-scroll-focus", "");
      } else if (!scrolls && box.hasAttribute("data-scroll-focus")) {
        ["tabindex", "role", "aria-label", "data-scroll-focus"].forEach(function (a) { box.removeAttribute(a); });
      }
    });
  }

  update();
  var timer;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
})();
