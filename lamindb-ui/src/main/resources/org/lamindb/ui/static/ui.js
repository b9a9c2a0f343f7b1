// lamin ui: every htmx request carries the CSRF token of this server start.
document.addEventListener("htmx:configRequest", function (e) {
  var m = document.querySelector('meta[name="csrf-token"]');
  if (m) { e.detail.headers["X-CSRF-Token"] = m.getAttribute("content"); }
});
