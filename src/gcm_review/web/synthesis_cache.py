"""The synthesis (and with it the matrix) of each account's documents, computed once for each
state of the data, then served from memory.

Entries are kept per document scope: None (every document) or a focal point's country. Before
serving one, a single cheap query reads the data's fingerprint: the number and the highest id
of the tags, the highest id of the audit log, the number and the highest id of the documents.
Every write changes it: review decisions and independent coding write audit rows; tagging
replaces tag rows (new ids); uploads and deletions change the documents.

When the fingerprint differs from the entry's, what happens depends on who asks:
- an account that wrote to the audit log since the entry was computed (it accepted a tag and
  now opens the matrix) waits for a fresh synthesis, so it always sees its own change;
- anyone else is served the entry it has (a few hundred milliseconds old) at once, while one
  background thread computes the new one. Under many analysts reviewing at the same time, the
  synthesis is then computed once per burst of changes, not once per page.
Requests that must wait for the same scope share one computation. `invalidate()` forces a
recomputation that everyone waits for.

An entry is cheap to make: the stored input read once and its country x objective matrix
(`synthesis.build.coverage`), which is all the matrix pages need. The full synthesis (grouping
recommendations, profiles, key messages: seconds on a regional corpus) is drafted from the same
input on first use, or ahead of it on a background thread as soon as the entry is made
(`warm=True`), so the first /matrix does not wait for it. A page may also ask for it to be drafted
in the background and wait only a moment for it (`draft_soon`, `ScopedSynthesis.synthesis_within`),
telling the user to come back when it is not ready yet.

What is derived from a synthesis (charts, rendered page parts) is memoised on its entry, so it
goes stale together with it. At most `max_scopes` entries are kept (the least recently used
scope is dropped first), and memory is handed back to the system when an entry is replaced or
dropped, so the server's memory falls again after documents are deleted.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Request
from sqlalchemy import func, select

from gcm_review.embed import Embedder
from gcm_review.frameworks import Framework, load_framework
from gcm_review.store.database import Database
from gcm_review.store.review_input import load_review_input
from gcm_review.store.tables import AuditRow, DocumentRow, TagRow
from gcm_review.store.users import User
from gcm_review.synthesis.build import counted_input, coverage, synthesise
from gcm_review.synthesis.records import (
    AttentionRule,
    CountryMatrix,
    ReviewInput,
    ReviewParagraph,
    Synthesis,
)
from gcm_review.web.memory import release_memory
from gcm_review.web.paragraph_links import ParagraphLink, document_ids_of, document_links

LOG = logging.getLogger(__name__)
T = TypeVar("T")
Scope = str | None  # a focal point's country, or None for every document
MAX_SCOPES = 8  # entries kept: every document, and the countries of recent focal points


@dataclass(frozen=True)
class Fingerprint:
    """Figures of the stored data that change with every write."""

    tags: int
    last_tag: int
    last_audit: int
    documents: int
    last_document: int


def data_fingerprint(db: Database) -> Fingerprint:
    """The data's fingerprint, in one query."""
    query = select(
        select(func.count(TagRow.id)).scalar_subquery(),
        select(func.coalesce(func.max(TagRow.id), 0)).scalar_subquery(),
        select(func.coalesce(func.max(AuditRow.id), 0)).scalar_subquery(),
        select(func.count(DocumentRow.id)).scalar_subquery(),
        select(func.coalesce(func.max(DocumentRow.id), 0)).scalar_subquery(),
    )
    with db.engine.connect() as connection:
        row = connection.execute(query).one()
    return Fingerprint(*(int(value or 0) for value in row))


