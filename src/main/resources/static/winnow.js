// Winnow's only script (the CSP allows no inline script). Plain JS, no build step.
(function () {
  "use strict";
  function csrf() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute("content") : "";
  }

  // every htmx request carries the CSRF token as a header
  document.addEventListener("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRF-Token"] = csrf();
  });

  // ---- screening: time on a record, focus after a swap, keyboard shortcuts
  var shownAt = Date.now();
  function panelReady() {
    shownAt = Date.now();
    var title = document.querySelector("#screen-panel .record-title");
    if (title) { title.focus({ preventScroll: false }); }
  }
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.detail.target && e.detail.target.id === "screen-panel" || document.getElementById("screen-panel")) {
      panelReady();
    }
  });
  document.addEventListener("submit", function (e) {
    var f = e.target;
    if (f && f.id === "decide-form" && f.elements.seconds) {
      f.elements.seconds.value = String(Math.round((Date.now() - shownAt) / 1000));
    }
  }, true);
  document.addEventListener("htmx:configRequest", function (e) {
    var f = e.detail.elt && e.detail.elt.closest ? e.detail.elt.closest("form") : null;
    if (f && f.id === "decide-form") {
      e.detail.parameters.seconds = String(Math.round((Date.now() - shownAt) / 1000));
    }
  });

  function typing(el) {
    if (!el) { return false; }
    var tag = el.tagName;
    return tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable
      || (tag === "INPUT" && !/^(checkbox|radio|button|submit)$/i.test(el.type));
  }
  function toggleHelp() {
    var d = document.getElementById("help");
    if (!d) { return; }
    if (d.open) { d.close(); } else { d.showModal(); }
  }
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("[data-help-open]")) { toggleHelp(); }
  });
  // A key pressed while a decision is in flight is dropped (the record it meant is leaving).
  // A key pressed after the next record is on screen but before htmx has wired up its form
  // (htmx does that when the swap settles, a few milliseconds later) waits for it: clicking an
  // unwired button would submit the form natively and reload the whole page.
  var busy = false;
  var pendingKey = null;
  document.addEventListener("htmx:beforeRequest", function () { busy = true; });
  document.addEventListener("htmx:afterRequest", function () { busy = false; });
  function unsettled(panel) {
    return panel.classList.contains("htmx-added") || panel.classList.contains("htmx-settling");
  }
  function pressKey(key) {
    var panel = document.getElementById("screen-panel");
    if (!panel) { return false; }
    var target = panel.querySelector('[data-key="' + key + '"]');
    if (!target) { return false; }
    if (target.type === "checkbox") { target.checked = !target.checked; return true; }
    if (busy) { return true; }
    if (unsettled(panel)) { pendingKey = key; return true; }
    target.click();
    return true;
  }
  document.addEventListener("htmx:afterSettle", function () {
    var key = pendingKey;
    pendingKey = null;
    if (key) { pressKey(key); }
  });
  document.addEventListener("keydown", function (e) {
    var panel = document.getElementById("screen-panel");
    if (!panel || e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) { return; }
    if (e.key === "?") { e.preventDefault(); toggleHelp(); return; }
    var help = document.getElementById("help");
    if (help && help.open) { return; }
    var key = e.key.toLowerCase();
    if (!/^[iemu1-9]$/.test(key)) { return; }
    if (pressKey(key)) { e.preventDefault(); }
  });
  if (document.getElementById("screen-panel")) { panelReady(); }

  // ---- uploads: a progress bar for large files (XMLHttpRequest reports upload progress)
  document.addEventListener("submit", function (e) {
    var f = e.target;
    if (!f || !f.matches("form[data-upload]")) { return; }
    e.preventDefault();
    var bar = f.querySelector("progress");
    var status = f.querySelector("[data-upload-status]");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", f.action);
    xhr.setRequestHeader("X-CSRF-Token", csrf());
    xhr.setRequestHeader("HX-Request", "true");
    xhr.upload.addEventListener("progress", function (p) {
      if (p.lengthComputable && bar) {
        bar.hidden = false;
        bar.max = p.total;
        bar.value = p.loaded;
        if (status) { status.textContent = "Uploading: " + Math.round(100 * p.loaded / p.total) + "%"; }
      }
    });
    // once uploaded, the server imports and deduplicates: show how far it has got until it answers
    var box = document.querySelector("[data-import-progress]");
    var polling = null;
    function poll() {
      if (!box) { return; }
      var r = new XMLHttpRequest();
      r.open("GET", box.getAttribute("data-import-progress"));
      r.addEventListener("load", function () {
        if (polling === null || r.status !== 200) { return; }
        var doc = new DOMParser().parseFromString(r.responseText, "text/html");
        var found = doc.getElementById("import-progress");
        if (found) { found.removeAttribute("hx-get"); found.removeAttribute("hx-trigger"); }
        box.replaceChildren.apply(box, Array.prototype.slice.call(doc.body.childNodes));
      });
      r.send();
    }
    xhr.upload.addEventListener("load", function () {
      if (status) { status.textContent = "Uploaded; importing…"; }
      polling = window.setInterval(poll, 1000);
    });
    xhr.addEventListener("loadend", function () {
      if (polling !== null) { window.clearInterval(polling); polling = null; }
      if (box) { box.replaceChildren(); }
    });
    xhr.addEventListener("load", function () {
      var out = document.getElementById(f.getAttribute("data-upload"));
      if (out) {
        // the server's answer is an HTML fragment it escaped itself
        var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
        // parts of the page the answer brings anew (e.g. the list of sources after an import)
        Array.prototype.slice.call(doc.querySelectorAll("[data-replaces]")).forEach(function (part) {
          var old = document.getElementById(part.getAttribute("data-replaces"));
          if (old) { old.replaceChildren.apply(old, Array.prototype.slice.call(part.childNodes)); }
          part.remove();
        });
        out.replaceChildren.apply(out, Array.prototype.slice.call(doc.body.childNodes));
      }
      if (status) { status.textContent = xhr.status === 200 ? "Done." : "The import failed (see below)."; }
      if (bar) { bar.hidden = true; }
    });
    xhr.addEventListener("error", function () {
      if (status) { status.textContent = "The upload failed: the connection was lost."; }
    });
    xhr.send(new FormData(f));
  });

  window.Winnow = { csrf: csrf };
})();
