"""
Settings for recoverysite, read from environment variables.

Local defaults need no set-up (SQLite, local-memory cache, console email). With
DEBUG off the site refuses to start on an unsafe configuration instead of
falling back to one.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

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
            'utils import get_random_secret_key; print(get_random_secret_key())". '
            "For local development set DEBUG=1 instead (make does)."
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
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Features no page of the site uses: nothing embedded may ask for them either.
# Autoplay and fullscreen stay at the browser's default, which lets the
# recording player use them once the visitor presses play. "interest-cohort"
# is Topics' predecessor (FLoC): browsers that still know it are told no too.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}
# A form sent without its CSRF token gets a page in the site's design.
CSRF_FAILURE_VIEW = "recoverysite.error_pages.csrf_failure"

# Proxies (IP addresses or networks) in front of the site whose X-Forwarded-For
# header is believed; empty means the connecting address is the visitor's.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(proxy, strict=False)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {proxy!r} is not an IP address or network."
        ) from error

# ---------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------

INSTALLED_APPS = [
    # Staff accounts come before the admin, whose base_site.html they extend
    # with the link to two-step sign-in.
    "accounts",
    # Django's admin, with the dashboard and the navigation by task.
    "editorial.apps.EditorialAdminConfig",
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
    "axes",
    "reversion",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The project: settings, users, site settings, the publication rule, the
    # base templates. Then the features, each building only on those above it
    # (docs/architecture.md).
    "recoverysite",
    "operations",
    "mail",
    "pagecache",
    "images",
    "search",
    "editorial",
    "django_comments",
    "django_comments_xtd",
    "comments",
    "articles",
    "events",
    "registrations",
    "pages",
    "wordpress",
    "announcements",
    "contact",
    "subscriptions",
    "demo",
]

# The rich-text editor's own extensions (recoverysite/static/recoverysite/admin/
# rich_text.js) and the HTML each may write, for the sanitiser's allow-list.
# Named like one of django-prose-editor's own, an extension takes its place.
# Which of them a text uses, and the classes allowed: recoverysite/rich_text.py.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("recoverysite/admin/rich_text.js")],
        "extensions": {
            "Table": html_tags(
                ["table", "caption", "thead", "tbody", "tr", "th", "td"],
                {"th": ["rowspan", "colspan"], "td": ["rowspan", "colspan"]},
            ),
            "CodeBlock": html_tags(["pre", "code"]),
            "OrderedList": html_tags(["ol"], {"ol": ["start", "type", "reversed"]}),
            "Superscript": html_tags(["sup"]),
            "Subscript": html_tags(["sub"]),
            "FootnoteIds": html_tags([], {"a": ["id"], "li": ["id"]}),
            "InlineImage": html_tags(["img"], {"img": ["src", "alt", "data-file"]}),
            "Details": html_tags(["details"], {"details": ["open"]}),
            "DetailsSummary": html_tags(["summary"]),
            "Columns": html_tags(["div"]),
            "Column": html_tags(["div"]),
            "Division": html_tags(["div"]),
        },
    }
]

# Each hand-written middleware does one job, said on its line.
MIDDLEWARE = [
    # Outermost, so every answer gets these headers: the HTTPS redirect that
    # SecurityMiddleware answers by itself, and cached pages on every hit.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The visitor's language (the switch's cookie, else LANGUAGE_CODE) for
    # everything below, cached pages and error pages included.
    "recoverysite.languages.LanguageMiddleware",
    # Odd methods, NUL bytes and forged admin selections get designed pages.
    "recoverysite.error_pages.MalformedRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An unreachable database shows a calm "back soon" page (503).
    "recoverysite.outages.DatabaseOutageMiddleware",
    # Below WhiteNoise, which serves its own pre-compressed static files.
    "django.middleware.gzip.GZipMiddleware",
    # /?p=123 links of a site imported from WordPress answer 301.
    "wordpress.middleware.WordPressQueryRedirectMiddleware",
    # ETags and 304 answers for every page, cached or not.
    "django.middleware.http.ConditionalGetMiddleware",
    # Cache-Control on every page: public for anyone, private for someone.
    "pagecache.middleware.CacheControlMiddleware",
    # Whole pages for visitors without cookies, from the cache.
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    # A page that used the CSP nonce is marked private, so no cache keeps it.
    "recoverysite.security.NoncePagesAreNotStoredMiddleware",
    # Pages expire when an announcement starts or ends (read by the page cache).
    "announcements.middleware.AnnouncementExpiryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Tells whether the session signed in with a two-step code (django-otp).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff the site requires it of reach the admin only after the second step.
    "accounts.two_step.TwoStepRequiredMiddleware",
    # Staff are signed out after STAFF_SESSION_IDLE_MINUTES without a request.
    "recoverysite.security.StaffSessionIdleMiddleware",
    # The admin's rich-text editor gets the CSP nonce for its import map.
    "recoverysite.security.ImportMapNonceMiddleware",
    # Old addresses (renamed slugs, imported sites) answer 301 instead of 404.
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
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
                "pages.context_processors.menu",
                "announcements.context_processors.announcements",
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
DATABASE_VENDOR = DATABASES["default"]["ENGINE"].rpartition(".")[2]
if DATABASE_VENDOR == "sqlite3":
    # Several writers at once (web workers, the worker, the admin): readers never
    # wait for a writer (WAL), a transaction takes the write lock when it starts
    # rather than failing half-way ("database is locked"), and waits up to 20 s.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASE_VENDOR == "mysql":
    # Every character visitors may type (emoji included), in and out.
    DATABASES["default"]["OPTIONS"] = {"charset": "utf8mb4"}
    # The character set's default collation, as the connection's: text compared
    # with a cast id (a comment's object_pk) must not mix two collations.
    DATABASES["default"]["TEST"] = {"CHARSET": "utf8mb4"}
    SILENCED_SYSTEM_CHECKS = [
        # A top-level page's slug is unique by a conditional constraint, which
        # MariaDB cannot hold; model validation (the admin) still checks it.
        "models.W036",
    ]
# PostgreSQL connections come from psycopg's pool with DATABASE_POOL=1 (for
# gunicorn's threaded workers); otherwise each worker keeps its connection open
# between requests, checked before reuse, instead of connecting per request.
if env_bool("DATABASE_POOL") and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "pool": {
            "min_size": 1,
            "max_size": int(os.environ.get("DATABASE_POOL_SIZE", "4")),
            "timeout": 10,
        },
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = int(
        os.environ.get("DATABASE_CONN_MAX_AGE", "600")
    )

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
elif CACHE_DIR := os.environ.get("CACHE_DIR", "" if DEBUG else str(BASE_DIR / "cache")):
    # Without Redis, production keeps its cache in SQLite files on this machine,
    # shared by every worker process: a moderator's removal leaves every
    # worker's page cache at once, and rate limits count atomically across them.
    CACHES = {
        "default": {
            "BACKEND": "diskcache.DjangoCache",
            "LOCATION": CACHE_DIR,
            "TIMEOUT": 300,
            # One SQLite file per shard: writers to different keys do not wait.
            "SHARDS": 8,
            # Readers wait this long for a writer; a busier cache is skipped.
            "DATABASE_TIMEOUT": 0.25,
            "OPTIONS": {"size_limit": 2**30},
        }
    }
else:
    # Development: one process, nothing to set up.
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

# Admin sign-in: django-axes counts failed attempts per user name and address
# and pauses sign-in for that pair, whether or not the user name exists.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("ADMIN_LOGIN_LOCKOUT_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Failed attempts are kept for the lock-out; successful sign-ins are not logged.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "recoverysite.security.lockout_response"
# The same visitor address as the comment rate limits (see TRUSTED_PROXIES).
AXES_CLIENT_IP_CALLABLE = "recoverysite.security.client_ip"
# The admin's address; another prefix than admin/ keeps scanners off the login.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
# Staff are signed out after this long without a request; visitors who asked
# the comment form to remember them are not affected (that is not a session).
STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", "60"))

# The only sign-in is the admin's.
LOGIN_URL = "admin:login"
# A link to choose a new password works once, for this long.
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60
# Requests for a new password from one address, or for one email, before a pause.
PASSWORD_RESET_RATE_PER_IP = os.environ.get("PASSWORD_RESET_RATE_PER_IP", "5/h")
PASSWORD_RESET_RATE_PER_EMAIL = os.environ.get("PASSWORD_RESET_RATE_PER_EMAIL", "3/h")
# Who must sign in in two steps (accounts/two_step.py): any of "superusers",
# "editors" (the Editor role) and "staff" (everyone who signs in); empty: nobody
# must, everyone may.
TWO_STEP_REQUIRED_FOR = set(env_list("TWO_STEP_REQUIRED_FOR"))
if unknown := TWO_STEP_REQUIRED_FOR - {"superusers", "editors", "staff"}:
    raise ImproperlyConfigured(
        f"TWO_STEP_REQUIRED_FOR: {', '.join(sorted(unknown))} is not one of "
        "superusers, editors, staff (comma-separated)."
    )
# The name authenticator apps show beside the account.
OTP_TOTP_ISSUER = urlsplit(os.environ.get("SITE_URL", "http://127.0.0.1:8000")).hostname

# ---------------------------------------------------------------------------
# Internationalisation
# ---------------------------------------------------------------------------


# The site's language: every page, form and email uses it. Spanish
# translations live in the one project-wide locale/ folder so that a
# translator works on a single catalogue.
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en-us")
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and times in each language's own way ("DATE_FORMAT" in templates).
FORMAT_MODULE_PATH = ["recoverysite.formats"]
# A visitor's choice from the language switch, kept for a year; it only
# changes the words, so it travels like any preference cookie.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
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
# What editors may upload (images/uploads.py, docs/media.md): bytes per
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
# Content Security Policy and analytics
# ---------------------------------------------------------------------------

# A privacy-respecting analytics script on the site's own domain (Plausible,
# Matomo); empty: none. It loads with defer and the policy allows its origin.
ANALYTICS_SCRIPT_URL = os.environ.get("ANALYTICS_SCRIPT_URL", "").strip()
if ANALYTICS_SCRIPT_URL and not ANALYTICS_SCRIPT_URL.startswith(
    ("/", "https://", "http://")
):
    raise ImproperlyConfigured(
        "ANALYTICS_SCRIPT_URL must be an address starting with https:// or /, "
        "e.g. https://stats.example.org/js/script.js"
    )


def origins_of(*urls):
    """``scheme://host`` of each absolute address; paths on this site add none."""
    parts = [urlsplit(url) for url in urls]
    return [f"{part.scheme}://{part.netloc}" for part in parts if part.netloc]


