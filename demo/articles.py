"""Demo articles: the seed page's article and a dozen more; run by load_demo_content."""

import datetime

from django.utils import timezone
from django.utils.html import escape

from articles.models import Article
from demo import texts
from demo.seed_page import read_seed_page
from demo.site import OWNER_USERNAME, draw_image, library_image
from recoverysite.models import User
from recoverysite.publishing import Status

SEED_ARTICLE_SLUG = "what-professionals-need-to-learn"
SEED_ARTICLE_DATE = datetime.datetime(2025, 4, 8, 9, 0, tzinfo=datetime.UTC)


def load(command):
    owner = User.objects.get(username=OWNER_USERNAME)
    seed = read_seed_page()
    created = [
        create_article(
            slug=SEED_ARTICLE_SLUG,
            title=seed.title,
            summary=seed.introduction[0],
            body="".join(
                f"<p>{escape(paragraph)}</p>" for paragraph in seed.introduction
            ),
            tags=texts.SEED_ARTICLE_TAGS,
            published_at=SEED_ARTICLE_DATE,
            palette=("#2f6f62", "#e3efe9"),
            author=owner,
        )
    ]
    now = timezone.now()
    for text in texts.ARTICLES:
        created.append(
            create_article(
                slug=text["slug"],
                title=text["title"],
                summary=text["summary"],
                body=text["body"],
                content_note=text["content_note"],
                tags=text["tags"],
                published_at=now - datetime.timedelta(days=text["days_ago"]),
                palette=text["palette"],
                author=owner,
            )
        )
    command.stdout.write(f"{sum(created)} of {len(created)} demo articles created.")


def create_article(*, slug, tags, palette, **fields):
    """Create the article unless it exists; an editor's later changes are kept."""
    if Article.objects.filter(slug=slug).exists():
        return False
    article = Article(slug=slug, status=Status.PUBLISHED, **fields)
    article.featured_image = library_image(
        draw_image(palette, seed=slug),
        f"{slug}.jpg",
        "An abstract picture in soft colours.",
    )
    article.save()
    article.tags.set(tags)
    return True
