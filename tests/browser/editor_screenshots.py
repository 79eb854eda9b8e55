"""
Annotated screenshots of the admin for the editors' guide (docs/editors.md):
``python -m tests.browser.editor_screenshots`` (also run by ``make screenshots``).

Like tests/browser/screenshots.py it builds a throwaway demo site in a temporary
folder and serves it; then it adds what the guide shows (a draft, a scheduled
article, two saved versions, one account per role), walks through each task in
Chromium and draws numbered callouts onto the page before each capture. The
numbers match the lists in docs/editors.md. Running it again replaces the images.
"""

import datetime
import os
import shutil
import sys
import tempfile
from pathlib import Path

from tests.browser.screenshots import (
    ADMIN_PASSWORD,
    ADMIN_USERNAME,
    BASE_DIR,
    CHROMIUM_ARGS,
    build_site,
    free_port,
    serve,
)

OUTPUT_DIR = BASE_DIR / "docs" / "screenshots" / "editors"
ROLE_PASSWORD = "demo only, thrown away"
VIEWPORT = {"width": 1280, "height": 900}
PHONE_VIEWPORT = {"width": 390, "height": 844}

# Numbered circles and outlines drawn over the page, removed by the next goto.
ANNOTATE = """(callouts) => {
    callouts.forEach(([selector, number]) => {
        const target = document.querySelector(selector);
        if (!target) throw new Error("No element for " + number + ": " + selector);
        const box = target.getBoundingClientRect();
        const outline = document.createElement("div");
        Object.assign(outline.style, {
            position: "absolute", zIndex: 10000, pointerEvents: "none",
            left: (box.left + scrollX - 4) + "px", top: (box.top + scrollY - 4) + "px",
            width: (box.width + 8) + "px", height: (box.height + 8) + "px",
            border: "3px solid #d6336c", borderRadius: "6px",
        });
        const badge = document.createElement("div");
        badge.textContent = number;
        Object.assign(badge.style, {
            position: "absolute", zIndex: 10001, pointerEvents: "none",
            left: Math.max(box.left + scrollX - 18, 2) + "px",
            top: Math.max(box.top + scrollY - 18, 2) + "px",
            width: "30px", height: "30px", borderRadius: "50%",
            background: "#d6336c", color: "#fff", font: "bold 17px/30px sans-serif",
            textAlign: "center", boxShadow: "0 1px 4px rgba(0,0,0,.4)",
        });
        document.body.append(outline, badge);
    });
}"""


def prepare_content():
    """A draft, a scheduled article, saved versions and one account per role."""
    import reversion
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from articles.models import Article
    from demo.articles import SEED_ARTICLE_SLUG
    from recoverysite.publishing import Status

    users = {}
    for role, name in [
        ("Editor", "Robin Editor"),
        ("Author", "Alex Author"),
        ("Moderator", "Kim Moderator"),
    ]:
        user = get_user_model().objects.create_user(
            role.lower(), password=ROLE_PASSWORD, is_staff=True, display_name=name
        )
        user.groups.add(Group.objects.get(name=role))
        users[role] = user
    admin = get_user_model().objects.get(username=ADMIN_USERNAME)
    admin.display_name = "Sam Admin"
    admin.save()

    now = timezone.localtime()
    next_tuesday = (
        now + datetime.timedelta(days=(1 - now.weekday()) % 7 or 7)
    ).replace(hour=9, minute=0, second=0, microsecond=0)
    drafts = {
        "draft": Article(
            title="Finding a peer support group near you",
            summary="Short.",
            body="<p>Peer support groups meet in libraries, community centres and "
            "online. Ask at your library first.</p>",
            status=Status.DRAFT,
            author=users["Author"],
        ),
        "scheduled": Article(
            title="Spring walking group: first meeting",
            summary="Our walking group starts again in spring. Everyone is "
            "welcome, whatever their pace.",
            body="<p>We meet by the old bridge at nine. Bring water and a coat.</p>",
            status=Status.PUBLISHED,
            published_at=next_tuesday,
            unpublish_at=next_tuesday + datetime.timedelta(days=30),
            author=users["Editor"],
        ),
    }
    for article in drafts.values():
        with reversion.create_revision():
            reversion.set_user(article.author)
            reversion.set_comment("Added.")
            article.save()

    seed = Article.objects.get(slug=SEED_ARTICLE_SLUG)
    original_summary = seed.summary
    with reversion.create_revision():
        reversion.set_user(users["Editor"])
        reversion.set_comment("Added.")
        seed.save()
    with reversion.create_revision():
        reversion.set_user(users["Author"])
        reversion.set_comment("Changed Title, Summary and Body.")
        seed.title = "What professionals can learn from people who have been there"
        seed.summary = original_summary + " A short list to start with."
        first, _, rest = seed.body.partition("</p>")
        seed.body = (
            first + " Listening comes first.</p><p>Ask what helps, then ask again."
            "</p>" + rest
        )
        seed.save()
    add_comments_to_moderate()
    return {"seed": seed, **drafts, "users": users}


