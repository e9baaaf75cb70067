/* Handbook search: diacritic-insensitive full-text search over the static index that
 * generator/site/search_index.py writes under assets/search/. Plain ES2017 script, no
 * modules, no libraries, no fetch/XHR: index files are .js files that call
 * window.dvSearch.setMeta / addShard / addDocs and are loaded with <script> tags, so the
 * site also searches when opened from disk (file://). Design and format: docs/search.md.
 *
 * Markup (any page):
 *   <div id="dv-search" data-root="../">
 *     <input id="dv-search-input" type="search">
 *     <p id="dv-search-status" aria-live="polite"></p>
 *     <ol id="dv-search-results"></ol>
 *   </div>
 */
(function (global) {
  'use strict';

  var ns = global.dvSearch = global.dvSearch || {};

  // Ranking constants: the same numbers as search_index.py (keep both in step).
  var EXACT_FACTOR = 3.0;
  var PREFIX_FACTOR = 0.7;
  var TITLE_BONUS = 2.0;
  var OR_FACTOR = 0.5;
  var RESULTS = 10;
  var DEBOUNCE_MS = 150;
  var SNIPPET_BEFORE = 60;
  var SNIPPET_LENGTH = 240;

  // ------------------------------------------------------------------ tokens and folding
  // Python: [0-9]+(?:[.,][0-9]+)+|\w+  (a figure such as 2.128 or 200,47 is one token)
  var TOKEN_SOURCE;
  try {
    TOKEN_SOURCE = new RegExp('[0-9]+(?:[.,][0-9]+)+|[\\p{L}\\p{N}_]+', 'gu').source;
  } catch (e) {
    TOKEN_SOURCE = null; // engines without \p{…}: Latin, Vietnamese, Greek, Cyrillic, CJK
  }
  function tokenRe() {
    if (TOKEN_SOURCE) return new RegExp(TOKEN_SOURCE, 'gu');
    return new RegExp('[0-9]+(?:[.,][0-9]+)+|[0-9A-Za-z_\\u00AA\\u00B2\\u00B3\\u00B5\\u00B9\\u00BA\\u00BC-\\u00BE' +
      '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02C1\\u0370-\\u0373\\u0376-\\u037D\\u0386-\\u03FF' +
      '\\u0400-\\u0481\\u048A-\\u052F\\u1E00-\\u1FFF\\u3040-\\u30FF\\u3400-\\u9FFF\\uAC00-\\uD7A3]+', 'g');
  }
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var DIGIT = /^[0-9]$/;

  function nfc(s) { return s.normalize ? s.normalize('NFC') : s; }
  function cpLength(s) { return Array.from(s).length; }

  /** 'Đảng ủy' -> 'dang uy': đ/Đ -> d, NFD, strip combining marks, lower-case (text.fold). */
  function fold(s) {
    s = s.replace(/\u0111/g, 'd').replace(/\u0110/g, 'D');
    if (s.normalize) s = s.normalize('NFD');
    return s.replace(MARKS, '').toLowerCase();
  }

  /** [{text, start, end}] of the tokens kept for indexing (NFC, lower-case). */
  function tokenMatches(text) {
    var re = tokenRe();
    var out = [];
    var m;
    while ((m = re.exec(text)) !== null) {
      if (cpLength(m[0]) > 1 || DIGIT.test(m[0])) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  function tokens(text) {
    return tokenMatches(nfc(text).toLowerCase()).map(function (m) { return m.text; });
  }

  /** Distinct terms in typed order; the last is a prefix while nothing follows it yet. */
  function queryTerms(query) {
    var text = nfc(query).toLowerCase();
    var kept = tokenMatches(text);
    var terms = [];
    kept.forEach(function (m, i) {
      var f = fold(m.text);
      var prefix = i === kept.length - 1 && m.end === text.length && cpLength(f) >= 2;
      for (var j = 0; j < terms.length; j++) if (terms[j].variant === m.text) return;
      terms.push({ variant: m.text, folded: f, marked: f !== m.text, prefix: prefix });
    });
    return terms;
  }

  function shardName(folded, length) {
    return Array.from(folded).slice(0, length).join('').replace(/[^a-z0-9]/g, '_');
  }

  function shardFor(folded, split, prefixLen) {
    var name = shardName(folded, prefixLen || 2);
    var n = cpLength(folded);
    while (split[name] && n > cpLength(name)) name = shardName(folded, cpLength(name) + 1);
    return name;
  }

  function startsWith(s, p) { return s.slice(0, p.length) === p; }

  // ------------------------------------------------------------------ index store and loading
  var store = { meta: null, shards: {}, chunks: {} };
  var loading = {};

  ns.setMeta = function (data) { store.meta = data; };
  ns.addShard = function (name, data) { store.shards[name] = data; };
  ns.addDocs = function (n, rows) { store.chunks[n] = rows; };
  ns.base = ns.base || 'assets/search/';

  /** Default loader: a <script> tag (works from file://, unlike fetch/XHR). Tests replace it. */
  ns.load = ns.load || function (path) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      var version = store.meta && store.meta.build && global.location && global.location.protocol !== 'file:'
        ? '?v=' + encodeURIComponent(store.meta.build) : '';
      script.src = ns.base + path + version;
      script.async = true;
      script.charset = 'utf-8';
      script.onload = function () { script.parentNode && script.parentNode.removeChild(script); resolve(); };
      script.onerror = function () {
        script.parentNode && script.parentNode.removeChild(script);
        reject(new Error('cannot load ' + path));
      };
      (document.head || document.documentElement).appendChild(script);
    });
  };

  function once(path) {
    if (!loading[path]) {
      loading[path] = ns.load(path).catch(function (err) {
        delete loading[path]; // retry on the next query (weak connections)
        throw err;
      });
    }
    return loading[path];
  }

  function getMeta() {
    if (store.meta) return Promise.resolve(store.meta);
    return once('meta.js').then(function () {
      if (!store.meta) throw new Error('meta.js did not register');
      store.meta.splitSet = {};
      (store.meta.split || []).forEach(function (s) { store.meta.splitSet[s] = true; });
      store.meta.shardSet = {};
      store.meta.shards.forEach(function (s) { store.meta.shardSet[s] = true; });
      return store.meta;
    });
  }

  function getShard(name) {
    if (store.shards[name]) return Promise.resolve(store.shards[name]);
    if (!store.meta.shardSet[name]) return Promise.resolve({});
    return once('t/' + name + '.js').then(function () { return store.shards[name] || {}; });
  }

  function getChunk(n) {
    if (store.chunks[n]) return Promise.resolve(store.chunks[n]);
    return once('d/' + n + '.js').then(function () { return store.chunks[n] || []; });
  }

  // ------------------------------------------------------------------ ranking
  function unpack(flat) {
    var out = [];
    var doc = 0;
    for (var i = 0; i < flat.length; i += 2) {
      doc += flat[i];
      out.push([doc, Math.abs(flat[i + 1]), flat[i + 1] < 0]);
    }
    return out;
  }

  function idf(df, total) { return Math.log(1 + (total - df + 0.5) / (df + 0.5)); }

  function termScores(term, shard, total) {
    var scores = {};
    var title = {};
    var keys;
    if (term.prefix) {
      keys = Object.keys(shard).filter(function (k) { return startsWith(k, term.folded); }).sort();
    } else {
      keys = Object.prototype.hasOwnProperty.call(shard, term.folded) ? [term.folded] : [];
    }
    var unpacked = {};
    keys.forEach(function (key) {
      unpacked[key] = shard[key].map(function (e) { return [e[0], unpack(e[1])]; });
    });
    // Completions of a word still being typed share one idf, from all their documents
    // together: a rare completion ("vang" for "van") must not outrank the word typed.
    var completionSeen = {};
    var completionDf = 0;
    keys.forEach(function (key) {
      if (key === term.folded) return;
      unpacked[key].forEach(function (e) {
        e[1].forEach(function (p) { if (!completionSeen[p[0]]) { completionSeen[p[0]] = true; completionDf++; } });
      });
    });
    var completionIdf = completionDf ? idf(completionDf, total) : 0.0;
    if (Object.prototype.hasOwnProperty.call(unpacked, term.folded)) {
      // The typed word exists: no completion weighs more than it.
      var exactSeen = {};
      var exactDf = 0;
      unpacked[term.folded].forEach(function (e) {
        e[1].forEach(function (p) { if (!exactSeen[p[0]]) { exactSeen[p[0]] = true; exactDf++; } });
      });
      completionIdf = Math.min(completionIdf, idf(exactDf, total));
    }
    keys.forEach(function (key) {
      var entries = unpacked[key];
      var weightIdf;
      if (key === term.folded) {
        var seen = {};
        var df = 0;
        entries.forEach(function (e) {
          e[1].forEach(function (p) { if (!seen[p[0]]) { seen[p[0]] = true; df++; } });
        });
        weightIdf = idf(df, total);
      } else {
        weightIdf = completionIdf;
      }
      var factor = key === term.folded ? 1.0 : PREFIX_FACTOR;
      entries.forEach(function (e) {
        var variant = e[0];
        var exact = term.marked && (variant === term.variant || (term.prefix && startsWith(variant, term.variant)));
        e[1].forEach(function (p) {
          var s = p[1] * weightIdf * factor * (exact ? EXACT_FACTOR : 1.0);
          if (!(p[0] in scores) || s > scores[p[0]]) scores[p[0]] = s;
          if (p[2]) title[p[0]] = true;
        });
      });
    });
    return { scores: scores, title: title };
  }

  /** Promise of {terms, mode: 'and'|'or'|'none', total, results: [[doc, score], …]}. */
  function search(query, limit) {
    limit = limit || RESULTS;
    return getMeta().then(function (meta) {
      var terms = queryTerms(query);
      var names = [];
      terms.forEach(function (t) {
        var n = shardFor(t.folded, meta.splitSet, meta.prefix);
        if (names.indexOf(n) < 0) names.push(n);
      });
      return Promise.all(names.map(getShard)).then(function () {
        var kept = [];
        terms.forEach(function (t) {
          var name = shardFor(t.folded, meta.splitSet, meta.prefix);
          var shard = store.shards[name] || {};
          if (t.prefix && meta.splitSet[name]) {
            // Completions live in several smaller shards: exact match, or wait for more letters.
            t = { variant: t.variant, folded: t.folded, marked: t.marked, prefix: false };
            if (!Object.prototype.hasOwnProperty.call(shard, t.folded)) return;
          }
          t.shard = shard;
          kept.push(t);
        });
        var perTerm = kept.map(function (t) { return termScores(t, t.shard, meta.docs); });
        var ranked = [];
        var mode = 'none';
        if (perTerm.length) {
          var common = Object.keys(perTerm[0].scores).filter(function (d) {
            for (var i = 1; i < perTerm.length; i++) if (!(d in perTerm[i].scores)) return false;
            return true;
          });
          if (common.length) {
            mode = 'and';
            common.forEach(function (d) {
              var s = 0.0;
              var allTitle = true;
              perTerm.forEach(function (pt) { s += pt.scores[d]; if (!pt.title[d]) allTitle = false; });
              if (allTitle) s *= TITLE_BONUS;
              ranked.push([+d, s]);
            });
          } else if (perTerm.length > 1) {
            var union = {};
            perTerm.forEach(function (pt) { Object.keys(pt.scores).forEach(function (d) { union[d] = true; }); });
            Object.keys(union).forEach(function (d) {
              var s = 0.0;
              var matched = 0;
              perTerm.forEach(function (pt) { if (d in pt.scores) { s += pt.scores[d]; matched++; } });
              ranked.push([+d, s * OR_FACTOR * matched / perTerm.length]);
            });
            if (ranked.length) mode = 'or';
          }
        }
        ranked.sort(function (a, b) { return (b[1] - a[1]) || (a[0] - b[0]); });
        return { terms: kept, mode: mode, total: ranked.length, results: ranked.slice(0, limit) };
      });
    });
  }

  /** Display rows [url, title, section, excerpt] for doc indices, in the same order. */
  function docsFor(indices) {
    var size = store.meta.chunk;
    var chunks = [];
    indices.forEach(function (d) { var c = Math.floor(d / size); if (chunks.indexOf(c) < 0) chunks.push(c); });
    return Promise.all(chunks.map(getChunk)).then(function () {
      return indices.map(function (d) {
        var rows = store.chunks[Math.floor(d / size)] || [];
        return rows[d % size] || null;
      });
    });
  }

  // ------------------------------------------------------------------ snippets
  /** Fold `s` character by character: {text, pos} with pos[i] = offset in `s` of folded char i
   *  (pos[text.length] = s.length), since folding can change the length. */
  function foldMap(s) {
    var text = '';
    var pos = [];
    var offset = 0;
    Array.from(s).forEach(function (ch) {
      var f = fold(ch);
      for (var i = 0; i < f.length; i++) pos.push(offset);
      text += f;
      offset += ch.length;
    });
    pos.push(s.length);
    return { text: text, pos: pos };
  }

  /** [[start, end], …] of the matches of `terms` in `text` (offsets in the original string). */
  function matchRanges(text, terms) {
    var ranges = [];
    tokenMatches(text).forEach(function (m) {
      var map = foldMap(m.text);
      var best = 0;
      terms.forEach(function (t) {
        if (map.text === t.folded) best = m.text.length;
        else if (t.prefix && startsWith(map.text, t.folded)) best = Math.max(best, map.pos[t.folded.length]);
      });
      if (best > 0) ranges.push([m.start, m.start + best]);
    });
    return ranges;
  }

  /** [{text, mark}] pieces of the excerpt around the first match, with '…' where cut. */
  function snippet(excerpt, terms) {
    var ranges = matchRanges(excerpt, terms);
    var start = 0;
    if (ranges.length && ranges[0][0] > SNIPPET_BEFORE) {
      start = excerpt.indexOf(' ', ranges[0][0] - SNIPPET_BEFORE) + 1;
      if (start <= 0 || start > ranges[0][0]) start = ranges[0][0];
    }
    var end = Math.min(excerpt.length, start + SNIPPET_LENGTH);
    if (end < excerpt.length) {
      var space = excerpt.lastIndexOf(' ', end);
      if (space > start + SNIPPET_LENGTH / 2) end = space;
    }
    var pieces = [];
    if (start > 0) pieces.push({ text: '…', mark: false });
    var at = start;
    ranges.forEach(function (r) {
      if (r[0] < at || r[1] > end) return;
      if (r[0] > at) pieces.push({ text: excerpt.slice(at, r[0]), mark: false });
      pieces.push({ text: excerpt.slice(r[0], r[1]), mark: true });
      at = r[1];
    });
    if (end > at) pieces.push({ text: excerpt.slice(at, end), mark: false });
    if (end < excerpt.length) pieces.push({ text: '…', mark: false });
    return pieces;
  }

  // ------------------------------------------------------------------ page
  function formatCount(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'); }

  function readQuery() {
    var qs = (global.location && global.location.search || '').replace(/^\?/, '');
    var parts = qs ? qs.split('&') : [];
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split('=');
      if (kv[0] === 'q') {
        try { return decodeURIComponent((kv.slice(1).join('=')).replace(/\+/g, ' ')); } catch (e) { return ''; }
      }
    }
    return '';
  }

  function writeQuery(q) {
    try {
      var loc = global.location;
      var rest = (loc.search || '').replace(/^\?/, '').split('&').filter(function (p) {
        return p && p.split('=')[0] !== 'q';
      });
      if (q) rest.push('q=' + encodeURIComponent(q).replace(/%20/g, '+'));
      var url = loc.pathname + (rest.length ? '?' + rest.join('&') : '') + (loc.hash || '');
      global.history.replaceState(global.history.state, '', url);
    } catch (e) { /* file:// and sandboxed frames may refuse; the search still works */ }
  }

  function init() {
    var box = document.getElementById('dv-search');
    if (!box) return;
    var input = document.getElementById('dv-search-input');
    var list = document.getElementById('dv-search-results');
    var status = document.getElementById('dv-search-status');
    if (!input || !list || !status) return;
    var root = box.getAttribute('data-root') || '';
    if (root && root.charAt(root.length - 1) !== '/') root += '/';
    ns.base = root + 'assets/search/';
    if (!status.hasAttribute('aria-live')) status.setAttribute('aria-live', 'polite');
    if (!status.hasAttribute('role')) status.setAttribute('role', 'status');

    var seq = 0;
    var timer = null;
    var last = null;

    function setStatus(text) { status.textContent = text; }
    function clear() { while (list.firstChild) list.removeChild(list.firstChild); }

    function render(found, rows, query) {
      clear();
      rows.forEach(function (row, i) {
        if (!row) return;
        var li = document.createElement('li');
        li.className = 'dv-result';
        var a = document.createElement('a');
        a.className = 'dv-result-title';
        a.href = root + row[0];
        a.textContent = row[1];
        li.appendChild(a);
        var section = document.createElement('span');
        section.className = 'dv-result-section';
        section.textContent = row[2];
        li.appendChild(section);
        var p = document.createElement('p');
        p.className = 'dv-snippet';
        snippet(row[3] || '', found.terms).forEach(function (piece) {
          if (piece.mark) {
            var mark = document.createElement('mark');
            mark.textContent = piece.text;
            p.appendChild(mark);
          } else {
            p.appendChild(document.createTextNode(piece.text));
          }
        });
        li.appendChild(p);
        list.appendChild(li);
      });
      var text = formatCount(found.total) + ' kết quả';
      if (found.total > rows.length) text += ' (hiện ' + rows.length + ' kết quả đầu)';
      if (found.mode === 'or') text += ' — không trang nào có đủ mọi từ; đây là các trang có một phần.';
      setStatus(text);
    }

    function run() {
      var query = input.value;
      if (query === last) return;
      last = query;
      writeQuery(query.trim());
      var mine = ++seq;
      if (!queryTerms(query).length) {
        clear();
        setStatus('');
        return;
      }
      setStatus('Đang tìm…');
      search(query).then(function (found) {
        if (mine !== seq) return null;
        if (!found.results.length) {
          clear();
          setStatus('Không tìm thấy kết quả cho “' + query.trim() + '”.');
          return null;
        }
        return docsFor(found.results.map(function (r) { return r[0]; })).then(function (rows) {
          if (mine === seq) render(found, rows, query);
        });
      }).catch(function () {
        if (mine !== seq) return;
        last = null; // let the same query try again
        setStatus('Không tải được dữ liệu tìm kiếm. Hãy kiểm tra kết nối rồi thử lại.');
      });
    }

    input.addEventListener('input', function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.keyCode === 13) {
        e.preventDefault();
        if (timer) clearTimeout(timer);
        last = null;
        run();
      }
    });
    if (input.form) input.form.addEventListener('submit', function (e) { e.preventDefault(); });
    // Start the small meta.js download as soon as the user shows intent.
    input.addEventListener('focus', function () { getMeta().catch(function () {}); });

    var initial = readQuery();
    if (initial) {
      input.value = initial;
      run();
    }
  }

  ns.engine = {
    fold: fold, tokens: tokens, queryTerms: queryTerms, shardFor: shardFor, search: search,
    docsFor: docsFor, snippet: snippet, matchRanges: matchRanges, foldMap: foldMap, store: store
  };

  if (typeof document !== 'undefined' && document.addEventListener) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
  }
})(typeof window !== 'undefined' ? window : this);
