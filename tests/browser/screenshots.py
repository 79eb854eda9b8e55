"""
Screenshots of the demo site for the README: ``python -m tests.browser.screenshots``
(or ``make screenshots``); ``python -m tests.browser.screenshots image-library``
captures only the shots named.

Builds a throwaway site in a temporary folder (SQLite database, media files, the
demo content and an administrator), serves it with ``runserver`` on a free port
and captures each page in ``SHOTS`` at desktop and phone width into
docs/screenshots/<name>-desktop.png and <name>-phone.png. The project's own
database and media folder are never touched.

To add a page, add an entry to ``SHOTS``: a function that returns its address
from the demo content, or None when the app it needs is not installed.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
OUTPUT_DIR = BASE_DIR / "docs" / "screenshots"
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "screenshots only, thrown away"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int


VIEWPORTS = [Viewport("desktop", 1280, 900), Viewport("phone", 375, 812)]


def seed_article():
    from articles.models import Article
    from demo.articles import SEED_ARTICLE_SLUG

    return Article.objects.get(slug=SEED_ARTICLE_SLUG).get_absolute_url()


def seed_event():
    """The seed webinar, which carries the demo comment thread."""
    from django.apps import apps

    if not apps.is_installed("events"):
        return None
    from demo.events import SEED_EVENT_SLUG
    from events.models import Event

    return Event.objects.get(slug=SEED_EVENT_SLUG).get_absolute_url()


def image_library():
    from django.urls import reverse

    return reverse("admin:images_image_changelist")


def image_picker():
    from django.urls import reverse

    return reverse("admin:images_image_picker")


def admin_index():
    from django.urls import reverse

    return reverse("admin:index")


def library_image():
    """The seed article's picture in the image library's admin."""
    from django.urls import reverse

    from articles.models import Article
    from demo.articles import SEED_ARTICLE_SLUG

    image_id = Article.objects.get(slug=SEED_ARTICLE_SLUG).featured_image_id
    return reverse("admin:images_image_change", args=[image_id])


def article_form():
    from django.urls import reverse

    from articles.models import Article
    from demo.articles import SEED_ARTICLE_SLUG

    article = Article.objects.get(slug=SEED_ARTICLE_SLUG)
    return reverse("admin:articles_article_change", args=[article.pk])


BLOCKS_EXPORT = BASE_DIR / "tests" / "wordpress" / "fixtures" / "blocks.xml"


def imported_post(slug):
    """A post of the block-editor test export, imported (once) into the demo site."""

    def address():
        from django.core.management import call_command

        from articles.models import Article

        if not Article.objects.filter(slug=slug).exists():
            call_command("import_wordpress", str(BLOCKS_EXPORT), verbosity=0)
        return Article.objects.get(slug=slug).get_absolute_url()

    return address


def webinar_for_registrants():
    """The demo's webinar whose join link is for registrants only."""
    from demo.registrations import REGISTRATION_EVENT_SLUG
    from events.models import Event

    event = Event.objects.filter(slug=REGISTRATION_EVENT_SLUG).first()
    return event.get_absolute_url() if event else None


def registration_form():
    """That webinar's registration form, scrolled to."""
    address = webinar_for_registrants()
    return address + "#register" if address else None


def demo_series():
    """The demo's weekly group: its pattern, skipped date and next meetings."""
    from demo.series import SERIES_SLUG
    from events.models import EventSeries

    series = EventSeries.objects.filter(slug=SERIES_SLUG).first()
    return series.get_absolute_url() if series else None


@dataclass(frozen=True)
class Shot:
    name: str
    address: object  # a function returning the path to capture, or None to skip
    admin: bool = False
    full_page: bool = True


SHOTS = [
    Shot("home", lambda: "/"),
    Shot("article", seed_article),
    Shot("event", seed_event),
    Shot("event-registrants-only", webinar_for_registrants),
    Shot("registration-form", registration_form, full_page=False),
    Shot("series", demo_series),
    Shot("imported-table", imported_post("table")),
    Shot("imported-columns", imported_post("columns")),
    Shot("imported-footnotes", imported_post("footnotes")),
    Shot("imported-mixed", imported_post("mixed")),
    Shot("admin-dashboard", admin_index, admin=True, full_page=False),
    Shot("image-library", image_library, admin=True),
    Shot("image-library-change", library_image, admin=True),
    Shot("image-library-choice", article_form, admin=True),
    Shot("image-picker", image_picker, admin=True),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_site(folder):
    """Point Django at a fresh database in ``folder`` and fill it with the demo."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="recoverysite.settings",
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    get_user_model().objects.create_superuser(
        ADMIN_USERNAME, "admin@example.org", ADMIN_PASSWORD
    )


def serve(port, log):
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.2)
    server.terminate()
    log.flush()
    raise RuntimeError(f"The server did not start:\n{Path(log.name).read_text()}")


def load_everything(page):
    """Load lazy images now; wait until all images are decoded and the network rests."""
    page.evaluate(
        """async () => {
            const images = [...document.images];
            images.forEach((image) => { image.loading = "eager"; });
            await Promise.all(images.map((image) => image.decode().catch(() => null)));
        }"""
    )
    page.wait_for_load_state("networkidle")


def log_in(page):
    from django.urls import reverse

    page.goto(reverse("admin:login") + "?next=" + admin_index())
    page.get_by_label("Username").fill(ADMIN_USERNAME)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**" + admin_index())


def capture(base_url, shots):
    from playwright.sync_api import sync_playwright

    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        for viewport in VIEWPORTS:
            context = browser.new_context(
                base_url=base_url,
                viewport={"width": viewport.width, "height": viewport.height},
                color_scheme="light",
                reduced_motion="reduce",
            )
            page = context.new_page()
            logged_in = False
            for shot, address in shots:
                if shot.admin and not logged_in:
                    log_in(page)
                    logged_in = True
                page.goto(address)
                load_everything(page)
                path = OUTPUT_DIR / f"{shot.name}-{viewport.name}.png"
                page.screenshot(path=path, full_page=shot.full_page)
                print(f"{path.relative_to(BASE_DIR)}  ({address})")
            context.close()
        browser.close()


def main():
    if shutil.which("chromium") is None:
        sys.exit("Chromium is not installed (apt-get install chromium).")
    with tempfile.TemporaryDirectory(prefix="recoverysite-screenshots-") as folder:
        folder = Path(folder)
        build_site(folder)
        # Names on the command line capture only those shots.
        wanted = sys.argv[1:]
        shots = [
            (shot, shot.address())
            for shot in SHOTS
            if not wanted or shot.name in wanted
        ]
        for shot, address in shots:
            if address is None:
                print(f"Skipped {shot.name}: its app is not installed.")
        shots = [(shot, address) for shot, address in shots if address]
        port = free_port()
        with open(folder / "server.log", "w") as log:
            server = serve(port, log)
            try:
                capture(f"http://127.0.0.1:{port}", shots)
            finally:
                server.terminate()
                server.wait(timeout=10)


if __name__ == "__main__":
    main()
