"""
A small published site made with the test factories, and the public page types
the browser tests visit.

To cover a new page type, add a function to ``PUBLIC_PAGES`` that takes the site
(and may make more content with the factories) and returns the page's address.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from events.models import Event, Presenter
from pages.models import Page
from recoverysite.models import SiteSettings
from tests.factories import (
    make_article,
    make_event,
    make_image,
    make_image_file,
    make_page,
    make_presenter,
    make_series,
    make_user,
)

WELCOME = "New here? Start with Questions and Answers."


@dataclass
class Site:
    settings: SiteSettings
    start_page: Page
    article: Article
    older_article: Article
    event: Event
    past_event: Event
    presenter: Presenter


def make_site():
    """
    Site texts, a start page in the menu, tagged articles with images, an upcoming
    webinar and a past one with its recording.
    """
    author = make_user(display_name="Ron", first_name="Ron")
    start_page = make_page(
        title="Questions and Answers",
        slug="questions-and-answers",
        show_in_menu=True,
        body=(
            "<h2>What is recovery?</h2><p>Recovery is a life worth living, on your "
            "own terms.</p><blockquote><p>Hope is where it starts.</p></blockquote>"
        ),
    )
    make_page(title="About", slug="about", show_in_menu=True, menu_order=1)
    privacy_page = make_page(title="Privacy", slug="privacy")
    settings = SiteSettings.load()
    settings.name = "Recovery Dialogues"
    settings.tagline = "Conversations about mental health recovery."
    settings.welcome = WELCOME
    settings.start_page = start_page
    settings.footer_text = "Nothing here is medical advice."
    settings.crisis_notice = "If you are in crisis, call or text 988 in the US."
    settings.privacy_page = privacy_page
    settings.save()

    now = timezone.now()
    yesterday = now - datetime.timedelta(days=1)
    last_year = timezone.localtime(yesterday).year - 1
    older_article = make_article(
        title="Listening before advising",
        summary="What people in recovery wish their helpers knew.",
        author=author,
        tags=["Listening"],
        published_at=timezone.make_aware(datetime.datetime(last_year, 6, 15, 9)),
        featured_image=make_image(
            make_image_file("listening.jpg", size=(960, 540)),
            alt="A quiet room with two chairs.",
        ),
    )
    article = make_article(
        title="Hope is a practice",
        summary="Small daily steps that keep hope within reach.",
        body=(
            "<p>Hope is not a feeling you wait for.</p><h2>Start small</h2>"
            "<ul><li>One walk.</li><li>One call.</li></ul>"
        ),
        content_note="Mentions hospital stays.",
        author=author,
        tags=["Hope", "Daily life"],
        published_at=yesterday,
        featured_image=make_image(
            make_image_file("hope.jpg", size=(960, 540)),
            alt="Morning light over a calm lake.",
        ),
    )
    for number in range(3):
        make_article(
            title=f"Notes from the group, part {number + 1}",
            author=author,
            tags=["Hope"],
            published_at=now - datetime.timedelta(days=2 + number),
        )
    presenter = make_presenter(name="Maya Lindqvist", pronouns="she/her")
    event = make_event(
        title="Listening without fixing",
        presenters=[presenter],
        tags=["Hope"],
        featured_image=make_image(
            make_image_file("listening-event.jpg", size=(960, 540)),
            alt="Two chairs facing a window.",
        ),
    )
    past_event = make_event(
        title="The hope of harm reduction",
        presenters=[presenter],
        start=now - datetime.timedelta(days=20),
        recording_url="https://www.youtube.com/watch?v=Hq4mR7dPz2E",
    )
    return Site(
        settings, start_page, article, older_article, event, past_event, presenter
    )


PUBLIC_PAGES = {
    "home": lambda site: reverse("home"),
    "article list": lambda site: reverse("articles:list"),
    "article": lambda site: site.article.get_absolute_url(),
    "page": lambda site: site.start_page.get_absolute_url(),
    "tag": lambda site: reverse("pages:tag", kwargs={"slug": "hope"}),
    "year archive": lambda site: reverse(
        "articles:archive-year",
        kwargs={"year": timezone.localtime(site.article.published_at).year},
    ),
    "event list": lambda site: reverse("events:list"),
    "event": lambda site: site.event.get_absolute_url(),
    "past event with recording": lambda site: site.past_event.get_absolute_url(),
    "presenter": lambda site: site.presenter.get_absolute_url(),
    "author": lambda site: site.article.author.get_absolute_url(),
    "series": lambda site: make_series(
        title="Tuesday circle",
        registration_mode=Event.RegistrationMode.REQUIRED,
    ).get_absolute_url(),
    "search results": lambda site: reverse("search:results") + "?q=hope",
    "contact form": lambda site: reverse("contact:form"),
    "404": lambda site: "/no-such-page/",
}
