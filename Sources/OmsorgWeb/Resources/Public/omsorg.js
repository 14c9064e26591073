// Optional enhancement only: every page works without it. It shows the notifier fields of the
// chosen kind alone, and moves focus to the error summary when a form comes back with errors.
(function () {
  document.documentElement.classList.add("js-enabled");
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (summary) { summary.focus(); }
    document.querySelectorAll(".conditional-radios").forEach(function (group) {
      var radios = group.querySelectorAll("input[type=radio][aria-controls]");
      function update() {
        radios.forEach(function (radio) {
          var panel = document.getElementById(radio.getAttribute("aria-controls"));
          if (panel) { panel.hidden = !radio.checked; }
        });
      }
      radios.forEach(function (radio) { radio.addEventListener("change", update); });
      update();
    });
  });
})();
