from django.apps import AppConfig


class CliConfig(AppConfig):
    name = "tropewiki.cli"
    label = "tropewiki_cli"
    verbose_name = "Command line"
