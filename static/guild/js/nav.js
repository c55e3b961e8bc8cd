// The main menu collapses behind a "Menu" button on narrow screens. Without JavaScript it stays open.
(function () {
  var toggle = document.querySelector(".site-nav__toggle");
  var nav = document.getElementById("site-nav");
  if (!toggle || !nav) return;
  toggle.hidden = false;
  nav.classList.add("is-collapsed");
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", String(!open));
    nav.classList.toggle("is-collapsed", open);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      toggle.setAttribute("aria-expanded", "false");
      nav.classList.add("is-collapsed");
      toggle.focus();
    }
  });
})();
