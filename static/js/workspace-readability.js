// Live reading grade beside each young people's wording in the survey editor.
// An enhancement only: the server works the grade out again on every save.
(function () {
  "use strict";

  function update(box, url) {
    var grade = document.getElementById(box.id + "-grade");
    if (!grade) {
      return;
    }
    var query = "?variant=" + encodeURIComponent(box.dataset.readabilityVariant) +
      "&text=" + encodeURIComponent(box.value);
    fetch(url + query, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (result) {
        if (!result) {
          return;
        }
        grade.querySelector(".engage-grade__value").textContent = result.shown;
        grade.querySelector(".engage-grade__verdict").textContent = result.ok ? "" : ": too hard";
        grade.classList.toggle("engage-grade--over", !result.ok);
      })
      .catch(function () { /* keep the last grade shown; saving checks again */ });
  }

  function start() {
    var form = document.querySelector("form[data-readability-url]");
    if (!form) {
      return;
    }
    var url = form.dataset.readabilityUrl;
    var timers = {};
    form.querySelectorAll("[data-readability-variant]").forEach(function (box) {
      box.addEventListener("input", function () {
        clearTimeout(timers[box.id]);
        timers[box.id] = setTimeout(function () { update(box, url); }, 250);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
