// pqtrack: a little comfort on top of pages that work without JavaScript.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Copy buttons: shown only when the clipboard can be used.
  document.querySelectorAll("button.copy").forEach(function (b) {
    if (!navigator.clipboard) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      var src = document.getElementById(b.dataset.copy);
      navigator.clipboard.writeText(src.value || src.textContent).then(function () {
        var old = b.textContent;
        b.textContent = b.dataset.done;
        setTimeout(function () { b.textContent = old; }, 1500);
      });
    });
  });
  // Filters apply as soon as a choice changes.
  document.querySelectorAll("form.filters select").forEach(function (s) {
    s.addEventListener("change", function () { s.form.submit(); });
  });
});
