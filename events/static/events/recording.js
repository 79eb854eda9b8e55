// Click-to-play recordings: nothing is loaded from the video site until the
// visitor presses play. The providers match PROVIDERS in events/embeds.py.
(function () {
  "use strict";
  var PLAYERS = {
    youtube: function (data) {
      // youtube-nocookie.com is YouTube's privacy-enhanced mode.
      return (
        "https://www.youtube-nocookie.com/embed/" +
        encodeURIComponent(data.embedId) +
        "?autoplay=1&rel=0"
      );
    },
    vimeo: function (data) {
      var url =
        "https://player.vimeo.com/video/" +
        encodeURIComponent(data.embedId) +
        "?dnt=1&autoplay=1";
      if (data.embedHash) {
        url += "&h=" + encodeURIComponent(data.embedHash);
      }
      return url;
    },
  };

  document.querySelectorAll(".embed[data-embed-provider]").forEach(function (embed) {
    var player = PLAYERS[embed.dataset.embedProvider];
    var button = embed.querySelector(".embed__play");
    if (!player || !button) {
      return;
    }
    embed.hidden = false;
    button.addEventListener(
      "click",
      function () {
        var iframe = document.createElement("iframe");
        iframe.src = player(embed.dataset);
        iframe.title = "Recording: " + embed.dataset.embedTitle;
        iframe.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
        iframe.allowFullscreen = true;
        // The site sends no referrer to other sites; YouTube's player needs the
        // origin to play, so this one frame sends it.
        iframe.referrerPolicy = "strict-origin-when-cross-origin";
        embed.replaceChildren(iframe);
        embed.classList.add("embed--playing");
        iframe.focus();
      },
      { once: true }
    );
  });
})();