def add_comments_to_moderate():
    """A reply waiting for a moderator and a care hold, beside the demo's held one."""
    from django.conf import settings
    from django.utils import timezone

    from comments.models import Comment, CommentStatus

    judith = Comment.objects.get(user_name="Judith")
    for minutes, name, text, care_hold in [
        (
            40,
            "Lee",
            "Thank you, Judith. Our group meets on Thursdays and I was nervous "
            "about going for the first time. Reading this helped.",
            False,
        ),
        (
            20,
            "Anonymous",
            "I have not slept for days and I do not know who to talk to.",
            True,
        ),
    ]:
        Comment.objects.create(
            content_type=judith.content_type,
            object_pk=judith.object_pk,
            site_id=settings.SITE_ID,
            parent_id=judith.pk,
            user_name=name,
            user_email=f"{name.lower()}@example.org",
            comment=text,
            submit_date=timezone.now() - datetime.timedelta(minutes=minutes),
            status=CommentStatus.PENDING,
            care_hold=care_hold,
            hold_reasons="first comment",
        )


def log_in(page, username, password):
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def shoot(page, name, callouts, full_page=False, clip_to=None):
    """Draw ``callouts`` ([(css selector, number)]) and save the screenshot."""
    page.wait_for_load_state("networkidle")
    page.evaluate(ANNOTATE, [[selector, str(n)] for selector, n in callouts])
    path = OUTPUT_DIR / f"{name}.png"
    if clip_to:
        page.locator(clip_to).screenshot(path=path)
    else:
        page.screenshot(path=path, full_page=full_page)
    print(path.relative_to(BASE_DIR))


def change_url(obj):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"


