// Keeps the thumbnail next to a library-image choice in step with the choice,
// whether it was picked by search or uploaded with "+".
(function () {
  "use strict";
  function update(select) {
    const preview = document.querySelector(`.image-preview[data-for="${select.id}"]`);
    if (!preview) return;
    preview.textContent = "";
    if (!select.value) return;
    const image = document.createElement("img");
    image.src = select.dataset.imagePreview.replace("/0/", `/${select.value}/`);
    image.width = 96;
    image.height = 96;
    image.alt = "";
    image.className = "library-thumbnail";
    preview.appendChild(image);
  }
  function listen() {
    document.querySelectorAll("select[data-image-preview]").forEach((select) => {
      select.addEventListener("change", () => update(select));
      // The admin's search box (select2) announces changes through jQuery only.
      if (window.django && window.django.jQuery) {
        window.django.jQuery(select).on("change", () => update(select));
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", listen);
  } else {
    listen();
  }
})();
