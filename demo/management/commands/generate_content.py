"""
A large, realistic site for measuring speed: years of articles, webinars with
presenters and recordings, a hundred thousand comments and one long discussion.

    manage.py generate_content --articles 10000 --events 500 --comments 100000 \
        --threaded-article-comments 200 --short-discussion-comments 51

Rows go in with bulk_create(), a batch at a time, with the fields that the models'
save() would derive (slugs, thread positions, search vectors) worked out here.
"""

import datetime
import random
import time

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from articles.models import Article
from comments.models import Comment, CommentStatus, thread_cache_tag
from events.models import Event, EventPresenter, Presenter
from pagecache.tags import invalidate
from pages.models import Page
from recoverysite.models import SiteSettings, User
from recoverysite.publishing import Status
from search.models import full_text_available

SLUG_PREFIX = "generated"
BATCH = 2000
YEARS = 8

WORDS = (
    "recovery hope peer support listening voices community rest sleep walk friend "
    "group morning evening kindness breath garden letter story change trust courage "
    "quiet space together learning honest gentle step healing grief anxiety family "
    "work meaning choice dialogue open respect shelter music body nature river "
    "patience boundary crisis planning medication withdrawal harm reduction belonging "
    "journal listening circle survivor advocate training practice"
).split()
# Less common words, a few in every text, so that a search finds some texts
# rather than nearly all of them.
RARE_WORDS = (
    "lithium tapering insomnia mindfulness psychiatrist ward discharge peerwork "
    "advance directive relapse resilience stigma disclosure employment benefits "
    "housing first outreach respite warmline helpline volunteer facilitator "
    "curriculum workshop retreat poetry painting gardening cooking running cycling "
    "swimming yoga meditation prayer ritual ancestors migration language interpreter "
    "rural isolation loneliness dignity consent coercion restraint seclusion "
    "tribunal advocacy rights charter petition campaign newsletter podcast archive "
    "memoir zine mural choir drumming dance theatre clown comedy laughter puppy "
    "horse allotment beekeeping birdsong lighthouse harbour mountain desert forest "
    "winter spring summer autumn sunrise midnight kitchen library bus train bicycle"
).split()
FIRST_NAMES = (
    "Alex Sam Jordan Priya Judith Omar Lena Kofi Mei Ana Tomas Ruth Dev Noor Iris "
    "Malik Grace Hugo Ines Yusuf Clara Ben Aiko Rosa Theo"
).split()
LAST_NAMES = (
    "Rivera Okafor Lindqvist Nakamura Haddad Moreau Walker Costa Singh Brennan "
    "Fischer Mensah Alvarez Kowalski Duarte Hughes"
).split()
TAG_NAMES = [
    "peer support",
    "hearing voices",
    "open dialogue",
    "harm reduction",
    "medication",
    "withdrawal",
    "family",
    "trauma",
    "sleep",
    "grief",
    "anxiety",
    "psychosis",
    "crisis planning",
    "advocacy",
    "housing",
    "work",
    "creativity",
    "nature",
    "spirituality",
    "community",
]
RECORDINGS = [
    "https://www.youtube.com/watch?v=SQEQr7c0-dw",
    "https://vimeo.com/76979871",
    "https://archive.org/details/recovery-dialogues",
]


class Command(BaseCommand):
    help = (
        "Fill the database with a large generated site (articles, events, "
        "presenters, comments) to measure the site's speed. Use an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10000)
        parser.add_argument("--events", type=int, default=500)
        parser.add_argument(
            "--comments",
            type=int,
            default=100000,
            help="Published comments spread over the articles and events.",
        )
        parser.add_argument(
            "--threaded-article-comments",
            type=int,
            default=200,
            help="Published comments, nested to the deepest level, on one article.",
        )
        parser.add_argument(
            "--short-discussion-comments",
            type=int,
            default=0,
            help=(
                "Published comments on a second article in threads of three "
                "(a comment, a reply and a reply to it), the shape of a typical "
                "blog discussion."
            ),
        )
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        counts = {
            name: options[name]
            for name in (
                "articles",
                "events",
                "comments",
                "threaded_article_comments",
                "short_discussion_comments",
            )
        }
        for name, count in counts.items():
            if count < 0:
                raise CommandError(f"--{name.replace('_', '-')} cannot be negative.")
        if counts["articles"] < 1 and counts["threaded_article_comments"]:
            raise CommandError("A threaded discussion needs at least one article.")
        if counts["articles"] < 2 and counts["short_discussion_comments"]:
            raise CommandError("A short discussion needs at least two articles.")
        if Article.objects.filter(slug__startswith=f"{SLUG_PREFIX}-").exists():
            raise CommandError(
                "This database has generated content already. Run the command on "
                "an empty database (manage.py flush, or a new DATABASE_URL)."
            )
        started = time.monotonic()
        generator = Generator(random.Random(options["seed"]), timezone.now())
        with transaction.atomic():
            generator.run(**counts)
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would gather them: without them the
            # planner guesses one row per table and picks slow plans.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        for line in generator.report:
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s.")
        )


