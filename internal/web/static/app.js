// Small enhancements; every page works without this file.
document.addEventListener("submit", function (e) {
  var f = e.target;
  var msg = f.getAttribute("data-confirm");
  if (msg && !window.confirm(msg)) { e.preventDefault(); return; }
  // A second click while the first post is on its way would only be replayed
  // by the idempotency key; disabling the button spares the wait.
  var b = f.querySelector("button[type=submit]");
  if (b) { setTimeout(function () { b.disabled = true; }, 0); }
});
