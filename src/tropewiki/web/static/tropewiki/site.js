// tropewiki: small progressive enhancements, no build step. Every page works without this file:
// spoilers reveal on focus, folders and notes are <details>, the spoiler switch is a CSS-only
// checkbox, the editor previews through its "Preview" button. Only live preview and search
// autocomplete need it. (theme.js, loaded in <head>, applies saved choices before paint.)
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js"); // from here on, spoilers are revealed by script, not by focus
  var THEME_KEY = "tropewiki-theme";
  var SPOILERS_KEY = "tropewiki-spoilers";

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
    } catch (e) { /* storage blocked: the choice lasts for this page only */ }
  }

  var announcer = document.getElementById("announcer");
  function announce(text) {
    if (!announcer) return;
    announcer.textContent = "";
    // A fresh text node after a tick makes screen readers announce even a repeated message.
    setTimeout(function () { announcer.textContent = text; }, 50);
  }

  // ---- colour theme ------------------------------------------------------------------------
  var systemDark = window.matchMedia ? matchMedia("(prefers-color-scheme: dark)") : null;
  function isDark() {
    var theme = root.getAttribute("data-theme");
    return theme === "dark" || (theme !== "light" && !!systemDark && systemDark.matches);
  }
  function showTheme() {
    document.querySelectorAll("[data-theme-toggle]").forEach(function (button) {
      button.hidden = false;
      button.setAttribute("aria-pressed", isDark() ? "true" : "false");
      button.title = isDark() ? "Switch to the light theme" : "Switch to the dark theme";
    });
  }
  showTheme();
  if (systemDark && systemDark.addEventListener) systemDark.addEventListener("change", showTheme);

  // Saving the account's preferences makes them the choice again on this browser.
  var preferences = document.querySelector("form[data-preferences]");
  if (preferences) {
    preferences.addEventListener("submit", function () {
      store(THEME_KEY, null);
      store(SPOILERS_KEY, null);
    });
  }

  // ---- spoilers ----------------------------------------------------------------------------
  // The renderer emits <span class="spoiler" tabindex="0" role="button" aria-label=…>text</span>.
  // Hidden, it becomes a button whose name says what it is ("Hidden spoiler, activate to
  // reveal", aria-expanded="false"); its text is inert, so nothing in it is read, focused or
  // followed by accident. Revealed, it is plain text again (links work, screen readers read
  // it) and its text is announced once.
  var HIDDEN_LABEL = "Hidden spoiler, activate to reveal";

  function parts(spoiler) {
    if (!spoiler.twParts) {
      var label = document.createElement("span");
      label.className = "spoiler-label";
      var text = document.createElement("span");
      text.className = "spoiler-text";
      while (spoiler.firstChild) text.appendChild(spoiler.firstChild);
      spoiler.appendChild(text);
      spoiler.appendChild(label); // after the text: a line never breaks between the two
      spoiler.removeAttribute("aria-label");
      spoiler.twParts = { label: label, text: text };
    }
    return spoiler.twParts;
  }

  function conceal(spoiler) {
    var p = parts(spoiler);
    spoiler.classList.remove("revealed");
    spoiler.setAttribute("role", "button");
    spoiler.setAttribute("tabindex", "0");
    spoiler.setAttribute("aria-expanded", "false");
    spoiler.title = "Spoiler: click to reveal";
    p.label.textContent = HIDDEN_LABEL;
    // inert: the hidden text is neither read nor focusable, and its links cannot be followed
    // (a click lands on the spoiler itself and reveals it).
    p.text.inert = true;
    p.text.setAttribute("aria-hidden", "true");
  }

  function reveal(spoiler, spoken) {
    var p = parts(spoiler);
    spoiler.classList.add("revealed");
    spoiler.removeAttribute("role");
    spoiler.removeAttribute("aria-expanded");
    spoiler.removeAttribute("title");
    // -1, not removed: a spoiler revealed by keyboard keeps the focus (and the reader's place).
    spoiler.setAttribute("tabindex", "-1");
    p.label.textContent = ""; // revealed text copies and reads as plain text
    p.text.inert = false;
    p.text.removeAttribute("aria-hidden");
    if (spoken) announce("Spoiler: " + p.text.textContent);
  }

  function spoilersShown() {
    var choice = root.getAttribute("data-spoilers");
    if (choice) return choice === "shown";
    return document.body.classList.contains("show-spoilers");
  }

  function setUpSpoilers(container, shown) {
    container.querySelectorAll(".spoiler").forEach(function (spoiler) {
      if (shown) reveal(spoiler, false); else conceal(spoiler);
    });
  }

  var spoilerSwitch = document.getElementById("show-spoilers");
  setUpSpoilers(document.querySelector("main") || document.body, spoilersShown());
  if (spoilerSwitch) {
    spoilerSwitch.checked = spoilersShown();
    spoilerSwitch.addEventListener("change", function () {
      var shown = spoilerSwitch.checked;
      root.setAttribute("data-spoilers", shown ? "shown" : "hidden");
      store(SPOILERS_KEY, shown ? "shown" : "hidden");
      setUpSpoilers(document.querySelector("main") || document.body, shown);
      announce(shown ? "All spoilers shown." : "All spoilers hidden.");
    });
  }

  function hiddenSpoiler(target) {
    var spoiler = target.closest ? target.closest(".spoiler") : null;
    return spoiler && !spoiler.classList.contains("revealed") ? spoiler : null;
  }

  document.addEventListener("click", function (event) {
    var spoiler = hiddenSpoiler(event.target);
    if (spoiler) {
      event.preventDefault(); // a link inside a hidden spoiler reveals, it does not navigate
      reveal(spoiler, true);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    var spoiler = hiddenSpoiler(event.target);
    if (spoiler && event.target === spoiler) {
      event.preventDefault(); // Space must not scroll the page
      reveal(spoiler, true);
    }
  });

  // ---- colour theme toggle, folders --------------------------------------------------------
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-theme-toggle]");
    if (toggle) {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      store(THEME_KEY, next);
      showTheme();
      return;
    }
    // [[foldercontrol]] opens every folder of its part of the page, or closes them if all are open.
    var control = event.target.closest(".folder-control, .foldercontrol");
    if (control) {
      var scope = control.closest(".page-text, .examples-elsewhere, #preview") || document;
      var folders = scope.querySelectorAll("details.folder");
      var anyClosed = Array.prototype.some.call(folders, function (f) { return !f.open; });
      folders.forEach(function (f) { f.open = anyClosed; });
      announce(anyClosed ? "All folders opened." : "All folders closed.");
    }
  });
  function showFolderControls(container) {
    container.querySelectorAll(".folder-control, .foldercontrol").forEach(function (b) { b.hidden = false; });
  }
  showFolderControls(document);

  // ---- search autocomplete: an ARIA 1.2 combobox with a listbox popup ----------------------
  var search = document.querySelector("input[data-autocomplete]");
  if (search && window.fetch) setUpAutocomplete(search);

  function setUpAutocomplete(input) {
    var listbox = document.createElement("ul");
    listbox.id = input.id + "-listbox";
    listbox.className = "autocomplete";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", "Suggested pages");
    listbox.hidden = true;
    input.parentNode.appendChild(listbox);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    var results = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var asked = "";

    function unselect() {
      Array.prototype.forEach.call(listbox.children, function (o) { o.setAttribute("aria-selected", "false"); });
    }
    function close() {
      unselect();
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function activate(index) {
      var options = listbox.children;
      if (!options.length) return;
      if (index < 0) index = options.length - 1;
      if (index >= options.length) index = 0;
      unselect();
      active = index;
      options[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }
    function go(index) {
      var result = results[index];
      if (result) window.location.assign(result.url);
    }
    function show(list) {
      results = list;
      listbox.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.forEach(function (result, i) {
        var option = document.createElement("li");
        option.id = listbox.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.className = "ac-title";
        title.textContent = result.title;
        option.appendChild(title);
        var where = document.createElement("span");
        where.className = "ac-where";
        where.textContent = result.alias_of
          ? result.namespace + " · redirects to " + result.alias_of
          : result.namespace;
        option.appendChild(where);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { go(i); });
        listbox.appendChild(option);
      });
      if (list.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
        announce(list.length + (list.length === 1 ? " suggestion" : " suggestions") +
          ", use the arrow keys to choose.");
      } else {
        close();
      }
    }
    function ask() {
      var q = input.value.trim();
      if (q === asked) return;
      asked = q;
      if (pending) pending.abort();
      if (!q) { results = []; close(); return; }
      pending = window.AbortController ? new AbortController() : null;
      var url = input.getAttribute("data-autocomplete") + "?q=" + encodeURIComponent(q);
      fetch(url, { headers: { Accept: "application/json" }, signal: pending ? pending.signal : undefined })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) {
          if (input.value.trim() === q) show((data && data.results) || []);
        })
        .catch(function () { /* aborted or offline: the form still searches */ });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 120);
    });
    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open && results.length) { listbox.hidden = false; input.setAttribute("aria-expanded", "true"); }
        activate(active + 1);
      } else if (event.key === "ArrowUp") {
        if (!open) return;
        event.preventDefault();
        activate(active - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) { event.preventDefault(); go(active); }
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); }
      } else if (event.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    input.addEventListener("focus", function () {
      if (results.length && input.value.trim() === asked) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    });
  }

  // ---- the editor: live preview, unsaved-changes guard, conflict markers -------------------
  var editor = document.querySelector("form.editor[data-preview]");
  if (editor) setUpEditor(editor);

  function setUpEditor(form) {
    var textarea = form.querySelector("textarea[name=text]");
    var target = document.getElementById("preview");
    var status = document.getElementById("preview-status");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var timer = null;
    var pending = null;
    var dirty = false;
    var submitting = false;
    setUpSpoilers(target, true); // the author reads the preview with spoilers shown (and marked)

    var scroller = target && target.closest(".preview");
    function follow() { // keep the preview at the same height of the page as the source
      if (!scroller) return;
      var max = textarea.scrollHeight - textarea.clientHeight;
      var ratio = max > 0 ? textarea.scrollTop / max : 0;
      scroller.scrollTop = ratio * (scroller.scrollHeight - scroller.clientHeight);
    }
    textarea.addEventListener("scroll", follow);
    function say(text) { if (status) status.textContent = text; }
    function refresh() {
      if (pending) pending.abort();
      pending = window.AbortController ? new AbortController() : null;
      var body = new FormData();
      body.append("text", textarea.value);
      say("updating…");
      fetch(form.getAttribute("data-preview"), {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRFToken": token ? token.value : "" },
        signal: pending ? pending.signal : undefined,
      }).then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.text();
      }).then(function (html) {
        target.innerHTML = html;
        setUpSpoilers(target, true);
        showFolderControls(target);
        follow();
        say("up to date");
      }).catch(function (error) {
        if (error && error.name === "AbortError") return;
        say("could not refresh — use the Preview button");
      });
    }
    if (window.fetch && target) {
      textarea.addEventListener("input", function () {
        dirty = true;
        clearTimeout(timer);
        timer = setTimeout(refresh, 350);
      });
    }
    form.querySelector("#reason").addEventListener("input", function () { dirty = true; });
    // The conflict screen comes without a preview: show the merge as it stands.
    if (form.hasAttribute("data-conflict") && window.fetch && target) refresh();

    var warning = form.querySelector(".conflict-warning");
    var MARKERS = /^(<<<<<<< current|=======|>>>>>>> incoming)$/m;
    form.addEventListener("submit", function (event) {
      var saving = !event.submitter || event.submitter.name === "save";
      if (saving && form.hasAttribute("data-conflict") && MARKERS.test(textarea.value)) {
        event.preventDefault();
        var found = textarea.value.search(MARKERS);
        textarea.focus({ preventScroll: true });
        textarea.setSelectionRange(found, found + 7);
        if (warning) {
          warning.hidden = false;
          warning.scrollIntoView({ block: "start" });
        }
        return;
      }
      submitting = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if (dirty && !submitting) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }
})();
