// Sortable tables, a progressive enhancement: every table marked data-sortable gets a button in each column
// header that sorts its rows by that column (again: the other way). Without script the table is complete, in
// the order the page wrote it. A cell's data-sort attribute, when present, is the value sorted on; columns whose
// header has the class "num" sort as numbers (cells without a number last).
(function () {
  "use strict";
  function value(cell) {
    if (!cell) { return ""; }
    var given = cell.getAttribute("data-sort");
    return given !== null ? given : cell.textContent.trim();
  }
  function enhance(table) {
    var head = table.tHead, body = table.tBodies[0];
    if (!head || !body || head.rows.length === 0) { return; }
    var headers = Array.prototype.slice.call(head.rows[0].cells);
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.classList.contains("num");
        var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
          var text = value(row.cells[column]);
          return { row: row, index: index, text: text, number: parseFloat(text) };
        });
        rows.sort(function (a, b) {
          var order;
          if (numeric) {
            var an = isNaN(a.number), bn = isNaN(b.number);
            if (an || bn) { return an === bn ? a.index - b.index : (an ? 1 : -1); }
            order = a.number - b.number;
          } else {
            order = a.text.localeCompare(b.text);
          }
          return (ascending ? order : -order) || a.index - b.index;
        });
        var fragment = document.createDocumentFragment();
        rows.forEach(function (item) { fragment.appendChild(item.row); });
        body.appendChild(fragment);
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), enhance);
})();
