/* gongkai: the review desk's filters (review.html), a progressive enhancement.
 *
 * Shows the form of year, code and unit choices, and keeps the rows of the findings table whose
 * data-year, data-code and data-unit match every choice made; the choices are also read from
 * and written to the address (?year=…&code=…&unit=…), so a filtered view
 * can be linked. The count says how many rows are shown. Without JavaScript every row is shown.
 */
(function () {
  "use strict";

  var form = document.querySelector("form.review-filters");
  var table = document.querySelector("table.review");
  if (!form || !table) return;
  var keys = ["year", "code", "unit"];
  var output = form.querySelector("output");
  var rows = table.tBodies[0].rows;

  function apply() {
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var keep = keys.every(function (k) {
        var want = form.elements[k].value;
        return !want || row.getAttribute("data-" + k) === want;
      });
      row.hidden = !keep;
      if (keep) shown++;
    }
    output.textContent = shown === rows.length
      ? "显示全部 " + rows.length + " 条"
      : "显示 " + shown + " 条（共 " + rows.length + " 条）";
  }

  function toAddress() {
    var params = new URLSearchParams();
    keys.forEach(function (k) {
      if (form.elements[k].value) params.set(k, form.elements[k].value);
    });
    var q = params.toString();
    history.replaceState(null, "", q ? "?" + q : location.pathname);
  }

  function fromAddress() {
    var params = new URLSearchParams(location.search);
    keys.forEach(function (k) {
      var v = params.get(k);
      var select = form.elements[k];
      if (v && Array.prototype.some.call(select.options, function (o) { return o.value === v; })) {
        select.value = v;
      }
    });
  }

  form.hidden = false;
  form.addEventListener("change", function () {
    apply();
    try { toAddress(); } catch (e) { /* file:// may refuse history changes */ }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  /* The count tables' buttons set one filter. */
  var buttons = document.querySelectorAll("button[data-filter-unit], button[data-filter-code]");
  Array.prototype.forEach.call(buttons, function (b) { b.hidden = false; });
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("button[data-filter-unit], button[data-filter-code]");
    if (!a) return;
    keys.forEach(function (k) { form.elements[k].value = ""; });
    if (a.hasAttribute("data-filter-unit")) form.elements.unit.value = a.getAttribute("data-filter-unit");
    else form.elements.code.value = a.getAttribute("data-filter-code");
    form.dispatchEvent(new Event("change"));
    form.scrollIntoView();
  });
  fromAddress();
  apply();
})();
