"""How an example plays its trope: the "Playing With a Trope" variations its text announces.

An example's text (what follows ``* TropeName:``) usually says up front how the work uses the
trope: "Inverted - …", "Subverted.", "Creepily averted.", "Played for Laughs", or it links a
variation page (``Main/InvertedTrope``, ``{{Subverted Trope}}``). :func:`detect_played` reads
those announcements and returns variation slugs in the order of :data:`VARIATIONS`; ``[]``
means the example plays the trope straight ("Played straight." included).

Words that are also plain English ("averted her eyes", "the inverted cross", "his plan was
subverted by…") count only where an editor announces a variation:

* at the start of a clause — the start of the text or of a sentence, or after a colon,
  semicolon, dash, parenthesis, comma or conjunction — optionally after adverbs ("Creepily
  averted", "Both played straight and averted", "Later subverted when…", "but is subverted"),
  and followed by punctuation or a connecting word, never by an object ("averted her eyes");
  "Implied" only at the start of a sentence;
* with an explicit reference to the trope: "this trope is subverted", "it's justified",
  "subverts this trope", "a subversion", "an exaggerated version", "Inverted Trope",
  "implied to be this".

Pure jargon ("lampshaded", "zig-zagged", "double subverted", "played for laughs",
"gender-flipped", "deconstruction", "parodied", "spoofed") and links to variation pages count
anywhere. Negated announcements ("not played for laughs") never count. "Double subverted" and
"gender inverted" do not also count as "subverted" and "inverted".

Cost: a text with none of the variation stems ("avert", "subver", "lampshad", …) is settled by
a few substring searches; otherwise each rule is tried only at a stem or in the short window
before it, so the work stays linear in the length of the text. The module imports nothing from
Django: it is called on every example of every save and measured standalone
(``bench/played.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["STRAIGHT", "VARIATIONS", "Variation", "badge_label", "detect_played"]

STRAIGHT = "straight"
"""Slug shown for an example that announces no variation (``detect_played`` returns ``[]``)."""


@dataclass(frozen=True)
class Variation:
    """One way of playing a trope, as listed on TV Tropes' "Playing With a Trope"."""

    slug: str
    label: str
    description: str


VARIATIONS: tuple[Variation, ...] = (
    Variation("exaggerated", "Exaggerated", "The trope is pushed well past its usual strength."),
    Variation("downplayed", "Downplayed", "The trope is present in a milder, toned-down form."),
    Variation("justified", "Justified", "The story gives a plausible in-world reason for it."),
    Variation("inverted", "Inverted", "The roles or the outcome are reversed."),
    Variation("gender-inverted", "Gender Inverted", "The usual genders of the trope are swapped."),
    Variation("subverted", "Subverted", "It is set up, then turns out not to happen."),
    Variation("double-subverted", "Double Subverted", "A subversion is itself subverted."),
    Variation("parodied", "Parodied", "The trope is mocked by imitating it."),
    Variation("zig-zagged", "Zig-Zagged", "It flips back and forth between several variations."),
    Variation(
        "played-with", "Played With", "The work toys with the trope without one clear variation."
    ),
    Variation("averted", "Averted", "The trope could have applied and deliberately does not."),
    Variation("enforced", "Enforced", "Outside pressure (studio, censors, budget) made it happen."),
    Variation("lampshaded", "Lampshaded", "Characters point out that the trope is happening."),
    Variation("invoked", "Invoked", "A character deliberately brings the trope about."),
    Variation("exploited", "Exploited", "A character takes advantage of the trope."),
    Variation("defied", "Defied", "A character deliberately prevents the trope."),
    Variation("discussed", "Discussed", "Characters talk about the trope itself."),
    Variation(
        "conversed", "Conversed", "Characters discuss the trope as it appears in other works."
    ),
    Variation("implied", "Implied", "The trope happens off-screen and is only hinted at."),
    Variation("deconstructed", "Deconstructed", "Its real-world consequences are explored."),
    Variation("reconstructed", "Reconstructed", "It is rebuilt to work after a deconstruction."),
    Variation("played-for-laughs", "Played for Laughs", "The trope is used for comedy."),
    Variation("played-for-drama", "Played for Drama", "The trope is used seriously, for drama."),
    Variation("played-for-horror", "Played for Horror", "The trope is used to frighten."),
)

