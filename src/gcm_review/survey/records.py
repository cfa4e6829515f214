"""The records of survey analysis: the form, the problems found, and the results."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from gcm_review.frameworks.labels import Wording, wording
from gcm_review.frameworks.loader import load_framework
from gcm_review.survey.errors import location_text

QuestionKind = Literal["select_one", "select_multiple", "integer", "decimal", "text"]
RowKind = Literal["answer", "excluded", "blank", "invalid", "not-asked"]

# Option codes of the rows that are not choices of the form.
BLANK = "(blank)"
INVALID = "(invalid)"
NOT_ASKED = "(not asked)"
ALL_RESPONDENTS = "(all)"  # the label key of the whole sample
# Problem kinds that mean responses, or answers of them, were lost or left out of the results
# (the survey command then exits with 1): a stray quote swallowing rows, rows cut short,
# weights that cannot be used.
LOSS_KINDS = frozenset({"quote-damage", "short-row", "weight", "weights-zero"})

_SPECIAL_LABELS: dict[str, dict[str, str]] = {
    BLANK: {"en": "No answer", "fr": "Sans réponse", "ar": "بدون إجابة"},
    INVALID: {
        "en": "Value not in the form",
        "fr": "Valeur hors formulaire",
        "ar": "قيمة غير واردة",
    },
    NOT_ASKED: {"en": "Not asked", "fr": "Question non posée", "ar": "لم يُطرح السؤال"},
    ALL_RESPONDENTS: {
        "en": "All respondents",
        "fr": "Ensemble des répondants",
        "ar": "جميع المجيبين",
    },
}
_LANGUAGE_CODES: dict[str, str] = {
    "english": "en",
    "anglais": "en",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "arabic": "ar",
    "arabe": "ar",
    "العربية": "ar",
    "spanish": "es",
    "español": "es",
}


def language_code(language: str) -> str:
    """Two-letter code of a label language: 'English (en)' -> 'en', 'French' -> 'fr'."""
    text = language.strip().casefold()
    if "(" in text and text.endswith(")"):
        return text[text.rindex("(") + 1 : -1].strip()
    if len(text) == 2:
        return text
    return _LANGUAGE_CODES.get(text, "")


def special_label(option: str, language: str) -> str:
    """The label of (blank), (invalid) or (not asked) in the language (English otherwise)."""
    labels = _SPECIAL_LABELS.get(option)
    if labels is None:
        return option
    return labels.get(language_code(language), labels["en"])


def _label_in(labels: Mapping[str, str], language: str, fallback: str) -> str:
    if labels.get(language):
        return labels[language]
    return next((text for text in labels.values() if text), fallback)


@dataclass(frozen=True)
class Choice:
    """One answer of a choice list; `excluded` ones ("don't know") stay out of denominators."""

    name: str
    labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    excluded: bool = False
    limesurvey_code: str = ""

    def label(self, language: str) -> str:
        """The label in the language, else in another language, else the name."""
        return _label_in(self.labels, language, self.name)


@dataclass(frozen=True)
class Question:
    """One analysed question of the form (select_one, select_multiple, integer, decimal, text)."""

    name: str
    kind: QuestionKind
    labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    choices: tuple[Choice, ...] = ()
    list_name: str = ""
    relevant: str = ""  # the question's own `relevant` expression
    groups: tuple[str, ...] = ()  # names of the enclosing groups, outermost first
    conditions: tuple[str, ...] = ()  # `relevant` of the enclosing groups, then its own
    gcm: str = ""  # role given in the optional `gcm` column: principle:KEY, objectives, ...
    limesurvey_code: str = ""
    row: int = 0  # row in the survey sheet

    @property
    def is_select(self) -> bool:
        """True for select_one and select_multiple."""
        return self.kind in ("select_one", "select_multiple")

    @property
    def path(self) -> str:
        """Group names and name joined by '/', as in KoboToolbox headers."""
        return "/".join((*self.groups, self.name))

    def label(self, language: str) -> str:
        """The label in the language, else in another language, else the name."""
        return _label_in(self.labels, language, self.name)

    def choice(self, name: str) -> Choice | None:
        """The choice with this name, if any (the first one when a name repeats)."""
        return self._choices_by_name.get(name)

    @functools.cached_property
    def _choices_by_name(self) -> dict[str, Choice]:
        by_name: dict[str, Choice] = {}
        for choice in self.choices:
            by_name.setdefault(choice.name, choice)
        return by_name


@dataclass(frozen=True)
class Problem:
    """A non-fatal issue found in the form or the data; the analysis went on."""

    kind: str  # unknown-column, unknown-choice, duplicate, weight, quote-damage, short-row, ...
    file: str
    message: str
    sheet: str = ""
    column: str = ""
    rows: tuple[int, ...] = ()  # spreadsheet rows (the header is row 1)

    def one_line(self) -> str:
        """File, sheet, column, rows and what is wrong, on one line."""
        where = location_text(sheet=self.sheet, column=self.column, rows=self.rows)
        return f"{self.file}: {where}: {self.message}" if where else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Form:
    """An XLSForm: its analysed questions, label languages and the fields it does not analyse."""

    path: str
    title: str
    questions: tuple[Question, ...]
    languages: tuple[str, ...]  # label column languages as written ("" for a plain `label`)
    language: str  # the language labels are shown in
    other_fields: tuple[str, ...] = ()  # notes, calculations, dates, metadata: known, not analysed
    problems: tuple[Problem, ...] = ()

    def question(self, name: str) -> Question | None:
        """The analysed question with this name, if any."""
        return self._by_name.get(name)

    @functools.cached_property
    def _by_name(self) -> dict[str, Question]:
        return {question.name: question for question in self.questions}

    def question_label(self, name: str) -> str:
        """The label of a question in the form's language (the name if there is none)."""
        question = self.question(name)
        return question.label(self.language) if question else name

    def option_label(self, question_name: str, option: str) -> str:
        """The label of a choice, or of (blank), (invalid), (not asked), in the form's language."""
        question = self.question(question_name)
        choice = question.choice(option) if question else None
        if choice is not None:
            return choice.label(self.language)
        return special_label(option, self.language)


