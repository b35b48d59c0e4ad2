/* planwatch pages: CSRF header for HTMX, source-line jumps (import review), changed-field
   marks. No inline scripts anywhere (CSP default-src 'self'). */
(function () {
  "use strict";
  function csrf() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute("content") : null;
  }
  document.addEventListener("htmx:configRequest", function (e) {
    var token = csrf();
    if (token) { e.detail.headers["X-CSRF-Token"] = token; }
  });

  function jumpTo(line) {
    var box = document.getElementById("source");
    if (!box) { return; }
    var rows = box.querySelectorAll(".ln");
    var best = null;
    rows.forEach(function (r) {
      r.classList.remove("hl");
      var n = parseInt(r.getAttribute("data-line"), 10);
      if (n <= line && (!best || n >= parseInt(best.getAttribute("data-line"), 10))) { best = r; }
    });
    if (best) {
      best.classList.add("hl");
      box.scrollTop = best.offsetTop - box.clientHeight / 3;
    }
  }
  document.addEventListener("click", function (e) {
    var el = e.target.closest ? e.target.closest("[data-jump-line]") : null;
    if (el) {
      e.preventDefault();
      jumpTo(parseInt(el.getAttribute("data-jump-line"), 10));
    }
    var rowEl = e.target.closest ? e.target.closest("tr[data-line]") : null;
    if (rowEl && !el && e.target.tagName !== "INPUT" && e.target.tagName !== "TEXTAREA") {
      jumpTo(parseInt(rowEl.getAttribute("data-line"), 10));
    }
  });
  document.addEventListener("input", function (e) {
    var t = e.target;
    if (t.matches && t.matches(".fix [data-orig]")) {
      t.classList.toggle("changed", t.value !== t.getAttribute("data-orig"));
    }
  });
  // the menu button of narrow screens opens and closes the navigation panel (without
  // JavaScript its link to #navpanel opens it through :target); a click elsewhere closes the
  // user menu
  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest(".menu-button") : null;
    var bar = document.getElementById("topbar");
    if (button && bar) {
      e.preventDefault();
      var open = bar.classList.toggle("nav-open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    var menu = document.querySelector("details.usermenu[open]");
    if (menu && !menu.contains(e.target)) { menu.removeAttribute("open"); }
  });
  document.addEventListener("change", function (e) {
    var t = e.target;
    if (t.matches && t.matches("select[data-autosubmit]")) { t.form.submit(); }
  });
})();
