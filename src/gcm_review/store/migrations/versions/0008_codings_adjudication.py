"""Honest agreement: codings apart from review decisions, and adjudications; search by stems.

Earlier versions wrote a coder's "paragraph review" on every accept or reject click, seeded with
every label that counted, so reviewers who never coded became coders. Each paragraph_reviews
row now says where it came from (`origin`): "coding" when the coder saved it on the coding page
(the audit log holds a `paragraph.code` entry for that coder and paragraph), "review" for the
rest, which agreement no longer counts. The new adjudications table holds the labels an analyst
settled for a paragraph its coders disagreed on, with who settled them and when.

Full-text search now also finds a word's light stems (Arabic clitics and endings, plural endings
of English, French, Spanish and Portuguese): paragraphs.search_text is re-folded to hold them.

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH_ROWS = 2000  # paragraphs re-folded and written per round

# A frozen copy of gcm_review.store.search.searchable_text as it was when this migration was
# written (the folding of migration 0004, then the light stems of the words, with the affixes
# of the language files then). tests/store/test_migrations.py checks that the two agree; when
# the app's function changes, a new migration re-folds search_text and that test points at it.
_ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTER_FORMS = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ة", "ه"),
    ("ى", "ي"),
    ("ؤ", "و"),
)
_WORD = re.compile(r"[^\W_]+")
_ARABIC = re.compile(
    "[\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]"
)
_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_MIN_STEM = 3
_ARABIC_PREFIXES = (
    *("فبال", "فكال", "وبال", "وكال", "بال", "فال", "فلل", "كال", "وال", "ولل", "ال"),
    *("فب", "فك", "فل", "لل", "وب", "وك", "ول", "ب", "ف", "ك", "ل", "و"),
)
_ARABIC_SUFFIXES = ("هما", "ات", "كم", "كن", "نا", "ها", "هم", "هن", "ون", "ين", "ه")
# (script, prefixes, suffixes, (ending, replacement) rules) per language, in language code order:
# ar, en, es, fr, pt.
_Rules = tuple[tuple[str, str], ...]
_STEMMING: tuple[tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...], _Rules], ...] = (
    (_ARABIC, _ARABIC_PREFIXES, _ARABIC_SUFFIXES, ()),
    (
        _LATIN,
        (),
        (),
        (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"))
        + (("ss", "ss"), ("us", "us"), ("is", "is"), ("s", "")),
    ),
    (
        _LATIN,
        (),
        (),
        (("iones", "ion"), ("ces", "z"), ("res", "r"), ("les", "l"), ("nes", "n"), ("des", "d"))
        + (("s", ""),),
    ),
    (_LATIN, (), (), (("eaux", "eau"), ("aux", "al"), ("eux", "eu"), ("s", ""))),
    (
        _LATIN,
        (),
        (),
        (("oes", "ao"), ("aes", "ao"), ("ais", "al"), ("eis", "el"), ("res", "r"), ("s", "")),
    ),
)


def _fold(text: str) -> str:
    if text.isascii():
        return text.casefold()
    folded = _ARABIC_DIACRITICS.sub("", unicodedata.normalize("NFKD", text))
    for old, new in _ARABIC_LETTER_FORMS:
        folded = folded.replace(old, new)
    return "".join(c for c in folded.casefold() if not unicodedata.category(c).startswith("M"))


def _stem(
    word: str,
    prefixes: tuple[str, ...],
    suffixes: tuple[str, ...],
    rules: tuple[tuple[str, str], ...],
) -> str:
    for prefix in prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            word = word[len(prefix) :]
            break
    for _ in range(2):
        ending = next(
            (e for e in suffixes if word.endswith(e) and len(word) - len(e) >= _MIN_STEM), None
        )
        if ending is None:
            break
        word = word[: -len(ending)]
    for ending, replacement in rules:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)] + replacement
    return word


def searchable_text(text: str) -> str:
    """The folded text, then its words' light stems that are not words of it already."""
    folded = _fold(text)
    words = _WORD.findall(folded)
    seen = set(words)
    stems = []
    for word in dict.fromkeys(words):
        for script, prefixes, suffixes, rules in _STEMMING:
            if not script.search(word):
                continue
            form = _stem(word, prefixes, suffixes, rules)
            if form and form not in seen:
                seen.add(form)
                stems.append(form)
    return f"{folded}\n{' '.join(stems)}" if stems else folded


def _refold(fold: Callable[[str], str]) -> None:
    """Write fold(text) into search_text for every paragraph, BATCH_ROWS at a time, by id."""
    paragraphs = sa.table(
        "paragraphs", sa.column("id"), sa.column("text"), sa.column("search_text")
    )
    update = (
        paragraphs.update()
        .where(paragraphs.c.id == sa.bindparam("row_id"))
        .values(search_text=sa.bindparam("folded"))
    )
    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(
            sa.select(paragraphs.c.id, paragraphs.c.text)
            .where(paragraphs.c.id > last)
            .order_by(paragraphs.c.id)
            .limit(BATCH_ROWS)
        ).all()
        if not rows:
            return
        bind.execute(update, [{"row_id": id_, "folded": fold(t)} for id_, t in rows])
        last = rows[-1][0]


def upgrade() -> None:
    op.add_column(
        "paragraph_reviews",
        sa.Column("origin", sa.String(20), nullable=False, server_default="coding"),
    )
    op.execute(
        """UPDATE paragraph_reviews SET origin = 'review'
           WHERE NOT EXISTS (
             SELECT 1 FROM audit_log AS a
             WHERE a.action = 'paragraph.code'
               AND a.user_name = paragraph_reviews.coder
               AND a.object_id = CAST(paragraph_reviews.paragraph_id AS VARCHAR(60))
           )"""
    )
    op.create_table(
        "adjudications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "paragraph_id",
            sa.Integer(),
            sa.ForeignKey("paragraphs.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("labels", sa.JSON(), nullable=False),
        sa.Column("adjudicator", sa.String(100), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
    )
    _refold(searchable_text)


def downgrade() -> None:
    """The adjudications are dropped, rows derived from review decisions count again, and the
    search text is folded as migration 0004 left it (no stems)."""
    _refold(_fold)
    op.drop_table("adjudications")
    with op.batch_alter_table("paragraph_reviews") as batch:
        batch.drop_column("origin")
