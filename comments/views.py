import json
import logging
import posixpath
from datetime import timedelta
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.core.exceptions import BadRequest, ValidationError
from django.db import connection, transaction
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from comments import links, tasks
from comments.forms import CommentForm, ReportForm, writing_started_token
from comments.models import Comment, CommentStatus, EmailAddress, ModerationPolicy
from comments.moderation import comments_are_open, moderate
from operations.background import enqueue_after_commit
from recoverysite import signed_links
from recoverysite.error_pages import answers_only
from recoverysite.security import (
    client_ip,
    count_against_limits,
    csrf_failure_for_signed_in,
    is_cross_site,
    seconds_to_wait,
)

# Posts no page of the site would send, for whoever watches the security logs.
security_log = logging.getLogger("comments.security")

REMEMBER_COOKIE = "commenter"
MY_COMMENTS_COOKIE = "my_comments"
MY_COMMENTS_SALT = "comments.mine"
MY_COMMENTS_KEPT = 50
DAY = 24 * 60 * 60
DUPLICATE_WINDOW = timedelta(minutes=10)


def get_target(content_type, object_pk):
    """
    The published article or event a comment is for: 400 when its kind takes
    no comments, 404 when there is no such published item.
    """
    if content_type not in settings.COMMENTS_TARGET_MODELS:
        # No form of the site names another kind of content: a forged post.
        raise BadRequest("Comments are not taken on this kind of content.")
    model = apps.get_model(content_type)
    try:
        return model.objects.published().get(pk=object_pk)
    except (model.DoesNotExist, ValueError, ValidationError) as error:
        # A forged or mangled form: the same answer as a missing page.
        raise Http404("No page to comment on.") from error


def initial_for(request):
    """
    Prefill from the signed-in account. The "remember me" cookie is never read
    here: a script fills the form from it in the browser (comments/comments.js),
    so the page stays the same for everyone and the page cache can serve it.
    """
    if request.user.is_authenticated:
        return {"name": str(request.user), "email": request.user.email}
    return {}


def render_form_page(request, form, message="", status=200):
    return render(
        request,
        "comments/form_page.html",
        {"form": form, "target": form.target_object, "message": message},
        status=status,
    )


def posted_fields(request):
    """
    The form as posted. Django reads a body that is not UTF-8 as Latin-1, which
    would store mojibake nobody typed; read as UTF-8 here, the unreadable bytes
    become U+FFFD, which the form refuses with a message.
    """
    if request.content_type == "application/x-www-form-urlencoded" and (
        request.encoding is None
    ):
        try:
            request.body.decode()
        except UnicodeDecodeError:
            return QueryDict(request.body.decode(errors="replace"))
    return request.POST


@csrf_exempt
@answers_only("POST")
def post_comment(request):
    if refused := csrf_failure_for_signed_in(request):
        return refused
    data = posted_fields(request)
    target = get_target(data.get("content_type", ""), data.get("object_pk"))
    form = CommentForm(target, data=data)
    if is_cross_site(request):
        return render_form_page(
            request,
            form.with_fresh_security_fields(),
            _(
                "This comment was sent from another website. If you wrote it, "
                "check it below and send it from here."
            ),
            status=403,
        )
    policy = ModerationPolicy.load()
    if not comments_are_open(target, policy):
        return render_form_page(
            request, form, _("Comments are closed on this page."), status=403
        )
    is_valid = form.is_valid()
    if form.security_failed():
        if form.security_forged():
            security_log.warning(
                "A comment form with its security fields missing or forged, "
                "from %s: %s",
                client_ip(request),
                ", ".join(sorted(form.errors)),
            )
        return render_form_page(
            request,
            form.with_fresh_security_fields(),
            _(
                "This form was open for a long time, so for safety it needs to be "
                "sent again. Your text is kept below: check it and send it once more."
            ),
        )
    if not is_valid:
        # The form's own summary names each field in error.
        return render_form_page(request, form)
    rate_limit = count_rate_limits(request, form.cleaned_data["email"])
    if seconds := rate_limit.wait:
        response = render_form_page(
            request,
            form.with_fresh_security_fields(),
            _(
                "You have sent several comments in a short time. Please wait a few "
                "minutes, then send this one again. Your text is kept below."
            ),
            status=429,
        )
        response["Retry-After"] = str(seconds)
        return response
    comment = form.build_comment(request)
    if form.honeypot_filled():
        verdict_status, reasons, care = CommentStatus.SPAM, ["honeypot"], False
    else:
        verdict = moderate(
            comment,
            policy,
            seconds_to_write=form.seconds_to_write(),
            writing_time_measured=form.writing_time_is_measured(),
            user=request.user,
            rate_limit_counted=rate_limit.counted,
        )
        verdict_status, reasons, care = verdict.status, verdict.reasons, verdict.care
    comment.status = verdict_status
    comment.hold_reasons = "; ".join(reasons)[:255]
    comment.care_hold = care
    with transaction.atomic():
        wait_for_other_posts_on(target)
        if duplicate := find_duplicate(comment):
            return redirect(links.link(duplicate, "received"))
        comment.save()
        if comment.status != CommentStatus.SPAM:
            enqueue_after_commit(tasks.comment_received, comment.pk)
        if comment.status == CommentStatus.PENDING and not comment.care_hold:
            enqueue_after_commit(tasks.send_moderator_digest)
    response = redirect(links.link(comment, "received"))
    remember_comment_of_this_browser(request, response, comment)
    if form.cleaned_data["remember"]:
        remember_commenter(request, response, comment)
    else:
        response.delete_cookie(REMEMBER_COOKIE)
    return response


