/* Registers the handbook's service worker (sw.js at the site root, written by `handbook build`)
   and offers a new build once it is downloaded: "Đã có bản mới" with a button that lets the
   waiting worker take over and reloads. Until the reader presses it (or closes every tab of the
   site), every page keeps coming from the build it started with, so no one reads a mix.
   Does nothing where service workers cannot run: an old browser, or the offline copy opened
   from the file system (file://). */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var script = document.currentScript;
  if (!script || !script.src) return;
  var root = new URL("../", script.src); // this file is assets/pwa.js
  var container = navigator.serviceWorker;
  var controlled = !!container.controller; // false on the first visit: the first worker is no update
  var reloading = false;

  function banner(text, label, action) {
    var old = document.getElementById("dv-update");
    if (old) old.parentNode.removeChild(old);
    var box = document.createElement("div");
    box.id = "dv-update";
    box.setAttribute("role", "status");
    box.style.cssText = "position:fixed;left:.5rem;right:.5rem;bottom:.5rem;z-index:10;display:flex;gap:.8rem;" +
      "align-items:center;justify-content:space-between;padding:.6rem .8rem;border-radius:.3rem;" +
      "background:#263238;color:#fff;font-size:.8rem;box-shadow:0 2px 6px rgba(0,0,0,.3)";
    var message = document.createElement("span");
    message.textContent = text;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.style.cssText = "background:#fff;color:#b71c1c;border:0;border-radius:.2rem;padding:.4rem .7rem;font:inherit;font-weight:700;cursor:pointer";
    button.addEventListener("click", action);
    box.appendChild(message);
    box.appendChild(button);
    document.body.appendChild(box);
  }

  function offer(worker) {
    banner("Đã có bản mới của sổ tay.", "Tải bản mới", function () {
      reloading = true;
      worker.postMessage({ type: "SKIP_WAITING" });
    });
  }

  container.addEventListener("controllerchange", function () {
    if (!controlled) { controlled = true; return; }
    if (reloading) { location.reload(); return; }
    // Another tab took the new build: this page is still whole, the next one will be new.
    banner("Sổ tay vừa được cập nhật.", "Tải lại trang", function () { location.reload(); });
  });

  function register() {
    container.register(new URL("sw.js", root).href, { scope: root.href, updateViaCache: "none" }).then(function (reg) {
      if (reg.waiting && container.controller) offer(reg.waiting);
      reg.addEventListener("updatefound", function () {
        var worker = reg.installing;
        if (!worker) return;
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && container.controller) offer(worker);
        });
      });
    }).catch(function () { /* no worker: the site works online as before */ });
  }

  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
