"""Namespaces the markup knows by name.

Any capitalised word followed by ``/`` and a WikiWord (or ``{{…}}``) is read as a namespace, so
``KingdomHeartsII/TropesAToL`` works for work-keyed groups too. The ``.`` form (``Main.X``) is
only accepted for the names below, so that ``end.Sentence`` in prose never becomes a link.
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_NAMESPACE",
    "KNOWN_NAMESPACES",
    "MEDIA_NAMESPACES",
    "SITE_NAMESPACES",
    "SUBPAGE_NAMESPACES",
    "USER_NAMESPACE",
]

#: The namespace of a bare WikiWord.
DEFAULT_NAMESPACE = "Main"

#: Where ``@/{{Handle}}`` points.
USER_NAMESPACE = "Tropers"

#: Namespaces of works.
MEDIA_NAMESPACES: frozenset[str] = frozenset(
    {
        "Advertising",
        "Animation",
        "Anime",
        "ARG",
        "Art",
        "AudioPlay",
        "Blog",
        "Bollywood",
        "ComicBook",
        "ComicStrip",
        "Creator",
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
        "Webcomic",
        "WebVideo",
        "WesternAnimation",
        "Wrestling",
    }
)

#: Namespaces of pages keyed by a work's or a trope's name.
SUBPAGE_NAMESPACES: frozenset[str] = frozenset(
    {
        "Analysis",
        "Awesome",
        "Characters",
        "FanficRecs",
        "FanWorks",
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
    }
)

#: Namespaces of the site itself.
SITE_NAMESPACES: frozenset[str] = frozenset(
    {
        DEFAULT_NAMESPACE,
        "Administrivia",
        USER_NAMESPACE,
        "Sandbox",
        "DarthWiki",
        "SugarWiki",
        "JustForFun",
        "UsefulNotes",
    }
)

#: Every namespace accepted in the ``Namespace.Name`` form.
KNOWN_NAMESPACES: frozenset[str] = MEDIA_NAMESPACES | SUBPAGE_NAMESPACES | SITE_NAMESPACES
