/* gongkai: sortable tables, a progressive enhancement with no dependencies.
 *
 * Any <table class="sortable"> gets a button in each header cell that heads a single column
 * (skip one with <th data-nosort>; tables whose body uses rowspan are left alone). Clicking, or Enter/Space on the focused button,
 * sorts the <tbody> rows by that column, ascending then descending; aria-sort on the header
 * says which. A cell's data-sort attribute, when present, is the value sorted on (pages put
 * raw numbers there, e.g. data-sort="11092.59"); a column whose values are all numbers sorts
 * numerically, otherwise as Chinese text. Empty cells (and "-", "—") go last. The sort is stable. <tfoot>
 * rows (totals) never move. Without JavaScript the table reads exactly as written.
 */
(function () {
  "use strict";

  var collator = window.Intl && Intl.Collator ? new Intl.Collator("zh-CN", { numeric: true }) : null;

  function compareText(a, b) {
    return collator ? collator.compare(a, b) : a.localeCompare(b, "zh-CN");
  }

  /* The cell covering column `col` of `row`, honouring colspan. */
  function cellAt(row, col) {
    var at = 0;
    for (var i = 0; i < row.cells.length; i++) {
      var span = row.cells[i].colSpan || 1;
      if (col < at + span) return row.cells[i];
      at += span;
    }
    return null;
  }

  function sortValue(cell) {
    if (!cell) return "";
    var raw = cell.getAttribute("data-sort");
    return (raw !== null ? raw : cell.textContent).trim();
  }

  /* A plain number (data-sort values, or text such as "1,234.50" / "99.89%"), else null. */
  function asNumber(text) {
    var t = text.replace(/,/g, "").replace(/%$/, "");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
    return parseFloat(t);
  }

  /* Values that mean "no figure": they sort last, like empty cells. */
  var BLANK = { "": true, "-": true, "\u2014": true, "\u2013": true, "/": true };

  function sortTable(table, th, col) {
    var body = table.tBodies[0];
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      var text = sortValue(cellAt(row, col));
      var blank = BLANK.hasOwnProperty(text);
      return { row: row, index: index, text: text, blank: blank, num: blank ? null : asNumber(text) };
    });
    var numeric = rows.every(function (r) { return r.blank || r.num !== null; });
    rows.sort(function (a, b) {
      if (a.blank || b.blank) {
        if (a.blank === b.blank) return a.index - b.index;
        return a.blank ? 1 : -1;
      }
      var c = numeric ? a.num - b.num : compareText(a.text, b.text);
      if (!ascending) c = -c;
      return c !== 0 ? c : a.index - b.index;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });

    Array.prototype.forEach.call(table.tHead.querySelectorAll("th[aria-sort]"), function (h) {
      h.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  /* Header cells that head exactly one column (colspan 1, reaching the last header row),
     with that column's index, honouring rowspan and colspan. */
  function leafHeaders(thead) {
    var taken = [];
    var leaves = [];
    var last = thead.rows.length - 1;
    for (var r = 0; r <= last; r++) {
      taken[r] = taken[r] || [];
      var col = 0;
      Array.prototype.forEach.call(thead.rows[r].cells, function (cell) {
        while (taken[r][col]) col++;
        var rs = Math.max(cell.rowSpan || 1, 1);
        var cs = Math.max(cell.colSpan || 1, 1);
        for (var i = r; i < r + rs; i++) {
          taken[i] = taken[i] || [];
          for (var j = col; j < col + cs; j++) taken[i][j] = true;
        }
        if (cs === 1 && r + rs - 1 >= last) leaves.push({ th: cell, col: col });
        col += cs;
      });
    }
    return leaves;
  }

  function enhance(table) {
    if (!table.tHead || !table.tHead.rows.length || table.tBodies.length !== 1) return;
    // Row-spanning body cells would be torn apart by reordering rows: leave such tables alone.
    if (table.tBodies[0].querySelector("[rowspan]:not([rowspan='1'])")) return;
    leafHeaders(table.tHead).forEach(function (leaf) {
      var th = leaf.th;
      if (th.tagName !== "TH" || th.hasAttribute("data-nosort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      // Chromium does not paint <button> content in header rows repeated on printed pages,
      // so print shows a copy of the label instead (style.css swaps them).
      var printed = document.createElement("span");
      printed.className = "sort-print";
      printed.setAttribute("aria-hidden", "true");
      for (var n = th.firstChild; n; n = n.nextSibling) printed.appendChild(n.cloneNode(true));
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.appendChild(printed);
      // A <button> activates on click, Enter and Space, so the keyboard works as the mouse.
      button.addEventListener("click", function () { sortTable(table, th, leaf.col); });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
