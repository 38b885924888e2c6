"""Django settings for tropewiki: every value comes from the environment via :mod:`tropewiki.env`.

The variables, their defaults and their meaning are declared in ``env.SETTINGS`` and listed in
``docs/settings.md``.
"""

from __future__ import annotations

from pathlib import Path

from tropewiki import env

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = env.home()

SECRET_KEY = env.secret_key()
DEBUG = env.flag("TROPEWIKI_DEBUG")
ALLOWED_HOSTS = [h.strip() for h in env.setting("TROPEWIKI_ALLOWED_HOSTS").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "tropewiki.wiki",
    "tropewiki.knowledge",
    "tropewiki.accounts",
    "tropewiki.search",
    "tropewiki.web",
    "tropewiki.cli",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "tropewiki.web.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "tropewiki.web.urls"
WSGI_APPLICATION = "tropewiki.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "tropewiki.web.jinja.environment",
            "autoescape": True,
            "context_processors": ["tropewiki.web.context.reader_preferences"],
        },
    },
]

DATABASES = {"default": env.database_config(env.setting("TROPEWIKI_DATABASE_URL"), DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_config(env.setting("TROPEWIKI_CACHE_URL"))}
# Several wikis (or a re-created database) may share one Redis: keep their keys apart.
CACHES["default"]["KEY_PREFIX"] = env.cache_prefix(DATABASES["default"])

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/-/login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
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
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = False
SESSION_COOKIE_HTTPONLY = True
DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * 1024 * 1024

# tropewiki's own settings (read through tropewiki.conf at use time, see docs/settings.md)
TROPEWIKI_OPEN_EDITING = env.flag("TROPEWIKI_OPEN_EDITING")
TROPEWIKI_SIGNUP = env.flag("TROPEWIKI_SIGNUP")
TROPEWIKI_PAGE_CACHE_SECONDS = int(env.setting("TROPEWIKI_PAGE_CACHE_SECONDS"))
TROPEWIKI_MAX_PAGE_BYTES = 1024 * 1024
TROPEWIKI_CONTENT_LICENCE = env.setting("TROPEWIKI_CONTENT_LICENCE")
TROPEWIKI_CONTENT_LICENCE_URL = env.setting("TROPEWIKI_CONTENT_LICENCE_URL")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django": {"handlers": ["console"], "level": env.setting("TROPEWIKI_LOG_LEVEL")},
        "tropewiki": {"handlers": ["console"], "level": env.setting("TROPEWIKI_LOG_LEVEL")},
    },
}

CSRF_FAILURE_VIEW = "tropewiki.web.views.errors.csrf_failure"
