// The header menu: on narrow screens everything folds behind "Menu"; on wide screens each group
// (Learn, Community, …) is a dropdown. Without JavaScript every link stays visible.
(function () {
  var header = document.querySelector(".site-header");
  var toggle = document.querySelector(".site-nav__toggle");
  var nav = document.getElementById("site-nav");
  if (!toggle || !nav) return;
  header.classList.add("js-nav");

  function setOpen(button, target, open) {
    button.setAttribute("aria-expanded", String(open));
    target.classList.toggle("is-collapsed", !open);
  }

  toggle.hidden = false;
  setOpen(toggle, nav, false);
  toggle.addEventListener("click", function () {
    setOpen(toggle, nav, toggle.getAttribute("aria-expanded") !== "true");
  });

  var menus = Array.prototype.slice.call(nav.querySelectorAll(".nav-menu__toggle"));
  menus.forEach(function (button) {
    var items = document.getElementById(button.getAttribute("aria-controls"));
    button.hidden = false;
    setOpen(button, items, false);
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      menus.forEach(function (other) {
        if (other !== button) setOpen(other, document.getElementById(other.getAttribute("aria-controls")), false);
      });
      setOpen(button, items, open);
    });
  });

  function closeAll() {
    menus.forEach(function (b) { setOpen(b, document.getElementById(b.getAttribute("aria-controls")), false); });
  }
  document.addEventListener("click", function (event) {
    if (!nav.contains(event.target)) closeAll();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = menus.filter(function (b) { return b.getAttribute("aria-expanded") === "true"; });
    if (open.length) { closeAll(); open[0].focus(); return; }
    if (toggle.getAttribute("aria-expanded") === "true") { setOpen(toggle, nav, false); toggle.focus(); }
  });
})();