_ORDER = {variation.slug: index for index, variation in enumerate(VARIATIONS)}
_LABELS = {variation.slug: variation.label for variation in VARIATIONS}


def badge_label(slug: str) -> str:
    """The human label for a variation slug (``"Straight"`` for ``STRAIGHT``).

    Raises ``KeyError`` for an unknown slug, so a typo in a caller is caught early.
    """
    if slug == STRAIGHT:
        return "Straight"
    return _LABELS[slug]


# --- Links to the variation pages ------------------------------------------------------------

# Page names (lower case, without spaces) of the pages that define each variation.
_PAGES: dict[str, str] = {
    "exaggeratedtrope": "exaggerated",
    "downplayedtrope": "downplayed",
    "justifiedtrope": "justified",
    "invertedtrope": "inverted",
    "genderflip": "gender-inverted",
    "genderflipped": "gender-inverted",
    "genderinvertedtrope": "gender-inverted",
    "subvertedtrope": "subverted",
    "doublesubversion": "double-subverted",
    "doublesubvertedtrope": "double-subverted",
    "parodiedtrope": "parodied",
    "zigzaggingtrope": "zig-zagged",
    "zigzaggedtrope": "zig-zagged",
    "avertedtrope": "averted",
    "enforcedtrope": "enforced",
    "lampshadehanging": "lampshaded",
    "invokedtrope": "invoked",
    "exploitedtrope": "exploited",
    "defiedtrope": "defied",
    "discussedtrope": "discussed",
    "conversedtrope": "conversed",
    "impliedtrope": "implied",
    "deconstructedtrope": "deconstructed",
    "deconstruction": "deconstructed",
    "reconstructedtrope": "reconstructed",
    "reconstruction": "reconstructed",
    "playedforlaughs": "played-for-laughs",
    "playedfordrama": "played-for-drama",
    "playedforhorror": "played-for-horror",
}

# ``{{Inverted Trope}}``, ``[[InvertedTrope inverts]]``, ``[[Main/InvertedTrope]]``.
_BRACKET_LINK = re.compile(r"\{\{([^{}|]{1,80})(?:\|[^{}]*)?\}\}|\[\[([^\[\]\s|]{1,80})")
# A bare CamelCase word (pmwiki links those without brackets), alone or after ``Main/``
# (``…/pmwiki.php/Main/InvertedTrope`` too), never in another namespace (``Film/…``).
_CAMEL_LINK = re.compile(r"(?:(?<=\bMain[/.])|(?<![\w/.]))([A-Z][a-z]+(?:[A-Z][a-z]*)+)\b")


def _page_slug(target: str) -> str | None:
    """The variation a link target names (``Main/InvertedTrope``, ``Inverted Trope``), if any."""
    name = target.strip()
    if "/" in name or "." in name:
        namespace, _, name = name.replace(".", "/").partition("/")
        if namespace.strip().lower() != "main":
            return None
    return _PAGES.get(re.sub(r"[\s_-]+", "", name).lower())


# --- Markup and normalisation ----------------------------------------------------------------

