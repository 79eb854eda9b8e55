"""Public pages, the admin and its rich-text editor work under the policy."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.admin import make_editor, sign_in
from tests.browser.content import PUBLIC_PAGES, make_site

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` (${event.sourceFile}:${event.lineNumber})`
  );
});
"""


def watch_for_violations(page):
    """Record what the policy blocks, as events and as console errors."""
    page.add_init_script(RECORD_VIOLATIONS)
    page.console_errors = errors = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if message.type == "error" else None
        ),
    )
    return page


def violations(page):
    """What the policy blocked since the page was opened."""
    reported = page.evaluate("window.cspViolations")
    logged = [error for error in page.console_errors if "Security Policy" in error]
    page.console_errors.clear()
    return reported + logged


def test_public_pages_break_no_rule_of_the_policy(page):
    site = make_site()
    watch_for_violations(page)
    for page_type, address in PUBLIC_PAGES.items():
        response = page.goto(address(site))
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], page_type


def test_the_recording_player_is_allowed_to_load_after_play(page):
    site = make_site()
    watch_for_violations(page)
    # The player's address is answered here: nothing leaves the machine.
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(body="<p>player</p>", content_type="text/html"),
    )
    page.goto(site.past_event.get_absolute_url())
    page.get_by_role("button", name="Play").click()

    frame = page.locator(".embed iframe")
    expect(frame).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/Hq4mR7dPz2E?autoplay=1&rel=0"
    )
    expect(page.frame_locator(".embed iframe").locator("p")).to_have_text("player")
    assert violations(page) == []


def test_the_admin_and_its_rich_text_editor_work_under_the_policy(page, live_server):
    site = make_site()
    watch_for_violations(page)
    sign_in(page, make_editor(), live_server.url)
    for address in [
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_add"),
    ]:
        page.goto(address)
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], address

    page.goto(reverse("admin:articles_article_change", args=[site.article.pk]))
    body = page.locator(".field-body [contenteditable=true]")
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    page.keyboard.type("Written under the policy.")
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    site.article.refresh_from_db()
    assert "<strong>Written under the policy.</strong>" in site.article.body
    assert violations(page) == []


def test_the_sign_in_pause_is_readable_and_breaks_no_rule(page):
    watch_for_violations(page)
    page.goto(reverse("admin:login"))
    for _attempt in range(5):
        page.get_by_label("Username").fill("nobody")
        page.get_by_label("Password").fill("a wrong password")
        page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("alert")).to_contain_text("Signing in is paused")
    assert_no_axe_violations(page)
    assert violations(page) == []