def capture(base_url, content):
    from playwright.sync_api import sync_playwright
    from reversion.models import Version

    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    seed, draft, scheduled = content["seed"], content["draft"], content["scheduled"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )

        def new_page(username, password=ROLE_PASSWORD):
            context = browser.new_context(
                base_url=base_url,
                viewport=VIEWPORT,
                color_scheme="light",
                reduced_motion="reduce",
            )
            page = context.new_page()
            log_in(page, username, password)
            return page

        page = new_page("editor")

        # 1. The dashboard.
        page.goto("/admin/")
        shoot(
            page,
            "dashboard",
            [
                (".dashboard-drafts h2", 1),
                (".dashboard-scheduled h2", 2),
                (".dashboard-comments h2", 3),
                (".dashboard-events h2", 4),
                (".dashboard-recent h2", 5),
            ],
        )

        # 2. Writing: the change form of a draft with the writing aids.
        page.goto(change_url(draft))
        page.locator("#id_title").fill(
            draft.title + ", and what to expect at the first meeting"
        )
        shoot(
            page,
            "write",
            [
                ("#title-length-hint", 1),
                ("#summary-hint", 2),
                (".field-writing_aids", 3),
                (".previewlink", 4),
            ],
            full_page=True,
        )
        page.reload()

        # 3. Scheduling: the state on the form and in the list.
        page.goto(change_url(scheduled))
        page.locator(".field-status").scroll_into_view_if_needed()
        shoot(
            page,
            "schedule-form",
            [
                (".field-publication_state", 1),
                (".field-status", 2),
                (".field-published_at", 3),
                (".field-unpublish_at", 4),
            ],
        )
        page.goto("/admin/articles/article/")
        shoot(
            page,
            "schedule-list",
            [
                ("#result_list thead .column-publication_state", 1),
                ("#changelist-filter", 2),
            ],
        )

        # 4. Preview: the draft on its public address.
        page.goto(draft.get_absolute_url())
        shoot(page, "preview", [(".preview-banner", 1)])

        # 4b. Sharing the draft with someone without an account.
        page.goto(change_url(draft))
        page.get_by_role("button", name="Save and share draft").click()
        page.locator(".field-share_draft").scroll_into_view_if_needed()
        shoot(
            page,
            "share-draft",
            [(".field-share_draft .share-link", 1), (".share-row", 2)],
        )
        page.get_by_role("button", name="Save and stop sharing").click()

        # 5. Revisions: history, compare, restore.
        history = f"/admin/articles/article/{seed.pk}/history/"
        page.goto(history)
        shoot(
            page,
            "history",
            [
                ("#change-history thead th:nth-child(1)", 1),
                ("#change-history thead th:nth-child(2)", 2),
                (".revision-history input[type=submit]", 3),
                ("#change-history tbody tr:nth-child(2) th a", 4),
            ],
        )
        page.get_by_role("button", name="Compare").click()
        shoot(
            page,
            "compare",
            [
                (".diff-field:nth-of-type(1) h2", 1),
                (".diff-text ins", 2),
                (".diff-text del", 3),
                ("a.button", 4),
            ],
            full_page=True,
        )
        oldest = Version.objects.get_for_object(seed).order_by("pk").first()
        page.goto(f"{history}{oldest.pk}/")
        shoot(
            page,
            "restore",
            [("#content h1", 1), ("input[name=_save]", 2)],
        )

        # 6. Two editors at once: the second save is refused.
        other = new_page(ADMIN_USERNAME, ADMIN_PASSWORD)
        page.goto(change_url(scheduled))
        other.goto(change_url(scheduled))
        other.locator("#id_summary").fill(
            "Our walking group starts again in spring. Everyone is welcome."
        )
        other.get_by_role("button", name="Save", exact=True).click()
        other.wait_for_url("**/articles/article/")
        page.locator("#id_summary").fill(
            "The walking group is back in spring: slow walkers very welcome."
        )
        page.get_by_role("button", name="Save", exact=True).click()
        page.wait_for_load_state("networkidle")
        shoot(
            page,
            "conflict",
            [(".errornote", 1), ("ul.errorlist.nonfield", 2), ("#id_summary", 3)],
        )
        page.locator(".field-save_over_other_changes").scroll_into_view_if_needed()
        shoot(page, "conflict-save-anyway", [(".field-save_over_other_changes", 1)])

        # 7. Roles: an author's view of the publishing settings; a moderator's home.
        author = new_page("author")
        author.goto(change_url(draft))
        author.locator(".field-status").scroll_into_view_if_needed()
        shoot(
            author,
            "roles-author",
            [(".field-status .readonly", 1), (".field-published_at .readonly", 2)],
        )
        moderator = new_page("moderator")
        moderator.goto("/admin/")
        shoot(
            moderator,
            "roles-moderator",
            [(".dashboard-comments h2", 1), ("#content-main .app-comments", 2)],
        )
        # 7b. Review: the author submits the draft, the editor sends it back.
        author.goto(change_url(draft))
        shoot(author, "review-submit", [("input[name=_submit_for_review]", 1)])
        author.get_by_role("button", name="Submit for review").click()
        author.locator(".review-box").wait_for()
        page.goto("/admin/")
        shoot(
            page,
            "review-dashboard",
            [(".dashboard-review h2", 1), (".dashboard-review li .when", 2)],
        )
        page.goto(change_url(draft))
        shoot(
            page,
            "review-editor",
            [(".review-box", 1), ("input[name=_send_back]", 2)],
        )
        page.get_by_role("button", name="Send back with a note…").click()
        page.get_by_label("Note for the author").fill(
            "Lovely start. Please add how to find an online group, for readers "
            "who cannot travel, and a longer summary for the cards."
        )
        shoot(page, "review-send-back", [("#id_note", 1), ("input.default", 2)])
        page.get_by_role("button", name="Send back", exact=True).click()
        page.locator(".review-note").wait_for()
        author.goto(change_url(draft))
        shoot(
            author,
            "review-note",
            [(".review-note", 1), ("input[name=_submit_for_review]", 2)],
        )

        # 8. Two-step sign-in: setting up the app, and the sign-in asking for it.
        page.goto("/admin/two-step/")
        shoot(
            page,
            "two-step-setup",
            [
                (".two-step-qr", 1),
                (".two-step-secret", 2),
                (".field-code", 3),
            ],
            full_page=True,
        )
        signed_out = browser.new_context(
            base_url=base_url, viewport=VIEWPORT, color_scheme="light"
        ).new_page()
        signed_out.goto("/admin/login/")
        shoot(
            signed_out,
            "sign-in",
            [("#id_otp_token", 1), (".password-reset-link a", 2)],
        )

        # 9. The moderation queue: each comment in full with its buttons.
        page.goto("/admin/comments/comment/?status__exact=pending")
        shoot(
            page,
            "moderation-queue",
            [
                (".moderation-care", 1),
                (".moderation-parent", 2),
                (".moderation-actions", 3),
                (".moderation-reply summary", 4),
                ("#changelist-filter", 5),
            ],
        )

        # 10. The same screens on a phone, 390 px wide.
        phone = browser.new_context(
            base_url=base_url,
            viewport=PHONE_VIEWPORT,
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            color_scheme="light",
            reduced_motion="reduce",
        ).new_page()
        log_in(phone, "editor", ROLE_PASSWORD)
        for name, address in [
            ("dashboard-phone", "/admin/"),
            ("write-phone", change_url(draft)),
            (
                "moderation-queue-phone",
                "/admin/comments/comment/?status__exact=pending",
            ),
        ]:
            phone.goto(address)
            shoot(phone, name, [])
        browser.close()


def main():
    if shutil.which("chromium") is None:
        sys.exit("Chromium is not installed (apt-get install chromium).")
    # Playwright runs an event loop in this thread; the ORM calls are intended.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with tempfile.TemporaryDirectory(prefix="recoverysite-editor-shots-") as folder:
        folder = Path(folder)
        build_site(folder)
        content = prepare_content()
        port = free_port()
        with open(folder / "server.log", "w") as log:
            server = serve(port, log)
            try:
                capture(f"http://127.0.0.1:{port}", content)
            finally:
                server.terminate()
                server.wait(timeout=10)


if __name__ == "__main__":
    main()
