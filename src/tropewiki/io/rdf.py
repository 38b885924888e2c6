"""The wiki as RDF (Turtle or N-Triples), in a vocabulary close to DBTropes', streamed.

Pages are resources at their wiki URLs (``<base>/Film/Oldboy2003``). Works are ``tw:Work``,
tropes ``tw:Trope`` (DBTropes: ``TVTItem`` and ``TVTFeatureType``); a work ``tw:hasFeature``
each of its tropes (DBTropes' ``skipinions:hasFeature``), and each example is a resource of
its own (``tw:Example``) with ``tw:work``, ``tw:featureType``, ``tw:playedAs`` (one
``tw:Variation`` per way of playing, ``tw:Straight`` when none), ``tw:text``, ``tw:spoiler``
and ``tw:writtenOn``. Titles are ``rdfs:label``; attribution is ``dcterms:source`` and
``dcterms:license``; ``owl:sameAs`` points to the DBTropes resource. Terms and escaping
are rdflib's; each subject is written as it is read, so memory stays flat.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO

from rdflib import OWL, RDF, RDFS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from tropewiki.io.example_rows import example_rows
from tropewiki.io.text import LICENCE_URL
from tropewiki.knowledge.models import IndexEntry
from tropewiki.knowledge.played import VARIATIONS
from tropewiki.wiki.models import Page
from tropewiki.wiki.namespaces import PageType

TW = Namespace("https://tropewiki.org/ns#")
DBTROPES = "http://dbtropes.org/resource/"
PREFIXES = {
    prefix: str(namespace)
    for prefix, namespace in (
        ("tw", TW), ("rdf", RDF), ("rdfs", RDFS), ("owl", OWL), ("dcterms", DCTERMS), ("xsd", XSD),
    )
}  # fmt: skip
CLASSES = {PageType.WORK: TW.Work, PageType.TROPE: TW.Trope, PageType.INDEX: TW.Index,
           PageType.CREATOR: TW.Creator}  # fmt: skip
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def variation(slug: str) -> URIRef:
    """``inverted`` → ``tw:Inverted``; ``played-for-laughs`` → ``tw:PlayedForLaughs``."""
    return TW["".join(part.capitalize() for part in slug.split("-"))]


class TripleWriter:
    """Writes subjects with their predicate–object pairs as Turtle or N-Triples."""

    def __init__(self, out: IO[str], syntax: str) -> None:
        if syntax not in ("turtle", "nt"):
            raise ValueError(f"unknown RDF syntax {syntax!r}")
        self.out, self.turtle = out, syntax == "turtle"
        self.triples = 0
        if self.turtle:
            for prefix, namespace in PREFIXES.items():
                out.write(f"@prefix {prefix}: <{namespace}> .\n")
            out.write("\n")

    def term(self, node: Node) -> str:
        if self.turtle and isinstance(node, URIRef):
            for prefix, namespace in PREFIXES.items():
                if node.startswith(namespace) and _LOCAL.fullmatch(node[len(namespace) :]):
                    return f"{prefix}:{node[len(namespace) :]}"
        return node.n3()

    def subject(self, subject: URIRef, pairs: Iterable[tuple[URIRef, Node]]) -> None:
        pairs = [(p, o) for p, o in pairs if o is not None]
        if not pairs:
            return
        self.triples += len(pairs)
        s = self.term(subject)
        if self.turtle:
            body = " ;\n    ".join(
                f"{'a' if p == RDF.type else self.term(p)} {self.term(o)}" for p, o in pairs
            )
            self.out.write(f"{s} {body} .\n\n")
        else:
            self.out.write("".join(f"{s} {p.n3()} {o.n3()} .\n" for p, o in pairs))


def export_rdf(out: IO[str], syntax: str, base_url: str) -> int:
    """Write the vocabulary's variations, every page and every example; returns triples."""
    writer = TripleWriter(out, syntax)
    base = base_url.rstrip("/") + "/"
    for item in VARIATIONS:
        label = Literal(item.label, lang="en")
        comment = Literal(item.description, lang="en")
        pairs = [(RDF.type, TW.Variation), (RDFS.label, label), (RDFS.comment, comment)]
        writer.subject(variation(item.slug), pairs)
    writer.subject(
        TW.Straight, [(RDF.type, TW.Variation), (RDFS.label, Literal("Straight", lang="en"))]
    )
    _pages(writer, base)
    _examples(writer, base)
    _indexes(writer, base)
    return writer.triples


def _uri(base: str, path: str) -> URIRef:
    return URIRef(base + path)


def _pages(writer: TripleWriter, base: str) -> None:
    rows = Page.objects.live().order_by("id").values_list(
        "namespace_id", "name", "title", "page_type", "source_url", "licence",
        "redirect_to__namespace_id", "redirect_to__name", "current_revision__created_at",
    )  # fmt: skip
    for ns, name, title, page_type, source_url, licence, to_ns, to_name, changed in rows.iterator(
        chunk_size=2000
    ):
        path = f"{ns}/{name}"
        if to_ns:
            writer.subject(_uri(base, path), [(TW.redirectsTo, _uri(base, f"{to_ns}/{to_name}"))])
            continue
        pairs: list[tuple[URIRef, Node]] = [
            (RDF.type, CLASSES.get(page_type, TW.Page)),
            (RDFS.label, Literal(title, lang="en")),
            (TW.namespace, Literal(ns)),
            (TW.pageName, Literal(name)),
        ]
        if changed is not None:
            pairs.append((DCTERMS.modified, Literal(changed)))
        if source_url:
            pairs.append((DCTERMS.source, URIRef(source_url)))
            pairs.append((OWL.sameAs, URIRef(DBTROPES + path)))
        if licence:
            pairs.append(
                (
                    DCTERMS.license,
                    URIRef(LICENCE_URL) if "BY-NC-SA" in licence else Literal(licence),
                )
            )
        writer.subject(_uri(base, path), pairs)


def _examples(writer: TripleWriter, base: str) -> None:
    work: str | None = None
    features: list[tuple[URIRef, Node]] = []
    for row in example_rows():
        if row.work != work:
            if work is not None:
                writer.subject(_uri(base, work), features)
            work, features = row.work, []
        trope = _uri(base, row.trope)
        features.append((TW.hasFeature, trope))
        example = _uri(base, f"-/example/{row.work}/{row.trope}")
        features.append((TW.hasExample, example))
        pairs: list[tuple[URIRef, Node]] = [
            (RDF.type, TW.Example),
            (TW.work, _uri(base, row.work)),
            (TW.featureType, trope),
            *((TW.playedAs, variation(p)) for p in sorted(row.played)),
        ]
        if not row.played:
            pairs.append((TW.playedAs, TW.Straight))
        if row.text:
            pairs.append((TW.text, Literal(row.text)))
        pairs.append((TW.spoiler, Literal(row.spoiler)))
        pairs += [(TW.writtenOn, _uri(base, page)) for page in row.written_on]
        writer.subject(example, pairs)
    if work is not None:
        writer.subject(_uri(base, work), features)


def _indexes(writer: TripleWriter, base: str) -> None:
    rows = (
        IndexEntry.objects.filter(index__deleted_at__isnull=True)
        .order_by("index_id", "position")
        .values_list("index__namespace_id", "index__name", "member__namespace_id", "member__name")
    )
    for ns, name, member_ns, member_name in rows.iterator(chunk_size=2000):
        if member_ns:
            writer.subject(_uri(base, f"{member_ns}/{member_name}"),
                           [(TW.inIndex, _uri(base, f"{ns}/{name}"))])  # fmt: skip