_MARKUP_LINK = re.compile(r"\[\[(?:[^\[\]\s|]+[ |])?([^\[\]]*)\]\]")
_CURLY_LINK = re.compile(r"\{\{([^{}|]*)(?:\|([^{}]*))?\}\}")
_SPOILER_OPEN = re.compile(r"\[\[(?:spoiler:|/?note\]\]|labelnote:[^\]]*\]\])", re.IGNORECASE)
_EMPHASIS = re.compile(r"'{2,}")
_ESCAPED_BREAK = re.compile(r"\\n")  # some exported data spell line breaks as a literal \n
_CAMEL_SPLIT = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _normalise(text: str) -> str:
    """Markup to plain prose: link and spoiler brackets dropped, emphasis quotes removed."""
    text = _ESCAPED_BREAK.sub("\n", text)
    text = _SPOILER_OPEN.sub("", text)
    text = _MARKUP_LINK.sub(lambda m: m.group(1), text)
    text = _CURLY_LINK.sub(lambda m: m.group(2) or _CAMEL_SPLIT.sub(" ", m.group(1)), text)
    text = text.replace("[[", "").replace("]]", "")
    return _EMPHASIS.sub("", text)


# --- Vocabulary --------------------------------------------------------------------------------


def _named(table: dict[str, str]) -> str:
    """One alternation with a named group per slug (``played-with`` → ``played_with``)."""
    return "|".join(f"(?P<{slug.replace('-', '_')}>{pattern})" for slug, pattern in table.items())


def _unnamed(table: dict[str, str]) -> str:
    """One alternation of the patterns, without groups (for patterns used twice in a regex)."""
    return "|".join(f"(?:{pattern})" for pattern in table.values())


# Jargon: these phrases mean the variation wherever they stand.
_JARGON: dict[str, str] = {
    "double-subverted": r"doubl[ey][-\s]?subver(?:ted|ts|ting|sions?)",
    "gender-inverted": (
        r"gender[-\s]?(?:flip(?:ped|s|ping)?|invert(?:ed|s|ing)?|inversion|swap(?:ped|s)?)"
        r"|genders?\s+(?:are\s+|were\s+)?(?:inverted|flipped|swapped)"
    ),
    "zig-zagged": r"zig[-\s]?zag(?:ged|s|ging)?",
    "lampshaded": r"lamp-?shad(?:ed|es|ing|e)",
    "deconstructed": r"deconstruct(?:ed|s|ing|ions?|ive)?",
    "parodied": r"parod(?:ied|ies|ying)|spoof(?:ed|s|ing)",
    "played-for-laughs": (
        r"play(?:ed|s|ing)\s+(?:\w+\s+){0,2}?for\s+(?:(?:a|some|\w+ly)\s+)?"
        r"(?:laughs?|comedy|black\s+comedy|humou?r|comic\s+effect|a\s+joke)"
    ),
    "played-for-drama": (
        r"play(?:ed|s|ing)\s+(?:\w+\s+){0,2}?for\s+(?:(?:a\s+bit\s+of|some|\w+ly)\s+)?"
        r"(?:drama|tragedy|pathos|tears)"
    ),
    "played-for-horror": r"play(?:ed|s|ing)\s+(?:\w+\s+){0,2}?for\s+(?:horror|scares|fright)",
}

# Participles that are also plain English ("averted her eyes", "implied that…"): they announce
# a variation only where an announcement can stand, or with a reference to the trope.
_AMBIGUOUS: dict[str, str] = {
    "exaggerated": r"exaggerat(?:ed|es|ing)",
    "downplayed": r"down-?play(?:ed|s|ing)",
    "justified": r"justifi(?:ed|es|able)|justifying",
    "inverted": r"invert(?:ed|s|ing)",
    "subverted": r"subvert(?:ed|s|ing)",
    "averted": r"avert(?:ed|s|ing)",
    "enforced": r"enforc(?:ed|es|ing)",
    "invoked": r"invok(?:ed|es|ing)",
    "exploited": r"exploit(?:ed|s|ing)",
    "defied": r"defie[ds]|defying",
    "discussed": r"discuss(?:ed|es|ing)",
    "conversed": r"convers(?:ed|es|ing)",
    "implied": r"implied",
    "reconstructed": r"reconstruct(?:ed|s|ing)",
    "played-with": r"played\s+(?:around\s+)?with",
}
_STRAIGHT = r"play(?:ed|s)\s+(?:\w+\s+)?straight(?:er)?"