class Generator:
    def __init__(self, rng, now):
        self.rng = rng
        self.now = now
        self.report = []

    def run(
        self,
        articles,
        events,
        comments,
        threaded_article_comments,
        short_discussion_comments=0,
    ):
        self.site_texts()
        authors = self.authors(max(1, min(40, articles // 250 + 3)))
        tags = self.tags()
        article_rows = self.articles(articles, authors, tags)
        presenters = self.presenters(max(1, min(150, events // 4 + 1)) if events else 0)
        event_rows = self.events(events, presenters, tags)
        # The discussions' articles get no other comments.
        discussed = 0
        if threaded_article_comments:
            self.threaded_discussion(article_rows[0], threaded_article_comments)
            discussed = 1
        if short_discussion_comments:
            self.threaded_discussion(
                article_rows[discussed], short_discussion_comments, replies=1, deepest=2
            )
            discussed += 1
        self.comments(comments, article_rows[discussed:], event_rows)
        self.search_vectors()
        targets = [*article_rows, *event_rows]
        invalidate(
            "site",
            "articles",
            "events",
            "comment-counts",
            "comment-forms",
            *(thread_cache_tag(type(target), target.pk) for target in targets),
        )

    # Words

    def words(self, count):
        return " ".join(
            self.rng.choice(RARE_WORDS if self.rng.random() < 0.05 else WORDS)
            for _ in range(count)
        )

    def sentence(self, low=8, high=18):
        return self.words(self.rng.randint(low, high)).capitalize() + "."

    def paragraph(self, sentences=4):
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self):
        return self.words(self.rng.randint(3, 7)).capitalize()

    def body(self, paragraphs):
        parts = []
        for number in range(paragraphs):
            if number and number % 3 == 0:
                parts.append(f"<h2>{self.title()}</h2>")
            parts.append(f"<p>{self.paragraph(self.rng.randint(3, 6))}</p>")
        if self.rng.random() < 0.3:
            items = "".join(f"<li>{self.sentence(3, 8)}</li>" for _ in range(4))
            parts.append(f"<ul>{items}</ul>")
        return "\n".join(parts)

    def name(self):
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def moment_in_last_years(self):
        return self.now - datetime.timedelta(
            seconds=self.rng.randint(3600, YEARS * 365 * 24 * 3600)
        )

    # Rows

    def site_texts(self):
        site = SiteSettings.load()
        if not site.tagline:
            site.tagline = "Conversations about recovery, in our own words"
            site.crisis_notice = (
                "If you are in crisis, call or text 988 (US) or your local line."
            )
            site.save()
        for order, title in enumerate(["About", "Questions and answers", "Contact"]):
            slug = slugify(title)
            if not Page.objects.filter(slug=slug, parent=None).exists():
                Page.objects.create(
                    title=title,
                    slug=slug,
                    body=self.body(4),
                    status=Status.PUBLISHED,
                    published_at=self.now - datetime.timedelta(days=YEARS * 365),
                    show_in_menu=True,
                    menu_order=order,
                )

    def authors(self, count):
        password = make_password(None)
        users = [
            User(
                username=f"{SLUG_PREFIX}-author-{number}",
                display_name=self.name(),
                slug=f"{SLUG_PREFIX}-author-{number}",
                bio=self.sentence(),
                password=password,
            )
            for number in range(1, count + 1)
        ]
        User.objects.bulk_create(users, batch_size=BATCH)
        self.report.append(f"{count} authors")
        return list(User.objects.filter(username__startswith=f"{SLUG_PREFIX}-"))

    def tags(self):
        existing = {tag.name.lower(): tag for tag in Tag.objects.all()}
        new = [
            Tag(name=name, slug=slugify(name))
            for name in TAG_NAMES
            if name not in existing
        ]
        Tag.objects.bulk_create(new)
        return list(Tag.objects.filter(name__in=TAG_NAMES))

    def tag_rows(self, objects, tags):
        content_type = ContentType.objects.get_for_model(type(objects[0]))
        # A few tags are much more common than the others, as on real sites.
        weights = [1 / (rank + 1) for rank in range(len(tags))]
        rows = []
        for obj in objects:
            chosen = set(self.rng.choices(tags, weights, k=self.rng.randint(1, 4)))
            rows += [
                TaggedItem(tag=tag, content_type=content_type, object_id=obj.pk)
                for tag in chosen
            ]
        TaggedItem.objects.bulk_create(rows, batch_size=BATCH)
        return len(rows)

    def articles(self, count, authors, tags):
        if not count:
            return []
        rows = []
        for number in range(1, count + 1):
            title = self.title()
            published = self.moment_in_last_years()
            status = Status.PUBLISHED
            if number % 200 == 0:
                status = Status.DRAFT
            elif number % 250 == 0:
                published = self.now + datetime.timedelta(days=self.rng.randint(1, 60))
            rows.append(
                Article(
                    title=title,
                    slug=f"{SLUG_PREFIX}-{number}-{slugify(title)}"[:200],
                    author=self.rng.choice(authors),
                    summary=self.sentence(12, 30)[:300],
                    body=self.body(self.rng.randint(4, 12)),
                    content_note="Mentions self-harm." if number % 40 == 0 else "",
                    status=status,
                    published_at=published,
                    updated_at=published,
                )
            )
        # A recent article carries the long discussion, which took two days.
        rows[0].published_at = rows[0].updated_at = self.now - datetime.timedelta(
            days=2
        )
        rows[0].status = Status.PUBLISHED
        Article.objects.bulk_create(rows, batch_size=BATCH)
        rows = list(
            Article.objects.filter(slug__startswith=f"{SLUG_PREFIX}-")
            .only("pk", "slug", "published_at", "status")
            .order_by("pk")
        )
        tagged = self.tag_rows(rows, tags)
        self.report.append(f"{count} articles over {YEARS} years, {tagged} tags given")
        return rows

    def presenters(self, count):
        rows = []
        for number in range(1, count + 1):
            name = self.name()
            rows.append(
                Presenter(
                    name=name,
                    slug=f"{SLUG_PREFIX}-{number}-{slugify(name)}",
                    role=self.rng.choice(
                        ["Peer support trainer", "Facilitator", "Researcher", ""]
                    ),
                    affiliation=self.rng.choice(
                        ["Wildflower Alliance", "Hearing Voices Network", ""]
                    ),
                    short_bio=self.sentence(10, 25)[:300],
                    bio=self.body(3),
                )
            )
        Presenter.objects.bulk_create(rows, batch_size=BATCH)
        self.report.append(f"{count} presenters")
        return list(Presenter.objects.filter(slug__startswith=f"{SLUG_PREFIX}-"))

    def events(self, count, presenters, tags):
        if not count:
            return []
        rows = []
        upcoming = max(1, count // 50)
        for number in range(1, count + 1):
            title = self.title()
            # A few are still to come; the others took place over the years.
            if number <= upcoming:
                start = self.now + datetime.timedelta(
                    days=self.rng.randint(1, 90), hours=self.rng.randint(0, 23)
                )
            else:
                start = self.moment_in_last_years()
            start = start.replace(minute=0, second=0, microsecond=0)
            end = start + datetime.timedelta(minutes=self.rng.choice([60, 90, 120]))
            past = end < self.now
            # Announced a month ahead, or lately for the next few weeks.
            announced = min(
                start - datetime.timedelta(days=30),
                self.now - datetime.timedelta(hours=self.rng.randint(1, 48)),
            )
            rows.append(
                Event(
                    title=title,
                    slug=f"{SLUG_PREFIX}-{number}-{slugify(title)}"[:200],
                    summary=self.sentence(12, 30)[:300],
                    description=self.body(self.rng.randint(3, 8)),
                    start=start,
                    end=end,
                    time_zone=self.rng.choice(
                        ["America/Los_Angeles", "America/New_York", "Europe/London"]
                    ),
                    registration_url="" if past else "https://example.org/register",
                    join_url="" if past else "https://example.org/join",
                    recording_url=(
                        self.rng.choice(RECORDINGS) if past and number % 2 == 0 else ""
                    ),
                    transcript=self.body(6) if past and number % 6 == 0 else "",
                    status=Status.PUBLISHED,
                    published_at=announced,
                    updated_at=announced,
                )
            )
        Event.objects.bulk_create(rows, batch_size=BATCH)
        rows = list(
            Event.objects.filter(slug__startswith=f"{SLUG_PREFIX}-")
            .only("pk", "slug", "status", "published_at", "start", "end")
            .order_by("pk")
        )
        links = []
        for event in rows:
            chosen = self.rng.sample(presenters, k=min(len(presenters), 3))
            for order, presenter in enumerate(chosen[: self.rng.randint(1, 3)]):
                role = (
                    EventPresenter.Role.HOST if order else EventPresenter.Role.PRESENTER
                )
                links.append(
                    EventPresenter(
                        event=event, presenter=presenter, role=role, order=order
                    )
                )
        EventPresenter.objects.bulk_create(links, batch_size=BATCH)
        self.tag_rows(rows, tags)
        self.report.append(
            f"{count} events ({upcoming} upcoming), {len(links)} presenter slots"
        )
        return rows

    def comment(self, target, content_type, submitted, level=0):
        return Comment(
            content_type=content_type,
            object_pk=str(target.pk),
            site_id=settings.SITE_ID,
            user_name=self.name(),
            user_email=f"reader{self.rng.randint(1, 5000)}@example.org",
            comment=" ".join(self.sentence() for _ in range(self.rng.randint(1, 4))),
            submit_date=submitted,
            status=CommentStatus.PUBLISHED,
            moderators_notified=True,
            level=level,
        )

    def comments(self, count, articles, events):
        """Comments on published items, a quarter of them replies, few per item."""
        targets = [
            item
            for item in [*articles, *events]
            if item.published_at <= self.now
            and getattr(item, "status", "published") == Status.PUBLISHED
        ]
        if not count:
            return
        if not targets:
            raise CommandError("Comments need at least one published article or event.")
        # A few items collect many more comments than the others.
        weights = [1 + (index % 17 == 0) * 20 for index in range(len(targets))]
        chosen = self.rng.choices(targets, weights, k=count)
        by_target = {}
        for target in chosen:
            by_target[target] = by_target.get(target, 0) + 1
        content_types = {
            model: ContentType.objects.get_for_model(model)
            for model in (Article, Event)
        }
        batch = []
        for target, number in by_target.items():
            content_type = content_types[type(target)]
            # Past events are discussed after they took place, others once announced.
            end = getattr(target, "end", None)
            since = end if end and end < self.now else target.published_at
            span = max(int((self.now - since).total_seconds()), 60)
            dates = sorted(
                since + datetime.timedelta(seconds=self.rng.randint(1, span))
                for _ in range(number)
            )
            root = None
            for submitted in dates:
                if root is not None and self.rng.random() < 0.25:
                    row = self.comment(target, content_type, submitted, level=1)
                    root.nested_count += 1
                    row.order = root.nested_count + 1
                    batch.append((row, root, root))
                else:
                    root = self.comment(target, content_type, submitted)
                    batch.append((root, None, None))
            if len(batch) >= BATCH:
                Comment.objects.insert_threads(batch)
                batch = []
        Comment.objects.insert_threads(batch)
        self.report.append(f"{count} comments on {len(by_target)} items")

    def threaded_discussion(self, article, count, replies=2, deepest=None):
        """``count`` comments on one article: each comment gets ``replies``
        replies, down to the ``deepest`` level (by default as deep as allowed)."""
        content_type = ContentType.objects.get_for_model(Article)
        max_level = settings.COMMENTS_XTD_MAX_THREAD_LEVEL
        if deepest is not None:
            max_level = min(max_level, deepest)
        moment = [article.published_at]

        def later():
            moment[0] += datetime.timedelta(minutes=self.rng.randint(1, 10))
            return min(moment[0], self.now)

        threads = []
        made = 0
        while made < count:
            # Each thread: a comment, its replies, the replies to each reply…
            rows = [(self.comment(article, content_type, later()), None)]
            made += 1
            frontier = [0]
            while frontier and made < count:
                parent_index = frontier.pop(0)
                parent = rows[parent_index][0]
                if parent.level == max_level:
                    continue
                for _ in range(replies):
                    if made == count:
                        break
                    rows.append(
                        (
                            self.comment(
                                article, content_type, later(), level=parent.level + 1
                            ),
                            parent_index,
                        )
                    )
                    made += 1
                    frontier.append(len(rows) - 1)
            threads.append(rows)
        batch = []
        for rows in threads:
            for _row, parent_index in rows:
                while parent_index is not None:
                    rows[parent_index][0].nested_count += 1
                    parent_index = rows[parent_index][1]
            ordered = depth_first(rows)
            root = ordered[0][0]
            for position, (row, parent_index) in enumerate(ordered, start=1):
                row.order = position
                parent = rows[parent_index][0] if parent_index is not None else None
                batch.append((row, parent, None if row is root else root))
        Comment.objects.insert_threads(batch)
        self.report.append(
            f"{count} comments in {len(threads)} threads on “{article.slug}” "
            f"({article.get_absolute_url()})"
        )

    def search_vectors(self):
        if not full_text_available():
            return
        for model in (Article, Event, Presenter, Page):
            model._default_manager.update(
                search_vector=model.search_vector_expression()
            )
        self.report.append("search vectors filled")


def depth_first(rows):
    """(row, parent index) pairs in reading order: each comment, then its replies."""
    children = {}
    for index, (_row, parent_index) in enumerate(rows):
        children.setdefault(parent_index, []).append(index)
    ordered = []

    def visit(index):
        ordered.append(rows[index])
        for child in children.get(index, []):
            visit(child)

    visit(0)
    return ordered
