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
  window.Winnow = { csrf: csrf };
})();
