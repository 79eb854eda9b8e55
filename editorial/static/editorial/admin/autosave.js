// Unsaved writing is kept in this browser while the editor types, so a closed
// tab, a reload or a session that ran out loses nothing. Each form's copy is
// stored under the form's own admin address, with the item's "last updated"
// moment from when the copy began; opening the form again offers it back.
//
// A copy is dropped once its save went through: the page after a successful
// save carries the admin's success message, and an item saved since the copy
// was sent has a new "last updated" moment.
(function () {
  "use strict";

  var PREFIX = "recoverysite.autosave:";
  var VERSION_FIELD = "edit_started_from";
  var SKIPPED_TYPES = ["hidden", "file", "password", "submit", "button", "reset", "image"];
  var store;
  try {
    store = window.localStorage;
  } catch (error) {
    return;
  }
  if (!store) return;

  var editors = new WeakMap();
  // The editor announces itself once built, from the textarea it replaces.
  document.addEventListener("prose-editor:ready", function (event) {
    editors.set(event.detail.textarea, event.detail.editor);
  });

  function read(key) {
    try {
      return JSON.parse(store.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function write(key, copy) {
    try {
      store.setItem(key, JSON.stringify(copy));
    } catch (error) {
      // A full or refused store: the form still saves as usual.
    }
  }

  // The part of the address every form of one model shares: /admin/app/model/.
  function modelPrefix(path) {
    var match = path.match(/^(.*?\/)(?:add\/|\d+\/change\/)?$/);
    return match ? match[1] : path;
  }

  function dropSavedCopies() {
    var prefix = PREFIX + modelPrefix(location.pathname);
    for (var index = store.length - 1; index >= 0; index--) {
      var key = store.key(index);
      if (key && key.indexOf(prefix) === 0 && (read(key) || {}).sent) {
        store.removeItem(key);
      }
    }
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (element) {
      return (
        element.name &&
        !element.disabled &&
        element.name !== "csrfmiddlewaretoken" &&
        SKIPPED_TYPES.indexOf(element.type) === -1 &&
        /^(input|textarea|select)$/i.test(element.tagName)
      );
    });
  }

  function valueOf(element) {
    if (element.type === "checkbox" || element.type === "radio") return element.checked;
    if (element.multiple) {
      return Array.prototype.filter
        .call(element.options, function (option) { return option.selected; })
        .map(function (option) { return option.value; });
    }
    return element.value;
  }

  function keyOf(element) {
    return element.type === "radio" ? element.name + "=" + element.value : element.name;
  }

  function snapshot(form) {
    var values = {};
    fields(form).forEach(function (element) {
      values[keyOf(element)] = valueOf(element);
    });
    return values;
  }

  function differs(form, values) {
    var current = snapshot(form);
    return Object.keys(values).some(function (name) {
      return name in current && JSON.stringify(current[name]) !== JSON.stringify(values[name]);
    });
  }

  function restore(form, values) {
    fields(form).forEach(function (element) {
      var name = keyOf(element);
      if (!(name in values)) return;
      var value = values[name];
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = value;
      } else if (element.multiple) {
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = value.indexOf(option.value) !== -1;
        });
      } else if (element.tagName === "SELECT") {
        // A choice that no longer exists (or an autocomplete box's unloaded
        // one) is left as it is.
        if (Array.prototype.some.call(element.options, function (option) { return option.value === value; })) {
          element.value = value;
        }
      } else {
        element.value = value;
        var editor = editors.get(element);
        if (editor) editor.commands.setContent(value);
      }
      element.dispatchEvent(new Event("input", { bubbles: true }));
      element.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }

  function start() {
    if (document.querySelector(".messagelist .success")) dropSavedCopies();
    var notice = document.getElementById("autosave-notice");
    var form = notice && notice.closest("form");
    if (!form) return;
    var key = PREFIX + location.pathname;
    var versionField = form.elements[VERSION_FIELD];
    var version = versionField ? versionField.value : "";
    var copy = read(key);
    var failedSave = document.querySelector(".errornote") !== null;

    if (copy && copy.sent && copy.version !== version) {
      // Saved since the copy was sent: the copy is the stored item now.
      store.removeItem(key);
      copy = null;
    }
    if (copy && failedSave) {
      // The form came back with the text as sent: keep saving from here.
      copy = { version: version, values: snapshot(form) };
      write(key, copy);
    } else if (copy && differs(form, copy.values)) {
      var time = notice.querySelector(".autosave-time");
      if (time && copy.savedAt) {
        time.textContent = new Date(copy.savedAt).toLocaleString([], {
          dateStyle: "medium",
          timeStyle: "short",
        });
      }
      notice.hidden = false;
      notice.querySelector("[data-autosave=restore]").addEventListener("click", function () {
        restore(form, copy.values);
        notice.hidden = true;
        form.querySelector("#id_title, input[type=text], textarea").focus();
      });
      notice.querySelector("[data-autosave=discard]").addEventListener("click", function () {
        store.removeItem(key);
        copy = null;
        notice.hidden = true;
      });
    } else if (copy) {
      // The form already holds what the copy held.
      store.removeItem(key);
      copy = null;
    }

    var pending = null;
    function keep() {
      pending = null;
      // While a copy is on offer, typing adds to the form, not to the copy.
      if (!notice.hidden) return;
      write(key, {
        version: version,
        savedAt: new Date().toISOString(),
        values: snapshot(form),
      });
    }
    function soon() {
      if (pending === null) pending = window.setTimeout(keep, 500);
    }
    form.addEventListener("input", soon);
    form.addEventListener("change", soon);
    form.addEventListener("submit", function () {
      if (pending !== null) window.clearTimeout(pending);
      keep();
      var sent = read(key);
      if (sent) {
        sent.sent = true;
        write(key, sent);
      }
    });
    // A reload or a closed tab: what was typed in the last half second too.
    window.addEventListener("pagehide", function () {
      if (pending !== null) {
        window.clearTimeout(pending);
        keep();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
