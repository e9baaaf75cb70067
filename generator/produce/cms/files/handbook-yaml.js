// The canonical layout of a data file, in the browser (the web editor saves with it) and in node
// (tests/test_cms_yaml.py runs it over every data file): the leading comment lines kept as they
// are, then the body as generator/synth/yamlemit.py's dump_yaml writes it. Keep the two in step.
(function (root) {
  "use strict";
  var KEYWORDS = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n", ""];
  var DATE = /^\p{Nd}{2}\/\p{Nd}{2}\/\p{Nd}{4}$/u;
  var LETTER = /^\p{L}/u;
  // Python's str.isprintable(): no control, format, surrogate, private, unassigned or separator
  // character other than the space.
  var UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

  function isPrintable(s) {
    return !UNPRINTABLE.test(s.replace(/ /g, "a"));
  }

  function str(s, pad) {
    var last = s.slice(-1);
    if (LETTER.test(s) && s.indexOf(": ") < 0 && s.indexOf(" #") < 0 && !/[\n\t\r]/.test(s) &&
        last !== " " && last !== ":" && (Array.from(s).length > 5 || KEYWORDS.indexOf(s.toLowerCase()) < 0)) {
      return s;
    }
    if (DATE.test(s)) return s;
    if (s.indexOf("\n") >= 0) {
      var body = s.slice(-1) === "\n" ? s.slice(0, -1) : s;
      if (!(body.slice(-1) === "\n" || body[0] === " " || body[0] === "\n" || /[\t\r]/.test(body))) {
        var head = s.slice(-1) === "\n" ? "|" : "|-";
        var inner = pad + "  ";
        return head + body.split("\n").map(function (line) { return "\n" + (line ? inner + line : ""); }).join("");
      }
    }
    if (isPrintable(s) && s.indexOf('"') < 0 && s.indexOf("\\") < 0) return '"' + s + '"';
    return JSON.stringify(s);
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
    throw new TypeError("cannot write " + typeof value + " to YAML");
  }

  function isMap(v) { return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date); }

  function emitMap(d, pad, out) {
    Object.keys(d).forEach(function (k) {
      var v = d[k];
      if (v === undefined) return;
      if (typeof v === "string") out.push(pad + k + ": " + str(v, pad));
      else if (isMap(v)) { out.push(pad + k + ":"); emitMap(v, pad + "  ", out); }
      else if (Array.isArray(v)) {
        if (!v.length) out.push(pad + k + ": []");
        else { out.push(pad + k + ":"); emitSeq(v, pad + "  ", out); }
      } else out.push(pad + k + ": " + scalar(v, pad));
    });
  }

  function emitSeq(items, pad, out) {
    var inner = pad + "  ";
    items.forEach(function (item) {
      if (isMap(item)) {
        var start = out.length;
        emitMap(item, inner, out);
        if (out.length === start) out.push(pad + "- {}");
        else out[start] = pad + "- " + out[start].slice(inner.length);
      } else if (Array.isArray(item)) {
        throw new Error("nested lists are not used in the data files");
      } else out.push(pad + "- " + scalar(item, pad));
    });
  }

  // The body of a data file: dump_yaml(data).
  function dumpYaml(data) {
    var out = [];
    emitMap(data, "", out);
    return out.join("\n") + "\n";
  }

  // The leading comment lines of a file (each ends with its line break), and the rest.
  function splitHeader(text) {
    var lines = text.split("\n");
    var n = 0;
    while (n < lines.length - 1 && /^#/.test(lines[n])) n += 1;
    return [lines.slice(0, n).map(function (l) { return l + "\n"; }).join(""), lines.slice(n).join("\n")];
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

  var api = { dumpYaml: dumpYaml, splitHeader: splitHeader, ordered: ordered, floatRepr: floatRepr };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.HandbookYaml = api;
})(this);
