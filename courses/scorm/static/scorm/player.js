/* Guild's SCORM player: starts a session (POST launch), provides the SCORM API that the SCO looks
   up through window.parent (scorm-again's Scorm12API as window.API, Scorm2004API as
   window.API_1484_11), loaded with the learner's stored values, and sends each commit to Guild as
   JSON with the CSRF token header, a launch id and a sequence number (docs/content.md). */
(function () {
  "use strict";
  var form = document.querySelector("[data-scorm-player]");
  if (!form) { return; }
  var frameBox = document.querySelector("[data-scorm-frame]");
  var message = document.querySelector("[data-scorm-message]");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var FAILURE = { result: "false", errorCode: 391 };
  var SUCCESS = { result: "true", errorCode: 0 };

  function show(text) {
    message.textContent = text;
    message.hidden = false;
  }

  function headers() {
    return { "Content-Type": "application/json", "X-CSRFToken": token, "Accept": "application/json" };
  }

  function answered(status) {
    if (status >= 200 && status < 300) { return SUCCESS; }
    if (status === 401 || status === 403) { show(form.dataset.errorSignedOut); }
    else if (status === 409) { show(form.dataset.errorElsewhere); }
    else { show(form.dataset.errorFailed); }
    return FAILURE;
  }

  /* scorm-again's IHttpService: synchronous XHR while the SCO runs (the SCO waits for Commit's
     answer), a keepalive fetch for the commit made as the page goes away. */
  function guildHttp(config) {
    var sequence = 0;
    return {
      processHttpRequest: function (url, params, immediate) {
        sequence += 1;
        var body = JSON.stringify({ launch: config.launch, sequence: sequence, cmi: params });
        if (immediate) {
          fetch(url, { method: "POST", headers: headers(), body: body, credentials: "same-origin", keepalive: true })
            .then(function (response) { answered(response.status); })
            .catch(function () { show(form.dataset.errorFailed); });
          return SUCCESS;
        }
        var xhr = new XMLHttpRequest();
        xhr.open("POST", url, false);
        var names = headers();
        Object.keys(names).forEach(function (name) { xhr.setRequestHeader(name, names[name]); });
        try {
          xhr.send(body);
        } catch (error) {
          show(form.dataset.errorFailed);
          return FAILURE;
        }
        return answered(xhr.status);
      },
      updateSettings: function () {}
    };
  }

  function start(config) {
    var settings = {
      autocommit: true,
      autocommitSeconds: 30,
      lmsCommitUrl: config.commit_url || false,
      dataCommitFormat: "flattened",
      logLevel: 5,
      httpService: config.commit_url ? guildHttp(config) : null
    };
    var api;
    if (config.version === "1.2") {
      api = new window.Scorm12API(settings);
      window.API = api;
    } else {
      api = new window.Scorm2004API(settings);
      window.API_1484_11 = api;
    }
    api.loadFromFlattenedJSON(config.cmi, "");
    window.guildScorm = { api: api, config: config };
    var frame = document.createElement("iframe");
    /* allow-same-origin is needed for the SCO to reach window.parent.API; the content's own CSP
       keeps its requests inside the package (docs/architecture.md, "SCORM content"). */
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-forms");
    frame.setAttribute("title", form.dataset.frameTitle);
    frame.src = config.content_url;
    frameBox.innerHTML = "";
    frameBox.appendChild(frame);
    form.hidden = true;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    message.hidden = true;
    fetch(form.action, { method: "POST", headers: headers(), credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          answered(response.status === 401 || response.status === 403 ? response.status : 500);
          if (response.status === 403) { show(form.dataset.errorLaunch); }
          return null;
        }
        return response.json();
      })
      .then(function (config) { if (config) { start(config); } })
      .catch(function () { show(form.dataset.errorLaunch); });
  });
  form.querySelector("button[type=submit]").disabled = false;
})();
