"""
Recording addresses we can embed, and the parts the click-to-play script needs.

Pages carry only the provider's key and the video id; ``static/events/recording.js``
turns them into a privacy-enhanced player address (youtube-nocookie.com,
player.vimeo.com with ``dnt=1``) when the visitor presses play. Both lists of
providers must agree: an address from any other site stays a plain link.
"""

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.conf import settings

YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"[0-9]{1,12}")
VIMEO_HASH = re.compile(r"[0-9a-f]{6,20}")

# Recordings the browser plays itself, with the event's captions in the player.
VIDEO_TYPES = {".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm"}

PROVIDERS = {
    "youtube": {"name": "YouTube", "watch": "https://www.youtube.com/watch?v={id}"},
    "vimeo": {"name": "Vimeo", "watch": "https://vimeo.com/{id}"},
}


@dataclass(frozen=True)
class Embed:
    provider: str
    video_id: str
    # Unlisted Vimeo videos need their private hash to play.
    private_hash: str = ""

    @property
    def provider_name(self):
        return PROVIDERS[self.provider]["name"]

    @property
    def watch_url(self):
        """The provider's own page for the video, without tracking parameters."""
        url = PROVIDERS[self.provider]["watch"].format(id=self.video_id)
        return f"{url}/{self.private_hash}" if self.private_hash else url


def parse_recording_url(url):
    """The embed for a YouTube or Vimeo address, or None for anything else."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"}:
        return None
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS:
        return parse_youtube(host, segments, query)
    if host in VIMEO_HOSTS:
        return parse_vimeo(host, segments, query)
    return None


def parse_youtube(host, segments, query):
    if host == "youtu.be":
        video_id = segments[0] if segments else ""
    elif segments == ["watch"]:
        video_id = query.get("v", [""])[0]
    elif len(segments) == 2 and segments[0] in {"embed", "live", "shorts"}:
        video_id = segments[1]
    else:
        return None
    return Embed("youtube", video_id) if YOUTUBE_ID.fullmatch(video_id) else None


def parse_vimeo(host, segments, query):
    private_hash = ""
    if host == "player.vimeo.com":
        if len(segments) != 2 or segments[0] != "video":
            return None
        video_id = segments[1]
        private_hash = query.get("h", [""])[0]
    elif len(segments) in {1, 2}:
        video_id = segments[0]
        private_hash = segments[1] if len(segments) == 2 else ""
    else:
        return None
    if not VIMEO_ID.fullmatch(video_id):
        return None
    if private_hash and not VIMEO_HASH.fullmatch(private_hash):
        return None
    return Embed("vimeo", video_id, private_hash)


def video_file_type(url):
    """
    The type of a video file the site serves itself (its media or its own
    address), or "" for anything else: the content security policy lets pages
    play media from those places only.
    """
    parts = urlsplit((url or "").strip())
    media = urlsplit(settings.MEDIA_URL)
    own_origins = {urlsplit(settings.SITE_URL)[:2]}
    if media.netloc:
        own_origins.add(media[:2])
    if parts.netloc and parts[:2] not in own_origins:
        return ""
    if not parts.netloc and not parts.path.startswith("/"):
        return ""
    extension = posixpath.splitext(parts.path)[1].lower()
    return VIDEO_TYPES.get(extension, "")
