from django.apps import AppConfig


class WikiConfig(AppConfig):
    name = "tropewiki.wiki"
    label = "wiki"
    verbose_name = "Wiki pages"
    default_auto_field = "django.db.models.BigAutoField"
