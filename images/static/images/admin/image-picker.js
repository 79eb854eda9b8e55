// The picture picker opened by the rich-text editor's "Browse…" button: hands
// the chosen picture (address, description, caption) back to the editor.
(function () {
  "use strict";
  const picker = document.querySelector(".image-picker");
  if (!picker) return;
  const callback = picker.dataset.callback;

  function choose(element) {
    const editor = window.opener && window.opener.CKEDITOR;
    if (!editor || !callback) return;
    editor.tools.callFunction(Number(callback), element.dataset.url, {
      id: element.dataset.id,
      alternative_text: element.dataset.alt,
      caption: element.dataset.caption,
    });
    window.close();
  }

  picker.addEventListener("click", (event) => {
    const button = event.target.closest(".picker-choice");
    if (button) choose(button);
  });
  const chosen = picker.querySelector("[data-chosen]");
  if (chosen) choose(chosen);
})();
