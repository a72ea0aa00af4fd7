/* Progressive enhancement only: the pages work without it.
   - note marks open their note beside the text (wide screens) or in a popup (phones);
   - the printed/corrected reading switch is remembered across pages;
   - citations get the page's absolute URL. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  function store(key, value) {
    try { if (value === undefined) { return window.localStorage.getItem(key); } window.localStorage.setItem(key, value); }
    catch (e) { return null; }
    return null;
  }

  /* ---- notes ---- */
  var marks = Array.prototype.slice.call(document.querySelectorAll("a.note-ref[data-note]"));
  function close(mark) {
    var note = document.getElementById(mark.getAttribute("data-note"));
    if (note) { note.classList.remove("open"); }
    mark.setAttribute("aria-expanded", "false");
  }
  marks.forEach(function (mark) {
    var note = document.getElementById(mark.getAttribute("data-note"));
    if (!note) { return; }
    mark.setAttribute("aria-controls", note.id);
    mark.setAttribute("aria-expanded", "false");
    mark.addEventListener("click", function (event) {
      event.preventDefault();
      var opening = !note.classList.contains("open");
      marks.forEach(function (m) { if (m !== mark) { close(m); } });
      note.classList.toggle("open", opening);
      mark.setAttribute("aria-expanded", opening ? "true" : "false");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    marks.forEach(function (m) {
      if (m.getAttribute("aria-expanded") === "true") { close(m); m.focus(); }
    });
  });

  /* ---- the reading switch ---- */
  function setReading(value) {
    root.classList.toggle("show-corrected", value === "corrected");
    var radio = document.getElementById("reading-" + value);
    if (radio) { radio.checked = true; }
  }
  var saved = store("edition-reading");
  if (saved === "corrected" || saved === "printed") { setReading(saved); }
  document.querySelectorAll('input[name="reading"]').forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.checked) { setReading(input.value); store("edition-reading", input.value); }
    });
  });

  /* ---- citations: the URL as the reader sees it ---- */
  document.querySelectorAll(".cite-text[data-href]").forEach(function (el) {
    var href = el.getAttribute("data-href");
    var text = el.textContent;
    var at = text.lastIndexOf(href);
    if (at < 0 || /^https?:/.test(href) || location.protocol === "file:") { return; }
    el.textContent = text.slice(0, at) + new URL(href, location.href).href + text.slice(at + href.length);
  });
})();
