// Reviewers' comments beside the blocks they are about, in a lesson's editor. The server lists them
// at the top of the page as messages, each carrying its block's id; here each is repeated inside its
// block (Wagtail marks every StreamField block with data-contentpath). Without JavaScript, or for a
// block since deleted, the list at the top is all there is.
(function () {
  var notes = document.querySelectorAll("[data-guild-block-comment]");
  if (!notes.length) return;

  function pin() {
    var left = 0;
    notes.forEach(function (note) {
      if (note.dataset.pinned) return;
      var block = document.querySelector('[data-contentpath="' + CSS.escape(note.dataset.guildBlockComment) + '"]');
      if (!block) { left += 1; return; }
      var callout = document.createElement("div");
      callout.className = "help-block help-warning guild-pinned-comment";
      callout.setAttribute("role", "note");
      callout.textContent = note.dataset.guildCommentLabel + ": " + note.textContent;
      block.insertBefore(callout, block.firstChild);
      note.dataset.pinned = "true";
    });
    return left === 0;
  }

  // The StreamField is drawn by Wagtail's scripts after the page loads: pin once its blocks are there.
  if (pin()) return;
  var observer = new MutationObserver(function () { if (pin()) observer.disconnect(); });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(function () { observer.disconnect(); }, 10000);
})();
