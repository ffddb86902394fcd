// Runs before the page paints: apply the theme the user chose last time, if any.
(function () {
  try {
    var chosen = localStorage.getItem("inwriting-theme");
    if (chosen === "light" || chosen === "dark") {
      document.documentElement.dataset.theme = chosen;
    }
  } catch (e) {
    /* storage disabled: follow the system setting */
  }
})();
