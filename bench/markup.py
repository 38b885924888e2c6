"""Benchmark: tropewiki.markup.render against markdown-it-py on the same content.

Builds a deterministic corpus of TV Tropes-style pages (trope pages with a quote image, a
page quote and examples in folders by medium; work pages with long example lists and nested
bullets) and, for every page, a CommonMark twin carrying the same content (links as
``[text](/Namespace/Page)``, emphasis, spoilers and notes as inline HTML, folders as
``<details>`` blocks). Link, spoiler, emphasis and bullet rates follow the stored TV Tropes
pages in ../shared (about one link per 200 characters, a spoiler per 1,000). Then it times,
page by page:

* ``tropewiki.markup.render`` (parse + tree → HTML + nh3 sanitising), and each stage apart;
* ``MarkdownIt("commonmark").render`` on the twins (which sanitises nothing);

and prints MB/s over each side's own source bytes, the ratio of total times for the same
content, per-page p50/p99, nh3's share, and memory held after repeated passes. Each page
counts with its best time over ``--repeat`` rounds, for both engines alike, so that other
processes on a shared machine do not decide the result.

    .venv/bin/python bench/markup.py            # 20 MB corpus
    .venv/bin/python bench/markup.py --mb 5 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import random
import statistics
import sys
import time
import tracemalloc
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tropewiki.markup import HtmlRenderer, parse, render, sanitize
from tropewiki.markup.inline_syntax import INLINE_TOKEN

TARGET_RATIO = 10.0  # issue 2: at least 10x markdown-it-py

# ---- corpus ----------------------------------------------------------------------------------

_WORDS_TEXT = """
the a of and to in is was that for on with as his her by at from their an be this which
or are have one had not but all were they when there been has who more would no out so
what up can into only about its over than other some could them time these two may then
first any new like our even most after also made many before must through back years
where much your way well down should because each just those people how too little state
good very make world still own see men work long get here between both life being under
never day same another know while last might us great old year off come since against go
came right used take three himself few house use during without again place around
however home small found thought went say part once general high upon school every don't
does got left number course war until always away something fact though water less
public put think almost hand enough far took head yet government system better set told
nothing night end why called didn't eyes find going look asked later knew point next
city business give group toward young days let room president side social given present
several order national possible rather second face per among form important often things
looked early white case john become large big need four within felt along children saw
best church ever least power development light thing seemed family interest want members
mind country area others done turned although open problem god sense service certain
kind different thus began door help
"""
_WORDS = _WORDS_TEXT.split()

_TROPE_WORDS_TEXT = """
Alpha Bitch Death Seeker Happy Ending Big Bad Dragon Mook Anti Hero Love Triangle Red
Herring Cold Open Foreshadowing Chekhov Gun Heel Face Turn Face Heel Downer Ending
Bittersweet Break Cutie Hope Spot Karma Houdini Fridge Logic Plot Hole Tear Jerker Fan
Service Running Gag Brick Joke Deadpan Snarker Jerk Heart Gold Evil Overlord Mad
Scientist Mentor Occupational Hazard Sacrificial Lion Wham Episode Shout Out Title Drop
Villain Protagonist Unreliable Narrator Meaningful Name Cycle Revenge Batman Gambit
Xanatos Gambit Stiff Upper Lip Star Crossed Lovers Genre Savvy Sugary Malice Tragic
Dream Walking Transplant Would Hurt Child Nightmare Fuel Rule Symbolism Soundtrack
Dissonance Gory Discretion Shot Missing Floor Hallway Fight Eye Scream Improvised Weapon
Knockout Gas
"""
_TROPE_WORDS = _TROPE_WORDS_TEXT.split()

_NAMES_TEXT = """
Ruth Kathy Tommy Miss Emily Dae Woo Mi Park Han Soo Joo Lee Oh Kim Choi
"""
_NAMES = _NAMES_TEXT.split()
_MEDIA = [
    ("Anime & Manga", "Anime", "Manga"),
    ("Comic Books", "ComicBook", "ComicBook"),
    ("Films — Animation", "WesternAnimation", "WesternAnimation"),
    ("Films — Live-Action", "Film", "Film"),
    ("Literature", "Literature", "Literature"),
    ("Live-Action TV", "Series", "Series"),
    ("Video Games", "VideoGame", "VideoGame"),
    ("Web Original", "WebVideo", "Webcomic"),
]


class _Twin:
    """Builds one page twice: TV Tropes markup (``tv``) and CommonMark (``md``)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.tv: list[str] = []
        self.md: list[str] = []

    def add(self, tv: str, md: str | None = None) -> None:
        self.tv.append(tv)
        self.md.append(tv if md is None else md)

    def words(self, low: int, high: int) -> str:
        """Prose: common words, with a capitalised name (sometimes possessive) now and then."""
        rng = self.rng
        out = []
        for _ in range(rng.randint(low, high)):
            if rng.random() < 0.07:
                out.append(rng.choice(_NAMES) + ("'s" if rng.random() < 0.3 else ""))
            else:
                out.append(rng.choice(_WORDS))
        return " ".join(out)

    def camel(self, parts: int = 2) -> tuple[str, str]:
        words = [self.rng.choice(_TROPE_WORDS) for _ in range(parts)]
        return "".join(words), " ".join(words)

    def link(self) -> tuple[str, str]:
        """One link in both syntaxes, in the mix TV Tropes pages show."""
        rng = self.rng
        name, spaced = self.camel(rng.choice((2, 2, 3)))
        kind = rng.random()
        if kind < 0.45:
            return name, f"[{spaced}](/Main/{name})"
        if kind < 0.65:
            return f"{{{{{spaced}}}}}", f"[{spaced}](/Main/{name})"
        if kind < 0.85:
            text = self.words(1, 4)
            return f"[[{name} {text}]]", f"[{text}](/Main/{name})"
        _, ns, _ = rng.choice(_MEDIA)
        return f"{ns}/{name}", f"[{spaced}]( /{ns}/{name})".replace("( ", "(")

    def sentence(self, links: float = 0.12) -> tuple[str, str]:
        """A sentence with links, emphasis and now and then a spoiler or a note.

        The rates follow what the stored TV Tropes pages show (../shared/data/tvtropes,
        tropestogo_html): about one link per 170 characters of text counting the bullet's
        lead link, a spoiler per ~800, italics per ~600, bold per ~1,200.
        """
        rng = self.rng
        tv: list[str] = []
        md: list[str] = []
        for _ in range(rng.randint(1, 4)):
            text = self.words(3, 12)
            tv.append(text)
            md.append(text)
            roll = rng.random()
            if roll < links:
                a, b = self.link()
            elif roll < links + 0.06:
                w = self.words(1, 3)
                a, b = f"''{w}''", f"*{w}*"
            elif roll < links + 0.09:
                w = self.words(1, 3)
                a, b = f"'''{w}'''", f"**{w}**"
            elif roll < links + 0.14:
                inner_tv, inner_md = self.words(3, 10), None
                if rng.random() < 0.3:
                    link_tv, link_md = self.link()
                    inner_md = f"{inner_tv} {link_md}"
                    inner_tv = f"{inner_tv} {link_tv}"
                a = f"[[spoiler:{inner_tv}]]"
                b = f'<span class="spoiler">{inner_md or inner_tv}</span>'
            elif roll < links + 0.145:
                w = self.words(4, 12)
                a, b = f"[[note]]{w}[[/note]]", f"<details><summary>note</summary>{w}</details>"
            elif roll < links + 0.15:
                w = self.words(1, 3)
                url = f"https://example.org/{w.split()[0]}"
                a, b = f"[[{url} {w}]]", f"[{w}]({url})"
            else:
                continue
            tv.append(a)
            md.append(b)
        tv[0] = tv[0][:1].upper() + tv[0][1:]
        md[0] = md[0][:1].upper() + md[0][1:]
        return " ".join(tv) + ".", " ".join(md) + "."

    def bullet(self, depth: int, lead: tuple[str, str] | None) -> None:
        tv, md = (lead[0] + ": ", lead[1] + ": ") if lead else ("", "")
        for _ in range(self.rng.randint(1, 3)):
            a, b = self.sentence()
            tv, md = tv + a + " ", md + b + " "
        self.add(
            "*" * depth + " " + tv.rstrip() + "\n", "  " * (depth - 1) + "* " + md.rstrip() + "\n"
        )

    def example_list(self, count: int, work_leads: bool) -> None:
        rng = self.rng
        for _ in range(count):
            if work_leads:
                _, ns, _ = rng.choice(_MEDIA)
                name, spaced = self.camel(2)
                lead = (f"{ns}/{name}", f"[{spaced}](/{ns}/{name})")
            else:
                lead = self.link()
            self.bullet(1, lead)
            for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
                self.bullet(2, None)
                if rng.random() < 0.2:
                    self.bullet(3, None)

    def paragraph(self) -> None:
        parts = [self.sentence(0.15) for _ in range(self.rng.randint(2, 6))]
        self.add(" ".join(p[0] for p in parts) + "\n\n", " ".join(p[1] for p in parts) + "\n\n")


