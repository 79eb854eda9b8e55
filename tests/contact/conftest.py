import time

import pytest
from django.core import signing

from contact.forms import FORM_SALT
from recoverysite.models import SiteSettings

CRISIS_NOTICE = "If you are in danger now, call 988 or your local emergency number."


def issued(seconds_ago=60):
    """The form's signed ``issued`` field, as handed out ``seconds_ago``."""
    moment = int(time.time()) - seconds_ago
    return signing.TimestampSigner(salt=FORM_SALT).sign(str(moment))


def contact_data(*, seconds_ago=60, **fields):
    """What a browser posts from the contact form, filled in over ``seconds_ago``."""
    data = {
        "name": "Robin",
        "email": "robin@example.org",
        "message": "Could you write about going back to work after rehab?",
        "honeypot": "",
        "issued": issued(seconds_ago),
    }
    data.update(fields)
    return data


@pytest.fixture
def editors(db, django_user_model):
    """Two people with the Editor role, who read the contact messages."""
    from django.contrib.auth.models import Group

    from editorial.roles import create_roles

    create_roles()
    group = Group.objects.get(name="Editor")
    people = []
    for name in ["ed", "eve"]:
        user = django_user_model.objects.create_user(
            name, f"{name}@example.org", "x", is_staff=True
        )
        user.groups.add(group)
        people.append(user)
    return people


@pytest.fixture
def crisis_notice(db):
    site = SiteSettings.load()
    site.crisis_notice = CRISIS_NOTICE
    site.save()
    return CRISIS_NOTICE
