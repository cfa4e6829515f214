"""Agreement between coders who labelled the same paragraphs: Cohen's kappa, Krippendorff's alpha.

Each coder's review of a paragraph is a complete label set: a label the coder did not give is a
"no". Every label is a separate yes/no question, so both coefficients are computed per label on
binary data, and once more pooled over every (paragraph, label) pair ("micro").

The codings are the coders' independent ones: an adjudication that settles a disagreement is
never one of them, so it changes no figure; the report only counts the disputed paragraphs
already settled.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from gcm_review.errors import GcmReviewError
from gcm_review.model.coding import Coding

UNDEFINED_EXPECTED = 1.0 - 1e-12  # chance agreement at or above this: kappa is 0/0


class InvalidCoders(GcmReviewError):
    """The coders asked for cannot be compared (unknown, or the same one twice)."""

    hint = "name two different coders who reviewed paragraphs (see `gcm-review agreement`)"


def cohen_kappa(a: Sequence[bool], b: Sequence[bool]) -> float | None:
    """Cohen's kappa of two coders' yes/no answers to the same items.

    None when it is undefined: no items, or chance agreement of 1 (both coders gave one and the
    same answer to every item, so agreement beyond chance cannot be measured).
    """
    if len(a) != len(b):
        raise ValueError(f"the coders answered {len(a)} and {len(b)} items")
    if not a:
        return None
    count = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / count
    yes_a, yes_b = sum(a) / count, sum(b) / count
    expected = yes_a * yes_b + (1 - yes_a) * (1 - yes_b)
    if expected >= UNDEFINED_EXPECTED:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha_nominal(units: Sequence[Sequence[bool | None]]) -> float | None:
    """Krippendorff's alpha for yes/no values; one row per unit, one value per coder.

    None marks a coder who did not code the unit; units with fewer than two values are left out.
    Returns None when undefined: no pairable values, or only one value in all of them (no
    variation, so disagreement expected by chance is 0).
    """
    yes_total = no_total = 0
    mismatched = 0.0  # o(yes, no) of the coincidence matrix
    for unit in units:
        values = [value for value in unit if value is not None]
        if len(values) < 2:
            continue
        yes = sum(values)
        no = len(values) - yes
        yes_total += yes
        no_total += no
        mismatched += yes * no / (len(values) - 1)
    total = yes_total + no_total
    if yes_total * no_total == 0:
        return None
    return 1.0 - (total - 1) * mismatched / (yes_total * no_total)


@dataclass(frozen=True)
class LabelAgreement:
    """Agreement on one label (or, for `micro`, on every label at once)."""

    label: str
    kappa: float | None  # coder A against coder B, over the paragraphs both coded
    alpha: float | None  # every coder, over every paragraph coded at least twice
    both: int  # paragraphs where A and B both gave the label
    only_a: int
    only_b: int
    neither: int


@dataclass(frozen=True)
class Disagreement:
    """A paragraph and label the coders answered differently: to adjudicate."""

    paragraph_id: int
    label: str
    yes: tuple[str, ...]  # coders who gave the label
    no: tuple[str, ...]  # coders who did not


@dataclass(frozen=True)
class AgreementReport:
    """Per-label and pooled agreement, and the disagreements to settle."""

    coders: tuple[str, ...]
    coder_a: str | None
    coder_b: str | None
    shared: int  # paragraphs coded by both A and B
    multiply_coded: int  # paragraphs coded by at least two coders
    labels: tuple[LabelAgreement, ...]
    micro: LabelAgreement
    disagreements: tuple[Disagreement, ...]
    disputed: tuple[int, ...] = ()  # paragraphs with at least one disagreement, by id
    adjudicated: tuple[int, ...] = ()  # those of them an analyst has settled


CodingTable = Mapping[int, Mapping[str, frozenset[str]]]  # paragraph -> coder -> labels


def agreement_report(
    codings: Sequence[Coding],
    labels: Sequence[str],
    coder_a: str | None = None,
    coder_b: str | None = None,
    *,
    adjudicated: Collection[int] = (),
) -> AgreementReport:
    """Agreement on each of `labels`; kappa for coders A and B (by default the two coders who
    share the most paragraphs), alpha over every coder. Labels outside `labels` are ignored.
    `adjudicated`: the paragraphs whose labels an analyst has settled (counted, never coded)."""
    table = _coding_table(codings)
    coders = tuple(sorted({coding.coder for coding in codings}))
    pair = _coder_pair(table, coders, coder_a, coder_b)
    shared = sorted(p for p, by in table.items() if pair and set(pair) <= set(by))
    multiple = sorted(p for p, by in table.items() if len(by) >= 2)
    per_label = tuple(_label_agreement(table, coders, pair, shared, [label]) for label in labels)
    micro = _label_agreement(table, coders, pair, shared, list(labels), name="micro")
    disagreements = tuple(_disagreements(table, multiple, labels))
    disputed = tuple(sorted({d.paragraph_id for d in disagreements}))
    settled = set(adjudicated)
    return AgreementReport(
        coders=coders,
        coder_a=pair[0] if pair else None,
        coder_b=pair[1] if pair else None,
        shared=len(shared),
        multiply_coded=len(multiple),
        labels=per_label,
        micro=micro,
        disagreements=disagreements,
        disputed=disputed,
        adjudicated=tuple(p for p in disputed if p in settled),
    )


def _coding_table(codings: Sequence[Coding]) -> dict[int, dict[str, frozenset[str]]]:
    table: dict[int, dict[str, frozenset[str]]] = defaultdict(dict)
    for coding in codings:
        table[coding.paragraph_id][coding.coder] = coding.labels
    return dict(table)


def _coder_pair(
    table: CodingTable, coders: tuple[str, ...], coder_a: str | None, coder_b: str | None
) -> tuple[str, str] | None:
    for named in (coder_a, coder_b):
        if named is not None and named not in coders:
            known = ", ".join(coders) or "none yet"
            raise InvalidCoders(f"no paragraph was reviewed by {named!r} (coders: {known})")
    if coder_a is not None and coder_a == coder_b:
        raise InvalidCoders(f"coder A and coder B are both {coder_a!r}")
    candidates = [
        (first, second)
        for first, second in itertools.combinations(coders, 2)
        if coder_a in (None, first, second) and coder_b in (None, first, second)
    ]
    if not candidates:
        return None
    candidates.sort(key=lambda pair: (-_shared_count(table, pair), pair))
    first, second = candidates[0]
    if coder_a == second or coder_b == first:
        return second, first
    return first, second


def _shared_count(table: CodingTable, pair: tuple[str, str]) -> int:
    return sum(1 for by in table.values() if pair[0] in by and pair[1] in by)


def _label_agreement(
    table: CodingTable,
    coders: tuple[str, ...],
    pair: tuple[str, str] | None,
    shared: Sequence[int],
    labels: Sequence[str],
    *,
    name: str | None = None,
) -> LabelAgreement:
    answers_a: list[bool] = []
    answers_b: list[bool] = []
    if pair is not None:
        for paragraph, label in itertools.product(shared, labels):
            answers_a.append(label in table[paragraph][pair[0]])
            answers_b.append(label in table[paragraph][pair[1]])
    units = [
        [label in by[coder] if coder in by else None for coder in coders]
        for by, label in itertools.product(table.values(), labels)
    ]
    pairs = list(zip(answers_a, answers_b, strict=True))
    return LabelAgreement(
        label=name or labels[0],
        kappa=cohen_kappa(answers_a, answers_b),
        alpha=krippendorff_alpha_nominal(units),
        both=pairs.count((True, True)),
        only_a=pairs.count((True, False)),
        only_b=pairs.count((False, True)),
        neither=pairs.count((False, False)),
    )


def _disagreements(
    table: CodingTable, paragraphs: Sequence[int], labels: Sequence[str]
) -> list[Disagreement]:
    found = []
    for paragraph in paragraphs:
        by = table[paragraph]
        for label in labels:
            yes = tuple(sorted(coder for coder, given in by.items() if label in given))
            no = tuple(sorted(coder for coder, given in by.items() if label not in given))
            if yes and no:
                found.append(Disagreement(paragraph, label, yes, no))
    return found
