// Proposes the visitor's own time zone in the registration form; they can change it.
(function () {
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) return;
  document.querySelectorAll("[data-guess-time-zone]").forEach(function (input) {
    // Only the untouched default: never what someone typed or sent back.
    if (input.value === input.defaultValue && !input.form.querySelector(".error-summary")) {
      input.value = zone;
    }
  });
})();
