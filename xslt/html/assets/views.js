/* Chronology and figures: the text filter buttons (hidden until this script runs; without it
   every row and mark is shown). A button shows one text's rows and timeline marks. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".text-filter[data-filter]"), function (bar) {
    var buttons = Array.prototype.slice.call(bar.querySelectorAll("button[data-text]"));
    var scope = bar.closest("article") || document;
    function show(text) {
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", b.getAttribute("data-text") === text ? "true" : "false"); });
      Array.prototype.forEach.call(scope.querySelectorAll("tr.filterable[data-text], svg a.mark[data-text]"), function (item) {
        item.classList.toggle("filtered-out", text !== "" && item.getAttribute("data-text") !== text);
      });
    }
    buttons.forEach(function (b) {
      b.addEventListener("click", function () { show(b.getAttribute("data-text")); });
    });
    bar.hidden = false;
  });
})();
