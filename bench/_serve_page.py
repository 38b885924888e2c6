"""The work page that bench/serve.py serves: the seed page as TV Tropes markup, full size.

Converts the plain-text scrape of *Never Let Me Go* into markup (potholes, spoilers, folders)
and pads it with more examples so that it has at least 60 examples and ~30 KB of HTML, like a
real work page. Also lists the pages it links to, so the bench can create them (blue links).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tropewiki.markup.titles import wikiword_from_words

MIN_EXAMPLES = 60
WORK = "Literature/NeverLetMeGo"

# --- the work page --------------------------------------------------------------------------

# Seed bullets whose explanation gives the plot away: wrapped in [[spoiler:…]].
SPOILERS = {
    "Flatline",
    "Hope Spot",
    "Shoot the Shaggy Dog",
    "Star-Crossed Lovers",
    "Tragic Dream",
    "Rage Against the Heavens",
    'Would Be Rude to Say "Genocide"',
    "Walking Transplant",
}
# Trope names the scrape left as plain text inside explanations: linked again, as on the site.
INLINE_TROPES = (
    "Genre Savvy",
    "Rule of Symbolism",
    "Not So Different",
    "Love Triangle",
    "Poisonous Friend",
    "Just Think of the Potential",
)
# (plain text in the summary, markup) — the first occurrence of each is replaced.
SUMMARY_LINKS = (
    ("Never Let Me Go", "'''Never Let Me Go'''"),
    ("Kazuo Ishiguro", "Creator/{{Kazuo Ishiguro}}"),
    ("The Remains of the Day", "''Literature/{{The Remains of the Day}}''"),
    ("A movie adaptation", "A [[Film/NeverLetMeGo movie adaptation]]"),
    ("Carey Mulligan", "Creator/{{Carey Mulligan}}"),
    ("Keira Knightley", "Creator/{{Keira Knightley}}"),
    ("Andrew Garfield", "Creator/{{Andrew Garfield}}"),
)
NO_COLON = "Childhood Friend Romance"
OPENING_QUOTE = (
    "->''My name is Kathy H. I'm thirty-one years old, and I've been a carer now for over "
    "eleven years.''"
)

# More examples of the kind the real page has, to reach a full-size page: one per
# "Trope: explanation" entry (markup; continuation lines are indented).
NOVEL_EXTRAS = """\
Arc Words: "Completed", "possibles" and "deferrals": each means something worse than it first
  sounds.
Clone Angst: The trip to Norfolk to see Ruth's "possible", the woman she might have been copied
  from. [[spoiler:Ruth decides on the way back that they were all modelled on "trash".]]
Coming-of-Age Story: Hailsham, the Cottages and the first years as carers, told as one long look
  back.
Cool Teacher: Miss Lucy, the one guardian who thinks the students should be told plainly what lies
  ahead of them. [[spoiler:She is gone from Hailsham soon after she does.]]
