// Existing tags offered while typing in a tag box: the browser's suggestion list
// (the box's <datalist>) is rewritten for the tag being typed after the last
// comma, each suggestion completing the whole list. Without this script the
// list offers the existing tags for the first one.
(function () {
  "use strict";

  var MOST = 20;

  function enhance(input) {
    var list = input.list;
    if (!list) return;
    var names = Array.prototype.map.call(list.options, function (option) {
      return option.value;
    });

    function update() {
      var value = input.value;
      var cut = value.lastIndexOf(",");
      var before = cut === -1 ? "" : value.slice(0, cut + 1) + " ";
      var typing = value.slice(cut + 1).trim().toLowerCase();
      var chosen = value
        .slice(0, cut === -1 ? 0 : cut)
        .split(",")
        .map(function (name) { return name.trim().replace(/^"|"$/g, "").toLowerCase(); });
      var matches = names.filter(function (name) {
        var lower = name.toLowerCase();
        return chosen.indexOf(lower) === -1 && (!typing || lower.indexOf(typing) !== -1);
      });
      list.replaceChildren.apply(
        list,
        matches.slice(0, MOST).map(function (name) {
          var option = document.createElement("option");
          option.value = before + (name.indexOf(",") === -1 ? name : '"' + name + '"');
          return option;
        })
      );
    }

    input.addEventListener("input", update);
    input.addEventListener("focus", update);
  }

  function start() {
    document.querySelectorAll("input[data-tag-suggestions]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
