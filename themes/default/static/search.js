/* gongkai: site search that works from file://, with no dependencies.
 *
 * search/meta.js (loaded by the page) sets window.GONGKAI_SEARCH_META = {years, units, docs};
 * this script loads search/index-<year>.js for the years it needs by adding <script> tags
 * (never fetch, which file:// blocks), each setting window.GONGKAI_SEARCH_<year> =
 * [[doc, [[weight, anchor, text], ...]], ...].
 *
 * Tokens and ranking follow src/search (tokenize.rs and mod.rs), which hold the tests: Chinese
 * as single characters and bigrams, Latin and digits as lower-case words; per query token the
 * best field counts token weight (bigram or word 4, character 1) x field weight (title 3,
 * body 1); a field holding the whole query (2+ tokens) adds 8 x its weight once; ties go to the
 * later year, then to index order. Snippets are built with textContent and <mark> elements,
 * never innerHTML. The first search's time since navigation start is written to
 * #search-status[data-ms]. A site of more than LARGE documents searches its latest year by
 * default (one index file), unless the address names a year (`year=` empty: all years).
 */
(function () {
  "use strict";

  var meta = window.GONGKAI_SEARCH_META;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var yearSel = document.getElementById("search-year");
  var unitSel = document.getElementById("search-unit");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!meta || !form || !input || !yearSel || !unitSel || !status || !list) return;
  var root = list.getAttribute("data-root") || "";
  var MAX = 50;
  var LARGE = 2000;
  var years = {}; /* year -> rows with folded texts, once loaded */
  var waiting = {}; /* year -> callbacks while its script loads */
  var timed = false;

  function option(select, value, label) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }
  meta.years.slice().reverse().forEach(function (y) { option(yearSel, String(y), y + "年"); });
  meta.units.forEach(function (u) { option(unitSel, u[0], u[1]); });

  function param(name) {
    var m = new RegExp("[?&]" + name + "=([^&]*)").exec(location.search);
    if (!m) return "";
    try { return decodeURIComponent(m[1].replace(/\+/g, " ")); } catch (e) { return ""; }
  }
  input.value = param("q");
  /* A large site searches its latest year until another is chosen, so that the first search
   * loads one year's index (about 15 MB per 1,000 unit-years) instead of all of them. */
  var large = meta.docs.length > LARGE && !/[?&]year=/.test(location.search);
  yearSel.value = large ? String(meta.years[meta.years.length - 1]) : param("year");
  unitSel.value = param("unit");
  var header = document.getElementById("site-search-q");
  if (header) header.value = input.value;

  /* Full-width ASCII to ASCII, A-Z to a-z; keeps the length, so offsets match the original. */
  function fold(s) {
    return s.replace(/[\uFF01-\uFF5E]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
    }).replace(/[A-Z]/g, function (c) { return c.toLowerCase(); });
  }
  function isCjk(c) {
    var p = c.codePointAt(0);
    return (p >= 0x3400 && p <= 0x4DBF) || (p >= 0x4E00 && p <= 0x9FFF) ||
      (p >= 0xF900 && p <= 0xFAFF) || (p >= 0x20000 && p <= 0x2FA1F);
  }
  function isAlnum(c) { return /^[0-9a-z]$/.test(c); }

  /* Distinct tokens of the query: {kind: "b"|"c"|"w", text, weight}. */
  function tokens(query) {
    var chars = Array.from(fold(query)), out = [], seen = {}, word = "", prev = null;
    function add(kind, text) {
      if (seen[kind + text]) return;
      seen[kind + text] = true;
      out.push({ kind: kind, text: text, weight: kind === "c" ? 1 : 4 });
    }
    chars.forEach(function (c, i) {
      var inWord = isAlnum(c) || (c === "." && /[0-9]$/.test(word) &&
        i + 1 < chars.length && /^[0-9]$/.test(chars[i + 1]));
      if (inWord) word += c;
      else if (word) { add("w", word); word = ""; }
      if (isCjk(c)) {
        if (prev) add("b", prev + c);
        add("c", c);
        prev = c;
      } else prev = null;
    });
    if (word) add("w", word);
    return out;
  }

  /* First offset of token t in folded text, or -1 (words only at a word start). */
  function find(text, t, from) {
    var i = text.indexOf(t.text, from || 0);
    if (t.kind !== "w" || !isAlnum(t.text.charAt(0))) return i;
    while (i > 0 && isAlnum(text.charAt(i - 1))) i = text.indexOf(t.text, i + 1);
    return i;
  }

  function load(year, done) {
    if (years[year]) { done(); return; }
    if (waiting[year]) { waiting[year].push(done); return; }
    waiting[year] = [done];
    var s = document.createElement("script");
    function finish() {
      var rows = window["GONGKAI_SEARCH_" + year] || [];
      years[year] = rows.map(function (r) {
        return { doc: r[0], fields: r[1].map(function (f) {
          var folded = /[A-Z\uFF01-\uFF5E]/.test(f[2]) ? fold(f[2]) : f[2];
          return { weight: f[0], anchor: f[1], text: f[2], folded: folded };
        }) };
      });
      var cbs = waiting[year];
      delete waiting[year];
      cbs.forEach(function (cb) { cb(); });
    }
    s.onload = finish;
    s.onerror = finish;
    s.src = root + "search/index-" + year + ".js";
    document.head.appendChild(s);
  }

  function rank(query, year, unit) {
    var ts = tokens(query), hits = [];
    if (!ts.length) return hits;
    var phrase = ts.length >= 2 ? { kind: "w", text: fold(query.trim().split(/\s+/).join(" ")) } : null;
    Object.keys(years).forEach(function (y) {
      if (year && y !== year) return;
      years[y].forEach(function (row) {
        var d = meta.docs[row.doc];
        if (!d || (unit && meta.units[d[0]][0] !== unit)) return;
        var best = ts.map(function () { return 0; }), bonus = 0, top = -1, topScore = 0;
        row.fields.forEach(function (f, fi) {
          var fs = 0;
          ts.forEach(function (t, ti) {
            if (find(f.folded, t) >= 0) {
              var s = t.weight * f.weight;
              if (s > best[ti]) best[ti] = s;
              fs += s;
            }
          });
          if (phrase && find(f.folded, phrase) >= 0) {
            bonus = Math.max(bonus, 8 * f.weight);
            fs += 8 * f.weight;
          }
          if (top < 0 || fs > topScore) { top = fi; topScore = fs; }
        });
        var score = bonus + best.reduce(function (a, b) { return a + b; }, 0);
        if (score > 0) hits.push({ doc: row.doc, year: d[1], score: score, field: row.fields[top], ts: ts, phrase: phrase });
      });
    });
    hits.sort(function (a, b) { return b.score - a.score || b.year - a.year || a.doc - b.doc; });
    return hits;
  }

  /* The text around the first match, split into [text, marked] parts. */
  function snippet(hit) {
    var f = hit.field, order = (hit.phrase ? [hit.phrase] : []).concat(hit.ts), at = 0;
    for (var i = 0; i < order.length; i++) {
      var p = find(f.folded, order[i]);
      if (p >= 0) { at = p; break; }
    }
    var start = Math.max(0, at - 30), end = Math.min(f.text.length, at + 90);
    var marked = [];
    order.forEach(function (t) {
      for (var p = find(f.folded, t, start); p >= 0 && p < end; p = find(f.folded, t, p + 1)) {
        for (var k = p; k < p + t.text.length && k < end; k++) marked[k - start] = true;
      }
    });
    var parts = [], text = f.text.slice(start, end);
    for (var j = 0; j < text.length; j++) {
      var m = !!marked[j], last = parts[parts.length - 1];
      if (last && last[1] === m) last[0] += text.charAt(j);
      else parts.push([text.charAt(j), m]);
    }
    if (start > 0) parts.unshift(["…", false]);
    if (end < f.text.length) parts.push(["…", false]);
    return parts;
  }

  function show(hits) {
    while (list.firstChild) list.removeChild(list.firstChild);
    hits.slice(0, MAX).forEach(function (hit) {
      var d = meta.docs[hit.doc];
      var li = document.createElement("li");
      var h = document.createElement("h2");
      var a = document.createElement("a");
      a.href = root + d[3] + (hit.field.anchor ? "#" + hit.field.anchor : "");
      a.textContent = d[2];
      h.appendChild(a);
      var where = document.createElement("p");
      where.className = "note";
      where.textContent = meta.units[d[0]][1] + " · " + d[1] + "年";
      var snip = document.createElement("p");
      snip.className = "snippet";
      snippet(hit).forEach(function (part) {
        var node = part[1] ? document.createElement("mark") : document.createElement("span");
        node.textContent = part[0];
        snip.appendChild(node);
      });
      li.appendChild(h);
      li.appendChild(where);
      li.appendChild(snip);
      list.appendChild(li);
    });
  }

  var seq = 0;
  function search() {
    var query = input.value, year = yearSel.value, unit = unitSel.value, mine = ++seq;
    if (!tokens(query).length) {
      show([]);
      status.textContent = query.trim() ? "请输入汉字、字母或数字。" : "";
      return;
    }
    var need = meta.years.map(String).filter(function (y) { return !year || y === year; });
    var left = need.length;
    status.textContent = "正在检索…";
    function ready() {
      if (--left > 0 || mine !== seq) return;
      var hits = rank(query, year, unit);
      show(hits);
      status.textContent = hits.length
        ? "找到 " + hits.length + " 个页面" + (hits.length > MAX ? "，显示前 " + MAX + " 个" : "") + "。"
        : "没有找到匹配的页面。";
      if (large && year) status.textContent += "本站页面较多，默认只检索 " + year + " 年；可在“年度”中选择其他年度或全部年度。";
      if (!timed) {
        timed = true;
        status.setAttribute("data-ms", String(Math.round(performance.now())));
      }
    }
    if (!left) { left = 1; ready(); return; }
    need.forEach(function (y) { load(y, ready); });
  }

  var timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  }
  input.addEventListener("input", later);
  yearSel.addEventListener("change", search);
  unitSel.addEventListener("change", search);
  form.addEventListener("submit", function (e) { e.preventDefault(); search(); });
  if (input.value) search();
})();
