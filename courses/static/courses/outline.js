// The course outline beside a lesson: open on a wide screen; on a phone it starts folded above the
// lesson ("Course outline · Lesson 2 of 5"), one tap away. Without JavaScript it stays open.
(function () {
  var outline = document.querySelector(".lesson-outline__details");
  if (!outline || !window.matchMedia) return;
  if (window.matchMedia("(max-width: 55.99rem)").matches) outline.open = false;
})();
