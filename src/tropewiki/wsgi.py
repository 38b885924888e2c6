"""WSGI entry point (gunicorn ``tropewiki.wsgi:application``).

Django's application, with the two hottest JSON reads answered in front of it
(:mod:`tropewiki.web.fast_reads`).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropewiki.settings")
django_application = get_wsgi_application()  # sets Django up: import the web code after it

from tropewiki.web.fast_reads import FastReads  # noqa: E402

application = FastReads(django_application)