# Recordings play in frames from these hosts only (see events/embeds.py).
EMBED_FRAME_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
# Images from another host: the media host when MEDIA_URL is absolute, plus any
# origin listed in CSP_EXTRA_IMG_SRC (comma-separated).
CSP_EXTRA_IMG_SRC = env_list("CSP_EXTRA_IMG_SRC")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # No inline script on public pages: every script is a static file, and
        # JSON-LD blocks are data the browser never runs. The nonce appears only
        # on pages that use it: the admin's rich-text editor (its import map).
        "script-src": [SELF, NONCE, *origins_of(ANALYTICS_SCRIPT_URL)],
        # Stylesheets only, no inline style, except one: the rich-text editor
        # (Tiptap) adds its fixed base CSS as a <style> element, allowed by its
        # hash. The admin's browser test fails if an upgrade changes it.
        "style-src": [SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "img-src": [SELF, "data:", *origins_of(MEDIA_URL), *CSP_EXTRA_IMG_SRC],
        # Recordings uploaded as video files, and their captions.
        "media-src": [SELF, *origins_of(MEDIA_URL)],
        # Analytics scripts send their counts to where they come from.
        "connect-src": [SELF, *origins_of(ANALYTICS_SCRIPT_URL)],
        "frame-src": EMBED_FRAME_ORIGINS,
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# ---------------------------------------------------------------------------
# Email
# ---------------------------------------------------------------------------

# Every email goes through the task queue (mail/): requests never wait on the
# mail server, and a failed delivery is tried again later. The worker delivers
# with the backend that the EMAIL_BACKEND variable names.
EMAIL_BACKEND = "mail.backends.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
# Seconds before each new try of an email the mail server did not take: eleven
# tries over about a day.
EMAIL_RETRY_DELAYS = [60, 120, 300, 600, 1800, 3600, 7200, 14400, 28800, 43200]
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
# Background work: Django's task framework (the django-tasks backport), run by
# `manage.py worker` (docs/operations.md)
# ---------------------------------------------------------------------------

# "database": tasks in the site's own database (no other service needed);
# "rq": RQ on the Redis at REDIS_URL, for larger sites.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASKS_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured(
            "TASKS_BACKEND=rq needs REDIS_URL, e.g. REDIS_URL=redis://127.0.0.1:6379/0"
        )
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be 'database' or 'rq', not {TASKS_BACKEND!r}."
    )