def remember_commenter(request, response, comment):
    """
    The name, email and website for the next comment, read by a script in the
    browser. The trade-off: the cookie is not HttpOnly, so a script that got
    into the page could read the address; in return article pages are the same
    for everyone and come from the page cache. The content security policy
    allows no inline or foreign script, the cookie holds nothing the visitor
    did not type into a public form, and it goes only over HTTPS in production
    (``SECURE_COOKIES``, like the session) and with no cross-site request but
    a followed link (Lax).
    Percent-encoded JSON: cookie-safe characters, decoded by the script as is.
    """
    remembered = {
        "name": comment.user_name,
        "email": comment.user_email,
        "url": comment.user_url,
    }
    response.set_cookie(
        REMEMBER_COOKIE,
        quote(json.dumps(remembered, separators=(",", ":")), safe=""),
        max_age=365 * 24 * 60 * 60,
        httponly=False,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE or request.is_secure(),
    )


@answers_only("GET")
@never_cache
def writing_started(request):
    """
    The signed moment a visitor started writing, fetched by the page's script
    when the comment form is first touched: the form in a cached page carries
    the time the page was made, not the time the visitor got it.
    """
    return HttpResponse(writing_started_token(), content_type="text/plain")


def count_rate_limits(request, email):
    """This post counted against the limits of its address and of its email."""
    return count_against_limits(
        request,
        ("comments-ip", "ip", settings.COMMENTS_RATE_PER_IP),
        (
            "comments-email",
            lambda group, request: email.lower(),
            settings.COMMENTS_RATE_PER_EMAIL,
        ),
    )


def wait_for_other_posts_on(target):
    """
    Within a transaction, the posts of comments on ``target`` go one at a time
    from here to the end of the transaction. Two posts of one comment at once (a
    double click) then never both look for a copy before either is stored: the
    second waits for the first to commit, finds its comment and lands on it. A
    locked row of the page does it on PostgreSQL and MariaDB; SQLite's
    transactions take the write lock when they begin (settings.py), which already
    puts them one after the other.
    """
    if connection.features.has_select_for_update:
        list(
            type(target)
            ._base_manager.select_for_update()
            .filter(pk=target.pk)
            .values_list("pk", flat=True)
        )


def find_duplicate(comment):
    """A double submit lands on the comment the first submit stored."""
    return (
        Comment.objects.filter(
            content_type=comment.content_type,
            object_pk=comment.object_pk,
            user_email__iexact=comment.user_email,
            comment=comment.comment,
            submit_date__gte=timezone.now() - DUPLICATE_WINDOW,
        )
        .order_by("submit_date")
        .first()
    )


def reply(request, comment_id):
    """The reply form on a page of its own, for browsers without JavaScript."""
    parent = get_object_or_404(
        Comment.objects.published().select_related("content_type"), pk=comment_id
    )
    target = parent.content_object
    if target is None or not target.is_published():
        raise Http404("The page of this comment is not available.")
    form = CommentForm(target, parent=parent, initial=initial_for(request))
    return render(
        request,
        "comments/reply.html",
        {
            "parent": parent,
            "target": target,
            "form": form,
            "comments_open": comments_are_open(target, ModerationPolicy.load()),
        },
    )


def permalink(request, comment_id):
    """Where the links in emails lead: the comment in its page, while it is public."""
    comment = get_object_or_404(
        Comment.objects.published().select_related("content_type"), pk=comment_id
    )
    target = comment.content_object
    if target is None or not target.is_published():
        raise Http404("The page of this comment is not available.")
    return redirect(comment.get_absolute_url())


explains_invalid_links = signed_links.explains_invalid_links(
    "comments/invalid_link.html"
)


@explains_invalid_links
def received(request, token):
    comment = links.comment_from_token(token, "received")
    confirmed = comment.followup and EmailAddress.is_confirmed(comment.user_email)
    return render(
        request,
        "comments/received.html",
        {
            "comment": comment,
            "address_confirmed": confirmed,
            "delete_url": links.link(comment, "delete"),
        },
    )


