// Dismissed announcements are remembered in this browser's localStorage: no cookie,
// so the visitor keeps getting cached pages.
(function () {
  var store;
  try { store = window.localStorage; } catch (error) { return; }
  document.querySelectorAll("[data-announcement]").forEach(function (notice) {
    var key = notice.getAttribute("data-announcement");
    if (store.getItem(key)) { notice.hidden = true; return; }
    var button = notice.querySelector(".announcement-dismiss");
    button.hidden = false;
    button.addEventListener("click", function () {
      store.setItem(key, "1");
      notice.hidden = true;
    });
  });
})();
