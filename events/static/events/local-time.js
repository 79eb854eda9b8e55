// Adds the visitor's own time after an event time written in the organiser's
// time zone: <time datetime="…" data-local-time data-end="…" data-time-zone="…">.
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var locale = document.documentElement.lang || undefined;
  var options = {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  };
  var visitorZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

  function formatted(start, end, timeZone) {
    var formatter = new Intl.DateTimeFormat(
      locale,
      Object.assign({}, options, timeZone ? { timeZone: timeZone } : {})
    );
    if (end && formatter.formatRange) {
      return formatter.formatRange(start, end);
    }
    return formatter.format(start);
  }

  document.querySelectorAll("time[data-local-time]").forEach(function (element) {
    var start = new Date(element.getAttribute("datetime"));
    var end = element.dataset.end ? new Date(element.dataset.end) : null;
    var eventZone = element.dataset.timeZone;
    if (isNaN(start.getTime()) || (end && isNaN(end.getTime()))) {
      return;
    }
    if (eventZone && eventZone === visitorZone) {
      return;
    }
    var yours = formatted(start, end);
    try {
      // Same clock under another zone name (e.g. Vancouver and Los Angeles).
      if (eventZone && yours === formatted(start, end, eventZone)) {
        return;
      }
    } catch (error) {
      // An unknown zone name: show the visitor's time anyway.
    }
    var note = document.createElement("span");
    note.className = "local-time";
    note.textContent = " (Your time: " + yours + ")";
    element.after(note);
  });
})();
