(function () {
  "use strict";
  // Highlight every piece of the finding named in the address (#q17, #c42):
  // a quote or claim crossed by another span is cut into pieces that share data-f.
  function highlight() {
    document.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^[a-z]{1,2}[0-9]+$/.test(id)) return;
    var pieces = document.querySelectorAll('[data-f="' + id + '"]');
    pieces.forEach(function (el) { el.classList.add("hl"); });
    var note = document.getElementById("finding-note");
    if (note) {
      var row = document.getElementById("list-" + id);
      note.hidden = !pieces.length;
      note.textContent = pieces.length ? "Highlighted: " + (row ? row.getAttribute("data-label") : id) : "";
    }
  }
  window.addEventListener("hashchange", highlight);
  highlight();
})();
