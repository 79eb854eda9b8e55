"""
Demo events: the seed webinar (past, with its recording) and two upcoming
webinars dated from today, with their presenters; run by load_demo_content.
"""

import datetime
import re
import zoneinfo
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image, ImageDraw

from demo.seed_page import read_seed_page
from demo.site import draw_image, library_image
from events.models import Event, EventPresenter, Presenter
from recoverysite.publishing import Status

LOS_ANGELES = zoneinfo.ZoneInfo("America/Los_Angeles")
LONDON = zoneinfo.ZoneInfo("Europe/London")

SEED_EVENT_SLUG = "the-hope-of-harm-reduction"
SEED_EVENT_START = datetime.datetime(2025, 4, 15, 16, 0, tzinfo=LOS_ANGELES)
# A placeholder address: editors replace it with the real recording.
SEED_RECORDING_URL = "https://www.youtube.com/watch?v=Hq4mR7dPz2E"
IMAGE_ALT = "An abstract picture in soft colours."
PORTRAIT_ALT = "A placeholder portrait: a pale silhouette on a soft background."

PRESENTERS = [
    {
        "slug": "caroline-mazel-carlton",
        "name": "Caroline Mazel-Carlton",
        "role": "Director of Learning Opportunities",
        "affiliation": "Wildflower Alliance",
        "palette": ("#8a5a44", "#f1ddcf"),
    },
    {
        "slug": "maya-lindqvist",
        "name": "Maya Lindqvist",
        "pronouns": "she/her",
        "role": "Peer Support Trainer",
        "affiliation": "Harbor Light Peer Network",
        "short_bio": (
            "Maya trains peer supporters and families in conversations that make "
            "room for extreme states instead of arguing with them."
        ),
        "bio": (
            "<p>Maya Lindqvist spent her twenties in and out of hospital, and her "
            "thirties learning what actually helped her stay in her own life. She "
            "now trains peer supporters and family members for the Harbor Light "
            "Peer Network, with a focus on listening to experiences that others "
            "find frightening.</p>"
        ),
        "palette": ("#3e5f7a", "#dbe8f1"),
    },
    {
        "slug": "tomas-herrera",
        "name": "Tomás Herrera",
        "pronouns": "he/him",
        "role": "Director",
        "affiliation": "Open Door Peer Respite",
        "short_bio": (
            "Tomás runs a peer-staffed respite house where people in crisis can "
            "stay for a few nights as guests, not patients."
        ),
        "bio": (
            "<p>Tomás Herrera came to peer work after a long stay in a psychiatric "
            "unit that he describes as “safe, and nothing else.” He helped open "
            "Open Door Peer Respite, a house run entirely by people with lived "
            "experience, and has directed it since.</p>"
        ),
        "palette": ("#5c6b3a", "#e6ecd6"),
    },
    {
        "slug": "grace-whitfield",
        "name": "Grace Whitfield",
        "pronouns": "she/they",
        "role": "Hearing Voices Group Facilitator",
        "affiliation": "Northern Voices Collective",
        "short_bio": (
            "Grace facilitates hearing voices groups in the north of England and "
            "trains new facilitators."
        ),
        "bio": (
            "<p>Grace Whitfield has heard voices since childhood. For the last ten "
            "years they have facilitated hearing voices groups with the Northern "
            "Voices Collective and trained facilitators for groups in libraries, "
            "community centres and prisons.</p>"
        ),
        "palette": ("#6b4f74", "#eadff0"),
    },
]


