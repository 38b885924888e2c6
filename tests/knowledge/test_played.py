"""How an example plays its trope: table tests for the detector, and its score on real texts.

Runs without Django:
``.venv/bin/python -m pytest tests/knowledge/test_played.py -p no:django -p no:cacheprovider``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest

from tropewiki.knowledge.played import STRAIGHT, VARIATIONS, badge_label, detect_played
from tropewiki.knowledge.played_eval import (
    DriftError,
    load_labelled,
    read_locators,
    score,
)

LABELS = Path(__file__).with_name("played_labels.tsv")
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


# --- Announcements, one or more per variation ------------------------------------------------

ANNOUNCED = [
    ("Exaggerated. Every single scene ends in a fistfight.", ["exaggerated"]),
    ("Career Sergeant Zim, an exaggerated version who breaks a recruit's arm.", ["exaggerated"]),
    ("Downplayed: Delia is rude to Lydia but never cruel.", ["downplayed"]),
    ("Justified, as the setting is the Scottish Highlands.", ["justified"]),
    ("Kwon, though justified in that he was shot in the shoulder.", ["justified"]),
    ("Which is also justified given that she lives in Hawaii.", ["justified"]),
    ("Inverted - no one ever shows any outrage against the system.", ["inverted"]),
    ("Then the trope is inverted when she rescues him.", ["inverted"]),
    ("Gender Inverted: the prince is the one locked in the tower.", ["gender-inverted"]),
    ("A gender inversion, with Billy dying of malaria.", ["gender-inverted"]),
    ("Subverted. When Ruth flatlines, nobody tries to save her.", ["subverted"]),
    ("Cher is a subversion of this.", ["subverted"]),
    ("Brandi herself subverts this trope, wanting to wait until marriage.", ["subverted"]),
    ("Double Subverted: the makeover fails, then the second one works.", ["double-subverted"]),
    ("Parodied by Chris Farley.", ["parodied"]),
    ("Sweet Polly Oliver: Spoofed. The officer wears an obvious fake mustache.", ["parodied"]),
    ("Captain Spaulding is a parody of this trope.", ["parodied"]),
    ("Zig-zagged: Betty can flip an attacker, but spends as long as a damsel.", ["zig-zagged"]),
    ("Played with. The third act is a slow-motion version of it.", ["played-with"]),
    ("Played with Vicki Vale, who saves him once.", ["played-with"]),
    ("The Man Who Knew Too Little plays with this trope.", ["played-with"]),
    ("Creepily averted. The hospitals are shown slowly killing people.", ["averted"]),
    ("Averted - the stated reason why they must be creative.", ["averted"]),
    ("Uhura is portrayed as smart, competent, and an aversion to this trope.", ["averted"]),
    ("Enforced: the studio insisted on the scene.", ["enforced"]),
    ('Lampshaded when she sings "Don\'t I have a nice rack?"', ["lampshaded"]),
    ("Invoked by Rhett, who insists that she look the part.", ["invoked"]),
    ("Exploited later by Oz, who tricks her into faking his death.", ["exploited"]),
    ("Defied. Iris is told not to stand there like a referee.", ["defied"]),
    ('Discussed by Vinny: "You killed a good ol\' boy."', ["discussed"]),
    ("Conversed: the two watch a film and mock the trope.", ["conversed"]),
    ("Implied with Skyler, who was dragged into an abusive relationship.", ["implied"]),
    ("Evelyn is also heavily implied to be this.", ["implied"]),
    ("Deconstructed. The new teacher makes the situation even worse.", ["deconstructed"]),
    ("Sidney evolves from a straight example into a deconstruction.", ["deconstructed"]),
    ("Reconstructed: the sequel shows why it works after all.", ["reconstructed"]),
    ("Played for Laughs when a giant turns into a little person.", ["played-for-laughs"]),
    ("Mostly played for laughs in the form of Brad.", ["played-for-laughs"]),
    ("Clingy Jealous Girl: Wataru's mom, Played for Drama.", ["played-for-drama"]),
    (
        "Screaming Woman: Played for horror. Her scream is imprinted on the stone.",
        ["played-for-horror"],
    ),
]


@pytest.mark.parametrize("text, expected", ANNOUNCED)
def test_announcement(text: str, expected: list[str]) -> None:
    """An announced variation is detected, alone."""
    assert detect_played(text) == expected


# --- Markup and links ------------------------------------------------------------------------

LINKED = [
    ("[[InvertedTrope Inverted]] - Ruth is kind.", ["inverted"]),
    ("Ruth is kind, which {{Subverted Trope}} the usual Alpha Bitch.", ["subverted"]),
    ("Ruth is kind; this is an AvertedTrope through and through.", ["averted"]),
    ("See [[Main/ZigZaggingTrope]] for the rest.", ["zig-zagged"]),
    ("Her speech [[DeconstructedTrope takes it apart]].", ["deconstructed"]),
    ("Everyone comments on it, a LampshadeHanging of the highest order.", ["lampshaded"]),
    ("The butler's faint is PlayedForLaughs.", ["played-for-laughs"]),
    ("In the remake it is a [[GenderFlip]].", ["gender-inverted"]),
    ("Later the villain [[DoubleSubversion double-subverts]] it.", ["double-subverted"]),
    ("The trope is {{Justified Trope}}: they are at war.", ["justified"]),
    ("[[JustifiedTrope Justified]] because she's a child.", ["justified"]),
    ("Ruth [[DefiedTrope refuses]] to cry.", ["defied"]),
    ("''Subverted'' - [[spoiler:she was the killer all along]].", ["subverted"]),
    ("[[spoiler:Averted.]] Nobody dies.", ["averted"]),
    ("Film/InvertedWorld is a film about a world upside down.", []),
]


@pytest.mark.parametrize("text, expected", LINKED)
def test_markup_and_links(text: str, expected: list[str]) -> None:
    """Links to variation pages count anywhere; markup around an announcement is ignored."""
    assert detect_played(text) == expected


PAGES = [
    ("InvertedTrope", "inverted"),
    ("SubvertedTrope", "subverted"),
    ("AvertedTrope", "averted"),
    ("PlayedForLaughs", "played-for-laughs"),
    ("PlayedForDrama", "played-for-drama"),
    ("PlayedForHorror", "played-for-horror"),
    ("ZigZaggingTrope", "zig-zagged"),
    ("DeconstructedTrope", "deconstructed"),
    ("ReconstructedTrope", "reconstructed"),
    ("LampshadeHanging", "lampshaded"),
    ("JustifiedTrope", "justified"),
    ("DoubleSubversion", "double-subverted"),
    ("DefiedTrope", "defied"),
    ("DiscussedTrope", "discussed"),
    ("InvokedTrope", "invoked"),
    ("ExploitedTrope", "exploited"),
    ("EnforcedTrope", "enforced"),
    ("ConversedTrope", "conversed"),
    ("ImpliedTrope", "implied"),
    ("ExaggeratedTrope", "exaggerated"),
    ("DownplayedTrope", "downplayed"),
    ("ParodiedTrope", "parodied"),
    ("GenderFlip", "gender-inverted"),
    ("GenderInvertedTrope", "gender-inverted"),
]


@pytest.mark.parametrize("page, slug", PAGES)
@pytest.mark.parametrize(
    "template",
    [
        "Ruth is kind, see Main/{page}.",
        "Ruth is kind, a [[{page} twist]] on it.",
        "Ruth is kind ({page}).",
        "Ruth is kind: http://tvtropes.org/pmwiki/pmwiki.php/Main/{page}",
    ],
)
def test_variation_pages(page: str, slug: str, template: str) -> None:
    """A link to any variation page, in any link form, names that variation."""
    assert detect_played(template.format(page=page)) == [slug]


ADVERBS = [
    "Somewhat subverted, since she apologises.",
    "Partially subverted: she apologises.",
    "Ultimately subverted when she apologises.",
    "Notably subverted with Ruth.",
    "Subtly subverted in the film.",
    "Kinda subverted.",
]


@pytest.mark.parametrize("text", ADVERBS)
def test_adverbs_before_announcement(text: str) -> None:
    """Adverbs may stand before an opening announcement."""
    assert detect_played(text) == ["subverted"]


# --- Combinations and order ------------------------------------------------------------------

COMBINED = [
    ("Both played straight and averted.", ["averted"]),
    ("Played straight and subverted.", ["subverted"]),
    ("Initially played straight, then subverted when she leaves.", ["subverted"]),
    ("Played straight with the Red Queen, averted with the White.", ["averted"]),
    ("Subverted and then Inverted: he runs the town.", ["inverted", "subverted"]),
    (
        "Deconstructed, subverted, invoked, and played straight.",
        ["subverted", "invoked", "deconstructed"],
    ),
    ("Horribly averted (or at least subverted) with Judy.", ["subverted", "averted"]),
    (
        "Subverted when she's in on it, and double subverted when she turns.",
        ["subverted", "double-subverted"],
    ),
    ('Lampshaded and Played for Laughs: "Hey, Shuv-Oohl!"', ["lampshaded", "played-for-laughs"]),
    ("Alpha Bitch: Ruth. Later subverted when she apologises.", ["subverted"]),
    ("Ruth is cruel to Kathy. Lampshaded by Tommy near the end.", ["lampshaded"]),
    ("Played with, but ultimately averted.", ["played-with", "averted"]),
    ("Break the Cutie: Played with. The third act is a slow-motion break.", ["played-with"]),
    ("Ms. Fanservice: Marcia at the pool. And yes, it is lampshaded.", ["lampshaded"]),
]


@pytest.mark.parametrize("text, expected", COMBINED)
def test_combinations(text: str, expected: list[str]) -> None:
    """Several announcements are all found and returned in the canonical order."""
    assert detect_played(text) == expected


# --- What must not count --------------------------------------------------------------------

STRAIGHT_TEXTS = [
    ("Ruth is the queen bee of Hailsham.", "an ordinary example"),
    ("Played straight.", "played straight announces no variation"),
    ("Played straight as an arrow with Jacob.", "played straight with a follower"),
    ("She averted her eyes when he came in.", "averted with an object"),
    ("The inverted cross above the altar glows.", "inverted as an adjective"),
    ("Everyone laughed, and his plan was subverted by Han.", "subverted mid-sentence"),
    ("The generals discuss surrender terms.", "discuss in prose"),
    ("He defies gravity, and boyars.", "defies in prose"),
    ("Monica loves telling tales of her imaginary exploits.", "exploits as a noun"),
    ("She is implied to be promiscuous, and implied to be twenty.", "an implied detail"),
    ("In the book, it's implied that this comes from her mother.", "it's implied that"),
    ("Maria invoked dark powers to protect her children.", "invoked in prose"),
    ("Not at all played for laughs when it happens to Henri.", "negated"),
    ("Andy shows an aversion to robots.", "aversion to something"),
    ("The Mel Brooks parody Spaceballs has one.", "parody as a genre label"),
    ("Kathy is Betty, while Ruth is Veronica, playing with people's hearts.", "playing with"),
    ("Utopia Justifies the Means: people live past 100.", "variation word in a trope name"),
    ("Justified Extremist: Joe, who bombs the mine.", "trope name starting with a variation"),
    ("Zigesfeld's golden robotic hand.", "zig inside a name"),
    ("Han (played by Harrison Ford) shoots first.", "played by"),
]


@pytest.mark.parametrize("text, why", STRAIGHT_TEXTS)
def test_straight(text: str, why: str) -> None:
    """Variation words in plain prose, negated, or in names are not announcements."""
    assert detect_played(text) == [], why


def test_double_subverted_alone() -> None:
    """ "Double subverted" is its own variation and does not also count as subverted."""
    assert detect_played("Double subverted when she turns back.") == ["double-subverted"]
    assert detect_played("An impressive Double Subversion.") == ["double-subverted"]


def test_full_bullet_text() -> None:
    """The whole bullet, trope name and colon included, reads like the text after the colon."""
    text = "Inconvenient Hippocratic Oath: Creepily averted. In the film version…"
    assert detect_played(text) == detect_played(text.partition(": ")[2]) == ["averted"]


def test_linear_on_long_text() -> None:
    """A long run of near-announcements finishes quickly and finds what is there."""
    text = "Both played straight and, and, and, " * 2000 + "averted."
    assert detect_played(text) == ["averted"]


# --- The API --------------------------------------------------------------------------------


def test_variations_are_unique_and_labelled() -> None:
    """Every variation has a unique slug, a label and a one-line description."""
    slugs = [variation.slug for variation in VARIATIONS]
    assert len(slugs) == len(set(slugs)) and STRAIGHT not in slugs
    for variation in VARIATIONS:
        assert variation.label and variation.description and "\n" not in variation.description


@pytest.mark.parametrize(
    "slug, label",
    [
        (STRAIGHT, "Straight"),
        ("double-subverted", "Double Subverted"),
        ("zig-zagged", "Zig-Zagged"),
    ],
)
def test_badge_label(slug: str, label: str) -> None:
    """Badges read as the human label of the slug."""
    assert badge_label(slug) == label


def test_badge_label_unknown() -> None:
    """An unknown slug is an error, not a blank badge."""
    with pytest.raises(KeyError):
        badge_label("sideways")


# --- The labelled set -----------------------------------------------------------------------


def _write_shared(root: Path, text: str) -> None:
    (root / "seed").mkdir(parents=True)
    (root / "seed" / "page.txt").write_text(f"Title\n  \u2022 {text}\n", encoding="utf-8")
    (root / "data").mkdir()
    (root / "data" / "films.json").write_text(json.dumps([{"d": {"X": text}}]), "utf-8")
    with gzip.open(root / "data" / "roles.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "Film", "roles": {"f": [{"role": text}]}}) + "\n")
    quoted = text.replace('"', '""')
    (root / "data" / "works.psv").write_text(f'trope|example\nA|"{quoted}"\n', "utf-8")


def test_locators_resolve_every_kind(tmp_path: Path) -> None:
    """Each kind of locator finds its text, checked against the recorded digest."""
    text = 'Subverted, "of course".'
    sha1 = hashlib.sha1(text.encode()).hexdigest()[:8]
    _write_shared(tmp_path, text)
    tsv = tmp_path / "labels.tsv"
    tsv.write_text(
        "# comment\nsource\tkey\tsha1\tlabels\tnote\n"
        f"seed/page.txt\t2\t{sha1}\tsubverted\n"
        f"data/films.json\t0/d/X\t{sha1}\tsubverted\ta note\n"
        f"data/roles.jsonl.gz\tFilm/roles/f/0\t{sha1}\tsubverted\n"
        f"data/works.psv\t2/example\t{sha1}\tsubverted\n",
        encoding="utf-8",
    )
    items = load_labelled(tsv, tmp_path)
    assert [item.text for item in items] == [text] * 4
    assert score(items, detect_played).micro_f1 == 1.0


def test_drift_is_reported(tmp_path: Path) -> None:
    """A text that changed since it was labelled fails loudly, naming the row."""
    _write_shared(tmp_path, "Averted.")
    tsv = tmp_path / "labels.tsv"
    tsv.write_text("seed/page.txt\t2\t00000000\taverted\n", encoding="utf-8")
    with pytest.raises(DriftError, match=re.escape("seed/page.txt 2")):
        load_labelled(tsv, tmp_path)


def test_unknown_label_is_rejected(tmp_path: Path) -> None:
    """A typo in a hand label is caught when the set is read."""
    tsv = tmp_path / "labels.tsv"
    tsv.write_text("seed/page.txt\t2\t00000000\tsubvertd\n", encoding="utf-8")
    with pytest.raises(ValueError, match="subvertd"):
        read_locators(tsv)


def test_labelled_set_is_large_and_varied() -> None:
    """The labelled set has at least 200 rows from all four sources, straight ones included."""
    locators = read_locators(LABELS)
    assert len(locators) >= 200
    sources = {locator.source.split("/")[-2] for locator in locators}
    assert {"stereotropes", "made_tropes_films", "did_media_disability_tropes", "seed"} <= sources
    assert sum(not locator.labels for locator in locators) >= 100


def test_measured_on_real_texts() -> None:
    """On the hand-labelled real texts, micro-F1 over the variations is at least 0.9."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: this test reads the shared TV Tropes data")
    scores = score(load_labelled(LABELS, SHARED), detect_played)
    assert scores.micro_f1 >= 0.9, f"micro-F1 {scores.micro_f1:.3f}"
    assert scores.straight_accuracy >= 0.9, f"straight accuracy {scores.straight_accuracy:.3f}"
