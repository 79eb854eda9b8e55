"""With DEBUG off the site refuses an unsafe configuration, and passes check --deploy
when HTTPS is configured."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management.utils import get_random_secret_key

STRONG_KEY = get_random_secret_key()
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "recovery.example.org",
}
HTTPS = {
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
}


# Passed through: what a process needs, and the database the suite runs on.
INHERITED = ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "DATABASE_URL"]


def manage(*args, **environment):
    """Run manage.py in a fresh process with only the given configuration."""
    env = {name: os.environ[name] for name in INHERITED if name in os.environ}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "secret_key",
    [
        "",
        "short",
        "x" * 60,
        "django-insecure-local-development-only-but-long-enough-0123456789",
    ],
    ids=["missing", "short", "too-few-characters", "django-insecure"],
)
def test_production_refuses_to_start_with_a_missing_or_weak_secret_key(secret_key):
    result = manage("check", **(PRODUCTION | {"SECRET_KEY": secret_key}))

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set to a random value" in (
        result.stderr
    )


def test_production_refuses_to_start_without_secret_key_variable():
    environment = dict(PRODUCTION)
    del environment["SECRET_KEY"]

    result = manage("check", **environment)

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("debug", [None, "0"], ids=["unset", "off"])
def test_migrations_are_checked_without_production_secrets(debug):
    environment = {} if debug is None else {"DEBUG": debug}

    result = manage("makemigrations", "--check", "--dry-run", **environment)

    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


@pytest.mark.parametrize("hosts", ["", " , "], ids=["empty", "only-commas"])
def test_production_refuses_to_start_without_allowed_hosts(hosts):
    result = manage("check", **(PRODUCTION | {"ALLOWED_HOSTS": hosts}))

    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS must list the site's host names" in (
        result.stderr
    )


def test_debug_off_is_the_default_so_production_needs_no_flag():
    result = manage("check")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_any_command_names_the_unsafe_setting_not_a_later_error():
    result = manage("showmigrations", "--plan")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert "DEBUG=1" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Models aren't loaded yet" not in result.stderr


def test_help_works_before_the_site_is_configured():
    result = manage("help")

    assert result.returncode == 0
    assert "makemigrations" in result.stdout


def test_development_starts_without_any_configuration():
    result = manage("check", DEBUG="1")

    assert result.returncode == 0, result.stderr


def test_check_deploy_passes_with_https_settings_on():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, **HTTPS
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_without_https_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode != 0
    assert "security.W004" in result.stderr
    assert "security.W008" in result.stderr