@explains_invalid_links
def confirm(request, token):
    comment = links.comment_from_token(token, "confirm")
    if not comment.user_email:
        raise Http404("This commenter's data has been erased.")
    EmailAddress.confirm(comment.user_email)
    return render(request, "comments/confirmed.html", {"comment": comment})


@csrf_exempt  # mail clients send one-click unsubscribes without a session
@explains_invalid_links
def unsubscribe(request, token):
    comment = links.comment_from_token(token, "unsubscribe")
    if request.method == "POST":
        comments = Comment.objects.filter(pk=comment.pk)
        if request.POST.get("scope") == "all":
            comments = Comment.objects.filter(user_email__iexact=comment.user_email)
        comments.update(followup=False)
        return render(request, "comments/unsubscribed.html", {"comment": comment})
    return render(request, "comments/unsubscribe.html", {"comment": comment})


@explains_invalid_links
def delete(request, token):
    comment = links.comment_from_token(token, "delete")
    if comment.status == CommentStatus.WITHDRAWN:
        return render(request, "comments/withdrawn.html", {"comment": comment})
    if request.method == "POST":
        comment.withdraw()
        return render(request, "comments/withdrawn.html", {"comment": comment})
    return render(request, "comments/withdraw.html", {"comment": comment})


def comment_ids_of_this_browser(request):
    value = request.get_signed_cookie(
        MY_COMMENTS_COOKIE,
        default="",
        salt=MY_COMMENTS_SALT,
        max_age=settings.COMMENTS_SELF_REMOVAL_DAYS * DAY,
    )
    return [int(part) for part in value.split(",") if part.isdigit()]


def remember_comment_of_this_browser(request, response, comment):
    """
    A signed list of the comments this browser posted, sent back only to the
    comment pages (its path), so article pages stay cacheable for everyone.
    """
    ids = [comment.pk] + [
        pk for pk in comment_ids_of_this_browser(request) if pk != comment.pk
    ]
    response.set_signed_cookie(
        MY_COMMENTS_COOKIE,
        ",".join(str(pk) for pk in ids[:MY_COMMENTS_KEPT]),
        salt=MY_COMMENTS_SALT,
        max_age=settings.COMMENTS_SELF_REMOVAL_DAYS * DAY,
        # The folder the post and the list share: /comments/ unless remounted.
        path=posixpath.commonpath([reverse("comments:post"), reverse("comments:mine")])
        + "/",
        httponly=True,
        samesite="Strict",
        secure=request.is_secure(),
    )


def my_comments(request):
    """The comments this browser posted, each with a button to remove it."""
    ids = comment_ids_of_this_browser(request)
    comments = (
        Comment.objects.filter(pk__in=ids)
        .exclude(status__in=[CommentStatus.SPAM, CommentStatus.WITHDRAWN])
        .select_related("content_type")
        .order_by("-submit_date")
    )
    if request.method == "POST":
        chosen = comments.filter(pk=request.POST.get("comment", "")).first()
        if chosen is None:
            raise Http404("Not a comment of this browser.")
        chosen.withdraw()
        return render(request, "comments/withdrawn.html", {"comment": chosen})
    return render(
        request,
        "comments/mine.html",
        {
            "comments": comments,
            "self_removal_days": settings.COMMENTS_SELF_REMOVAL_DAYS,
        },
    )


def report(request, comment_id):
    """A visitor sends a published comment to the moderators, with a reason."""
    comment = get_object_or_404(
        Comment.objects.published().select_related("content_type"), pk=comment_id
    )
    target = comment.content_object
    if target is None or not target.is_published():
        raise Http404("The page of this comment is not available.")
    form = ReportForm(request.POST if request.method == "POST" else None)
    context = {"comment": comment, "target": target, "form": form}
    if request.method != "POST":
        return render(request, "comments/report.html", context)
    if not form.is_valid():
        return render(request, "comments/report.html", context)
    if form.cleaned_data["honeypot"]:
        return render(request, "comments/reported.html", context)
    if seconds := seconds_to_wait(
        request, ("comments-report", "ip", settings.COMMENTS_REPORT_RATE_PER_IP)
    ):
        context["message"] = _(
            "You have sent several reports in a short time. Please wait a while, "
            "then send this one again. Your words are kept below."
        )
        response = render(request, "comments/report.html", context, status=429)
        response["Retry-After"] = str(seconds)
        return response
    with transaction.atomic():
        report = form.save(commit=False)
        report.comment = comment
        report.save()
        comment.hold_when_often_reported()
        enqueue_after_commit(tasks.comment_reported, report.pk)
    context["report"] = report
    return render(request, "comments/reported.html", context)
