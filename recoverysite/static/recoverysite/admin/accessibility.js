// Names for admin controls that Django's widgets and the rich-text editor leave
// unnamed for screen readers: the editing area, split date/time inputs and
// autocomplete boxes take the name of their field's label.
(function () {
  "use strict";

  function fieldLabel(element) {
    var row = element.closest(".form-row, .fieldBox");
    var label = row && row.querySelector("label");
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function name(element, suffix) {
    if (element.hasAttribute("aria-label")) return;
    var label = fieldLabel(element);
    if (label) element.setAttribute("aria-label", suffix ? label + ", " + suffix : label);
  }

  function nameAll(root) {
    root.querySelectorAll(".tiptap[contenteditable], .ProseMirror[contenteditable]").forEach(function (editor) {
      name(editor);
    });
    root.querySelectorAll(".datetime input").forEach(function (input) {
      name(input, /_0$/.test(input.id) ? "date" : "time");
    });
    root.querySelectorAll(".select2-selection[role=combobox], .select2-selection__rendered[role=textbox]").forEach(function (box) {
      name(box);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    nameAll(document);
    // The editor and the autocomplete boxes are built after the page loads.
    new MutationObserver(function () { nameAll(document); }).observe(document.body, {
      childList: true,
      subtree: true,
    });
  });
})();
