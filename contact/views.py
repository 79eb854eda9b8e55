from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from contact import tasks
from contact.forms import ContactForm
from contact.models import Message
from operations.background import enqueue_after_commit
from recoverysite.public_forms import PublicFormView

# A second press of the button, or the form sent again from the browser's
# history, lands on the confirmation without storing the message twice.
DUPLICATE_WINDOW = timedelta(minutes=10)


# The page is made afresh for every visit and never kept by a cache: its
# signed ``issued`` field is the moment the form was handed out, which the
# minimum time to fill it in is measured from. A cached copy would hand
# everyone the same old moment, and bots would pass at once. One small page
# made per visit costs little, and needs no script to fetch a fresh timestamp.
@method_decorator(never_cache, name="dispatch")
class ContactView(PublicFormView):
    http_method_names = ["get", "head", "post"]
    form_class = ContactForm
    template_name = "contact/message_form.html"
    cross_site_message = _(
        "This message was sent from another website. If you wrote it, check it "
        "below and send it from here."
    )
    rate_limited_message = _(
        "Several messages came from here in a short time. Please wait a few "
        "minutes, then send this one again. What you wrote is kept below."
    )

    def get(self, request, *args, **kwargs):
        return self.render_form_page(ContactForm())

    def refusal(self, form):
        if form.was_sent_too_fast():
            return self.render_form_page(
                form.with_fresh_security_fields(),
                _(
                    "That was very quick, so the site could not tell it was sent by "
                    "a person. Please check your message below and send it once "
                    "more."
                ),
            )
        return None

    def rate_limits(self, form):
        email = form.cleaned_data["email"].lower()
        return (
            ("contact-ip", "ip", settings.CONTACT_RATE_PER_IP),
            (
                "contact-email",
                lambda group, request: email,
                settings.CONTACT_RATE_PER_EMAIL,
            ),
        )

    def form_valid(self, form):
        data = form.cleaned_data
        if Message.objects.duplicate_of(
            data["email"], data["message"], DUPLICATE_WINDOW
        ):
            return
        with transaction.atomic():
            message = form.save()
            enqueue_after_commit(tasks.message_received, message.pk)

    def get_success_url(self):
        return reverse("contact:sent")


def sent(request):
    return render(request, "contact/sent.html")