def _trope_page(rng: random.Random) -> tuple[str, str]:
    page = _Twin(rng)
    name, _ = page.camel(2)
    caption = page.words(3, 8)
    page.add(
        f"[[quoteright:350:https://static.tvtropes.org/pmwiki/pub/images/{name.lower()}.png]]\n"
        f"[[caption-width-right:350:{caption}]]\n",
        f"![{caption}](https://static.tvtropes.org/pmwiki/pub/images/{name.lower()}.png)\n\n",
    )
    quote = page.words(8, 20)
    who = rng.choice(_NAMES)
    page.add(f"->''\"{quote}\"''\n-->-- '''{who}'''\n\n", f'> *"{quote}"*\n>\n> -- **{who}**\n\n')
    for _ in range(rng.randint(2, 4)):
        page.paragraph()
    page.add("!!Examples:\n[[foldercontrol]]\n\n", "## Examples:\n\n")
    for title, _, _ in rng.sample(_MEDIA, rng.randint(4, 8)):
        page.add(f"[[folder:{title}]]\n", f'<details class="folder"><summary>{title}</summary>\n\n')
        page.example_list(rng.randint(5, 40), work_leads=True)
        page.add("[[/folder]]\n\n", "\n</details>\n\n")
    return "".join(page.tv), "".join(page.md)


