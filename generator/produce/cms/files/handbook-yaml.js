// The canonical layout of a data file, in the browser (the web editor saves with it) and in node
// (tests/test_cms_yaml.py runs it over every data file): the leading comment lines kept as they
// are, then the body as the Python dump_yaml writes it (generator/load/yamlemit.py once
// `handbook fmt` is in; generator/synth/yamlemit.py before), with the body's comments put back
// at the record they belong to, as `handbook fmt` does (generator/model/yamlcomments.py): a
// whole-line comment above the record of the next line, at its indentation; a comment after a
// value at the end of that record's line; a record is a key or a list item, named by its path
// (keys and list indices). Keep the two in step.
(function (root) {
  "use strict";
  var KEYWORDS = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n", ""];
  var DATE = /^\p{Nd}{2}\/\p{Nd}{2}\/\p{Nd}{4}$/u;
  var LETTER = /^\p{L}/u;
  // Python's str.isprintable(): no control, format, surrogate, private, unassigned or separator
  // character other than the space.
  var UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
  // Characters YAML forbids raw, reads as line breaks, or the loader refuses: written escaped.
  // (With the u flag a surrogate range matches only a lone surrogate.)
  var UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/u;
  var UNSAFE_LEFT = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;  // what JSON.stringify leaves raw
  // Python's [^\W\d][\w\-.]*\Z|\d+\Z: a key written plain.
  var PLAIN_KEY = /^(?:[\p{L}\p{Nl}\p{No}_][\p{L}\p{N}_\-.]*|\p{Nd}+)$/u;

  function isPrintable(s) {
    return !UNPRINTABLE.test(s.replace(/ /g, "a"));
  }

  function hex4(c) { return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4); }
  function quoted(s) {
    if (isPrintable(s) && s.indexOf('"') < 0 && s.indexOf("\\") < 0) return '"' + s + '"';
    // JSON.stringify escapes a lone surrogate itself; what YAML refuses besides is escaped here.
    return JSON.stringify(s).replace(UNSAFE_LEFT, hex4);
  }
  function key(k) { return PLAIN_KEY.test(k) ? k : quoted(k); }

  function str(s, pad) {
    var last = s.slice(-1);
    if (LETTER.test(s) && s.indexOf(": ") < 0 && s.indexOf(" #") < 0 && !/[\n\t\r]/.test(s) &&
        last !== " " && last !== ":" && (Array.from(s).length > 5 || KEYWORDS.indexOf(s.toLowerCase()) < 0) &&
        !UNSAFE.test(s)) {
      return s;
    }
    if (DATE.test(s)) return s;
    if (s.indexOf("\n") >= 0) {
      var body = s.slice(-1) === "\n" ? s.slice(0, -1) : s;
      if (body && !(body.slice(-1) === "\n" || body[0] === " " || body[0] === "\n" || /[\t\r]/.test(body) ||
                    UNSAFE.test(body))) {
        var head = s.slice(-1) === "\n" ? "|" : "|-";
        var inner = pad + "  ";
        return head + body.split("\n").map(function (line) { return "\n" + (line ? inner + line : ""); }).join("");
      }
    }
    return quoted(s);
  }

  // Python's repr() of a float: the shortest digits, exponent form below 1e-4 and from 1e16.
  function floatRepr(x) {
    if (!isFinite(x)) throw new Error("non-finite float");
    var parts = x.toExponential().split("e");
    var digits = parts[0].replace("-", "").replace(".", "");
    var exp = parseInt(parts[1], 10);
    var sign = x < 0 ? "-" : "";
    if (exp < -4 || exp >= 16) {
      var mantissa = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
    if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + digits;
    var whole = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits + "0".repeat(exp + 1 - digits.length);
    var frac = digits.slice(exp + 1) || "0";
    return sign + whole + "." + frac;
  }

  function scalar(value, pad) {
    if (typeof value === "string") return str(value, pad);
    if (value === true) return "true";
    if (value === false) return "false";
    if (value === null || value === undefined) return "null";
    if (typeof value === "number") return Number.isInteger(value) && Math.abs(value) < 1e16 ? String(value) : floatRepr(value);
    if (value instanceof Date) return str(value.toISOString().slice(0, 10), pad);
    if (isMap(value) && !Object.keys(value).length) return "{}";
    if (Array.isArray(value) && !value.length) return "[]";
    throw new TypeError("cannot write " + typeof value + " to YAML");
  }

  function isMap(v) { return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date); }

  // Each line written goes to `out` with, in `paths`, the outermost record (key or list item)
  // that starts on it, as a JSON path (null for the lines of a literal block after the first).
  function push(out, line, path) { out.lines.push(line); out.paths.push(JSON.stringify(path)); }

  function emitMap(d, pad, out, path) {
    Object.keys(d).forEach(function (k) {
      var v = d[k], here = path.concat([k]);
      if (v === undefined) return;
      var start = out.lines.length;
      if (isMap(v) && Object.keys(v).length) { push(out, pad + key(k) + ":", here); emitMap(v, pad + "  ", out, here); }
      else if (Array.isArray(v) && v.length) { push(out, pad + key(k) + ":", here); emitSeq(v, pad + "  ", out, here); }
      else {
        (pad + key(k) + ": " + scalar(v, pad)).split("\n").forEach(function (line, i) {
          push(out, line, i ? null : here);
        });
      }
      out.paths[start] = JSON.stringify(here);
    });
  }

  function emitSeq(items, pad, out, path) {
    var inner = pad + "  ";
    items.forEach(function (item, i) {
      var here = path.concat([i]), start = out.lines.length;
      if (isMap(item) && Object.keys(item).length) emitMap(item, inner, out, here);
      else if (Array.isArray(item) && item.length) emitSeq(item, inner, out, here);
      else {
        (pad + "- " + scalar(item, pad)).split("\n").forEach(function (line, n) { push(out, line, n ? null : here); });
        return;
      }
      out.lines[start] = pad + "- " + out.lines[start].slice(inner.length);
      out.paths[start] = JSON.stringify(here);
    });
  }

  function emit(data) {
    var out = { lines: [], paths: [] };
    if (!isMap(data) || !Object.keys(data).length) push(out, "{}", null);
    else emitMap(data, "", out, []);
    return out;
  }

  // The body of a data file: dump_yaml(data).
  function dumpYaml(data) {
    return emit(data).lines.join("\n") + "\n";
  }

  // The comments of a body in the canonical layout, each with the record it belongs to:
  // [[path, text, trailing]] (path "<end>" after the last record). `data` is what the body
  // reads as. A body not in the layout once its comments are taken out gives null: its comments
  // cannot be placed safely (`handbook fmt` puts such a file in the layout).
  function commentsOf(body, data) {
    var want = emit(data), lines = body.split("\n"), found = [], pending = [], j = 0;
    if (lines[lines.length - 1] === "") lines.pop();
    function next() {  // the record of the next line written that starts one
      for (var n = j; n < want.paths.length; n++) if (want.paths[n] !== "null") return want.paths[n];
      return "<end>";
    }
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i], expected = want.lines[j];
      if (j < want.lines.length && line === expected) {
        pending.forEach(function (text) { found.push([want.paths[j], text, false]); });
        pending = [];
        j += 1;
      } else if (j < want.lines.length && line.slice(0, expected.length) === expected &&
                 /^[ \t]+#/.test(line.slice(expected.length)) && want.paths[j] !== "null") {
        pending.forEach(function (text) { found.push([want.paths[j], text, false]); });
        pending = [];
        found.push([want.paths[j], line.slice(expected.length).trim(), true]);
        j += 1;
      } else if (/^[ \t]*#/.test(line)) {
        pending.push(line.trim());
      } else if (line.trim() === "") {
        continue;
      } else {
        return null;
      }
    }
    if (j < want.lines.length) return null;
    pending.forEach(function (text) { found.push([next(), text, false]); });
    return found;
  }

  // dump_yaml(data) with `comments` (from commentsOf) put back at their records; a comment whose
  // record is gone goes to the end.
  function dumpWithComments(data, comments) {
    var got = emit(data), lineOf = {}, above = {}, after = {}, end = [], out = [];
    got.paths.forEach(function (p, n) { if (p !== "null" && !(p in lineOf)) lineOf[p] = n; });
    (comments || []).forEach(function (c) {
      var n = lineOf[c[0]];
      if (n === undefined) end.push(c[1]);
      else if (c[2] && !(n in after)) after[n] = c[1];
      else (above[n] = above[n] || []).push(c[1]);
    });
    got.lines.forEach(function (line, n) {
      var indent = line.slice(0, line.length - line.replace(/^ +/, "").length);
      (above[n] || []).forEach(function (text) { out.push(indent + text); });
      out.push(n in after ? line + " " + after[n] : line);
    });
    return out.concat(end).join("\n") + "\n";
  }

  // The leading comment block of a file (comment and blank lines before the first line of data,
  // without the blank lines at its end; each line ends with its line break), and the body after
  // it (from the first line of data). A byte-order mark goes, CRLF becomes LF.
  function splitHeader(text) {
    text = text.replace(/^\ufeff+/, "");
    if (text.indexOf("\r") >= 0) text = text.replace(/\r\n/g, "\n");
    var lines = text.split("\n"), n = 0, end = 0;
    while (n < lines.length) {
      var stripped = lines[n].trim();
      if (stripped && stripped[0] !== "#") break;
      n += 1;
      if (stripped) end = n;
    }
    if (n === lines.length) return [text && text.slice(-1) !== "\n" ? text + "\n" : text, ""];
    return [lines.slice(0, end).map(function (l) { return l + "\n"; }).join(""), lines.slice(n).join("\n")];
  }

  // `data` with its keys in the order of `tree` ({key: subtree or null}); keys the tree does not
  // know follow in their own order. Lists take the tree of their items.
  function ordered(data, tree) {
    if (Array.isArray(data)) return data.map(function (item) { return ordered(item, tree); });
    if (!isMap(data) || !tree) return data;
    var out = {};
    Object.keys(tree).forEach(function (k) { if (k in data) out[k] = ordered(data[k], tree[k]); });
    Object.keys(data).forEach(function (k) { if (!(k in out)) out[k] = data[k]; });
    return out;
  }

  var api = { dumpYaml: dumpYaml, splitHeader: splitHeader, ordered: ordered, floatRepr: floatRepr,
              commentsOf: commentsOf, dumpWithComments: dumpWithComments };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.HandbookYaml = api;
})(this);