# /readyz says "degraded" when a task has waited longer than this for a worker,
# or when more tasks than this have failed for good in the last day.
TASKS_BACKLOG_WARNING_SECONDS = int(
    os.environ.get("TASKS_BACKLOG_WARNING_SECONDS", "300")
)
TASKS_FAILED_WARNING_COUNT = int(os.environ.get("TASKS_FAILED_WARNING_COUNT", "0"))
# Finished tasks are kept this long for the admin and then forgotten.
TASKS_RESULT_RETENTION_DAYS = int(os.environ.get("TASKS_RESULT_RETENTION_DAYS", "30"))

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
# How far ahead a series' meetings exist as events; a daily job extends it.
EVENTS_SERIES_HORIZON_DAYS = int(os.environ.get("EVENTS_SERIES_HORIZON_DAYS", "90"))
# How many days a draft's share link opens it for someone without an account.
SHARE_LINK_DAYS = int(os.environ.get("SHARE_LINK_DAYS", "7"))
# What the site search covers, in the order of its tabs (search/sources.py).
SEARCH_MODELS = ["articles.Article", "events.Event", "events.Presenter", "pages.Page"]
TAGGIT_CASE_INSENSITIVE = True
# Tags typed in the admin are separated by commas only (recoverysite/tags.py).
TAGGIT_TAGS_FROM_STRING = "recoverysite.tags.tags_from_string"
TAGGIT_STRING_FROM_TAGS = "recoverysite.tags.string_from_tags"
# ASCII tag slugs, which the <slug:> URL converter accepts.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
# Whole pages kept for anonymous visitors (0 turns it off; off with DEBUG).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "600"))
# Each comment thread's HTML, kept until the thread changes (this is only the
# longest a thread nobody changes is kept; 0 turns it off; off with DEBUG, so that
# template edits show at once).
COMMENT_THREAD_CACHE_SECONDS = int(
    os.environ.get("COMMENT_THREAD_CACHE_SECONDS", "0" if DEBUG else "86400")
)
# How long browsers and shared caches may keep a public page without asking again.
BROWSER_CACHE_SECONDS = int(
    os.environ.get("BROWSER_CACHE_SECONDS", "0" if DEBUG else "60")
)
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

