// Live hints while writing: the title's length (search engines cut long titles)
// and a missing or very short summary. Hints only: saving is never blocked.
(function () {
  "use strict";

  var LONG_TITLE = 70;
  var SHORT_SUMMARY = 40;

  function hint(field, id) {
    var existing = document.getElementById(id);
    if (existing) return existing;
    var element = document.createElement("div");
    element.id = id;
    element.className = "writing-hint help";
    element.setAttribute("aria-live", "polite");
    // Below the field's row of label and input, like the admin's own help texts.
    var anchor = field.closest(".flex-container") || field;
    anchor.insertAdjacentElement("afterend", element);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", described ? described + " " + id : id);
    return element;
  }

  function watch(field, id, describe) {
    var element = hint(field, id);
    function update() {
      var result = describe(field.value.trim());
      element.textContent = result.text;
      element.classList.toggle("is-warning", result.warning);
    }
    field.addEventListener("input", update);
    update();
  }

  function start() {
    var title = document.querySelector(".change-form #id_title");
    var summary = document.querySelector(".change-form #id_summary");
    if (title) {
      watch(title, "title-length-hint", function (text) {
        if (text.length > LONG_TITLE) {
          return {
            text: text.length + " characters: search engines cut titles after about " + LONG_TITLE + ". Consider a shorter title.",
            warning: true
          };
        }
        return { text: text.length + " of about " + LONG_TITLE + " characters.", warning: false };
      });
    }
    if (summary) {
      watch(summary, "summary-hint", function (text) {
        if (!text) return { text: "Add one or two plain sentences: cards, feeds and search engines show them.", warning: true };
        if (text.length < SHORT_SUMMARY) return { text: "Very short: one or two full sentences work best.", warning: true };
        return { text: "", warning: false };
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
