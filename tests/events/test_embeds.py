import datetime
import re

import pytest

from events.embeds import Embed, parse_recording_url, video_file_type
from tests.factories import make_event, make_image, make_image_file


@pytest.mark.parametrize(
    "url, embed",
    [
        (
            "https://www.youtube.com/watch?v=Hq4mR7dPz2E",
            Embed("youtube", "Hq4mR7dPz2E"),
        ),
        (
            "https://youtube.com/watch?feature=share&v=Hq4mR7dPz2E&t=42",
            Embed("youtube", "Hq4mR7dPz2E"),
        ),
        ("https://m.youtube.com/watch?v=Hq4mR7dPz2E", Embed("youtube", "Hq4mR7dPz2E")),
        ("https://youtu.be/Hq4mR7dPz2E?si=tracking", Embed("youtube", "Hq4mR7dPz2E")),
        ("https://www.youtube.com/live/Hq4mR7dPz2E", Embed("youtube", "Hq4mR7dPz2E")),
        (
            "https://www.youtube-nocookie.com/embed/Hq4mR7dPz2E",
            Embed("youtube", "Hq4mR7dPz2E"),
        ),
        ("https://vimeo.com/76979871", Embed("vimeo", "76979871")),
        (
            "https://vimeo.com/76979871/8272103f6e",
            Embed("vimeo", "76979871", "8272103f6e"),
        ),
        (
            "https://player.vimeo.com/video/76979871?h=8272103f6e",
            Embed("vimeo", "76979871", "8272103f6e"),
        ),
    ],
)
def test_youtube_and_vimeo_addresses_can_be_embedded(url, embed):
    assert parse_recording_url(url) == embed


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://example.org/recording.mp4",
        "https://www.youtube.com.example.org/watch?v=Hq4mR7dPz2E",
        "https://example.org/?next=https://www.youtube.com/watch?v=Hq4mR7dPz2E",
        "javascript:alert(1)//youtube.com/watch?v=Hq4mR7dPz2E",
        "https://www.youtube.com/watch?v=too-short",
        "https://www.youtube.com/watch?v=Hq4mR7dPz2E%22onload%3D",
        "https://www.youtube.com/playlist?list=PL123",
        "https://vimeo.com/channels/staffpicks",
        "https://vimeo.com/76979871/not-a-hash!",
        "https://facebook.com/watch?v=Hq4mR7dPz2E",
    ],
)
def test_other_addresses_are_not_embedded(url):
    assert parse_recording_url(url) is None


def test_watch_link_drops_tracking_parameters():
    embed = parse_recording_url("https://youtu.be/Hq4mR7dPz2E?si=tracking")

    assert embed.watch_url == "https://www.youtube.com/watch?v=Hq4mR7dPz2E"
    assert embed.provider_name == "YouTube"


def test_unlisted_vimeo_watch_link_keeps_its_hash():
    embed = parse_recording_url("https://player.vimeo.com/video/76979871?h=8272103f6e")

    assert embed.watch_url == "https://vimeo.com/76979871/8272103f6e"


@pytest.fixture
def recorded_event(db, now):
    return make_event(
        title="The Hope of Harm Reduction",
        start=now - datetime.timedelta(days=2),
        recording_url="https://youtu.be/Hq4mR7dPz2E?si=tracking",
        featured_image=make_image(make_image_file(), alt="Soft shapes."),
    )


