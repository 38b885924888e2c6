// tropewiki: small progressive enhancements. Everything works without this file, except live preview.
(function () {
  "use strict";
  var root = document.documentElement;

  // Colour theme: remembered in localStorage, follows the system until chosen.
  var saved = null;
  try { saved = localStorage.getItem("tropewiki-theme"); } catch (e) { /* private mode */ }
  if (saved) root.setAttribute("data-theme", saved);

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-theme-toggle]");
    if (toggle) {
      var dark = root.getAttribute("data-theme") === "dark" ||
        (root.getAttribute("data-theme") !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
      var next = dark ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("tropewiki-theme", next); } catch (e) { /* ignore */ }
      return;
    }
    var spoiler = event.target.closest(".spoiler");
    if (spoiler && !spoiler.classList.contains("revealed")) {
      event.preventDefault();
      reveal(spoiler);
    }
  });

  function reveal(spoiler) {
    spoiler.classList.add("revealed");
    spoiler.setAttribute("aria-expanded", "true");
  }

  document.addEventListener("keydown", function (event) {
    var spoiler = event.target.closest && event.target.closest(".spoiler");
    if (spoiler && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      reveal(spoiler);
    }
  });

  // [[foldercontrol]]: open or close every folder of the page.
  document.addEventListener("click", function (event) {
    var control = event.target.closest(".foldercontrol");
    if (!control) return;
    var folders = document.querySelectorAll("details.folder");
    var anyClosed = Array.prototype.some.call(folders, function (f) { return !f.open; });
    folders.forEach(function (f) { f.open = anyClosed; });
  });

  // Live preview in the editor.
  var editor = document.querySelector("form.editor[data-preview]");
  if (editor) {
    var textarea = editor.querySelector("textarea[name=text]");
    var target = document.getElementById("preview");
    var timer = null;
    var token = editor.querySelector("input[name=csrfmiddlewaretoken]");
    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var body = new FormData();
        body.append("text", textarea.value);
        fetch(editor.getAttribute("data-preview"), {
          method: "POST", body: body, headers: { "X-CSRFToken": token ? token.value : "" },
          credentials: "same-origin",
        }).then(function (r) { return r.ok ? r.text() : null; })
          .then(function (html) { if (html !== null) target.innerHTML = html; });
      }, 350);
    });
  }
})();