# ----- Registrations -----
# Hours before an event's start when registrants are reminded (events may differ).
REGISTRATION_REMINDER_HOURS = os.environ.get("REGISTRATION_REMINDER_HOURS", "24,1")
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "30"))
REGISTRATION_RATE_PER_IP = os.environ.get("REGISTRATION_RATE_PER_IP", "10/h")
REGISTRATION_RATE_PER_EMAIL = os.environ.get("REGISTRATION_RATE_PER_EMAIL", "5/h")

# ----- Email updates (subscriptions/, docs/operations.md#email-updates) -----
# At most this many emails to subscribers are handed to the mail queue a minute,
# within what the mail server or provider accepts.
SUBSCRIPTIONS_EMAILS_PER_MINUTE = int(
    os.environ.get("SUBSCRIPTIONS_EMAILS_PER_MINUTE", "120")
)
# The weekly digest goes on this weekday (0 = Monday) from this hour, site time.
SUBSCRIPTIONS_DIGEST_WEEKDAY = int(os.environ.get("SUBSCRIPTIONS_DIGEST_WEEKDAY", "0"))
SUBSCRIPTIONS_DIGEST_HOUR = int(os.environ.get("SUBSCRIPTIONS_DIGEST_HOUR", "9"))
SUBSCRIPTIONS_RATE_PER_IP = os.environ.get("SUBSCRIPTIONS_RATE_PER_IP", "10/h")
SUBSCRIPTIONS_RATE_PER_EMAIL = os.environ.get("SUBSCRIPTIONS_RATE_PER_EMAIL", "5/h")
COMMENTS_RATE_PER_IP = os.environ.get("COMMENTS_RATE_PER_IP", "5/10m")
COMMENTS_RATE_PER_EMAIL = os.environ.get("COMMENTS_RATE_PER_EMAIL", "5/10m")
COMMENTS_MODERATOR_BATCH_MINUTES = 5
# Reports from visitors: how many a person may send, and how many open reports
# take a comment off the page until a moderator has looked.
COMMENTS_REPORT_RATE_PER_IP = os.environ.get("COMMENTS_REPORT_RATE_PER_IP", "5/h")
COMMENTS_REPORTS_TO_HOLD = int(os.environ.get("COMMENTS_REPORTS_TO_HOLD", "3"))
# How long this browser may remove comments it posted, without the email link.
COMMENTS_SELF_REMOVAL_DAYS = int(os.environ.get("COMMENTS_SELF_REMOVAL_DAYS", "30"))
# Rate limits keep working, without counting, when the cache is down.
RATELIMIT_FAIL_OPEN = True
# Per-IP limits count the visitor's address, not a proxy's (TRUSTED_PROXIES).
RATELIMIT_IP_META_KEY = "recoverysite.security.client_ip"
AKISMET_API_KEY = os.environ.get("AKISMET_API_KEY", "")
# Tests swap in akismet.TestSyncClient, which answers without the network.
AKISMET_CLIENT_CLASS = "akismet.SyncClient"

