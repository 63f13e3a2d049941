// Kiosk idle timer (issue 7). After a spell with no key, tap or scroll, go to the
// "Are you still there?" page, which wipes the answers unless someone says they are.
// Typing holds it off, so nobody loses a long answer. Without JavaScript a <noscript>
// refresh does the same after the same time.
(function () {
  "use strict";
  var script = document.currentScript;
  var after = Number(script.getAttribute("data-after")) * 1000;
  var idleUrl = script.getAttribute("data-idle");
  var timer = null;
  function restart() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { window.location.assign(idleUrl); }, after);
  }
  ["keydown", "pointerdown", "input", "scroll"].forEach(function (name) {
    document.addEventListener(name, restart, { passive: true });
  });
  restart();
})();
