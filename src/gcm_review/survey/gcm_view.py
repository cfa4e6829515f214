"""The framework reading of a survey (the GCM's by default): guiding principles, priority
objectives, participation.

The questions are found through the optional `gcm` column of the survey sheet (`principle:KEY`,
`objectives`, `participation`, `stakeholder_group`), or else by their shape: select_one
questions with a "needs further improvement" choice are principle ratings; a select_multiple
whose choices are numbered 1..N for the framework's N objectives (`obj1` .. `obj23` for the GCM,
`goal1` .. `goal4`, or plain numbers), more than half of them, is the objectives question; a
select_one named like *consult* or *particip* is participation, and one named like
*stakeholder* the group.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from gcm_review.frameworks.labels import capital, indefinite, wording
from gcm_review.frameworks.loader import Framework, Principle, load_framework
from gcm_review.survey.records import (
    BLANK,
    CrossTab,
    Form,
    GcmView,
    ObjectivePriority,
    PrincipleShare,
    Question,
    ResultRow,
    language_code,
)

RowsOf = Callable[[str], Sequence[ResultRow]]
_IMPROVEMENT_MARKERS = ("improv", "amélior", "amelior", "تحسين")
_OBJECTIVE_NUMBER = re.compile(r"(?:^|\D)(\d{1,2})$")
_NEITHER = ("neither", "none", "aucun", "ni_")


def improvement_option(question: Question) -> str:
    """The name of the "needs further improvement" choice ("" when there is none)."""
    for choice in question.choices:
        texts = [choice.name.casefold(), *(label.casefold() for label in choice.labels.values())]
        if not choice.excluded and any(m in t for t in texts for m in _IMPROVEMENT_MARKERS):
            return choice.name
    return ""


def principle_questions(form: Form) -> list[Question]:
    """The guiding-principle rating questions, in form order."""
    marked = [q for q in form.questions if q.gcm.startswith("principle")]
    candidates = marked or [q for q in form.questions if q.kind == "select_one"]
    return [q for q in candidates if improvement_option(q)]


def match_principle(question: Question, framework: Framework) -> Principle | None:
    """The framework principle a rating question is about, from its gcm key, name or label."""
    keys = {principle.key: principle for principle in framework.principles}
    _, _, marked = question.gcm.partition(":")
    if marked.strip() in keys:
        return keys[marked.strip()]
    name = re.sub(r"[^a-z0-9]+", "-", question.name.casefold())
    for principle in framework.principles:
        if principle.key in name:
            return principle
    labels = [label.casefold() for label in question.labels.values()]
    for principle in framework.principles:
        titles = [title.casefold() for title in principle.titles.values() if title]
        if any(title in label for title in titles for label in labels):
            return principle
    return None


def objectives_question(form: Form, framework: Framework | None = None) -> Question | None:
    """The select_multiple question whose choices are the framework's objectives (the GCM's 23
    unless another framework is given): marked `objectives`, or more than half of them numbered."""
    framework = framework or load_framework()
    for question in form.questions:
        if question.gcm == "objectives" and question.kind == "select_multiple":
            return question
    enough = framework.size // 2 + 1
    for question in form.questions:
        numbered = [objective_number(choice.name, framework) for choice in question.choices]
        if question.kind == "select_multiple" and sum(n is not None for n in numbered) >= enough:
            return question
    return None


def objective_number(name: str, framework: Framework | None = None) -> int | None:
    """1..N from a choice name such as obj5, objective_5, o5 or 5 (N objectives of the framework,
    the GCM's 23 unless another is given)."""
    size = (framework or load_framework()).size
    match = _OBJECTIVE_NUMBER.search(name.strip())
    number = int(match.group(1)) if match else 0
    return number if 1 <= number <= size else None


def participation_questions(form: Form) -> tuple[Question, Question] | None:
    """(participation in consultations, stakeholder group), when the form has both."""
    participation = _find(form, "participation", ("consult", "particip"), ("select_one",))
    group = _find(form, "stakeholder_group", ("stakeholder",), ("select_one", "select_multiple"))
    if participation is None or group is None or participation is group:
        return None
    return participation, group


def _find(form: Form, role: str, words: tuple[str, ...], kinds: tuple[str, ...]) -> Question | None:
    marked = next((q for q in form.questions if q.gcm == role and q.kind in kinds), None)
    if marked is not None:
        return marked
    return next(
        (
            q
            for q in form.questions
            if q.kind in kinds and any(word in q.name.casefold() for word in words)
        ),
        None,
    )


def build_gcm_view(
    form: Form,
    rows_of: RowsOf,
    participation: CrossTab | None,
    *,
    weighted: bool = False,
    framework: Framework | None = None,
) -> GcmView:
    """The principles, objectives and participation tables, and sentences summing them up.

    Principles and objectives are those of `framework` (the GCM unless another is given)."""
    framework = framework or load_framework()
    principles = _principle_shares(form, rows_of, framework)
    question = objectives_question(form, framework)
    objectives = _priorities(form, question, rows_of, framework) if question else ()
    view = GcmView(
        principles=principles,
        improvement_option=principles[0].row.option if principles else "",
        objectives_question=question.name if question else "",
        objectives=objectives,
        participation=participation,
        wording=wording(framework),
    )
    summary = _summary(view, weighted=weighted)
    return GcmView(**{**view.__dict__, "summary": summary})


def _whole_sample(rows: Sequence[ResultRow]) -> list[ResultRow]:
    return [row for row in rows if row.group == ""]


def _principle_shares(
    form: Form, rows_of: RowsOf, framework: Framework
) -> tuple[PrincipleShare, ...]:
    code = language_code(form.language) or "en"
    shares = []
    for question in principle_questions(form):
        rows = _whole_sample(rows_of(question.name))
        option = improvement_option(question)
        row = next((r for r in rows if r.option == option), None)
        if row is None:
            continue
        principle = match_principle(question, framework)
        title = principle.titles.get(code, principle.label) if principle else ""
        shares.append(
            PrincipleShare(
                question=question.name,
                principle=principle.key if principle else "",
                title=title or question.label(form.language),
                row=row,
                excluded=sum(r.n for r in rows if r.kind == "excluded"),
                blank=sum(r.n for r in rows if r.option == BLANK),
            )
        )
    return tuple(shares)


def _priorities(
    form: Form, question: Question, rows_of: RowsOf, framework: Framework
) -> tuple[ObjectivePriority, ...]:
    code = language_code(form.language) or "en"
    rows = [r for r in _whole_sample(rows_of(question.name)) if r.kind == "answer"]
    numbers = {r.option: objective_number(r.option, framework) for r in rows}
    ordered = sorted(rows, key=lambda r: (-r.n, numbers[r.option] or framework.size + 1, r.option))
    priorities = []
    for row in ordered:
        number = numbers[row.option]
        choice_label = form.option_label(question.name, row.option)
        title = choice_label
        if number is not None and choice_label == row.option:
            objective = framework.objective(number)
            title = objective.titles.get(code, objective.label)
        rank = 1 + sum(1 for other in rows if other.n > row.n)
        priorities.append(ObjectivePriority(rank, number, title, row))
    return tuple(priorities)


def _summary(view: GcmView, *, weighted: bool) -> tuple[str, ...]:
    sentences = []
    rated = [share for share in view.principles if share.row.percent is not None]
    if rated:
        low = min(rated, key=lambda share: share.row.percent or 0.0)
        high = max(rated, key=lambda share: share.row.percent or 0.0)
        rated_one = indefinite(view.wording.principle)
        sentences.append(
            f"Between {_pct(low.row.percent)} ({low.title}) and {_pct(high.row.percent)} "
            f"({high.title}) of respondents who rated {rated_one} said its "
            'application needs further improvement ("don\'t know" and blank answers left out).'
        )
    top = [p for p in view.objectives if p.rank <= 3 and p.row.percent is not None]
    if top:
        listed = "; ".join(f"{p.title} ({_pct(p.row.percent)})" for p in top)
        labels = capital(view.wording.labels)
        sentences.append(f"{labels} most often chosen as priorities: {listed}.")
    neither = _neither_row(view.participation)
    if neither is not None and neither.percent is not None:
        counts = f"{_count(neither.n)} of {_count(neither.total)}"
        sentences.append(
            f"{_pct(neither.percent)} of respondents ({'weighted: ' if weighted else ''}{counts}) "
            "took part in neither the national nor the regional consultations."
        )
    return tuple(sentences)


def is_neither(option: str) -> bool:
    """True for the "took part in neither consultation" choice (neither, none, aucune, ...)."""
    return any(word in option.casefold() for word in _NEITHER)


def _neither_row(table: CrossTab | None) -> ResultRow | None:
    if table is None:
        return None
    return next(
        (r for r in table.rows if r.group == "" and r.kind == "answer" and is_neither(r.option)),
        None,
    )


def _pct(value: float | None) -> str:
    return f"{value:.1f}%" if value is not None else "n/a"


def _count(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
