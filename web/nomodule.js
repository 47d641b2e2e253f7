// Browsers too old for JavaScript modules cannot run the app either: show
// the plain-HTML message instead of "Loading…" for ever. Plain ES3, no
// arrow functions, so that these browsers can parse it.
(function () {
  var fallback = document.getElementById("fallback");
  var app = document.getElementById("app");
  if (fallback) fallback.removeAttribute("hidden");
  if (app) app.setAttribute("hidden", "");
})();