class ScopedSynthesis:
    """One scope's counted input and matrix, a link to each of its paragraphs, its synthesis
    (drafted on first use) and what is derived from it."""

    def __init__(
        self,
        *,
        scope: Scope,
        version: tuple[Fingerprint, int],
        read_at: float,
        source: ReviewInput,
        review: ReviewInput,
        matrix: CountryMatrix,
        links: Mapping[int, ParagraphLink],
        seconds: float,
        draft: Callable[[ReviewInput], Synthesis],
    ) -> None:
        self.scope = scope
        self.version = version
        self.read_at = read_at  # time.monotonic() just before its data was read
        self.review = review  # the counted input (copies dropped)
        self._source = source  # the input as read, which the synthesis is drafted from
        self.matrix = matrix
        self.links = links
        self.paragraphs: Mapping[int, ReviewParagraph] = {p.id: p for p in review.paragraphs}
        self.seconds = seconds  # how long reading the input and making the matrix took
        self._draft = draft
        self._memo: dict[str, Any] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self._ready = threading.Event()  # set once the synthesis is drafted
        self.failed = False  # drafting it raised (a request drafting it again shows why)

    @property
    def synthesis(self) -> Synthesis:
        """The full synthesis of the entry's input, drafted once (requests asking meanwhile
        wait for the same draft)."""
        try:
            value = self.memo("synthesis", lambda: self._draft(self._source))
        except Exception:
            self.failed = True
            raise
        self._ready.set()
        return value

    def synthesis_within(self, seconds: float) -> Synthesis | None:
        """The synthesis if it is drafted within `seconds` (by another thread: see
        SynthesisCache.draft_soon), else None."""
        if self._ready.wait(seconds):
            return self.synthesis
        return None

    @property
    def drafted(self) -> bool:
        """Whether the synthesis is drafted already."""
        return self.memoised("synthesis")

    def link(self, paragraph_id: int) -> ParagraphLink:
        """Where the paragraph is shown (its document's first page if it vanished meanwhile)."""
        found = self.links.get(paragraph_id)
        if found is not None:
            return found
        para = self.paragraphs.get(paragraph_id)
        document_id = para.document_id if para is not None else 0
        href = f"/documents/{document_id}#p-{paragraph_id}"
        return ParagraphLink(paragraph_id, document_id, href, "", None, 0)

    def memoised(self, key: str) -> bool:
        """Whether a value is memoised under `key`."""
        with self._lock:
            return key in self._memo

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """make(), computed once for this entry under `key`."""
        with self._lock:
            if key in self._memo:
                return self._memo[key]  # type: ignore[no-any-return]
            key_lock = self._locks.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:
                if key in self._memo:
                    return self._memo[key]  # type: ignore[no-any-return]
            value = make()
            with self._lock:
                self._memo[key] = value
            return value


