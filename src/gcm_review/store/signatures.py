"""A document's text signature: a small sketch of its normalised word shingles, stored with it
(like its SHA-256), so that the same report in two formats, or two versions of it, can be found
without reading every text again.

Normalising drops what differs between a PDF and a text of one report: case, punctuation, line
breaks, digits (page numbers, footers such as "21-00417 - 14") and split words' hyphens. The
sketch is the SIGNATURE_SIZE smallest 64-bit hashes of the document's five-word shingles (a
"bottom-k" sketch): two sketches estimate the share of shingles their documents have in common.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections.abc import Collection, Iterable

SHINGLE_WORDS = 5
SIGNATURE_SIZE = 256
_WORD = re.compile(r"[^\W\d_]+")  # letters only: digits and punctuation fall away


def normalised_text(text: str) -> str:
    """The text as copies compare it: its words, case-folded, separated by single spaces."""
    return " ".join(_WORD.findall(text.casefold()))


def text_signature(texts: Iterable[str]) -> list[int]:
    """The sketch of a document's paragraphs read in order, as one stream of words."""
    words: list[str] = []
    for text in texts:
        words.extend(_WORD.findall(text.casefold()))
    if not words:
        return []
    width = min(SHINGLE_WORDS, len(words))
    hashes = {
        _hash(" ".join(words[start : start + width])) for start in range(len(words) - width + 1)
    }
    return heapq.nsmallest(SIGNATURE_SIZE, hashes)


def _hash(shingle: str) -> int:
    digest = hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1  # 63 bits: fits a signed 64-bit JSON integer


def similarity(first: Collection[int], second: Collection[int]) -> float:
    """The estimated share of shingles two documents have in common (Jaccard), 0 to 1."""
    if not first or not second:
        return 0.0
    one, other = set(first), set(second)
    union = heapq.nsmallest(SIGNATURE_SIZE, one | other)
    both = sum(1 for value in union if value in one and value in other)
    return both / len(union)
