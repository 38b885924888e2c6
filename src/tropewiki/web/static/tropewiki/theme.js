// tropewiki: runs before the first paint (not deferred, a few lines) so that a reader's saved
// theme and spoiler choice never flash. Everything else is in site.js.
(function () {
  "use strict";
  var root = document.documentElement;
  try {
    var theme = localStorage.getItem("tropewiki-theme");
    if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
    var spoilers = localStorage.getItem("tropewiki-spoilers");
    if (spoilers === "shown" || spoilers === "hidden") root.setAttribute("data-spoilers", spoilers);
  } catch (e) { /* storage blocked: follow the server and the system */ }
})();