def load(command):
    seed = read_seed_page()
    presenters = {text["slug"]: load_presenter(text, seed) for text in PRESENTERS}
    created = [
        create_event(
            slug=SEED_EVENT_SLUG,
            title=seed_event_title(seed.introduction),
            summary=(
                "Caroline Mazel-Carlton of the Wildflower Alliance on harm reduction "
                "dialogue approaches from peer-run communities, and how to use them "
                "in real life."
            ),
            description=paragraphs(seed.event_description),
            start=SEED_EVENT_START,
            duration=datetime.timedelta(minutes=90),
            published_at=SEED_EVENT_START - datetime.timedelta(days=21),
            recording_url=SEED_RECORDING_URL,
            recording_note=seed.recording_note,
            tags=["harm reduction", "peer support"],
            palette=("#2f6f62", "#e3efe9"),
            lineup=[(presenters["caroline-mazel-carlton"], "presenter")],
        )
    ]
    now = timezone.now()
    created.append(
        create_event(
            slug="listening-without-fixing",
            title="Listening Without Fixing: Staying Close to Someone in an "
            "Extreme State",
            summary=(
                "How families and friends can stay in the conversation when someone "
                "they love sees or hears things others do not, without arguing and "
                "without giving up."
            ),
            description=(
                "<p>When someone we love is in an extreme state, the urge to fix "
                "things is strong: correct the beliefs, find the right professional, "
                "make it stop. Often it pushes the person further away.</p>"
                "<p>In this webinar, Maya Lindqvist shares what peer-run communities "
                "have learned about listening first: how to ask about an experience "
                "without confirming or denying it, how to notice your own fear, and "
                "how to keep a connection that both of you can return to.</p>"
                "<p>There will be time for questions. You do not need to share "
                "anything about yourself to take part.</p>"
            ),
            start=local_day(now, days=10, zone=LOS_ANGELES, hour=10),
            duration=datetime.timedelta(minutes=75),
            published_at=now - datetime.timedelta(days=1),
            registration_url="https://example.org/register/listening-without-fixing",
            join_url="https://meet.example.org/listening-without-fixing",
            tags=["peer support", "families"],
            palette=("#3e5f7a", "#e8eef3"),
            lineup=[(presenters["maya-lindqvist"], "presenter")],
        )
    )
    created.append(
        create_event(
            slug="peer-respites-crisis-alternatives",
            title="Peer Respites: What Makes a Crisis Alternative Work",
            summary=(
                "A panel on peer-run respite houses and hearing voices groups: what "
                "they offer people in crisis, and what it takes to start one."
            ),
            description=(
                "<p>Peer respites are small houses, run by people with lived "
                "experience, where someone in crisis can stay for a few nights as a "
                "guest. Hearing voices groups offer something similar in a weekly "
                "circle: a place where experiences are listened to rather than "
                "managed.</p>"
                "<p>Tomás Herrera and Grace Whitfield talk about how their projects "
                "began, what they would do differently, and how communities on "
                "either side of the Atlantic can start their own. Maya Lindqvist "
                "moderates.</p>"
            ),
            start=local_day(now, days=40, zone=LONDON, hour=17),
            duration=datetime.timedelta(minutes=90),
            published_at=now - datetime.timedelta(days=1),
            registration_url="https://example.org/register/peer-respites",
            join_url="https://meet.example.org/peer-respites",
            # A circle where people talk about crises: the link is for registrants.
            registration_mode=Event.RegistrationMode.REQUIRED,
            tags=["peer support", "crisis alternatives"],
            palette=("#5c6b3a", "#eef2e4"),
            lineup=[
                (presenters["tomas-herrera"], "panelist"),
                (presenters["grace-whitfield"], "panelist"),
                (presenters["maya-lindqvist"], "moderator"),
            ],
        )
    )
    command.stdout.write(f"{sum(created)} of {len(created)} demo events created.")


def seed_event_title(introduction):
    """The quoted title in the seed's “On Tuesday, 4/15/25, a webinar …” line."""
    line = next(text for text in introduction if text.startswith("On Tuesday"))
    return re.search(r"“(.+?)”", line).group(1)


def paragraphs(texts):
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def local_day(now, *, days, zone, hour):
    """``days`` from ``now`` at ``hour`` o'clock in ``zone``."""
    day = now.astimezone(zone).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


def load_presenter(text, seed):
    """The presenter with the text's slug, created with a portrait if missing."""
    text = dict(text)
    slug, palette = text.pop("slug"), text.pop("palette")
    if text["name"] == "Caroline Mazel-Carlton":
        text["bio"] = f"<p>{escape(seed.presenter_bio)}</p>"
        text["short_bio"] = seed.presenter_bio.split(". ")[0] + "."
    presenter = Presenter.objects.filter(slug=slug).first()
    if presenter:
        return presenter
    presenter = Presenter(slug=slug, **text)
    presenter.photo = library_image(
        draw_portrait(palette, seed=slug), f"{slug}.jpg", PORTRAIT_ALT
    )
    presenter.save()
    return presenter


def draw_portrait(palette, seed, size=600):
    """A placeholder portrait: a soft silhouette over the demo background."""
    with Image.open(draw_image(palette, seed, size=(size, size))) as background:
        image = background.convert("RGB")
    draw = ImageDraw.Draw(image)
    pale = (255, 255, 255)
    head = size * 0.17
    draw.ellipse(
        (size / 2 - head, size * 0.2, size / 2 + head, size * 0.2 + 2.3 * head),
        fill=pale,
    )
    draw.ellipse((size * 0.18, size * 0.66, size * 0.82, size * 1.25), fill=pale)
    output = BytesIO()
    image.save(output, "JPEG", quality=85)
    return ContentFile(output.getvalue())


def create_event(*, slug, start, duration, tags, palette, lineup, **fields):
    """Create the event unless it exists; an editor's later changes are kept."""
    if Event.objects.filter(slug=slug).exists():
        return False
    event = Event(
        slug=slug,
        status=Status.PUBLISHED,
        start=start,
        end=start + duration,
        time_zone=start.tzinfo.key,
        featured_image=library_image(
            draw_image(palette, seed=slug), f"{slug}.jpg", IMAGE_ALT
        ),
        **fields,
    )
    event.save()
    event.tags.set(tags)
    for order, (presenter, role) in enumerate(lineup):
        EventPresenter.objects.create(
            event=event, presenter=presenter, role=role, order=order
        )
    return True