# The verbs, in every form, for "subverts this trope", "averts it", "plays with this".
_VERBS: dict[str, str] = {
    "exaggerated": r"exaggerat(?:e|es|ed|ing)",
    "downplayed": r"down-?play(?:s|ed|ing)?",
    "justified": r"justif(?:y|ies|ied|ying)",
    "inverted": r"invert(?:s|ed|ing)?",
    "subverted": r"subvert(?:s|ed|ing)?",
    "parodied": r"parod(?:y|ies|ied|ying)",
    "averted": r"avert(?:s|ed|ing)?",
    "enforced": r"enforc(?:e|es|ed|ing)",
    "invoked": r"invok(?:e|es|ed|ing)",
    "exploited": r"exploit(?:s|ed|ing)?",
    "defied": r"def(?:y|ies|ied|ying)",
    "discussed": r"discuss(?:es|ed|ing)?",
    "played-with": r"play(?:s|ed|ing)?\s+(?:around\s+)?with",
}

# Nouns that announce a variation after a determiner or at a clause start ("a subversion",
# "Slight inversion in that…", "an aversion to this trope" but not "an aversion to robots").
_NOUNS: dict[str, str] = {
    "subverted": r"(?:\w+-)?subversion",
    "inverted": r"(?:\w+-)?inversion",
    "averted": r"(?:\w+-)?aversion(?!\s+(?:to|towards?|for)\s+(?!(?:this|the)\s+trope|it\b))",
    "exaggerated": r"exaggeration",
    "reconstructed": r"reconstruction",
    # Not the genre label before a title: "the Mel Brooks parody Spaceballs".
    "parodied": (
        r"(?:parody|spoof)(?!\s+(?:show|series|film|movie|episode|trailer|sketch|song|game"
        r"|comic|book|novel|segment|site)\b|\s+(?-i:[A-Z]))"
    ),
}

_TROPE_NOUN = r"(?:trope|stereotype|archetype|clich[eé]|convention|character\s+type|idea|role)"

# Words that may stand before an announcement: "Creepily averted", "Both played straight
# and averted", "Can be subverted", "but is subverted", "Initially played straight, then…".
_ADVERB = (
    r"(?:\w+ly|also|again|later|then|both|first|still|even|very|much|kind\s+of|sort\s+of"
    r"|kinda|sorta|somewhat|mostly|partly|at\s+first|in\s+a\s+way|at\s+least|pretty|well"
    r"|quite|rather|almost|nearly|more|less|a\s+bit|a\s+little|heavily|hard|further|often"
    r"|sometimes|largely|semi-?|half-?|here|there|thus|so|and|but|though|although|however"
    r"|actually|yet|or|while|if|after|all|in\s+turn|arguably|perhaps|maybe|possibly|probably"
    r"|technically|notably|ironically|all\s+but|is|was|are|were|gets|got|be|been|being"
    r"|becomes|became|(?:can|could|may|might|would|will)(?:\s+also)?\s+be"
    rf"|{_STRAIGHT})"
)
_ADVERBS = rf"(?:{_ADVERB}\s+){{0,4}}"

# What may follow an announcing word: punctuation, a connecting word, an adverb, the trope —
# never an object such as "her eyes".
_FOLLOWER = (
    r"(?=\s*(?:$|[.,;:!?()\]\"'/&\u2014\u2013-]|(?:with|by|in|on|for|when|whenever|where|as"
    r"|since|because|though|although|but|and|or|then|via|through|here|there|again|too|also"
    r"|entirely|completely|totally|fully|hard|somewhat|slightly|partially|partly|mostly"
    r"|largely|mainly|almost|nearly|really|later|earlier|first|initially|eventually|ultimately|at"
    r"|after|before|until|once|if|thanks|due|given|considering|unlike|to|that|throughout"
    r"|twice|both|several|many|multiple|heavily|more|much|quite|a|this|it|trope|tropes"
    r"|version|example|from|during|while|upon|into|over|about|concerning|regarding|like"
    r"|so|even|only|just|big\s+time|\w+ly|in-universe)\b))"
)

