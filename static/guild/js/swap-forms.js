// Forms marked data-swap (reactions, votes) post in the background and replace their region
// ([data-swap-region]) with the server's fresh HTML, keeping focus on the same button and
// announcing the result. Without JavaScript, or if the request fails, the form posts as usual.
(function () {
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text || ""; }, 50);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-swap]") || form.dataset.swapOff) return;
    var submitter = event.submitter;
    var region = form.closest("[data-swap-region]");
    if (!region || !window.fetch) return;
    event.preventDefault();
    var body = new FormData(form, submitter || undefined);
    var focusKey = submitter ? submitter.getAttribute("data-focus-key") : null;
    Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = true; });
    fetch(form.action, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Requested-With": "fetch" },
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (!result.ok) {
        Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = false; });
        announce(result.data.error);
        return;
      }
      var holder = document.createElement("div");
      holder.innerHTML = result.data.html;
      var fresh = holder.firstElementChild;
      region.replaceWith(fresh);
      var again = focusKey && fresh.querySelector('[data-focus-key="' + focusKey + '"]');
      if (again) again.focus();
      announce(result.data.message);
    }).catch(function () {
      // Fall back to the ordinary post (full page), with the button that was pressed.
      form.dataset.swapOff = "1";
      Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = false; });
      if (form.requestSubmit) form.requestSubmit(submitter || undefined); else form.submit();
    });
  });
})();
