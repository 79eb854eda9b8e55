// Names for admin controls that Django's widgets and the rich-text editor leave
// unnamed for screen readers: the editing area, split date/time inputs and
// autocomplete boxes take the name of their field's label; the boxes in a table
// row (inline rows, the list's editable columns) the name of their column.
// Loaded on every admin page (admin/base_site.html) and by some forms' media.
(function () {
  "use strict";

  if (window.recoverysiteAdminNames) return;
  window.recoverysiteAdminNames = true;

  function columnHeader(element) {
    var cell = element.closest("td[class*='field-'], th[class*='field-']");
    var table = cell && cell.closest("table");
    if (!table) return "";
    var field = Array.prototype.find.call(cell.classList, function (name) {
      return name.indexOf("field-") === 0;
    });
    var header = table.querySelector("thead th.column-" + field.slice(6));
    if (!header) {
      // Inline tables number their headers in the order of the cells.
      var row = cell.parentElement;
      var index = Array.prototype.indexOf.call(row.children, cell);
      var headers = table.querySelectorAll("thead th");
      header = headers[index];
    }
    return header ? header.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function fieldLabel(element) {
    var heading = columnHeader(element);
    if (heading) return heading;
    var row = element.closest(".form-row, .fieldBox");
    var label = row && row.querySelector("label");
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function labelled(element) {
    if (element.hasAttribute("aria-label") || element.hasAttribute("aria-labelledby")) return true;
    return element.id && element.labels && element.labels.length > 0;
  }

  function name(element, suffix) {
    if (labelled(element)) return;
    var label = fieldLabel(element);
    if (label) element.setAttribute("aria-label", suffix ? label + ", " + suffix : label);
  }

  // The editor greys out buttons that cannot act yet by a class alone; saying
  // so in ARIA tells screen readers too.
  function markDisabled(button) {
    if (button.classList.contains("disabled")) {
      button.setAttribute("aria-disabled", "true");
    } else {
      button.removeAttribute("aria-disabled");
    }
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
    root.querySelectorAll("td[class*='field-'] :is(input, select, textarea):not([type=hidden])").forEach(function (control) {
      name(control);
    });
    root.querySelectorAll(".prose-menubar__button").forEach(markDisabled);
  }

  function start() {
    nameAll(document);
    // The editor and the autocomplete boxes are built after the page loads,
    // and the editor's buttons change state as the text does.
    new MutationObserver(function () { nameAll(document); }).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["class"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