# Where a clause can begin: sentence ends, line breaks, colons, semicolons and dashes (these
# also begin a "sentence"), then parentheses, commas and conjunctions.
_BOUNDARY = re.compile(
    r"(?P<strong>[.!?]+[\"'\u201d\u2019)\]]*\s+|\n+|[:;]|\s[-\u2013\u2014]+\s?|--)"
    r"|[()]|,|\b(?:and|but|or|then|while|whereas|though|although|yet)\s+",
    re.IGNORECASE,
)
_OPENING = r"[\s\"'\u201c\u2018(*\u2022]*"
_CONNECTOR = (
    r"(?:\s*[,/&]\s*|\s+)(?:(?:and|or|but|then|yet|before\s+being|before|if\s+not|not\s+to"
    r"\s+mention|or\s+at\s+least)\s+)+|\s*/\s*|\s*,\s*"
)
_ANNOUNCED = rf"(?:{_STRAIGHT}|{_unnamed(_JARGON)}|{_unnamed(_AMBIGUOUS)})"

# A clause that opens with announcements: "Creepily averted", "Played straight, then
# subverted", "Deconstructed, subverted, and invoked", "Played with Vicki Vale".
_CLAUSE_ANNOUNCEMENT = re.compile(
    rf"{_OPENING}{_ADVERBS}(?P<chain>{_ANNOUNCED}(?:(?:{_CONNECTOR}){_ADVERBS}{_ANNOUNCED}){{0,8}})"
    rf"(?:{_FOLLOWER}|(?<=with)(?=\s+(?-i:[A-Z])))",
    re.IGNORECASE,
)
# A clause that opens with a noun: "Slight subversion in that…", "Possible inversion:".
_CLAUSE_NOUN = re.compile(
    rf"{_OPENING}(?:[\w'-]+\s+){{0,2}}?(?:{_named(_NOUNS)})s?\b{_FOLLOWER}", re.IGNORECASE
)
_IN_CHAIN = re.compile(rf"{_named(_JARGON)}|{_named(_AMBIGUOUS)}", re.IGNORECASE)

_JARGON_ANYWHERE = re.compile(rf"\b(?:{_named(_JARGON)})", re.IGNORECASE)

# "this trope is (very darkly) subverted", "it's justified", "which is also justified",
# "this may even be justified", "makes this a little more justified".
_COPULA = (
    r"(?:'s|\s+(?:is|was|are|were|gets|got|becomes|became|has\s+been|ends\s+up|seems(?:\s+to"
    r"\s+be)?|(?:can|could|may|might|would|will)(?:\s+\w+)?\s+be))"
)
_REFERENCE_SUBJECT = re.compile(
    rf"\b(?:(?P<subject>(?:(?:this|the|that)\s+)?{_TROPE_NOUN}|this(?:\s+one)?|it|that|which)"
    rf"{_COPULA}|(?:makes?|made|making)\s+(?:this|it))\s+{_ADVERBS}(?:{_named(_AMBIGUOUS)})\b"
    rf"{_FOLLOWER}",
    re.IGNORECASE,
)
# "subverts this trope", "averts it", "plays with this", "subverts the Asian and Nerdy
# stereotype".
_REFERENCE_OBJECT = re.compile(
    rf"\b(?:{_named(_VERBS)})\s+(?:(?:this|the|that)\s+(?:[\w'-]+\s+){{0,4}}?{_TROPE_NOUN}\b"
    rf"|(?:this|it)\b(?!\s*(?:'s|is|was)\b))",
    re.IGNORECASE,
)
# "a subversion", "the film's deconstruction", "an overt parody of this trope".
_DETERMINED_NOUN = re.compile(
    rf"\b(?:a|an|the|this|its|another|one|something\s+of\s+a|bit\s+of\s+an?|kind\s+of\s+an?)"
    rf"\s+(?:[\w'-]+\s+){{0,3}}?(?:{_named(_NOUNS)})s?\b",
    re.IGNORECASE,
)
# "an exaggerated version", "a Downplayed example", "an Inverted Trope", "subverted tropes".
_VERSION = re.compile(
    rf"\b(?:{_named(_AMBIGUOUS)})[-\s]+(?:version|example|case|variant|form|take|instance"
    rf"|trope)s?\b",
    re.IGNORECASE,
)
# "is implied to be this", "it's implied that Brad is this way too": "implied" and, in the
# same sentence, "this" / "one" standing for the trope.
_IMPLIED_REFERENCE = re.compile(
    r"\bimplied\b[^.!?\n]{0,120}?\b(?:this|that|one)\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:trope|role"
    r"|way|mold|type|kind|too|to|for|in|by|with|as)\b)",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:not|never|n't|no|isn't|wasn't|aren't)(?:\s+(?:\w+ly|at\s+all|really|quite|so|even))?"
    r"\s*$",
    re.IGNORECASE,
)

