// Sinh tự động bởi generator/cms.py: khi lưu, giữ thứ tự khóa theo lược đồ
// (Decap chỉ giữ thứ tự ở cấp ngoài cùng của bản ghi).
(function () {
  var ORDER = $order;
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
  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var tree = ORDER[entry.get("collection")];
      if (tree && tree.__files) tree = tree.__files[entry.get("slug")];
      return tree ? order(entry.get("data"), tree) : undefined;
    }
  });
})();
