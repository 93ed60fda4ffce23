/* The audit the phone and accessibility test (tests/cli/a11y.rs) runs inside each page, in an
 * iframe as wide as a phone (390 px). It posts to the parent frame, as JSON:
 *   overflow  the page is wider than the frame (text would need sideways scrolling);
 *   narrow    cells whose text runs one character a line (fewer than two a line);
 *   small     chart labels drawn smaller than 12 px;
 *   tooltips  title attributes whose text the page does not also show;
 *   axe       axe-core's WCAG 2 A/AA violations (color-contrast among them), when axe is loaded.
 */
(function () {
  "use strict";
  function visible(el) {
    var r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }
  function audit() {
    var out = { width: window.innerWidth, overflow: 0, narrow: [], small: [], tooltips: [], axe: null };
    var doc = document.documentElement;
    out.overflow = Math.max(0, doc.scrollWidth - window.innerWidth);
    /* A cell with a text of two or more characters that runs fewer than two characters a line
       (one character per line). */
    Array.prototype.forEach.call(document.querySelectorAll("th, td"), function (c) {
      if (!visible(c)) return;
      var walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        /* A closed <details> keeps its text laid out but not shown. */
        var closed = node.parentElement.closest("details:not([open])");
        if (closed && !node.parentElement.closest("summary")) continue;
        var chars = Array.from(node.textContent.replace(/\s+/g, "")).length;
        if (chars < 2) continue;
        var range = document.createRange();
        range.selectNodeContents(node);
        var tops = {};
        Array.prototype.forEach.call(range.getClientRects(), function (r) {
          if (r.width > 0) tops[Math.round(r.top)] = true;
        });
        var lines = Object.keys(tops).length;
        if (lines > 1 && chars / lines < 2) {
          var table = c.closest("table");
          var caption = table && table.caption ? table.caption.innerText.trim().slice(0, 24) : (table ? table.className : "");
          out.narrow.push(node.textContent.trim().slice(0, 20) + " (" + lines + " lines, in " + caption + ")");
        }
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll("svg text"), function (t) {
      if (!visible(t)) return;
      var m = t.getScreenCTM();
      var px = parseFloat(getComputedStyle(t).fontSize) * (m ? Math.abs(m.a) : 1);
      if (px < 11.95) out.small.push((t.textContent || "").slice(0, 20) + " (" + px.toFixed(1) + "px)");
    });
    var shown = document.body.innerText;
    Array.prototype.forEach.call(document.querySelectorAll("[title]"), function (el) {
      if (el.closest("svg")) return;
      var title = el.getAttribute("title").trim();
      if (title && shown.indexOf(title) < 0) out.tooltips.push(title.slice(0, 40));
    });
    function post() { parent.postMessage(JSON.stringify(out), "*"); }
    if (window.axe) {
      axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] }, resultTypes: ["violations"] })
        .then(function (r) {
          out.axe = r.violations.map(function (v) {
            return v.id + ": " + v.nodes.slice(0, 3).map(function (n) { return n.target.join(" ") + " " + (n.failureSummary || "").split("\n").slice(1, 2).join(""); }).join(" | ") + " (" + v.nodes.length + ")";
          });
          post();
        }, function (e) { out.axe = ["axe failed: " + e]; post(); });
    } else {
      post();
    }
  }
  if (document.readyState === "complete") audit();
  else window.addEventListener("load", function () { setTimeout(audit, 50); });
})();
