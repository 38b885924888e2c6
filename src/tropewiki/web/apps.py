from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tropewiki.web"
    label = "web"
    verbose_name = "Web interface"