@dataclass(frozen=True)
class ResultRow:
    """One line of survey_results.csv: an option's count and share within a group."""

    question: str
    option: str
    group: str  # the variable disaggregated by; "" for the whole sample
    group_value: str  # its value; "" for the whole sample
    n: float  # respondents (sum of weights when weighted) who gave the option
    total: float  # the denominator: who answered (answer rows) or who was asked (other rows)
    percent: float | None  # 100 * n / total; None when total is 0
    ci_low: float | None  # 95% Wilson interval, in percent
    ci_high: float | None
    kind: RowKind = "answer"


@dataclass(frozen=True)
class NumericSummary:
    """Count, mean, median and range of a number question within a group."""

    question: str
    group: str
    group_value: str
    n: float  # respondents with a number (sum of weights when weighted)
    mean: float | None
    median: float | None
    minimum: float | None
    maximum: float | None
    blank: float  # asked but no number given


@dataclass(frozen=True)
class TextAnswers:
    """The free-text answers to one question, each with its spreadsheet row."""

    question: str
    answers: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class PrincipleShare:
    """A guiding principle: the share saying its application needs further improvement."""

    question: str
    principle: str  # framework key, "" when the question could not be matched to one
    title: str
    row: ResultRow  # the "needs further improvement" row, whole sample
    excluded: float  # "don't know" answers
    blank: float  # asked, no answer


@dataclass(frozen=True)
class ObjectivePriority:
    """One objective in the ranking of priorities (ties share a rank)."""

    rank: int
    objective: int | None  # GCM objective number, None when the choice could not be matched
    title: str
    row: ResultRow


@dataclass(frozen=True)
class CrossTab:
    """A question cross-tabulated with a grouping: shares within each group."""

    question: str
    by: str
    rows: tuple[ResultRow, ...]  # whole sample first, then each group