def _work_page(rng: random.Random) -> tuple[str, str]:
    page = _Twin(rng)
    for _ in range(rng.randint(1, 3)):
        page.paragraph()
    page.add(
        "%% Please keep the list alphabetical.\n", "<!-- Please keep the list alphabetical. -->\n"
    )
    page.add("!!This work provides examples of:\n", "## This work provides examples of:\n\n")
    page.example_list(rng.randint(30, 250), work_leads=False)
    page.add("\n----\n", "\n----\n")
    return "".join(page.tv), "".join(page.md)


def build_corpus(megabytes: float, seed: int = 2024) -> list[tuple[str, str]]:
    """Twin pages (markup, CommonMark) until the markup side reaches ``megabytes`` MB."""
    rng = random.Random(seed)
    pages: list[tuple[str, str]] = []
    total = 0
    while total < megabytes * 1e6:
        pair = _trope_page(rng) if rng.random() < 0.4 else _work_page(rng)
        pages.append(pair)
        total += len(pair[0].encode())
    return pages


# ---- timing ----------------------------------------------------------------------------------


def _time_pages(func: Callable[[Any], object], pages: list[Any], repeat: int) -> list[float]:
    """Each page's fastest time over ``repeat`` rounds (other processes' noise left out)."""
    clock = time.perf_counter
    best = [float("inf")] * len(pages)
    for _ in range(repeat):
        for i, page in enumerate(pages):
            start = clock()
            func(page)
            elapsed = clock() - start
            if elapsed < best[i]:
                best[i] = elapsed
    return best


def _summary(label: str, times: list[float], nbytes: int) -> float:
    total = sum(times)
    ordered = sorted(times)
    p50 = statistics.median(ordered) * 1e3
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1e3
    rate = nbytes / total / 1e6
    print(f"  {label:<30} {rate:7.1f} MB/s {total:7.2f} s   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")
    return total


def _scan(page: str) -> None:
    deque(INLINE_TOKEN.finditer(page), maxlen=0)  # every token's match, no Python per token


