// People pickers, as the ARIA combobox pattern: a text field with a listbox of suggestions that
// the arrow keys move through, Enter (or a click) picks and Escape closes.
//  - input[data-people-picker="URL"] (kudos): picking fills the field with the name and the hidden
//    field named by data-picked-field with the person's id. Without JavaScript the field is a plain
//    search: the server resolves the name, or asks which of several people was meant.
//  - textarea[data-mentions="URL"] (discussions): typing "@" and letters suggests the people who can
//    see the discussion; picking writes "@Full Name ".
// Each URL answers {"results": [{"id", "name", "detail"}]} for ?q=.
(function () {
  var counter = 0;

  function setup(field, url, onPick, queryOf) {
    counter += 1;
    var listId = "people-suggestions-" + counter;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "people-picker__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", field.getAttribute("data-list-label") || "Suggestions");
    list.hidden = true;
    field.insertAdjacentElement("afterend", list);
    field.setAttribute("aria-controls", listId);
    field.setAttribute("aria-autocomplete", "list");
    if (field.tagName === "INPUT") {
      field.setAttribute("role", "combobox");
      field.setAttribute("aria-expanded", "false");
      field.setAttribute("autocomplete", "off");
    }
    var results = [];
    var active = -1;
    var timer = null;
    var lastQuery = null;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      results = [];
      active = -1;
      field.removeAttribute("aria-activedescendant");
      if (field.tagName === "INPUT") field.setAttribute("aria-expanded", "false");
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      Array.prototype.forEach.call(options, function (o, i) { o.setAttribute("aria-selected", String(i === index)); });
      active = index;
      if (index >= 0 && options[index]) {
        field.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        field.removeAttribute("aria-activedescendant");
      }
    }

    function show(people) {
      results = people;
      list.innerHTML = "";
      if (!people.length) { close(); return; }
      people.forEach(function (person, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "people-picker__option";
        option.textContent = person.name;
        if (person.detail) {
          var detail = document.createElement("span");
          detail.className = "muted";
          detail.textContent = " · " + person.detail;
          option.appendChild(detail);
        }
        option.addEventListener("mousedown", function (event) { event.preventDefault(); pick(i); });
        list.appendChild(option);
      });
      list.hidden = false;
      if (field.tagName === "INPUT") field.setAttribute("aria-expanded", "true");
      highlight(0);
    }

    function pick(index) {
      var person = results[index];
      if (!person) return;
      close();
      onPick(person);
    }

    function lookup() {
      var query = queryOf();
      if (query === null || query.length < 1) { lastQuery = null; close(); return; }
      if (query === lastQuery) return;
      lastQuery = query;
      fetch(url + "?q=" + encodeURIComponent(query), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (query === lastQuery) show(data.results || []); })
        .catch(close);
    }

    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookup, 150);
    });
    field.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % results.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight((active - 1 + results.length) % results.length); }
      else if (event.key === "Enter" || event.key === "Tab") { if (active >= 0) { event.preventDefault(); pick(active); } }
      else if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    field.addEventListener("blur", function () { window.setTimeout(close, 150); });
    return { reset: function () { lastQuery = null; } };
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-people-picker]"), function (input) {
    var hidden = input.form && input.form.elements[input.getAttribute("data-picked-field")];
    input.addEventListener("input", function () { if (hidden) hidden.value = ""; });
    setup(input, input.getAttribute("data-people-picker"), function (person) {
      input.value = person.name;
      if (hidden) hidden.value = person.id;
    }, function () { return input.value.trim(); });
  });

  // "@" at the start or after a space, then up to two words, right before the caret.
  var MENTION = /(^|[\s(])@([^\s@]{1,40}(?: [^\s@]{0,40})?)$/;
  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-mentions]"), function (area) {
    function typed() {
      var match = MENTION.exec(area.value.slice(0, area.selectionStart));
      return match ? match[2] : null;
    }
    setup(area, area.getAttribute("data-mentions"), function (person) {
      var caret = area.selectionStart;
      var before = area.value.slice(0, caret);
      var match = MENTION.exec(before);
      if (!match) return;
      var start = caret - match[2].length - 1;
      var insert = "@" + person.name + " ";
      area.value = area.value.slice(0, start) + insert + area.value.slice(caret);
      area.selectionStart = area.selectionEnd = start + insert.length;
      area.focus();
    }, typed);
  });
})();