def test_recorded_event_page_requests_nothing_from_the_video_site(
    client, recorded_event
):
    html = client.get(recorded_event.get_absolute_url()).content.decode()

    # Before a click the page holds one address at another site: the video link
    # (schema.org names the JSON-LD vocabulary; nothing is fetched from it).
    hosts = re.findall(r"https?://([^/\"'\s?]+)", html)
    assert sorted(set(hosts) - {"127.0.0.1:8000", "schema.org"}) == ["www.youtube.com"]
    assert hosts.count("www.youtube.com") == 1
    assert not re.search(r"ytimg|nocookie|googlevideo", html)
    assert (
        '<a href="https://www.youtube.com/watch?v=Hq4mR7dPz2E">Watch “The Hope of '
        "Harm Reduction” on YouTube</a>"
    ) in html
    assert "<iframe" not in html
    assert "vimeo" not in html
    # Everything the page loads (images, scripts, styles) comes from this site.
    loaded = re.findall(r'\b(?:src|srcset|poster|data)="([^"]*)"', html)
    for link in re.findall(r"<link[^>]*>", html):
        # Canonical and alternate links name addresses; the others load them.
        if not re.search(r'rel="(canonical|alternate)"', link):
            loaded += re.findall(r'href="([^"]*)"', link)
    assert loaded
    assert all(address.startswith("/") for address in loaded), loaded


def test_the_player_is_a_local_poster_with_a_play_button(client, recorded_event):
    html = client.get(recorded_event.get_absolute_url()).content.decode()

    assert re.search(
        r'<div class="embed" data-embed-provider="youtube" '
        r'data-embed-id="Hq4mR7dPz2E" data-embed-title="The Hope of Harm Reduction" '
        r'hidden>\s*<picture><source type="image/webp" [^>]*><img src="/media/',
        html,
    )
    assert '<button type="button" class="embed__play">' in html
    assert "Playing connects to YouTube." in html
    assert re.search(r'<script src="[^"]*events/recording.js" defer></script>', html)


def test_the_only_inline_script_is_the_json_ld(client, recorded_event):
    html = client.get(recorded_event.get_absolute_url()).content.decode()

    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline == [' type="application/ld+json"']
    assert "onclick" not in html


def test_a_recording_we_cannot_embed_stays_a_plain_link(client, db, now):
    event = make_event(
        start=now - datetime.timedelta(days=2),
        recording_url="https://archive.example.org/hope.mp4",
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert (
        '<a href="https://archive.example.org/hope.mp4">Watch the recording on '
        "archive.example.org</a>"
    ) in html
    assert "data-embed-provider" not in html
    assert "recording.js" not in html


def test_the_recording_script_builds_only_privacy_enhanced_players():
    from django.contrib.staticfiles import finders

    script = open(finders.find("events/recording.js"), encoding="utf-8").read()

    players = re.findall(r'"(https://[^"]+)"', script)
    assert players == [
        "https://www.youtube-nocookie.com/embed/",
        "https://player.vimeo.com/video/",
    ]
    assert '"?dnt=1&autoplay=1"' in script


def test_a_video_file_on_the_site_plays_in_the_page_with_its_captions(client, db, now):
    event = make_event(
        start=now - datetime.timedelta(days=2),
        recording_url="/media/recordings/hope.mp4",
        captions_file="captions/hope.vtt",
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert '<video class="recording__video" controls preload="metadata">' in html
    assert '<source src="/media/recordings/hope.mp4" type="video/mp4">' in html
    assert (
        '<track kind="captions" src="/media/captions/hope.vtt" srclang="en" '
        'label="Captions" default>'
    ) in html
    assert '<a href="/media/recordings/hope.mp4" download>' in html


def test_a_video_file_without_captions_plays_without_a_track(client, db, now):
    event = make_event(
        start=now - datetime.timedelta(days=2),
        recording_url="http://127.0.0.1:8000/media/talk.webm",
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert 'type="video/webm"' in html
    assert "<track" not in html


@pytest.mark.parametrize(
    "url, kind",
    [
        ("/media/recordings/hope.mp4", "video/mp4"),
        ("/media/recordings/HOPE.M4V", "video/mp4"),
        ("/media/talk.webm?download=1", "video/webm"),
        ("https://archive.example.org/hope.mp4", ""),
        ("/media/recordings/hope.mov", ""),
        ("recordings/hope.mp4", ""),
        ("javascript:alert(1)//.mp4", ""),
    ],
)
def test_only_video_files_of_the_site_are_played_by_the_browser(url, kind, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    assert video_file_type(url) == kind
