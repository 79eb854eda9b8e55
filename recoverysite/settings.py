"""
Settings for recoverysite, read from environment variables.

Local defaults need no set-up (SQLite, local-memory cache, console email). With
DEBUG off the site refuses to start on an unsafe configuration instead of
falling back to one.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


# ---------------------------------------------------------------------------
# Core and security
# ---------------------------------------------------------------------------

DEBUG = env_bool("DEBUG", default=False)
DEVELOPMENT_SECRET_KEY = "django-insecure-local-development-only"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

if DEBUG:
    SECRET_KEY = SECRET_KEY or DEVELOPMENT_SECRET_KEY
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
else:
    # Django's own minimum for check --deploy: 50 characters, 5 unique ones.
    if (
        len(SECRET_KEY) < 50
        or len(set(SECRET_KEY)) < 5
        or SECRET_KEY.startswith("django-insecure")
    ):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a random value of at least 50 characters when "
            'DEBUG is off. Generate one with: python -c "from django.core.management.'
            'utils import get_random_secret_key; print(get_random_secret_key())"'
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS must list the site's host names (comma-separated) when "
            "DEBUG is off, e.g. ALLOWED_HOSTS=recovery.example.org"
        )

# HTTPS settings: on in production behind TLS, off by default so a plain-HTTP
# local run with DEBUG off still works.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=SECURE_SSL_REDIRECT)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
if env_bool("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# ---------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.redirects",
    "taggit",
    "django_prose_editor",
    "recoverysite",
    "articles",
    "events",
    "django_comments",
    "django_comments_xtd",
    "comments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # /?p=123 links of a site imported from WordPress answer 301.
    "articles.wordpress_import.middleware.WordPressQueryRedirectMiddleware",
    # ETags and 304 answers for every page, cached or not.
    "django.middleware.http.ConditionalGetMiddleware",
    "recoverysite.caching.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Old addresses (renamed slugs, imported sites) answer 301 instead of 404.
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
]

ROOT_URLCONF = "recoverysite.urls"
WSGI_APPLICATION = "recoverysite.wsgi.application"
SITE_ID = 1
AUTH_USER_MODEL = "recoverysite.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "recoverysite.context_processors.site",
            ],
        },
    },
]

# ---------------------------------------------------------------------------
# Database and cache
# ---------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis outage degrades to uncached pages instead of errors.
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# ---------------------------------------------------------------------------
# Passwords and sessions
# ---------------------------------------------------------------------------

PASSWORD_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{PASSWORD_VALIDATION}.UserAttributeSimilarityValidator"},
    {
        "NAME": f"{PASSWORD_VALIDATION}.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": f"{PASSWORD_VALIDATION}.CommonPasswordValidator"},
    {"NAME": f"{PASSWORD_VALIDATION}.NumericPasswordValidator"},
]

# ---------------------------------------------------------------------------
# Internationalisation
# ---------------------------------------------------------------------------

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Los_Angeles")
USE_I18N = True
USE_TZ = True

# ---------------------------------------------------------------------------
# Static and media files
# ---------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Upload limits; Pillow refuses images above this before decoding them fully.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# What editors may upload (recoverysite/uploads.py, docs/media.md): bytes per
# image, pixels per image (checked from the header, before decoding), bytes per
# PDF handout and per WebVTT captions file.
UPLOAD_MAX_IMAGE_BYTES = int(os.environ.get("UPLOAD_MAX_IMAGE_BYTES", 15 * 1024 * 1024))
UPLOAD_MAX_IMAGE_PIXELS = int(os.environ.get("UPLOAD_MAX_IMAGE_PIXELS", 40_000_000))
UPLOAD_MAX_DOCUMENT_BYTES = int(
    os.environ.get("UPLOAD_MAX_DOCUMENT_BYTES", 25 * 1024 * 1024)
)
UPLOAD_MAX_CAPTIONS_BYTES = int(
    os.environ.get("UPLOAD_MAX_CAPTIONS_BYTES", 2 * 1024 * 1024)
)

# ---------------------------------------------------------------------------
# Email
# ---------------------------------------------------------------------------

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ---------------------------------------------------------------------------
# Logging: errors to the console, where gunicorn and systemd collect them.
# ---------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# ---------------------------------------------------------------------------
# Site
# ---------------------------------------------------------------------------

# The public address, used for absolute links in feeds and emails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
ARTICLES_PER_PAGE = 10
EVENTS_PER_PAGE = 12
# The time zone new events start with (an IANA name); editors may change it per event.
EVENTS_DEFAULT_TIMEZONE = os.environ.get("EVENTS_DEFAULT_TIMEZONE", TIME_ZONE)
# How many minutes before its start an event page says "Happening now" with the
# join link; the page keeps saying it until the event ends.
EVENTS_HAPPENING_NOW_MINUTES = int(os.environ.get("EVENTS_HAPPENING_NOW_MINUTES", "15"))
TAGGIT_CASE_INSENSITIVE = True
# ASCII tag slugs, which the <slug:> URL converter accepts.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
# Whole pages kept for anonymous visitors (0 turns it off; off with DEBUG).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "600"))
# Without a web server in front for /media/, the app serves uploads itself.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=DEBUG)

# ---------------------------------------------------------------------------
# Comments
# ---------------------------------------------------------------------------

COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "comments.models.Comment"
# Levels 0, 1 and 2: a comment, a reply and a reply to the reply.
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
# Our own views store, confirm and notify; the library's flows stay off.
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_THREADED_EMAILS = False
COMMENT_MAX_LENGTH = 3000
# Models whose pages take comments ("app_label.model_name").
COMMENTS_TARGET_MODELS = ["articles.article", "events.event"]
COMMENTS_IP_RETENTION_DAYS = int(os.environ.get("COMMENTS_IP_RETENTION_DAYS", "30"))
COMMENTS_RATE_PER_IP = os.environ.get("COMMENTS_RATE_PER_IP", "5/10m")
COMMENTS_RATE_PER_EMAIL = os.environ.get("COMMENTS_RATE_PER_EMAIL", "5/10m")
COMMENTS_MODERATOR_BATCH_MINUTES = 5
COMMENTS_EMAIL_MAX_ATTEMPTS = 10
# Rate limits keep working, without counting, when the cache is down.
RATELIMIT_FAIL_OPEN = True
AKISMET_API_KEY = os.environ.get("AKISMET_API_KEY", "")
# Tests swap in akismet.TestSyncClient, which answers without the network.
AKISMET_CLIENT_CLASS = "akismet.SyncClient"