# ----- Contact form -----
# Who is emailed each message (comma-separated); empty: every active account
# that may read contact messages in the admin (the Editor role, superusers).
CONTACT_RECIPIENTS = env_list("CONTACT_RECIPIENTS")
# Messages are erased this many days after they came, handled or not.
CONTACT_RETENTION_DAYS = int(os.environ.get("CONTACT_RETENTION_DAYS", "180"))
CONTACT_MESSAGE_MAX_LENGTH = 5000
# A form sent sooner than this after the page was handed out is asked again.
CONTACT_MIN_SECONDS_TO_WRITE = int(os.environ.get("CONTACT_MIN_SECONDS_TO_WRITE", "3"))
CONTACT_RATE_PER_IP = os.environ.get("CONTACT_RATE_PER_IP", "5/h")
CONTACT_RATE_PER_EMAIL = os.environ.get("CONTACT_RATE_PER_EMAIL", "3/h")

# ---------------------------------------------------------------------------
# Operations: several app servers, object storage, a read replica, outages
# (docs/operations.md and docs/scaling.md)
# ---------------------------------------------------------------------------

if REDIS_URL:
    # Every app server reads the same sessions; the database keeps them when
    # Redis is down or emptied, so nobody is signed out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Comment rate limits count in the shared cache, across all app servers.
RATELIMIT_USE_CACHE = "default"

# Uploads on S3-compatible object storage when a bucket is named; the local
# MEDIA_ROOT otherwise.
if os.environ.get("MEDIA_STORAGE", "") == "s3" or os.environ.get(
    "AWS_STORAGE_BUCKET_NAME"
):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            # Public pictures get plain, cacheable addresses, not expiring ones.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH"),
            "default_acl": os.environ.get("AWS_DEFAULT_ACL") or None,
            # Two uploads with one name both stay, as on the filesystem.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "max-age=31536000"},
        },
    }
    if not STORAGES["default"]["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME (and usually "
            "AWS_S3_ENDPOINT_URL, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)."
        )

# Reads of anonymous page views go to a replica when one is configured.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_health_checks=True
    )
    # The replica serves the same tables: tests read through the primary.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["operations.replicas.PrimaryReplicaRouter"]
    # Anonymous page views read from the replica; a browser that just wrote,
    # from the primary.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("pagecache.middleware.AnonymousPageCacheMiddleware") + 1,
        "operations.replicas.ReplicaReadsMiddleware",
    )
# A browser reads from the primary for this long after it changed something.
REPLICA_MAX_LAG_SECONDS = int(os.environ.get("REPLICA_MAX_LAG_SECONDS", "10"))

# Seconds a visitor of the "back soon" page is asked to wait before retrying.
OUTAGE_RETRY_AFTER_SECONDS = int(os.environ.get("OUTAGE_RETRY_AFTER_SECONDS", "30"))
# Load balancers probe health over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