@dataclass(frozen=True)
class GcmView:
    """The GCM reading of the survey: principles, objective priorities, participation."""

    principles: tuple[PrincipleShare, ...] = ()
    improvement_option: str = ""
    objectives_question: str = ""
    objectives: tuple[ObjectivePriority, ...] = ()
    participation: CrossTab | None = None
    summary: tuple[str, ...] = ()  # plain sentences an analyst can quote
    # what the framework calls its labels, principles and itself (the default framework's words)
    wording: Wording = field(default_factory=lambda: wording(load_framework()))


@dataclass(frozen=True)
class SurveyResult:
    """Everything analyse_survey found: results, the GCM view and the problems."""

    form: Form
    data_path: str
    source: str  # "kobo" or "limesurvey"
    respondents: int  # rows analysed, after duplicates were removed
    duplicates_removed: int
    weights: str | None
    by: tuple[str, ...]
    rows: tuple[ResultRow, ...]
    numeric: tuple[NumericSummary, ...] = ()
    texts: tuple[TextAnswers, ...] = ()
    group_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict, hash=False)
    gcm: GcmView = field(default_factory=GcmView)
    problems: tuple[Problem, ...] = ()

    @property
    def weighted(self) -> bool:
        """True when counts are sums of weights."""
        return self.weights is not None

    @property
    def losses(self) -> tuple[Problem, ...]:
        """The problems that mean responses or answers were lost or left out (LOSS_KINDS)."""
        return tuple(problem for problem in self.problems if problem.kind in LOSS_KINDS)

    @property
    def questions(self) -> tuple[Question, ...]:
        """The analysed questions in form order."""
        return self.form.questions

    def rows_of(self, question: str, *, group: str | None = None) -> tuple[ResultRow, ...]:
        """The rows of a question; only those of one grouping ("" = whole sample) if given."""
        rows = self._rows_by_question.get(question, ())
        return rows if group is None else tuple(row for row in rows if row.group == group)

    @functools.cached_property
    def _rows_by_question(self) -> dict[str, tuple[ResultRow, ...]]:
        grouped: dict[str, list[ResultRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.question, []).append(row)
        return {name: tuple(rows) for name, rows in grouped.items()}

    def numeric_of(self, question: str) -> tuple[NumericSummary, ...]:
        """The number summaries of a question, every group."""
        return self._numeric_by_question.get(question, ())

    def texts_of(self, question: str) -> tuple[TextAnswers, ...]:
        """The written answers of a question."""
        return self._texts_by_question.get(question, ())

    @functools.cached_property
    def _numeric_by_question(self) -> dict[str, tuple[NumericSummary, ...]]:
        grouped: dict[str, list[NumericSummary]] = {}
        for summary in self.numeric:
            grouped.setdefault(summary.question, []).append(summary)
        return {name: tuple(summaries) for name, summaries in grouped.items()}

    @functools.cached_property
    def _texts_by_question(self) -> dict[str, tuple[TextAnswers, ...]]:
        grouped: dict[str, list[TextAnswers]] = {}
        for texts in self.texts:
            grouped.setdefault(texts.question, []).append(texts)
        return {name: tuple(found) for name, found in grouped.items()}

    def has_results(self, question: str) -> bool:
        """True when the question has shares, number summaries or written answers."""
        return bool(
            self._rows_by_question.get(question)
            or self._numeric_by_question.get(question)
            or self._texts_by_question.get(question)
        )

    def group_label(self, group: str) -> str:
        """The label of a variable disaggregated by."""
        if not group:
            return special_label(ALL_RESPONDENTS, self.form.language)
        return self.form.question_label(group)

    def group_value_label(self, group: str, value: str) -> str:
        """The label of one value of a variable disaggregated by."""
        if not group:
            return special_label(ALL_RESPONDENTS, self.form.language)
        return self.group_labels.get(group, {}).get(value, value)
