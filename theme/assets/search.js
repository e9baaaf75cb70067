/* Handbook search: diacritic-insensitive full-text search over the static index that
 * generator/produce/site/search_index.py writes under assets/search/ (and assets/search-offline/). Plain ES2017 script, no
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

  // ------------------------------------------------------------------ forgiving words
  // The same rules as generator/produce/site/search_forgive.py (keep both in step). Trainees
  // type without diacritics, on phones, sometimes with a Telex keyboard that did not convert.
  var FUZZY_MIN = 5;       // any one edit only on words of five letters or more: shorter words have too many real neighbours
  var SWAP_MIN = 4;        // a four-letter word may still have two neighbours swapped ("khoe" -> "kheo")
  var MAX_CANDIDATES = 8;  // neighbours weighed per word: the most frequent ones
  // Doubled letters and w that Telex turns into â ê ô đ ă ơ ư (folded: a e o d a o u) …
  var DOUBLES = [[/dd/g, 'd'], [/aa|aw/g, 'a'], [/ee/g, 'e'], [/oo|ow/g, 'o'], [/uw/g, 'u']];
  // … and a tone letter s f r x j left at the end, after the vowels and an optional final consonant.
  var TONE = /^(.*[aeiouy](?:ch|ng|nh|[cmnpt])?)[sfrxj]$/;

  /** The folded word a Telex keyboard meant: 'daan' -> 'dan', 'kheos' -> 'kheo', 'dduwowngf' -> 'duong'. */
  function telexFold(word) {
    var out = word;
    DOUBLES.forEach(function (d) { out = out.replace(d[0], d[1]); }); // first: "cuws" -> "cus" -> "cu"
    out = out.replace(TONE, '$1');
    return out.length >= 2 ? out : word;
  }

  /** b is one insert, delete, substitution or swap of two neighbouring letters from a. */
  function oneEdit(a, b, swapOnly) {
    if (a === b) return false;
    var i;
    if (a.length === b.length) {
      var diff = [];
      for (i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
      if (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]) return true;
      return !swapOnly && diff.length === 1;
    }
    if (swapOnly || Math.abs(a.length - b.length) !== 1) return false;
    var shorter = a.length < b.length ? a : b;
    var longer = a.length < b.length ? b : a;
    i = 0;
    while (i < shorter.length && shorter[i] === longer[i]) i++;
    return shorter.slice(i) === longer.slice(i + 1);
  }

  /** Distinct documents of a folded term, over all its spellings. */
  function termDf(shard, key) {
    var seen = {};
    var n = 0;
    (shard[key] || []).forEach(function (e) {
      unpack(e[1]).forEach(function (p) { if (!seen[p[0]]) { seen[p[0]] = true; n++; } });
    });
    return n;
  }

  /** Terms of the shard one edit from `word`, most frequent first. Only the shard the word
   *  loads anyway is searched, so a correction never costs another download. */
  function nearTerms(word, shard) {
    if (word.length < SWAP_MIN) return [];
    var swapOnly = word.length < FUZZY_MIN;
    var found = Object.keys(shard).sort().filter(function (k) { return k.length >= SWAP_MIN && oneEdit(word, k, swapOnly); });
    var df = {};
    found.forEach(function (k) { df[k] = termDf(shard, k); });
    found.sort(function (x, y) { return (df[y] - df[x]) || (x < y ? -1 : x > y ? 1 : 0); });
    return found.slice(0, MAX_CANDIDATES);
  }

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

  /** Out of reach of the full index (offline, or a file would not load), a page the service
   *  worker controls searches the offline index it precached: the pages saved on the phone, so
   *  what it finds opens offline. Everything loaded from the full index is dropped first, since
   *  doc numbers differ between the two. Gives false when there is nothing to fall back to. */
  function useOfflineIndex() {
    // Only where a service worker precached it (asked now: it may have taken control after
    // the page loaded); never from file://, where every file of the full index is there.
    var worker = global.navigator && global.navigator.serviceWorker;
    if (!ns.offlineBase || ns.base === ns.offlineBase || !(worker && worker.controller)) return false;
    ns.base = ns.offlineBase;
    store.meta = null;
    store.shards = {};
    store.chunks = {};
    loading = {};
    return true;
  }
  ns.offline = function () { return !!ns.offlineBase && ns.base === ns.offlineBase; };

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

  /** {mode, ranked: [[doc, score], …] best first}: AND of the terms (doubled when all are in
   *  the title), else OR at half weight. */
  function rank(perTerm) {
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
    return { mode: mode, ranked: ranked };
  }

  /** The suggestion as a reader writes it: each word typed without diacritics takes the
   *  spelling it has most often (by weight) in the first `limit` pages of `ranked` ("dan van
   *  kheo" -> "dân vận khéo"); a word typed with diacritics stays as typed. */
  function spelled(list, shardOf, ranked, limit) {
    var docs = {};
    ranked.slice(0, limit).forEach(function (r) { docs[r[0]] = true; });
    return list.map(function (t) {
      var best = t.variant;
      var top = 0;
      var shard = shardOf(t.folded);
      if (!t.marked && Object.prototype.hasOwnProperty.call(shard, t.folded)) {
        shard[t.folded].forEach(function (e) {
          var weight = 0;
          unpack(e[1]).forEach(function (p) { if (docs[p[0]]) weight += p[1]; });
          if (weight > top) { best = e[0]; top = weight; }
        });
      }
      return best;
    }).join(' ');
  }

  /** Some page has every term in its title (a strong match). */
  function titled(perTerm) {
    if (!perTerm.length) return false;
    return Object.keys(perTerm[0].title).some(function (d) {
      return perTerm.every(function (pt) { return pt.title[d] && (d in pt.scores); });
    });
  }

  /** Promise of {terms, mode: 'and'|'or'|'none', total, results: [[doc, score], …] (the first
   *  `limit`), all (every ranked doc), corrected, suggestion}. A word that matches nothing is
   *  read as Telex, else replaced by the neighbour one edit away that ranks best with the other
   *  words; `suggestion` is the query to offer after a correction, or when no page has every
   *  word in its title but a neighbour's query has one ("dan van khoe" -> "dan van kheo"). */
  function search(query, limit) {
    limit = limit || RESULTS;
    return getMeta().then(function (meta) {
      var terms = queryTerms(query);
      var names = [];
      function want(folded) {
        var n = shardFor(folded, meta.splitSet, meta.prefix);
        if (names.indexOf(n) < 0) names.push(n);
      }
      terms.forEach(function (t) {
        want(t.folded);
        if (!t.marked) want(telexFold(t.folded)); // usually the same shard: nothing more to load
      });
      return Promise.all(names.map(getShard)).then(function () {
        function shardOf(folded) { return store.shards[shardFor(folded, meta.splitSet, meta.prefix)] || {}; }
        var kept = [];
        terms.forEach(function (t) {
          var name = shardFor(t.folded, meta.splitSet, meta.prefix);
          var shard = store.shards[name] || {};
          if (t.prefix && meta.splitSet[name]) {
            // Completions live in several smaller shards: exact match, or wait for more letters.
            t = { variant: t.variant, folded: t.folded, marked: t.marked, prefix: false };
            if (!Object.prototype.hasOwnProperty.call(shard, t.folded)) return;
          }
          kept.push(t);
        });
        var cache = {};
        function scoresOf(t) {
          var key = t.variant + '\u0000' + t.folded + '\u0000' + t.marked + t.prefix;
          if (!cache[key]) cache[key] = termScores(t, shardOf(t.folded), meta.docs);
          return cache[key];
        }
        function ranking(list) { return rank(list.map(scoresOf)); }
        function best(list) { var r = ranking(list).ranked; return r.length ? r[0][1] : 0.0; }
        function plain(folded) { return { variant: folded, folded: folded, marked: false, prefix: false }; }
        function swapped(list, i, term) { return list.slice(0, i).concat([term], list.slice(i + 1)); }
        function matches(t) {
          var shard = shardOf(t.folded);
          if (Object.prototype.hasOwnProperty.call(shard, t.folded)) return true;
          return t.prefix && Object.keys(shard).some(function (k) { return startsWith(k, t.folded); });
        }

        // A word that matches nothing: its Telex reading, else its best neighbour.
        var corrected = false;
        kept.forEach(function (t, i) {
          if (matches(t)) return;
          var word = t.marked ? t.folded : telexFold(t.folded);
          var shard = shardOf(word);
          var options = word !== t.folded && Object.prototype.hasOwnProperty.call(shard, word) ? [word] : nearTerms(word, shard);
          var top = 0.0;
          var chosen = null;
          options.forEach(function (option) {
            var score = best(swapped(kept, i, plain(option)));
            if (score > top) { top = score; chosen = plain(option); }
          });
          if (chosen) { kept[i] = chosen; corrected = true; }
        });

        var found = ranking(kept);
        var suggestion = null;
        if (corrected) {
          suggestion = spelled(kept, shardOf, found.ranked, limit);
        } else if (found.ranked.length && !titled(kept.map(scoresOf))) {
          // Weak: no page has every word in its title. Offer the strongest neighbour's query
          // that has such a page and finds at least as many pages.
          var top = 0.0;
          var alternative = null;
          kept.forEach(function (t, i) {
            nearTerms(t.folded, shardOf(t.folded)).forEach(function (option) {
              var other = swapped(kept, i, plain(option));
              var r = ranking(other).ranked;
              var score = r.length ? r[0][1] : 0.0;
              if (score > top && titled(other.map(scoresOf)) && r.length >= found.ranked.length) {
                top = score;
                alternative = other;
              }
            });
          });
          if (alternative) suggestion = spelled(alternative, shardOf, ranking(alternative).ranked, limit);
        }
        return {
          terms: kept, mode: found.mode, total: found.ranked.length, results: found.ranked.slice(0, limit),
          all: found.ranked, corrected: corrected, suggestion: suggestion
        };
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
    ns.offlineBase = root + 'assets/search-offline/';
    if (!status.hasAttribute('aria-live')) status.setAttribute('aria-live', 'polite');
    if (!status.hasAttribute('role')) status.setAttribute('role', 'status');

    var seq = 0;
    var timer = null;
    var last = null;

    // The suggestion line and the "more" button are made here (the page need not carry them),
    // right after the status line and after the list.
    var suggest = document.getElementById('dv-search-suggest');
    if (!suggest) {
      suggest = document.createElement('p');
      suggest.id = 'dv-search-suggest';
      suggest.hidden = true;
      status.parentNode.insertBefore(suggest, status.nextSibling);
    }
    var more = document.getElementById('dv-search-more');
    if (!more) {
      more = document.createElement('button');
      more.id = 'dv-search-more';
      more.type = 'button'; // a real button: Tab reaches it, Enter and Space press it
      more.textContent = 'Xem thêm kết quả';
      more.hidden = true;
      list.parentNode.insertBefore(more, list.nextSibling);
    }
    var current = null; // {found, shown, query} of the results on screen

    function setStatus(text) { status.textContent = text; }
    function clear() {
      while (list.firstChild) list.removeChild(list.firstChild);
      suggest.hidden = true;
      more.hidden = true;
      current = null;
    }

    function resultItem(row, terms) {
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
      snippet(row[3] || '', terms).forEach(function (piece) {
        if (piece.mark) {
          var mark = document.createElement('mark');
          mark.textContent = piece.text;
          p.appendChild(mark);
        } else {
          p.appendChild(document.createTextNode(piece.text));
        }
      });
      li.appendChild(p);
      return li;
    }

    function showStatus() {
      var found = current.found;
      var text = formatCount(found.total) + ' kết quả';
      if (ns.offline()) text += ' trong các trang đã lưu trên máy (đang không có mạng)';
      if (found.corrected) text += ' cho “' + found.suggestion + '” (đã sửa lỗi gõ)';
      if (found.total > current.shown) text += ' (hiện ' + current.shown + ' kết quả đầu)';
      if (found.mode === 'or') text += ' — không trang nào có đủ mọi từ; đây là các trang có một phần.';
      setStatus(text);
      more.hidden = found.total <= current.shown;
    }

    /** "Có phải bạn muốn tìm <a>…</a>?": the link runs the corrected query here, and works as a
     *  plain link (?q=…) too. */
    function showSuggestion(found) {
      while (suggest.firstChild) suggest.removeChild(suggest.firstChild);
      if (!found.suggestion) { suggest.hidden = true; return; }
      var a = document.createElement('a');
      a.href = '?q=' + encodeURIComponent(found.suggestion).replace(/%20/g, '+');
      a.textContent = found.suggestion;
      a.addEventListener('click', function (e) {
        e.preventDefault();
        input.value = found.suggestion;
        last = null;
        run();
        input.focus();
      });
      suggest.appendChild(document.createTextNode('Có phải bạn muốn tìm '));
      suggest.appendChild(a);
      suggest.appendChild(document.createTextNode('?'));
      suggest.hidden = false;
    }

    function render(found, rows, query) {
      while (list.firstChild) list.removeChild(list.firstChild);
      rows.forEach(function (row) { if (row) list.appendChild(resultItem(row, found.terms)); });
      current = { found: found, shown: found.results.length, query: query };
      showSuggestion(found);
      showStatus();
    }

    // The next RESULTS results, loaded only when asked for (their doc chunks cost bytes).
    more.addEventListener('click', function () {
      if (!current) return;
      var mine = seq;
      var shown = current.shown;
      var next = current.found.all.slice(shown, shown + RESULTS);
      if (!next.length) return;
      more.disabled = true;
      docsFor(next.map(function (r) { return r[0]; })).then(function (rows) {
        more.disabled = false;
        if (mine !== seq || !current) return;
        var first = null;
        rows.forEach(function (row) {
          if (!row) return;
          var li = resultItem(row, current.found.terms);
          if (!first) first = li;
          list.appendChild(li);
        });
        current.shown = shown + next.length;
        showStatus();
        // Keyboard and screen-reader users continue at the first new result.
        var link = first && first.querySelector('a');
        if (link) link.focus();
      }).catch(function () {
        more.disabled = false;
        setStatus('Không tải được dữ liệu tìm kiếm. Hãy kiểm tra kết nối rồi thử lại.');
      });
    });

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
      function attempt() {
        return search(query).then(function (found) {
          if (!found.results.length) return { found: found, rows: [] };
          return docsFor(found.results.map(function (r) { return r[0]; })).then(function (rows) {
            return { found: found, rows: rows };
          });
        });
      }
      attempt().catch(function (err) {
        if (useOfflineIndex()) return attempt();
        throw err;
      }).then(function (got) {
        if (mine !== seq) return;
        if (!got.found.results.length) {
          clear();
          setStatus('Không tìm thấy kết quả cho “' + query.trim() + '”' +
            (ns.offline() ? ' trong các trang đã lưu trên máy (đang không có mạng).' : '.'));
          return;
        }
        render(got.found, got.rows, query);
      }).catch(function () {
        if (mine !== seq) return;
        last = null; // let the same query try again
        clear(); // an error must not sit above the previous query's results
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
    docsFor: docsFor, snippet: snippet, matchRanges: matchRanges, foldMap: foldMap, store: store,
    telexFold: telexFold, oneEdit: oneEdit, nearTerms: nearTerms
  };

  if (typeof document !== 'undefined' && document.addEventListener) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
  }
})(typeof window !== 'undefined' ? window : this);
