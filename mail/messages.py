"""The site's emails as its apps write them: one template, its subject first."""

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from recoverysite.models import SiteSettings


def site_email(to, template, context, headers=None, html_template=None, language=None):
    """
    An email to ``to`` from ``template``, whose first line is the subject. The
    template also knows the site's name, address and crisis notice, which
    ``emails/footer.txt`` ends every email with. ``html_template``, when given,
    adds an HTML part made from the same context. It is written in ``language``
    (the one a visitor chose on the site) or else the site's, whichever request
    or worker task sends it.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        return written_email(to, template, context, headers, html_template)


def written_email(to, template, context, headers, html_template):
    site = SiteSettings.load()
    context = {
        "site_name": site.name,
        "site_url": settings.SITE_URL,
        "crisis_notice": site.crisis_notice,
        **context,
    }
    subject, _, body = render_to_string(template, context).strip().partition("\n")
    message_class = EmailMultiAlternatives if html_template else EmailMessage
    message = message_class(
        " ".join(subject.split())[:255],
        body.strip() + "\n",
        settings.DEFAULT_FROM_EMAIL,
        [to],
        headers=headers or {},
    )
    if html_template:
        message.attach_alternative(
            render_to_string(html_template, context), "text/html"
        )
    return message