# "Double subverted" and "gender inverted" contain another variation's word; they are folded
# into one word first, so that "a gender inversion" does not also read as "an inversion".
_COMPOUNDS = (
    (re.compile(_JARGON["double-subverted"], re.IGNORECASE), "doublesubverted"),
    (re.compile(_JARGON["gender-inverted"], re.IGNORECASE), "genderflipped"),
)


# --- Detection ---------------------------------------------------------------------------------

# Every rule needs one of these stems, so a text without any is straight at the cost of a few
# substring searches; with some, each rule is tried only in a short window around each stem,
# which keeps the work linear in the length of the text. (Variation page names contain a stem
# too: "lampshadehanging", "playedforlaughs", "genderflip", "zigzaggingtrope".)
_STEMS = (
    "avert", "avers", "invert", "invers", "subver", "zig", "lampshad", "lamp-shad", "justif",
    "downplay", "down-play", "exaggerat", "deconstruct", "reconstruct", "discuss", "invok",
    "exploit", "defie", "defy", "enforc", "convers", "implied", "parod", "spoof", "play",
    "gender",
)  # fmt: skip
_ANY_STEM = re.compile("|".join(re.escape(stem) for stem in _STEMS))
_WINDOW = 120  # how far before a stem its clause, subject or determiner may begin
# The start of the word holding a stem, with and without a hyphenated prefix ("semi-parodied").
_WORD_STARTS = (re.compile(r"\w*$"), re.compile(r"[\w'-]*$"))
_SUBJECT_WORD = re.compile(
    rf"\b(?:this|that|the|it|which|makes?|made|making|{_TROPE_NOUN})\b", re.IGNORECASE
)
_DETERMINER = re.compile(r"\b(?:a|an|the|this|its|another|one|something|bit|kind)\b", re.IGNORECASE)


def detect_played(text: str) -> list[str]:
    """The variations an example's text announces, in ``VARIATIONS`` order; ``[]`` if straight.

    ``text`` is the example's markup after ``* Trope:`` (a leading ``Trope:`` is tolerated).
    """
    if _ANY_STEM.search(text.lower()) is None:
        return []
    return list(_detect(text))


@lru_cache(maxsize=4096)
def _detect(text: str) -> tuple[str, ...]:
    """:func:`detect_played` for a text with a stem in it, remembered: a page is saved again
    and again with most of its examples unchanged."""
    found = _linked(text)
    prose = _normalise(text)
    for pattern, word in _COMPOUNDS:
        prose = pattern.sub(word, prose)
    words = _stem_words(prose)
    for word in words:
        found.update(_at_word(prose, word))
    for low, high in _windows(words):
        found.update(_in_window(prose, low, high))
    return tuple(sorted(found, key=_ORDER.__getitem__))


