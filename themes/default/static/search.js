/* gongkai: site search that works from file://, with no dependencies.
 *
 * search/meta.js (loaded by the page) sets window.GONGKAI_SEARCH_META = {years, units:
 * [[id, name, [year, ...]]], shards}; records are listed in unit order, then year order, and
 * the k-th record's pages are numbered 2k (its unit-year page) and 2k + 1 (its 决算 page, when
 * it has one; src/search/index.rs, PAGES_PER_RECORD). For a query this script loads, by <script> tags (never fetch, which file:// blocks),
 * only the shards of its tokens, search/t/<k>.js (k = FNV-1a of the token's UTF-8 bytes mod
 * shards), each adding {token: postings} to window.GONGKAI_SEARCH_T[k]; postings are one number
 * per page, 2 x d + title (page = previous + d, the first is d - 1; title = 1 when a title
 * field holds the token). Then it loads search/d/<n>.js for the results shown, adding
 * [title, href, [[factor, anchor, text], ...]] to window.GONGKAI_SEARCH_D[n].
 *
 * Tokens and ranking follow src/search (tokenize.rs and mod.rs), which hold the tests: in a
 * query, a run of 2+ Chinese characters is its bigrams only, a lone Chinese character that
 * character, Latin and digits lower-case words (looked up by their first 20 characters; the
 * index holds every word prefix, so a word matches at a word start). A page is a result only
 * if it holds every token of the query (issue 19). It scores per token: token weight (bigram
 * or word 4, character 1) x field weight (3 if a title field holds it, else 1); ties go to the
 * later year, then to page order. The count shown is the number of results. The link and snippet use the best field of the page (held token weights x field
 * weight, + 8 x field weight for the whole query as typed; the first best). Snippets are built
 * with textContent and <mark> elements, never innerHTML. The first search's time since
 * navigation start is written to #search-status[data-ms].
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
  var PAGES_PER_RECORD = 2;
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
  var docUnit = [], docYear = [];
  meta.units.forEach(function (u, ui) {
    u[2].forEach(function (y) {
      for (var k = 0; k < PAGES_PER_RECORD; k++) { docUnit.push(ui); docYear.push(y); }
    });
  });

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

  /* Distinct tokens of the query: {kind: "b"|"c"|"w", text, key, weight}: a run of 2+ Chinese
   * characters as its bigrams, a lone one as itself (src/search/tokenize.rs, query_tokens). */
  function tokens(query) {
    var chars = Array.from(fold(query)), out = [], seen = {}, word = "", prev = null, run = 0;
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
        prev = c;
        run += 1;
      } else {
        if (run === 1) add("c", prev);
        prev = null;
        run = 0;
      }
    });
    if (run === 1) add("c", prev);
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
    ts.forEach(function (t) {
      var shard = shards[shardOf(t.key)] || {};
      /* A token no page holds: no page holds them all (the filter below drops every page). */
      if (!Object.prototype.hasOwnProperty.call(shard, t.key)) return;
      var postings = shard[t.key], doc = -1;
      for (var i = 0; i < postings.length; i++) {
        var x = postings[i], title = x % 2;
        doc += (x - title) / 2;
        if (doc >= docYear.length) break;
        if ((year && String(docYear[doc]) !== year) || (unit && meta.units[docUnit[doc]][0] !== unit)) continue;
        var a = acc[doc];
        if (!a) { a = acc[doc] = { doc: doc, year: docYear[doc], score: 0, held: 0 }; docs.push(a); }
        a.score += t.weight * (title ? 3 : 1);
        a.held += 1;
      }
    });
    docs = docs.filter(function (a) { return a.held === ts.length; });
    docs.sort(function (a, b) { return b.score - a.score || b.year - a.year || a.doc - b.doc; });
    return docs;
  }

  /* The field a result links to and quotes (src/search/mod.rs, best_field). */
  function bestField(fields, ts, phrase) {
    var best = 0, bestScore = 0;
    fields.forEach(function (f, fi) {
      var folded = /[A-Z\uFF01-\uFF5E]/.test(f[2]) ? fold(f[2]) : f[2], s = 0;
      ts.forEach(function (t) { if (find(folded, t) >= 0) s += t.weight * f[0]; });
      if (phrase && find(folded, phrase) >= 0) s += 8 * f[0];
      if (s > bestScore) { best = fi; bestScore = s; }
    });
    return fields[best] || [1, "", ""];
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
    var page = (window.GONGKAI_SEARCH_D || {})[hit.doc];
    var li = document.createElement("li");
    if (!page) return li;
    var field = bestField(page[2], ts, phrase).slice(1);
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = root + page[1] + (field[0] ? "#" + field[0] : "");
    a.textContent = page[0];
    h.appendChild(a);
    var where = document.createElement("p");
    where.className = "note";
    where.textContent = meta.units[docUnit[hit.doc]][1] + " · " + hit.year + "年";
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
