/* Filters the "Dân vận khéo" gallery by field, place and year. Without JavaScript every
   card stays visible. Reads only data-* attributes the build wrote; writes no HTML. */
(function () {
  "use strict";
  function init() {
    var form = document.getElementById("dv-model-filter");
    var list = document.getElementById("dv-models");
    if (!form || !list) return;
    var status = form.querySelector(".dv-filter-status");
    var cards = Array.prototype.slice.call(list.querySelectorAll(".dv-card"));
    function apply() {
      var field = form.elements.field.value, place = form.elements.place.value, year = form.elements.year.value;
      var shown = 0;
      cards.forEach(function (card) {
        var ok = (!field || card.getAttribute("data-field") === field) &&
                 (!place || card.getAttribute("data-place") === place) &&
                 (!year || (" " + card.getAttribute("data-years") + " ").indexOf(" " + year + " ") >= 0);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      if (status) status.textContent = shown === 0 ? "Không có mô hình nào phù hợp." : shown + " mô hình";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    apply();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
