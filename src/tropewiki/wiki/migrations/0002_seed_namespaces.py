"""Seed the namespaces every wiki starts with (kind and default page type)."""

from django.db import migrations

# Frozen here so that later edits to the seed list do not rewrite history.
MEDIA = [
    "ARG",
    "Advertising",
    "Animation",
    "Anime",
    "Art",
    "AudioPlay",
    "Blog",
    "Bollywood",
    "ComicBook",
    "ComicStrip",
    "Fanfic",
    "Film",
    "Franchise",
    "LetsPlay",
    "LightNovel",
    "Literature",
    "Manga",
    "Manhua",
    "Manhwa",
    "Music",
    "Myth",
    "Podcast",
    "Radio",
    "Ride",
    "Roleplay",
    "Series",
    "TabletopGame",
    "Theatre",
    "Toys",
    "VideoGame",
    "VisualNovel",
    "WebAnimation",
    "WebVideo",
    "Webcomic",
    "WesternAnimation",
    "Wrestling",
]
SUBPAGES = [
    "Analysis",
    "Awesome",
    "Characters",
    "FanWorks",
    "FanficRecs",
    "Fridge",
    "Funny",
    "Haiku",
    "Headscratchers",
    "ImageLinks",
    "Laconic",
    "PlayingWith",
    "Quotes",
    "Recap",
    "ReferencedBy",
    "Synopsis",
    "Timeline",
    "Trivia",
    "WMG",
    "YMMV",
]
SITE = ["Administrivia", "DarthWiki", "JustForFun", "Sandbox", "SugarWiki", "Tropers"]


def seed(apps, schema_editor):
    Namespace = apps.get_model("wiki", "Namespace")
    rows = [Namespace(name="Main", kind="main", default_type="trope")]
    rows += [Namespace(name=n, kind="media", default_type="work") for n in MEDIA]
    rows.append(Namespace(name="Creator", kind="media", default_type="creator"))
    rows += [Namespace(name=n, kind="subpage", default_type="subpage") for n in SUBPAGES]
    rows.append(Namespace(name="UsefulNotes", kind="site", default_type="usefulnote"))
    rows += [Namespace(name=n, kind="site", default_type="other") for n in SITE]
    Namespace.objects.bulk_create(rows, ignore_conflicts=True)


def unseed(apps, schema_editor):
    apps.get_model("wiki", "Namespace").objects.filter(pages__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("wiki", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