def _stem_words(prose: str) -> list[int]:
    """Where the words holding a stem begin, in order."""
    lowered = prose.lower()
    starts: set[int] = set()
    for stem in _STEMS:
        index = lowered.find(stem)
        while index >= 0:
            for word_start in _WORD_STARTS:
                word = word_start.search(lowered, max(0, index - 40), index)
                starts.add(word.start() if word else index)
            index = lowered.find(stem, index + 1)
    return sorted(starts)


def _windows(words: list[int]) -> list[tuple[int, int]]:
    """The stretches of text ending at a stem word where an announcement of it may begin."""
    windows: list[tuple[int, int]] = []
    for word in words:
        low = max(0, word - _WINDOW)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], word)
        else:
            windows.append((low, word))
    return windows


def _at_word(prose: str, word: int) -> set[str]:
    """The variations of the rules that begin at a stem word: jargon, "subverts this", …"""
    found: set[str] = set()
    for pattern in (_JARGON_ANYWHERE, _VERSION, _REFERENCE_OBJECT):
        match = pattern.match(prose, word)
        if match is not None and not _negated(prose, word):
            found.update(_found(match))
    if _IMPLIED_REFERENCE.match(prose, word):
        found.add("implied")
    return found


def _in_window(prose: str, low: int, high: int) -> set[str]:
    """The variations of the rules that begin a little before a stem: clauses, "this is …"."""
    found: set[str] = set()
    for start, sentence_start in _clause_starts(prose, low, high):
        found.update(_clause(prose, start, sentence_start))
    for candidate in _SUBJECT_WORD.finditer(prose, low, high):
        match = _REFERENCE_SUBJECT.match(prose, candidate.start())
        # "It's implied that …" states a fact of the story, not a way of playing the trope.
        if match is None or (match["implied"] and (match["subject"] or "").lower() == "it"):
            continue
        if not _negated(prose, match.start()):
            found.update(_found(match))
    for candidate in _DETERMINER.finditer(prose, low, high):
        match = _DETERMINED_NOUN.match(prose, candidate.start())
        if match is not None and not _negated(prose, match.start()):
            found.update(_found(match))
    return found


def _clause(prose: str, start: int, sentence_start: bool) -> list[str]:
    """The variations announced at the clause beginning at ``start``."""
    match = _CLAUSE_ANNOUNCEMENT.match(prose, start)
    if match is not None and not _negated(prose, match.start("chain")):
        slugs = [slug for part in _IN_CHAIN.finditer(match["chain"]) for slug in _found(part)]
        # "…, implied to be X" inside a sentence is narration, not an announcement.
        return slugs if sentence_start else [slug for slug in slugs if slug != "implied"]
    match = _CLAUSE_NOUN.match(prose, start)
    if match is not None and not _negated(prose, match.start()):
        return _found(match)
    return []


def _clause_starts(prose: str, low: int, high: int) -> list[tuple[int, bool]]:
    """Clause beginnings in ``prose[low:high]``, each with whether it begins a sentence."""
    starts = [(0, True)] if low == 0 else []
    for match in _BOUNDARY.finditer(prose, low, high):
        starts.append((match.end(), match.group("strong") is not None))
    return starts


def _linked(text: str) -> set[str]:
    """Variations named by links to their pages, wherever they stand in the markup."""
    found: set[str] = set()
    for match in _BRACKET_LINK.finditer(text):
        slug = _page_slug(match.group(1) or match.group(2))
        if slug:
            found.add(slug)
    for match in _CAMEL_LINK.finditer(text):
        slug = _page_slug(match.group(1))
        if slug:
            found.add(slug)
    return found


def _found(match: re.Match[str]) -> list[str]:
    """The variation slugs of the named groups that took part in ``match``."""
    slugs = (name.replace("_", "-") for name, value in match.groupdict().items() if value)
    return [slug for slug in slugs if slug in _ORDER]


def _negated(prose: str, start: int) -> bool:
    """Whether the words just before ``start`` negate it ("not played for laughs")."""
    return _NEGATED.search(prose[max(0, start - 24) : start]) is not None
