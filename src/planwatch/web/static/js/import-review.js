/* Import review: "定位" shows the source row of an extracted row in the source pane (which
   stays in view), rows are added from a <template> and removed, deleted rows are marked.
   No inline scripts (CSP default-src 'self'). */
(function () {
  "use strict";
  var added = 0;

  function jump(key, from) {
    var box = document.getElementById("source");
    var target = key ? document.getElementById(key) : null;
    if (!box || !target) { return; }
    box.querySelectorAll(".ln.hl").forEach(function (r) { r.classList.remove("hl"); });
    document.querySelectorAll("tr.src-active").forEach(function (r) {
      r.classList.remove("src-active");
    });
    target.classList.add("hl");
    if (from) { from.classList.add("src-active"); }
    var top = target.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += top - box.clientHeight / 3;
  }

  function addRow(name) {
    var tpl = document.getElementById("new-" + name);
    var body = document.querySelector("#tbl-" + name + " tbody");
    if (!tpl || !body) { return; }
    added += 1;
    var html = tpl.innerHTML.split("__N__").join(String(added));
    var holder = document.createElement("tbody");
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    var empty = body.querySelector("tr.empty");
    if (empty) { empty.remove(); }
    body.appendChild(row);
    var first = row.querySelector("input, select");
    if (first) { first.focus(); }
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t.closest) { return; }
    var link = t.closest("[data-jump]");
    if (link) {
      e.preventDefault();
      jump(link.getAttribute("data-jump"), link.closest("tr"));
      return;
    }
    var add = t.closest("[data-add-row]");
    if (add) { addRow(add.getAttribute("data-add-row")); return; }
    var remove = t.closest("[data-remove-row]");
    if (remove) { remove.closest("tr").remove(); return; }
    var row = t.closest("tr[data-src]");
    if (row && !t.closest("input, select, label, button")) { jump(row.getAttribute("data-src"), row); }
  });
  document.addEventListener("change", function (e) {
    var t = e.target;
    if (t.matches && t.matches("input[type=checkbox][name^='del:']")) {
      t.closest("tr").classList.toggle("deleted", t.checked);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var bad = document.querySelector("#confirm-form [aria-invalid=true]");
    if (bad) {
      bad.scrollIntoView({ block: "center" });
      bad.focus({ preventScroll: true });
    }
    document.querySelectorAll("input[name^='f:']").forEach(function (el) {
      var m = /\.n(\d+)\./.exec(el.name);
      if (m) { added = Math.max(added, parseInt(m[1], 10)); }
    });
  });
})();
