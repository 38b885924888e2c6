"""WSGI entry point (gunicorn ``tropewiki.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropewiki.settings")
application = get_wsgi_application()
