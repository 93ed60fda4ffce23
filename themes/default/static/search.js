/* gongkai: site search that works from file://, with no dependencies.
 *
 * search/meta.js (loaded by the page) sets window.GONGKAI_SEARCH_META = {years, units,
 * docs: [[unit, year]], shards}. For a query this script loads, by <script> tags (never fetch,
 * which file:// blocks), only the shards of its tokens, search/t/<k>.js (k = FNV-1a of the
 * token's UTF-8 bytes mod shards), each adding {token: postings} to window.GONGKAI_SEARCH_T[k];
 * postings are flat numbers, -d starting the next page (previous + d, the first is d - 1),
 * then 2 x field + (title ? 1 : 0) per field of that page holding the token. Then it loads
 * search/d/<n>.js for the results shown, adding [title, href, [[anchor, text], ...]] to
 * window.GONGKAI_SEARCH_D[n].
 *
 * Tokens and ranking follow src/search (tokenize.rs and mod.rs), which hold the tests: Chinese
 * as single characters and bigrams, Latin and digits as lower-case words (looked up by their
 * first 20 characters; the index holds every word prefix, so a word matches at a word start);
 * per query token the best field counts token weight (bigram or word 4, character 1) x field
 * weight (title 3, body 1); a field holding every query token (2+ tokens) adds 8 x its weight
 * once; ties go to the later year, then to index order. Snippets are built with textContent
 * and <mark> elements, never innerHTML. The first search's time since navigation start is
 * written to #search-status[data-ms].
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
  var more = document.getElementById("search-more");
  if (!meta || !form || !input || !yearSel || !unitSel || !status || !list) return;
  var root = list.getAttribute("data-root") || "";
  var PAGE = 20;
  var MAX_WORD = 20;
  var loaded = {}; /* path -> true once its script ran (or failed) */
  var waiting = {}; /* path -> callbacks while its script loads */
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
  yearSel.value = param("year");
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

  /* Distinct tokens of the query: {kind: "b"|"c"|"w", text, key, weight}. */
  function tokens(query) {
    var chars = Array.from(fold(query)), out = [], seen = {}, word = "", prev = null;
    function add(kind, text) {
      if (seen[kind + text]) return;
      seen[kind + text] = true;
      out.push({ kind: kind, text: text, weight: kind === "c" ? 1 : 4,
        key: kind === "w" ? text.slice(0, MAX_WORD) : text });
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

  /* 32-bit FNV-1a of the UTF-8 bytes of key, modulo the shard count (as src/search/files.rs). */
  function shardOf(key) {
    var h = 0x811c9dc5, bytes = unescape(encodeURIComponent(key));
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return (h >>> 0) % meta.shards;
  }

  /* First offset of token t in folded text, or -1 (words only at a word start). */
  function find(text, t, from) {
    var i = text.indexOf(t.text, from || 0);
    if (t.kind !== "w" || !isAlnum(t.text.charAt(0))) return i;
    while (i > 0 && isAlnum(text.charAt(i - 1))) i = text.indexOf(t.text, i + 1);
    return i;
  }

  /* Loads every path (relative to search/) once, then calls done. */
  function load(paths, done) {
    var left = paths.length + 1;
    function one() { if (--left === 0) done(); }
    paths.forEach(function (path) {
      if (loaded[path]) { one(); return; }
      if (waiting[path]) { waiting[path].push(one); return; }
      waiting[path] = [one];
      var s = document.createElement("script");
      function finish() {
        loaded[path] = true;
        var cbs = waiting[path];
        delete waiting[path];
        cbs.forEach(function (cb) { cb(); });
      }
      s.onload = finish;
      s.onerror = finish;
      s.src = root + "search/" + path;
      document.head.appendChild(s);
    });
    one();
  }

  function rank(ts, year, unit) {
    var shards = window.GONGKAI_SEARCH_T || {}, acc = {}, docs = [];
    ts.forEach(function (t, ti) {
      var shard = shards[shardOf(t.key)] || {};
      if (!Object.prototype.hasOwnProperty.call(shard, t.key)) return;
      var postings = shard[t.key];
      var doc = -1, a = null;
      for (var i = 0; i < postings.length; i++) {
        var x = postings[i];
        if (x < 0) {
          doc -= x;
          var d = meta.docs[doc];
          if (!d || (year && String(d[1]) !== year) || (unit && meta.units[d[0]][0] !== unit)) { a = null; continue; }
          a = acc[doc];
          if (!a) {
            a = acc[doc] = { doc: doc, year: d[1], best: ts.map(function () { return 0; }), fields: {} };
            docs.push(a);
          }
        } else if (a) {
          var factor = x % 2 ? 3 : 1, f = (x - x % 2) / 2, s = t.weight * factor;
          if (s > a.best[ti]) a.best[ti] = s;
          var e = a.fields[f] || (a.fields[f] = { factor: factor, score: 0, held: 0 });
          e.score += s;
          e.held += 1;
        }
      }
    });
    var hits = [];
    docs.forEach(function (a) {
      var bonus = 0, top = -1, topScore = 0;
      var fs = Object.keys(a.fields).map(Number).sort(function (x, y) { return x - y; });
      fs.forEach(function (f) {
        var e = a.fields[f];
        if (ts.length >= 2 && e.held === ts.length) {
          bonus = Math.max(bonus, 8 * e.factor);
          e.score += 8 * e.factor;
        }
        if (top < 0 || e.score > topScore) { top = f; topScore = e.score; }
      });
      var score = bonus + a.best.reduce(function (x, y) { return x + y; }, 0);
      if (score > 0) hits.push({ doc: a.doc, year: a.year, score: score, field: top });
    });
    hits.sort(function (a, b) { return b.score - a.score || b.year - a.year || a.doc - b.doc; });
    return hits;
  }

  /* The text around the first match, split into [text, marked] parts. */
  function snippet(text, ts, phrase) {
    var folded = /[A-Z\uFF01-\uFF5E]/.test(text) ? fold(text) : text;
    var order = (phrase ? [phrase] : []).concat(ts), at = 0;
    for (var i = 0; i < order.length; i++) {
      var p = find(folded, order[i]);
      if (p >= 0) { at = p; break; }
    }
    var start = Math.max(0, at - 30), end = Math.min(text.length, at + 90);
    var marked = [];
    order.forEach(function (t) {
      for (var p = find(folded, t, start); p >= 0 && p < end; p = find(folded, t, p + 1)) {
        for (var k = p; k < p + t.text.length && k < end; k++) marked[k - start] = true;
      }
    });
    var parts = [], part = text.slice(start, end);
    for (var j = 0; j < part.length; j++) {
      var m = !!marked[j], last = parts[parts.length - 1];
      if (last && last[1] === m) last[0] += part.charAt(j);
      else parts.push([part.charAt(j), m]);
    }
    if (start > 0) parts.unshift(["…", false]);
    if (end < text.length) parts.push(["…", false]);
    return parts;
  }

  function item(hit, ts, phrase) {
    var d = meta.docs[hit.doc], page = (window.GONGKAI_SEARCH_D || {})[hit.doc];
    var li = document.createElement("li");
    if (!page) return li;
    var field = page[2][hit.field] || ["", ""];
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = root + page[1] + (field[0] ? "#" + field[0] : "");
    a.textContent = page[0];
    h.appendChild(a);
    var where = document.createElement("p");
    where.className = "note";
    where.textContent = meta.units[d[0]][1] + " · " + d[1] + "年";
    var snip = document.createElement("p");
    snip.className = "snippet";
    snippet(field[1], ts, phrase).forEach(function (part) {
      var node = part[1] ? document.createElement("mark") : document.createElement("span");
      node.textContent = part[0];
      snip.appendChild(node);
    });
    li.appendChild(h);
    li.appendChild(where);
    li.appendChild(snip);
    return li;
  }

  var seq = 0, current = null;
  /* Shows results up to `upto`, loading their page files first. */
  function show(upto, mine) {
    var c = current;
    if (!c) return;
    var slice = c.hits.slice(0, upto);
    load(slice.map(function (h) { return "d/" + h.doc + ".js"; }), function () {
      if (mine !== seq) return;
      while (list.firstChild) list.removeChild(list.firstChild);
      slice.forEach(function (hit) { list.appendChild(item(hit, c.ts, c.phrase)); });
      c.shown = slice.length;
      var n = c.hits.length;
      status.textContent = n
        ? "找到 " + n + " 个页面" + (n > slice.length ? "，显示前 " + slice.length + " 个" : "") + "。"
        : "没有找到匹配的页面。";
      if (more) more.hidden = n <= slice.length;
      if (!timed) {
        timed = true;
        status.setAttribute("data-ms", String(Math.round(performance.now())));
      }
    });
  }

  function search() {
    var query = input.value, year = yearSel.value, unit = unitSel.value, mine = ++seq;
    var ts = tokens(query);
    current = null;
    if (more) more.hidden = true;
    if (!ts.length) {
      while (list.firstChild) list.removeChild(list.firstChild);
      status.textContent = query.trim() ? "请输入汉字、字母或数字。" : "";
      return;
    }
    status.textContent = "正在检索…";
    var shards = {};
    ts.forEach(function (t) { shards["t/" + shardOf(t.key) + ".js"] = true; });
    load(Object.keys(shards), function () {
      if (mine !== seq) return;
      var phrase = ts.length >= 2 ? { kind: "w", text: fold(query.trim().split(/\s+/).join(" ")) } : null;
      current = { hits: rank(ts, year, unit), ts: ts, phrase: phrase, shown: 0 };
      show(PAGE, mine);
    });
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
  if (more) more.addEventListener("click", function () {
    if (current) show(current.shown + PAGE, seq);
  });
  if (input.value) search();
})();
