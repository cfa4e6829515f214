"""Copies and versions of one report: only the current version of each report counts, and of two
formats of it the cleaner one.

Two documents are the same report when they are stored versions of one file name, or when their
normalised texts share at least SAME_REPORT of their word shingles (`store.signatures`: robust to
page headers, footers and line breaks). Then:
- versions of one name: the newer supersedes the older;
- two formats (an HTML page and its PDF) are copies: the cleaner counts (fewer recorded repairs
  per paragraph), never merely the longer; on a tie, the one stored first;
- one format under two names: near-identical texts (IDENTICAL) are copies as above; otherwise
  the one stored later is a corrected version and supersedes the other.
A copy of a superseded version, stored before the version that superseded it, is superseded too.
Documents an analyst filed under two different review cycles are never one report.

Documents of different uploaders (a focal point's country, or the secretariat) are related only
once an analyst accepted the pair (`ReviewInput.accepted_pairs`); until then `find_relations`
reports the pair as a proposal and both count, so no upload can set aside another uploader's
document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Literal

from gcm_review.store.signatures import similarity, text_signature
from gcm_review.synthesis.records import DocumentInfo, ReviewInput

SAME_REPORT = 0.5  # share of shingles in common that makes two texts one report
IDENTICAL = 0.9  # one format under two names: at least this is a copy, below it a new version
MAX_CHAIN = 50  # copies of copies followed to the document that counts

RelationKind = Literal["copy", "version"]


@dataclass(frozen=True)
class Relation:
    """Two documents found to be one report: which one is set aside for which, and why."""

    set_aside: int  # document id
    kept: int
    kind: RelationKind
    similarity: float  # share of shingles in common (1.0 for versions of one name)
    across_uploaders: bool  # needs an analyst's decision before it applies

    @property
    def pair(self) -> frozenset[int]:
        return frozenset((self.set_aside, self.kept))

    def reason(self) -> str:
        """Why, in plain words, for analysts."""
        if self.kind == "version" and self.similarity >= 1.0:
            return "A newer version of the same file."
        if self.kind == "version":
            return f"A later, corrected text of the same report ({self.similarity:.0%} the same)."
        return f"The same report in a cleaner copy ({self.similarity:.0%} the same text)."


def signatures_of(review: ReviewInput) -> dict[int, tuple[int, ...]]:
    """Each document's stored signature, or one computed from its paragraphs when it has none."""
    texts: dict[int, list[str]] = {}
    for para in review.paragraphs:
        texts.setdefault(para.document_id, []).append(para.text)
    return {
        doc.id: doc.signature
        if doc.signature is not None
        else tuple(text_signature(texts.get(doc.id, ())))
        for doc in review.documents
    }


def find_relations(
    documents: Sequence[DocumentInfo], signatures: Mapping[int, Sequence[int]]
) -> tuple[Relation, ...]:
    """Every pair of documents that is one report, in storage order.

    Only pairs with a signature value in common, or with one name, are compared: two reports
    share almost none of their sketches' values, so this stays fast with many documents."""
    by_id = {doc.id: doc for doc in documents}
    sketches = {doc.id: frozenset(signatures.get(doc.id, ())) for doc in documents}
    holders: dict[int, list[int]] = defaultdict(list)
    for doc_id in sorted(sketches):
        for value in sketches[doc_id]:
            holders[value].append(doc_id)
    pairs = {(a, b) for ids in holders.values() for a, b in combinations(ids, 2)}
    named: dict[str, list[int]] = defaultdict(list)
    for doc in sorted(documents, key=lambda d: d.id):
        named[doc.name].append(doc.id)
    pairs |= {(a, b) for ids in named.values() for a, b in combinations(ids, 2)}
    found = []
    for first, second in sorted(pairs):
        shared = similarity(sketches[first], sketches[second])
        relation = _relation(by_id[first], by_id[second], shared)
        if relation is not None:
            found.append(relation)
    return tuple(found)


def _relation(first: DocumentInfo, second: DocumentInfo, shared: float) -> Relation | None:
    """The relation of two documents (first stored first), or None when they are two reports."""
    if first.review_cycle and second.review_cycle and first.review_cycle != second.review_cycle:
        return None
    across = first.owner != second.owner
    if first.name == second.name and first.version != second.version:
        older, newer = sorted((first, second), key=lambda d: (d.version, d.id))
        return Relation(older.id, newer.id, "version", 1.0, across)
    if shared < SAME_REPORT:
        return None
    if first.format == second.format and shared < IDENTICAL:
        return Relation(first.id, second.id, "version", shared, across)
    cleaner, other = sorted((first, second), key=_cleanliness)
    return Relation(other.id, cleaner.id, "copy", shared, across)