Deathbed Confession: [[spoiler:Ruth, weak after her second donation, admits she kept Kathy and
  Tommy apart on purpose, and gives them Madame's address.]]
First-Person Narrator: Kathy H. tells the whole story, talking to the reader as if to another
  carer.
Foreshadowing: The guardians' lectures on how much worse smoking is for the students than for
  anyone else.
Gilded Cage: Hailsham has art lessons, a sports pavilion and kindly guardians, and a fence that
  nobody ever crosses.
Green-Eyed Monster: Ruth, whenever Kathy and Tommy seem close.
Lies to Children: The guardians tell the students things before they are old enough to understand
  them, so that they are "told and not told".
Meaningful Gift: Kathy's cassette of Judy Bridgewater's ''Songs After Dark''. [[spoiler:Tommy helps
  her find another copy in a second-hand shop in Norfolk.]]
Nostalgia Filter: Kathy admits that time may have softened her memories of Hailsham, and that other
  former students remember things differently.
Rumor Mill: The story that a couple who can prove they are truly in love can get a deferral, passed
  from student to student until everyone half believes it.
Shipper on Deck: [[spoiler:Ruth, at the end, for Kathy and Tommy.]]
Slice of Life: Most of the novel is small moments: a lost cassette, a pencil case, an argument in a
  field.
The Reveal: [[spoiler:Madame and Miss Emily explain what the Gallery was really for, and that
  deferrals never existed.]]
Unreliable Narrator: Kathy often notes that she may be misremembering a scene, or that Ruth or
  Tommy remembered it another way.
Urban Legends: The students' stories about the woods behind Hailsham and the boy who went past the
  fence.
What Measure Is a Non-Human?: The question at the heart of the book; society has settled on the
  answer that suits it.
Kids Are Cruel: Tommy is teased without mercy for his temper and for not being creative.
Title Drop: "Never Let Me Go" is the song on Kathy's favourite cassette, which she dances to
  holding a pillow like a baby.
Adults Are Useless: The guardians see everything and change nothing; even the kindest of them only
  hint.
Chekhov's Gun: Tommy's imaginary animals, drawn in secret at the Cottages, [[spoiler:which he hopes
  will prove that he and Kathy have souls]].
Cruel to Be Kind: Miss Emily's defence of how Hailsham kept the truth from its students.
Fish out of Water: The Hailsham students at the Cottages, copying how the veterans behave, down to
  gestures the veterans borrowed from television.
Hidden Depths: Tommy's animals, detailed and strange, which nobody at Hailsham ever saw.
Parental Abandonment: None of the students has parents, and none of them ever asks about it.
Surrogate Family: Hailsham is the only family its students have; years later they still ask each
  other for news of it.
The Collector: Every student has a "collection" of things bought at the Sales, kept in a chest
  under the bed.
You Can't Go Home Again: [[spoiler:Hailsham has closed]], and Kathy still catches herself looking
  for it from the car on the country roads.
Irony: The students are taught to look after their health for the sake of organs they will not
  keep.
Wham Line: Miss Lucy's talk to the students in the pavilion about the lives that have been set out
  for them.
"""
# The same for the film adaptation, in a folder of its own.
FILM_EXTRAS = """\
Adaptation Compression: The film condenses the Cottages and the years as carers, and drops several
  side characters.
Opening Narration: Kathy introduces herself and her work as a carer over the first shots.
Scenery Porn: Grey beaches, empty fields and a stranded fishing boat, all in muted colours.
Empathic Environment: It is almost always overcast.
Time Skip: Three title cards: Hailsham, 1978; The Cottages, 1985; Completion, 1994.
Mood Whiplash: The children's games give way to Miss Lucy's talk in the pavilion within one scene.
The Stoic: Kathy, as Carey Mulligan plays her, hardly ever raises her voice.
Primal Scream: [[spoiler:Tommy, in the car's headlights by the roadside, after the visit to
  Madame.]]
Period Piece: Set between 1978 and 1994, with the cars, cassettes and clothes to match.
Stern Teacher: Miss Emily, the head guardian, played by Charlotte Rampling.
Dramatic Irony: The audience learns what the donations are in the first act; the characters spend
  the rest of the film hoping anyway.
Silence Is Golden: Long scenes play out with almost no dialogue.
Closing Narration: Kathy's last lines, at a fence in an empty Norfolk field, wonder whether the
  donors' lives were so different from those of the people they saved.
Color Wash: Greys, browns and faded greens throughout, even in the Hailsham summers.
Leitmotif: Rachel Portman's piano theme comes back at every parting.
"""
# Replies ("** …" bullets) under some seed examples, as on a long-lived page; same format.
REPLIES = """\
Internalized Categorism: The film makes it starker still: nobody even talks about running away.
Conditioned to Accept Horror: Miss Emily later admits that this was policy, and defends it.
Cloning Blues: And it only gets worse after the trip to Norfolk.
Red Oni, Blue Oni: Tommy is red to both of them.
Hope Spot: The rumour of deferrals is one long hope spot for the whole cast.
Viewers Are Morons: The card explains that a medical breakthrough in the 1950s pushed life
  expectancy past 100 years.
Star-Crossed Lovers: [[spoiler:Kathy outlives him only until her own donations begin.]]
Stiff Upper Lip: Until the last scene of the film, where she finally lets herself cry.
"""
# Novel examples go into folders by the first letter of the trope, as long pages do.
NOVEL_FOLDERS = (
    ("A to F", "ABCDEF"),
    ("G to M", "GHIJKLM"),
    ("N to S", "NOPQRS"),
    ("T to Z", "TUVWXYZ"),
)


@dataclass(frozen=True, slots=True)
class Example:
    trope: str
    text: str  # the explanation (markup), "" when the bullet is the trope alone
    replies: tuple[str, ...] = ()  # second-level bullets under it

    def markup(self) -> str:
        return "\n".join([self._line(), *(f"** {reply}" for reply in self.replies)])

    def _line(self) -> str:
        if not self.text:
            return f"* {{{{{self.trope}}}}}"
        if self.text == ".":
            return f"* {{{{{self.trope}}}}}."
        if self.trope == NO_COLON:
            return f"* {{{{{self.trope}}}}} {self.text}"
        return f"* {{{{{self.trope}}}}}: {self.text}"


@dataclass(frozen=True, slots=True)
class WorkPage:
    text: str
    examples: int
    linked_pages: dict[str, str]  # address → text of every page the work page links to


def parse_seed(seed: str) -> tuple[list[str], list[Example]]:
    """The summary paragraphs and example bullets of the plain-text scrape."""
    summary: list[str] = []
    examples: list[Example] = []
    state = "head"
    for raw in seed.splitlines():
        line = raw.strip()
        if state == "head":
            state = "summary" if line.startswith("Literature: ") else state
        elif state == "summary":
            if line.endswith("provides examples of:"):
                state = "examples"
            elif line:
                summary.append(line)
        elif line.startswith("\u2022"):
            examples.append(_seed_example(line.lstrip("\u2022").strip()))
        elif line and examples:
            break
    return summary, examples


def _seed_example(body: str) -> Example:
    if body.startswith(NO_COLON + " "):
        return Example(NO_COLON, body[len(NO_COLON) + 1 :])
    if ": " in body:
        trope, text = body.split(": ", 1)
        return Example(trope, _link_inline_tropes(text) if trope not in SPOILERS else text)
    if body.endswith("."):
        return Example(body[:-1], ".")
    return Example(body, "")


def _link_inline_tropes(text: str) -> str:
    for name in INLINE_TROPES:
        text = text.replace(name, f"{{{{{name}}}}}", 1)
    return text


def entries(block: str) -> list[tuple[str, str]]:
    """``Trope: text`` entries of a block; indented lines continue the entry above."""
    joined = re.sub(r"\n  ", " ", block.strip())
    return [(line.split(": ", 1)[0], line.split(": ", 1)[1]) for line in joined.split("\n")]


def _dress(example: Example, replies: dict[str, list[str]]) -> Example:
    """Spoiler tags and replies, as the real page has them."""
    text = example.text
    if example.trope in SPOILERS and text not in ("", "."):
        text = f"[[spoiler:{text}]]"
    return Example(example.trope, text, tuple(replies.get(example.trope, ())))


def _summary_markup(paragraphs: list[str]) -> list[str]:
    text = "\n\n".join(paragraphs)
    for plain, markup in SUMMARY_LINKS:
        text = text.replace(plain, markup, 1)
    return text.split("\n\n")


def build_work_page(seed: str) -> WorkPage:
    """The seed page in TV Tropes markup: quote, summary, folders of examples."""
    summary, seed_examples = parse_seed(seed)
    replies: dict[str, list[str]] = {}
    for trope, reply in entries(REPLIES):
        replies.setdefault(trope, []).append(reply)
    novel = sorted(
        [_dress(e, replies) for e in seed_examples] + [Example(*e) for e in entries(NOVEL_EXTRAS)],
        key=lambda e: e.trope.lower().removeprefix("the "),
    )
    film = [Example(*e) for e in entries(FILM_EXTRAS)]
    lines = [OPENING_QUOTE, "", *"\n\n".join(_summary_markup(summary)).split("\n"), ""]
    lines += ["----", "[[foldercontrol]]", "", "The novel provides examples of:", ""]
    for title, letters in NOVEL_FOLDERS:
        group = [e for e in novel if e.trope.removeprefix("The ")[0].upper() in letters]
        lines += [f"[[folder:The Novel: {title}]]", *(e.markup() for e in group), "[[/folder]]"]
    lines += ["", "The film adaptation provides examples of:", ""]
    lines += ["[[folder:The Film]]", *(e.markup() for e in film), "[[/folder]]"]
    text = "\n".join(lines) + "\n"
    return WorkPage(text, len(novel) + len(film), linked_pages(text))


def linked_pages(text: str) -> dict[str, str]:
    """A small page for every ``{{…}}`` and ``Namespace/…`` link of the work page."""
    pages: dict[str, str] = {}
    for namespace, words in re.findall(r"(?:([A-Z][a-z]+)/)?\{\{([^{}|]+)\}\}", text):
        address = f"{namespace or 'Main'}/{wikiword_from_words(words)}"
        pages[address] = _stub_text(namespace or "Main", words)
    pages["Film/NeverLetMeGo"] = _stub_text("Film", "Never Let Me Go")
    pages.pop(WORK, None)
    return pages


def _stub_text(namespace: str, title: str) -> str:
    if namespace == "Main":
        return (
            f"'''{title}''' is a trope page of the benchmark wiki: a short description of the "
            "trope and a few examples.\n\n!!Examples\n[[folder:Literature]]\n"
            f"* {WORK}: See the work page.\n[[/folder]]\n"
        )
    return f"'''{title}''' is a page of the benchmark wiki. See {WORK}.\n"


# --- the wiki under test ----------------------------------------------------------------------
