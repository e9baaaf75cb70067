// Sinh tự động bởi generator/cms.py: khi lưu, giữ thứ tự khóa theo lược đồ
// (Decap chỉ giữ thứ tự ở cấp ngoài cùng của bản ghi).
// It also registers the formats the collections read and write with (handbook-yml: the canonical
// layout of handbook-yaml.js, leading comments and the body's comments kept; handbook-md: front matter whose unchanged
// keys keep their lines), names each team by its village and commune, and offers the sign-in
// with a personal access token when the province has no OAuth server.
(function () {
  var ORDER = $order;
  var VILLAGES = $villages;
  var BACKEND = $backend;
  var Y = window.HandbookYaml;
  var HEADER = "__header", COMMENTS = "__comments", FRONT = "__front", LABEL = "__label", COMMUNE = "__commune";

  function keyed(v) { return !!(v && typeof v === "object" && v["@@__IMMUTABLE_KEYED__@@"]); }
  function indexed(v) { return !!(v && typeof v === "object" && v["@@__IMMUTABLE_INDEXED__@@"]); }
  function order(value, tree) {
    if (indexed(value)) return value.map(function (item) { return order(item, tree); });
    if (!keyed(value) || !tree) return value;
    var names = Object.keys(tree);
    function rank(key) { var i = names.indexOf(key); return i < 0 ? names.length : i; }
    return value.sortBy(function (v, key) { return rank(key); })
      .map(function (v, key) { return order(v, tree[key]); });
  }
  // Decap's Vietnamese lacks "Group by" and writes its New button with a full-width plus (U+FF0B)
  // that phones without CJK fonts show as a box.
  var vi = window.CMS.getLocale && window.CMS.getLocale("vi");
  if (vi && vi.collection && vi.collection.collectionTop) {
    vi.collection.collectionTop.newButton = "+ %{collectionLabel}";
    vi.collection.collectionTop.groupBy = "Nhóm theo";
    window.CMS.registerLocale("vi", vi);
  }

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var tree = ORDER[entry.get("collection")];
      if (tree && tree.__files) tree = tree.__files[entry.get("slug")];
      return tree ? order(entry.get("data"), tree) : undefined;
    }
  });

  // -- formats ---------------------------------------------------------------------------------
  function parse(text) {
    var data = window.jsyaml.load(text, { schema: window.jsyaml.CORE_SCHEMA });
    return data && typeof data === "object" && !Array.isArray(data) ? data : {};
  }
  function own(data) {  // the data without the keys the formats added
    var out = {};
    Object.keys(data).forEach(function (k) { if (k.slice(0, 2) !== "__") out[k] = data[k]; });
    return out;
  }
  function named(data) {
    var names = typeof data.village === "string" && VILLAGES[data.village];
    if (names) { data[LABEL] = names[0]; data[COMMUNE] = names[1]; }
    else if (typeof data.village === "string") { data[LABEL] = data.id || data.village; data[COMMUNE] = "?"; }
    return data;
  }
  window.CMS.registerCustomFormat("handbook-yml", "yml", {
    fromFile: function (content) {
      var parts = Y.splitHeader(content);
      var data = parse(parts[1]);
      // The body's comments, each with its record (a key or list item); none when the body is
      // not in the canonical layout (they cannot be placed back safely: `handbook fmt` first).
      var comments = null;
      try { comments = Y.commentsOf(parts[1], data); } catch (e) { comments = null; }
      if (parts[0]) data[HEADER] = parts[0];
      if (comments && comments.length) data[COMMENTS] = JSON.stringify(comments);
      return named(data);
    },
    toFile: function (data) {
      var comments = typeof data[COMMENTS] === "string" ? JSON.parse(data[COMMENTS]) : [];
      return (data[HEADER] || "") + Y.dumpWithComments(own(data), comments);
    }
  });

  // Front matter: the top-level keys of the original text, each with its lines.
  function blocks(front) {
    var out = {}, key = null;
    front.split("\n").forEach(function (line) {
      var m = /^([A-Za-z_][\w-]*):/.exec(line);
      if (m) { key = m[1]; out[key] = line + "\n"; }
      else if (key !== null && line !== "") out[key] += line + "\n";
    });
    return out;
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  window.CMS.registerCustomFormat("handbook-md", "md", {
    fromFile: function (content) {
      var m = /^---\n([\s\S]*?\n)?---\n?([\s\S]*)/.exec(content);
      if (!m) return { body: content };
      var data = parse(m[1] || "");
      data[FRONT] = m[1] || "";
      data.body = m[2];
      return data;
    },
    toFile: function (data) {
      var front = own(data);
      var body = front.body || "";
      delete front.body;
      var old = blocks(data[FRONT] || ""), text = "";
      Object.keys(front).forEach(function (k) {
        var kept = old[k] && (function () { try { return parse(old[k])[k]; } catch (e) { return undefined; } })();
        var one = {}; one[k] = front[k];
        text += old[k] && same(kept, front[k]) ? old[k] : Y.dumpYaml(one);
      });
      return "---\n" + text + "---\n" + body;
    }
  });

  // -- sign-in with a personal access token (no OAuth server) ------------------------------------
  if (!BACKEND.token) return;
  var FORGE = BACKEND.name === "gitlab" ? "GitLab" : "GitHub";
  function offerToken() {
    if (document.getElementById("handbook-token")) return;
    var button = Array.prototype.find.call(document.querySelectorAll("button"), function (b) {
      return /Đăng nhập|Login/.test(b.textContent);
    });
    if (!button || localStorage.getItem("decap-cms-user")) return;
    var form = document.createElement("form");
    form.id = "handbook-token";
    form.style.cssText = "margin:1.5em auto;max-width:26em;font:14px/1.5 system-ui,sans-serif;text-align:left";
    form.innerHTML =
      '<label for="handbook-token-input" style="display:block;font-weight:600">Hoặc đăng nhập bằng mã truy cập ' +
      FORGE + '</label><input id="handbook-token-input" type="password" autocomplete="off" required ' +
      'style="width:100%;box-sizing:border-box;padding:.5em;margin:.3em 0">' +
      '<button type="submit" style="padding:.5em 1em">Đăng nhập bằng mã</button>' +
      '<p style="color:#555;margin:.5em 0 0">Mã truy cập cá nhân chỉ cấp quyền trên kho nội dung, được lưu trong ' +
      'trình duyệt này cho đến khi đăng xuất. Cách tạo mã: xem “Hướng dẫn biên tập trên web” của Ban.</p>';
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var token = document.getElementById("handbook-token-input").value.trim();
      if (!token) return;
      localStorage.setItem("decap-cms-user", JSON.stringify({ backendName: BACKEND.name, token: token }));
      location.reload();
    });
    button.parentNode.insertBefore(form, button.nextSibling);
  }
  new MutationObserver(offerToken).observe(document.documentElement, { childList: true, subtree: true });
})();
