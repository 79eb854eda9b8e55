// Progressive enhancement for comment forms and threads: without it, "Reply"
// opens a page of its own, the form works the same, and "remember me" leaves it
// empty.

// "Remember me": the name, email and website the visitor asked this browser to
// keep are filled in from the cookie the comment form set. The server makes the
// same page for everyone, so the page cache can serve it.
(function () {
  "use strict";
  var match = document.cookie.match(/(?:^|;\s*)commenter=([^;]*)/);
  if (!match) return;
  var remembered;
  try {
    remembered = JSON.parse(decodeURIComponent(match[1]));
  } catch (error) {
    return; // an older or damaged cookie: the form stays empty
  }
  if (!remembered || typeof remembered !== "object") return;
  document.querySelectorAll("form.comment-form").forEach(function (form) {
    var filled = false;
    ["name", "email", "url"].forEach(function (name) {
      var field = form.elements.namedItem(name);
      var value = remembered[name];
      // What the visitor typed, or the server kept after an error, stays.
      if (field && !field.value && typeof value === "string" && value) {
        field.value = value;
        filled = true;
      }
    });
    // Ticked again, so that unticking it on the next comment forgets them.
    var remember = form.elements.namedItem("remember");
    if (remember && filled) remember.checked = true;
  });
})();

// Replies in place, under the comment they answer, and a count of characters left.
(function () {
  "use strict";
  var wrap = document.getElementById("comment-form");
  if (!wrap) return;
  var form = wrap.querySelector("form");
  var replyTo = form.querySelector("input[name=reply_to]");
  var textarea = form.querySelector("textarea[name=comment]");
  var heading = wrap.querySelector("h3");
  var home = wrap.parentNode;
  var homeNext = wrap.nextSibling;
  var originalHeading = heading.textContent;
  // Words come from the page, so they follow the site's language.
  var words = form.dataset;
  var submit = form.querySelector("button[type=submit]");
  var originalSubmit = submit.textContent;

  var cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "button button--secondary";
  cancel.textContent = words.cancelLabel;
  cancel.hidden = true;
  form.appendChild(cancel);

  function reset() {
    home.insertBefore(wrap, homeNext);
    replyTo.value = "";
    heading.textContent = originalHeading;
    submit.textContent = originalSubmit;
    cancel.hidden = true;
  }

  document.querySelectorAll("a[data-reply-to]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var comment = link.closest(".comment");
      comment.appendChild(wrap);
      replyTo.value = link.getAttribute("data-reply-to");
      var author = comment.querySelector(".comment__author");
      heading.textContent = author
        ? words.replyHeading.replace("%s", author.textContent.trim())
        : words.replyHeadingAnonymous;
      submit.textContent = words.replyLabel;
      cancel.hidden = false;
      textarea.focus();
    });
  });
  cancel.addEventListener("click", function () {
    reset();
    textarea.focus();
  });

  // The page may come from the page cache, made minutes before this visitor
  // got it: the server learns when the writing started from a signed time
  // fetched the first time the form is touched. Without it the comment is
  // taken all the same, only held for a moderator when it came quickly.
  var started = form.querySelector("input[name=started]");
  function fetchStarted() {
    form.removeEventListener("focusin", fetchStarted);
    if (started.value || !window.fetch) return;
    fetch(words.startedUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        return response.ok ? response.text() : "";
      })
      .then(function (token) {
        if (token && !started.value) started.value = token;
      })
      .catch(function () {});
  }
  if (started) form.addEventListener("focusin", fetchStarted);

  // A live count of the characters left, announced politely near the limit.
  var limit = parseInt(textarea.getAttribute("maxlength"), 10);
  if (limit) {
    var counter = document.createElement("span");
    counter.className = "char-count";
    counter.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", counter);
    var update = function () {
      var left = limit - textarea.value.length;
      counter.textContent = words.charactersLeft.replace("%s", left);
    };
    textarea.addEventListener("input", update);
    update();
  }
})();