def _floor(pages: list[str], repeat: int, t_nh3: float, budget: float) -> None:
    """What any render through this token grammar and nh3 costs before building anything."""
    t_scan = sum(_time_pages(_scan, pages, repeat))
    floor = t_scan + t_nh3
    print(
        f"floor for {TARGET_RATIO:g}x: the inline-token scan alone (re, in C) {t_scan:.2f} s + "
        f"nh3 {t_nh3:.2f} s = {floor:.2f} s of the {budget:.2f} s budget "
        f"({floor / budget:.0%}); {max(0.0, budget - floor):.2f} s left for lines, tree and HTML"
    )


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _memory_check(pages: list[str], passes: int) -> None:
    """Traced memory and RSS after one pass and after ``passes`` more: they must not grow."""
    for page in pages:  # fill every cache first
        render(page)
    gc.collect()
    rss_before = _rss_mb()
    tracemalloc.start()
    for page in pages:
        render(page)
    gc.collect()
    traced_first = tracemalloc.get_traced_memory()[0]
    for _ in range(passes):
        for page in pages:
            render(page)
    gc.collect()
    traced_last, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = _rss_mb()
    print(
        f"memory over {len(pages)} pages: traced {traced_first / 1e3:.1f} kB held after 1 pass, "
        f"{traced_last / 1e3:.1f} kB after {passes + 1} (peak {peak / 1e6:.1f} MB while "
        f"rendering); RSS {rss_before:.1f} → {rss_after:.1f} MB"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (markup side)")
    parser.add_argument("--seed", type=int, default=2024, help="corpus random seed")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; each page's best counts")
    parser.add_argument("--passes", type=int, default=3, help="extra passes for the memory check")
    parser.add_argument("--profile", action="store_true", help="cProfile tropewiki's render")
    parser.add_argument("--no-mdit", action="store_true", help="skip markdown-it-py")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    corpus = build_corpus(args.mb, args.seed)
    tv_pages = [tv for tv, _ in corpus]
    md_pages = [md for _, md in corpus]
    tv_bytes = sum(len(p.encode()) for p in tv_pages)
    md_bytes = sum(len(p.encode()) for p in md_pages)
    print(
        f"corpus: {len(corpus)} twin pages, markup {tv_bytes / 1e6:.1f} MB, CommonMark "
        f"{md_bytes / 1e6:.1f} MB (built in {time.perf_counter() - start:.1f} s); "
        f"best of {args.repeat} rounds per page"
    )
    renderer = HtmlRenderer()
    html = [renderer.render_unsanitized(parse(p)) for p in tv_pages]  # also warms up
    html_bytes = sum(len(h.encode()) for h in html)

    print("tropewiki.markup.render (parse + tree → HTML + nh3)")
    ours = _summary("render", _time_pages(render, tv_pages, args.repeat), tv_bytes)
    t_parse = _summary("  parse", _time_pages(parse, tv_pages, args.repeat), tv_bytes)
    docs = [parse(p) for p in tv_pages]
    times = _time_pages(renderer.render_unsanitized, docs, args.repeat)
    t_html = _summary("  tree → HTML", times, tv_bytes)
    del docs
    t_nh3 = _summary("  nh3 sanitise", _time_pages(sanitize, html, args.repeat), tv_bytes)
    stages = t_parse + t_html + t_nh3
    print(
        f"  nh3: {html_bytes / t_nh3 / 1e6:.1f} MB/s of HTML ({html_bytes / 1e6:.1f} MB made), "
        f"{t_nh3 / stages:.0%} of the time; without it {tv_bytes / (t_parse + t_html) / 1e6:.1f}"
        " MB/s"
    )

    if not args.no_mdit:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark")
        for page in md_pages[:5]:
            md.render(page)
        print("markdown-it-py MarkdownIt('commonmark').render (no sanitising)")
        theirs = _summary("render", _time_pages(md.render, md_pages, args.repeat), md_bytes)
        print(
            f"ratio, same content: {theirs / ours:.1f}x faster than markdown-it-py "
            f"({theirs / (t_parse + t_html):.1f}x without nh3)"
        )
        _floor(tv_pages, args.repeat, t_nh3, theirs / TARGET_RATIO)

    _memory_check(tv_pages[: max(1, len(tv_pages) // 10)], args.passes)

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for page in tv_pages:
            render(page)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