def _cleanliness(doc: DocumentInfo) -> tuple[float, int]:
    return (doc.repairs / max(doc.paragraphs, 1), doc.id)


def applied(relations: Iterable[Relation], accepted: frozenset[frozenset[int]]) -> list[Relation]:
    """The relations that apply: within one uploader's documents, or accepted by an analyst."""
    return [r for r in relations if not r.across_uploaders or r.pair in accepted]


def set_aside(relations: Sequence[Relation]) -> dict[int, tuple[RelationKind, int]]:
    """The documents set aside by applied relations: id -> (copy or version, id that counts)."""
    superseded: dict[int, int] = {}
    for relation in relations:
        if relation.kind == "version":
            superseded[relation.set_aside] = max(
                relation.kept, superseded.get(relation.set_aside, 0)
            )
    copies = [r for r in relations if r.kind == "copy"]
    changed = True
    while changed:  # a copy of a superseded version, stored before its successor
        changed = False
        for relation in copies:
            for doc_id, other in (
                (relation.set_aside, relation.kept),
                (relation.kept, relation.set_aside),
            ):
                newer = superseded.get(other)
                if newer is not None and doc_id not in superseded and doc_id < newer:
                    superseded[doc_id] = newer
                    changed = True
    result: dict[int, tuple[RelationKind, int]] = {
        doc_id: ("version", newer) for doc_id, newer in superseded.items()
    }
    for relation in copies:
        if relation.set_aside not in result and relation.kept not in superseded:
            result[relation.set_aside] = ("copy", relation.kept)
    return {doc_id: (kind, _final(target, result)) for doc_id, (kind, target) in result.items()}


def _final(doc_id: int, result: Mapping[int, tuple[RelationKind, int]]) -> int:
    """The document that counts at the end of a chain of copies and versions."""
    for _step in range(MAX_CHAIN):
        if doc_id not in result:
            break
        doc_id = result[doc_id][1]
    return doc_id


def drop_copies(review: ReviewInput) -> ReviewInput:
    """The input with only the current, cleanest document of each report counted: the others
    stay listed, marked as a copy or a superseded version, and their paragraphs are left out."""
    relations = applied(
        find_relations(review.documents, signatures_of(review)), review.accepted_pairs
    )
    aside = set_aside(relations)
    if not aside:
        return review
    names = {doc.id: _label(doc) for doc in review.documents}
    documents = tuple(_marked(doc, aside.get(doc.id), names) for doc in review.documents)
    return ReviewInput(
        documents=documents,
        sections=tuple(s for s in review.sections if s.document_id not in aside),
        paragraphs=tuple(p for p in review.paragraphs if p.document_id not in aside),
        accepted_pairs=review.accepted_pairs,
    )


def _label(doc: DocumentInfo) -> str:
    return doc.name if doc.version == 1 else f"{doc.name} (version {doc.version})"


def _marked(
    doc: DocumentInfo, aside: tuple[RelationKind, int] | None, names: Mapping[int, str]
) -> DocumentInfo:
    if aside is None:
        return doc
    kind, kept = aside
    if kind == "copy":
        return replace(doc, copy_of=names[kept])
    return replace(doc, superseded_by=names[kept])


def paragraphs_cell(doc: DocumentInfo) -> str:
    """A document's paragraph count in the report's document lists, or why it does not count."""
    if doc.copy_of:
        return f"not counted: a copy of {doc.copy_of}"
    if doc.superseded_by:
        return f"not counted: superseded by {doc.superseded_by}"
    return str(doc.paragraphs)


def copies_note(documents: Sequence[DocumentInfo]) -> tuple[str, ...]:
    """The report's "Copies and versions" lines: which file was used, which were set aside."""
    lines = []
    for doc in documents:
        if doc.copy_of:
            lines.append(
                f"{_label(doc)} was set aside as a copy of {doc.copy_of}, which was used "
                "because it needed fewer repairs."
            )
        elif doc.superseded_by:
            lines.append(
                f"{_label(doc)} was set aside as an older version: {doc.superseded_by} was used."
            )
    return tuple(lines)