class SynthesisCache:
    """Computes each scope's synthesis when the data changed, and serves it from memory."""

    def __init__(
        self,
        db: Database,
        *,
        rule: AttentionRule,
        embedder: Embedder,
        framework: Framework | None = None,
        max_scopes: int = MAX_SCOPES,
        warm: bool = False,
    ) -> None:
        self.db = db
        self.rule = rule
        self.embedder = embedder
        self.framework = framework or load_framework()
        self.max_scopes = max_scopes
        self.warm = warm  # draft each new entry's synthesis at once, on a background thread
        self.computations = 0  # how many entries were computed (for tests and stats)
        self.drafts = 0  # how many full syntheses were drafted
        self._entries: OrderedDict[Scope, ScopedSynthesis] = OrderedDict()
        self._scope_locks: dict[Scope, threading.Lock] = {}
        self._lock = threading.Lock()
        self._generation = 0
        self._refreshing: set[Scope] = set()
        self._warming: set[Scope] = set()  # scopes whose synthesis a thread is drafting

    def invalidate(self) -> None:
        """Compute every synthesis again on its next use."""
        with self._lock:
            self._generation += 1

    def get(self, scope: Scope, *, reader: str | None = None) -> ScopedSynthesis:
        """The synthesis of the documents of `scope`: up to date with the data if `reader` (an
        account name) changed anything since the last one was computed, else possibly the last
        one while a fresh one is computed in the background."""
        asked_at = time.monotonic()
        version = self._version()
        with self._lock:
            entry = self._entries.get(scope)
            if entry is not None:
                self._entries.move_to_end(scope)
        if entry is not None and entry.version == version:
            return entry
        if entry is not None and not self._must_wait(entry, version, reader):
            self._refresh_in_background(scope)
            return entry
        return self._fresh(scope, asked_at)

    def _version(self) -> tuple[Fingerprint, int]:
        return data_fingerprint(self.db), self._generation

    def _must_wait(
        self, entry: ScopedSynthesis, version: tuple[Fingerprint, int], reader: str | None
    ) -> bool:
        """Whether serving `entry` would hide from `reader` a change it made itself (or the
        cache was invalidated)."""
        if entry.version[1] != version[1]:
            return True
        if reader is None:
            return False
        since = entry.version[0].last_audit
        query = select(AuditRow.id).where(AuditRow.id > since, AuditRow.user_name == reader)
        with self.db.engine.connect() as connection:
            return connection.execute(query.limit(1)).first() is not None

    def _fresh(self, scope: Scope, asked_at: float) -> ScopedSynthesis:
        """An entry whose data was read after `asked_at` (time.monotonic()): computed now, or by
        the request this one waited for."""
        with self._lock:
            scope_lock = self._scope_locks.setdefault(scope, threading.Lock())
        with scope_lock:
            with self._lock:
                entry = self._entries.get(scope)
            if entry is not None and (
                entry.read_at >= asked_at or entry.version == self._version()
            ):
                return entry  # computed by the request we waited for, or still current
            entry = self._compute(scope)
            self._keep(entry)
            if self.warm:
                self._draft_in_background(entry)
            return entry

    def _keep(self, entry: ScopedSynthesis) -> None:
        """Store the entry, drop the least recently used beyond `max_scopes`, and hand the
        memory of what it replaced back to the system."""
        with self._lock:
            replaced = self._entries.pop(entry.scope, None)
            self._entries[entry.scope] = entry
            self.computations += 1
            while len(self._entries) > self.max_scopes:
                self._entries.popitem(last=False)
                replaced = entry
        if replaced is not None:
            del replaced
            release_memory()

    def draft_soon(self, entry: ScopedSynthesis) -> None:
        """Have the entry's synthesis drafted on a background thread, if it is not yet."""
        if not entry.drafted:
            self._draft_in_background(entry)

    def _draft_in_background(self, entry: ScopedSynthesis) -> None:
        """Draft the entry's synthesis on a thread, unless one is drafting for its scope
        already (while analysts keep deciding, only the entry current when that draft ends
        is drafted next, on demand)."""
        with self._lock:
            if entry.scope in self._warming:
                return
            self._warming.add(entry.scope)
        thread = threading.Thread(
            target=self._warm_up, args=(entry,), name="synthesis-draft", daemon=True
        )
        thread.start()

    def _warm_up(self, entry: ScopedSynthesis) -> None:
        try:
            with self._lock:
                current = self._entries.get(entry.scope) is entry
            if current:
                entry.synthesis  # noqa: B018 (drafted and memoised on first access)
        except Exception:  # the request that needs it drafts it again and reports it
            LOG.exception("drafting the synthesis in the background failed")
        finally:
            with self._lock:
                self._warming.discard(entry.scope)

    def _refresh_in_background(self, scope: Scope) -> None:
        """Start computing the scope's synthesis in a thread, unless one is already at it."""
        with self._lock:
            if scope in self._refreshing:
                return
            self._refreshing.add(scope)
        thread = threading.Thread(
            target=self._refresh, args=(scope,), name="synthesis-refresh", daemon=True
        )
        thread.start()

    def _refresh(self, scope: Scope) -> None:
        try:
            self._fresh(scope, time.monotonic())
        except Exception:  # the next request that must wait computes it again and reports it
            LOG.exception("computing the synthesis in the background failed")
        finally:
            with self._lock:
                self._refreshing.discard(scope)

    def _compute(self, scope: Scope) -> ScopedSynthesis:
        read_at, started = time.monotonic(), time.perf_counter()
        version = self._version()
        document_ids = None if scope is None else document_ids_of(self.db, scope)
        if document_ids is None:
            review = load_review_input(self.db)
        elif document_ids:
            review = load_review_input(self.db, document_ids)
        else:  # load_review_input reads every document when given none
            review = ReviewInput((), (), ())
        counted = counted_input(review)
        links = document_links(self.db, document_ids)
        return ScopedSynthesis(
            scope=scope,
            version=version,
            read_at=read_at,
            source=review,
            review=counted,
            matrix=coverage(counted, self.framework),
            links=links,
            seconds=time.perf_counter() - started,
            draft=self._synthesise,
        )

    def _synthesise(self, review: ReviewInput) -> Synthesis:
        with self._lock:
            self.drafts += 1
        return synthesise(review, rule=self.rule, framework=self.framework, embedder=self.embedder)


def scoped_synthesis(request: Request, user: User) -> ScopedSynthesis:
    """The synthesis of the documents the user may see, from the app's cache: fresh if the
    user changed something since it was last computed."""
    cache: SynthesisCache = request.app.state.synthesis
    return cache.get(user.document_scope, reader=user.name)
