"""Admin change forms posted the way a browser posts them, and the three roles."""

import pytest
from django import forms
from django.contrib.auth.models import Group
from taggit.forms import TagField

from editorial.roles import create_roles
from tests.factories import make_user


def add_form(data, form):
    """What a browser sends for ``form`` as shown (files left unchanged)."""
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        widget = field.widget
        if isinstance(field, forms.FileField):
            continue
        if isinstance(field, TagField):
            data[key] = widget.format_value(value) or ""
        elif isinstance(widget, forms.MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)
            for index, part in enumerate(parts):
                data[f"{key}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        elif value is None:
            data[key] = ""
        elif isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        else:
            data[key] = str(value)


def form_data(response, **changes):
    """The POST data of an admin change form response, with ``changes`` applied."""
    assert response.status_code == 200, response.status_code
    data = {}
    add_form(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add_form(data, inline.formset.management_form)
        for form in inline.formset.forms:
            add_form(data, form)
    data.update(changes)
    return data


def change_url(obj):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"


def add_url(model):
    opts = model._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/add/"


def history_url(obj):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/history/"


def save(client, obj, **changes):
    """Open the change form of ``obj``, change fields and press Save."""
    data = form_data(client.get(change_url(obj)), **changes)
    return client.post(change_url(obj), data)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def member_of(group_name, **kwargs):
    if not Group.objects.filter(name=group_name).exists():
        # Tests with real transactions empty the tables the migration filled.
        create_roles()
    user = make_user(is_staff=True, password="x", **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return member_of("Editor", username="the-editor")


@pytest.fixture
def author(db):
    return member_of("Author", username="the-author")


@pytest.fixture
def moderator(db):
    return member_of("Moderator", username="the-moderator")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
