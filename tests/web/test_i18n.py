"""The interface in English, French and Arabic: catalogues complete, the language chosen per
account, by the switcher and by the browser, pages right to left in Arabic."""

from __future__ import annotations

import gettext
import html
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi import FastAPI
from markupsafe import escape

from gcm_review.frameworks import load_framework
from gcm_review.languages import known_languages
from gcm_review.store.database import Database
from gcm_review.store.document_admin import DOCUMENT_KINDS
from gcm_review.store.preferences import user_language
from gcm_review.store.users import get_user_by_name
from gcm_review.web import report_view
from gcm_review.web.catalogues import Entry, catalogue_path, compile_mo, parse_po, translations
from gcm_review.web.display import WORDS, label_names
from gcm_review.web.extract import (
    TEMPLATES_DIR,
    all_messages,
    po_text,
    python_messages,
    unwrapped_text,
)
from gcm_review.web.i18n import LANGUAGE_COOKIE, LANGUAGES, negotiate
from gcm_review.web.routes.search import LANGUAGE_NAMES
from web.conftest import ACCOUNTS, Seed, TestClient, Visitor, sign_in

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
HTML_TAG = re.compile(r"</?(\w+)")
PLURAL_FORMS = {"en": 2, "fr": 2, "ar": 6}
PLURAL_COUNTS = {"num", "count"}  # the names ngettext and {% trans count=... %} give the number


def catalogue(language: str) -> dict[tuple[str, str | None], Entry]:
    entries = parse_po(catalogue_path(language).read_text(encoding="utf-8"))
    return {(entry.msgid, entry.msgid_plural): entry for entry in entries if entry.msgid}


def html_lang(html: str) -> tuple[str, str]:
    found = re.search(r'<html lang="(\w+)" dir="(\w+)">', html)
    assert found, "no <html lang dir>"
    return found[1], found[2]


# --- the catalogues ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_has_a_translation(language: str) -> None:
    entries = catalogue(language)
    missing = [
        f"{msgid!r} ({', '.join(places)})"
        for (msgid, plural), places in all_messages().items()
        if (msgid, plural) not in entries or not entries[msgid, plural].translated
    ]
    assert not missing, f"{language} lacks (run scripts/update-catalogues, then translate):\n" + (
        "\n".join(missing)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_entry_is_used_and_has_its_plural_forms(language: str) -> None:
    used = all_messages()
    for key, entry in catalogue(language).items():
        assert key in used, f"{language}: {entry.msgid!r} is no longer used"
        forms = 1 if entry.msgid_plural is None else PLURAL_FORMS[language]
        assert len(entry.msgstr) == forms, entry.msgid


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_translations_keep_the_placeholders_and_markup(language: str) -> None:
    for entry in catalogue(language).values():
        wanted = set(PLACEHOLDER.findall(entry.msgid))
        tags = sorted(HTML_TAG.findall(entry.msgid))
        for text in entry.msgstr:
            found = set(PLACEHOLDER.findall(text))
            # a plural form may say its number in words ("فقرتان": two paragraphs)
            countable = PLURAL_COUNTS if entry.msgid_plural is not None else set()
            assert found <= wanted and wanted - found <= countable, (entry.msgid, text)
            assert sorted(HTML_TAG.findall(text)) == tags, (entry.msgid, text)


def test_english_translates_to_itself() -> None:
    for entry in catalogue("en").values():
        assert entry.msgstr[0] == entry.msgid
        if entry.msgid_plural is not None:
            assert entry.msgstr[1] == entry.msgid_plural


@pytest.mark.parametrize("template", sorted(path.name for path in TEMPLATES_DIR.glob("*.html")))
def test_templates_show_no_unwrapped_text(template: str) -> None:
    source = (TEMPLATES_DIR / template).read_text(encoding="utf-8")
    assert unwrapped_text(source) == []


def test_unwrapped_text_is_found_in_tags_and_read_attributes() -> None:
    source = (
        '<p title="Shown on hover">{{ _("Wrapped") }} Not wrapped</p>'
        '<a href="/x" aria-label="{{ _(\'Fine\') }}">{% trans %}Fine too{% endtrans %}</a>'
        "<span>gcm-review · 12 ¶</span>"
    )
    assert unwrapped_text(source) == ["Shown on hover", "Not wrapped"]


def test_catalogue_compiles_with_arabic_plural_forms() -> None:
    header = Entry(
        msgid="",
        msgstr=(
            "Content-Type: text/plain; charset=UTF-8\n"
            "Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
            "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);\n",
        ),
    )
    forms = ("zero", "one", "two", "few", "many", "other")
    entry = Entry(msgid="%(n)s file", msgid_plural="%(n)s files", msgstr=forms)
    untranslated = Entry(msgid="Left alone", msgstr=("",))
    messages = gettext.GNUTranslations(io.BytesIO(compile_mo([header, entry, untranslated])))
    counts = (0, 1, 2, 5, 11, 100, 102)
    assert [messages.ngettext("%(n)s file", "%(n)s files", n) for n in counts] == [
        "zero",
        "one",
        "two",
        "few",
        "many",
        "other",
        "other",
    ]
    assert messages.gettext("Left alone") == "Left alone"


def test_po_syntax_with_continuations_escapes_and_fuzzy_entries() -> None:
    text = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: here.html:1\nmsgid "Say \\"hi\\""\nmsgstr ""\n"Dites "\n"\\"bonjour\\""\n\n'
        '#, fuzzy\nmsgid "Unsure"\nmsgstr "Peut-être"\n'
    )
    entries = parse_po(text)
    assert [(entry.msgid, entry.msgstr, entry.translated) for entry in entries[1:]] == [
        ('Say "hi"', ('Dites "bonjour"',), True),
        ("Unsure", ("Peut-être",), False),
    ]


def test_po_files_written_read_back_the_same() -> None:
    entries = [
        Entry(msgid='Say "hi"\\', msgstr=('Dites "salut"\\',)),
        Entry(msgid="%(num)s file", msgid_plural="%(num)s files", msgstr=("a", "b", "c")),
        Entry(msgid="Two\nlines", msgstr=("",)),
    ]
    text = po_text(entries, 'msgid ""\nmsgstr "Language: fr\\n"', {("Two\nlines", None): ["x:1"]})
    assert "#: x:1" in text
    assert parse_po(text)[1:] == entries


# --- choosing the language --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("fr-CH, fr;q=0.9, en;q=0.8", "fr"),
        ("de-DE, ar;q=0.5, en;q=0.4", "ar"),
        ("en;q=0.2, ar-EG;q=0.9", "ar"),
        ("AR", "ar"),
        ("fr;q=0, en", "en"),
        ("de, *;q=0.1", None),
        ("", None),
        ("fr;q=abc", None),
    ],
)
def test_browser_preference(header: str, expected: str | None) -> None:
    assert negotiate(header) == expected


def test_the_browser_language_is_used_before_signing_in(app: FastAPI) -> None:
    client = TestClient(app)
    english = client.get("/login")
    assert html_lang(english.text) == ("en", "ltr")
    arabic = client.get("/login", headers={"Accept-Language": "ar,en;q=0.5"})
    assert html_lang(arabic.text) == ("ar", "rtl")
    assert "تسجيل الدخول" in arabic.text
    assert arabic.headers["Content-Language"] == "ar"
    french = client.get("/login", headers={"Accept-Language": "fr-FR"})
    assert html_lang(french.text) == ("fr", "ltr")
    assert "Se connecter" in french.text


def test_the_switcher_before_signing_in_sets_a_cookie(app: FastAPI) -> None:
    client = TestClient(app)
    token = client.get("/api/session").json()["csrf_token"]
    response = client.post(
        "/language",
        data={"language": "fr", "next": "/login?next=/matrix", "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/matrix"
    assert client.cookies.get(LANGUAGE_COOKIE) == "fr"
    page = client.get("/login", headers={"Accept-Language": "ar"})
    assert html_lang(page.text) == ("fr", "ltr")  # the choice outranks the browser


def test_the_switcher_refuses_what_it_does_not_know(app: FastAPI) -> None:
    client = TestClient(app)
    token = client.get("/api/session").json()["csrf_token"]
    for bad in ("de", "../en", ""):
        response = client.post(
            "/language",
            data={"language": bad, "next": "https://elsewhere.example/", "csrf_token": token},
            follow_redirects=False,
        )
        assert response.status_code in (303, 422)
        if response.status_code == 303:
            assert response.headers["location"] == "/"
        assert LANGUAGE_COOKIE not in client.cookies
    no_token = client.post("/language", data={"language": "fr"}, follow_redirects=False)
    assert no_token.status_code == 403


def test_an_accounts_choice_is_stored_and_follows_it(
    visit: Callable[[str], Visitor], app: FastAPI, db: Database
) -> None:
    analyst = visit("analyst")
    response = analyst.post("/language", {"language": "ar", "next": "/documents"})
    assert response.status_code == 303  # type: ignore[attr-defined]
    account = get_user_by_name(db, ACCOUNTS["analyst"][0])
    assert account is not None and user_language(db, account.id) == "ar"
    page = analyst.client.get("/documents", headers={"Accept-Language": "fr"})
    assert html_lang(page.text) == ("ar", "rtl")
    # on another browser, with no cookie and an English browser, the account's choice holds
    elsewhere = TestClient(app)
    sign_in(elsewhere, ACCOUNTS["analyst"][0])
    assert html_lang(elsewhere.get("/documents").text) == ("ar", "rtl")
    # other accounts keep their browser's language
    viewer = visit("viewer")
    assert html_lang(viewer.client.get("/documents").text) == ("en", "ltr")


def test_objective_titles_come_from_the_framework_in_the_page_language(
    visit: Callable[[str], Visitor], app: FastAPI
) -> None:
    framework = load_framework(app.state.settings.framework)
    first = framework.objectives[0]
    analyst = visit("analyst")
    english = analyst.client.get("/matrix").text
    assert first.label in english
    analyst.post("/language", {"language": "fr", "next": "/"})
    french = analyst.client.get("/matrix").text
    assert escape(first.titles["fr"]) in french
    analyst.post("/language", {"language": "ar", "next": "/"})
    assert first.titles["ar"] in analyst.client.get("/matrix").text


def test_error_pages_and_messages_from_the_code_are_translated(app: FastAPI) -> None:
    client = TestClient(app)
    missing = client.get("/no-such-page", headers={"Accept-Language": "fr"})
    assert missing.status_code == 404
    assert html_lang(missing.text) == ("fr", "ltr")
    assert escape(translations("fr").gettext("There is no such page")) in missing.text
    token = client.get("/api/session").json()["csrf_token"]
    wrong = client.post(
        "/login",
        data={"name": "nobody", "password": "wrong password", "csrf_token": token},
        headers={"Accept-Language": "ar"},
    )
    assert wrong.status_code == 401
    assert escape(translations("ar").gettext("Wrong name or password.")) in wrong.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_wrapped_sentences_keep_their_spaces(
    visit: Callable[[str], Visitor], seed: Seed, language: str
) -> None:
    admin = visit("admin")
    admin.post("/language", {"language": language, "next": "/"})
    for path in ("/matrix", f"/documents/{seed.jordan}/delete", "/agreement", "/synthesis"):
        text = re.sub(r"<[^>]+>", " ", admin.client.get(path).text)
        joined = re.findall(r"\S[.;?؟؛](?:[A-Z]|[\u0621-\u064a])", text)
        assert not joined, (path, joined)


def test_a_cookie_naming_no_interface_language_is_ignored(app: FastAPI) -> None:
    client = TestClient(app, cookies={LANGUAGE_COOKIE: "de"})
    page = client.get("/login", headers={"Accept-Language": "fr"})
    assert html_lang(page.text) == ("fr", "ltr")
    assert "Accept-Language" in page.headers["Vary"]


def test_label_names_in_each_language() -> None:
    framework = load_framework("gcm")
    objective, principle = framework.objectives[5], framework.principles[0]
    english = label_names("gcm", "en")
    french = label_names("gcm", "fr")
    arabic = label_names("gcm", "ar")
    label = f"objective:{objective.number}"
    assert english.title(label) == objective.label  # English keeps the short names
    assert french.title(label) == objective.titles["fr"]
    assert arabic.title(label) == objective.titles["ar"]
    assert arabic.code(label) == english.code(label) == f"O{objective.number}"
    assert french.title(f"principle:{principle.key}") == principle.titles["fr"]
    assert label_names("gcm", "xx").title(label) == objective.label  # no title: the short name


def test_every_kind_of_document_and_search_language_has_a_message() -> None:
    messages = {msgid for msgid, _plural in all_messages()}
    assert set(DOCUMENT_KINDS) <= set(WORDS) and set(DOCUMENT_KINDS) <= messages
    names = {language.name for language in known_languages()}
    assert names <= set(LANGUAGE_NAMES) <= messages


def test_plural_messages_of_the_web_code_are_found(tmp_path: Path) -> None:
    (tmp_path / "route.py").write_text(
        "translate_plural(request, '%(num)s file is read.', '%(num)s files are read.', n)\n"
        "translate_plural(request, message, '%(num)s files', n)\n",
        encoding="utf-8",
    )
    found = [(m.msgid, m.msgid_plural, m.where) for m in python_messages(tmp_path)]
    assert found == [("%(num)s file is read.", "%(num)s files are read.", "route.py:1")]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_pages_merged_from_main_in_the_page_language(
    visit: Callable[[str], Visitor], seed: Seed, language: str
) -> None:
    messages = translations(language)
    admin = visit("admin")
    admin.post("/language", {"language": language, "next": "/"})
    pages = {
        f"/documents/{seed.jordan}/edit": "national-review",
        f"/coding?document={seed.jordan}": (
            "Coding is blind. You see no model suggestion and no other coder's labels, "
            "and only the labels you saved yourself are ticked."
        ),
        "/adjudication": "No paragraph has codings that disagree.",
        "/admin/users": "Add an account",
        "/account/tokens": "You have no API tokens.",
        "/audit": "signed in",  # the admin's own sign-in, described in the page's language
        "/search?q=migrants&mode=semantic": (
            "Only paragraphs with a similarity of at least %(score)s to your query are shown "
            "(1.00 would be the same meaning)."
        ),
    }
    for path, message in pages.items():
        page = admin.client.get(path)
        assert page.status_code == 200, path
        assert html_lang(page.text)[0] == language
        translated = messages.gettext(message)
        assert translated != message
        assert translated.split("%(")[0] in html.unescape(page.text), (path, translated)


def test_a_flash_with_a_number_takes_the_languages_plural_form(
    visit: Callable[[str], Visitor],
) -> None:
    analyst = visit("admin")
    analyst.post("/language", {"language": "ar", "next": "/"})
    files = [("file", (f"note-{n}.txt", b"Migrants' rights.\n", "text/plain")) for n in (1, 2)]
    response = analyst.client.post(
        "/documents/upload", data={"csrf_token": analyst.token}, files=files
    )
    assert response.status_code == 200
    assert "تجري قراءة ملفين" in response.text


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_synthesis_parts_and_exports_in_the_page_language(
    visit: Callable[[str], Visitor], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setattr(report_view, "PAGE_BYTES", 1)  # every block a page of its own
    monkeypatch.setattr(report_view, "FIRST_BYTES", 1)  # only the first section on the page
    messages = translations(language)
    analyst = visit("analyst")
    analyst.post("/language", {"language": language, "next": "/"})
    client = analyst.client
    page = html.unescape(client.get("/synthesis").text)
    for message in ("Show more", "Show this part", "Back to top"):
        assert messages.gettext(message) in page, message
    assert ">Show more<" not in page and ">Back to top<" not in page
    part = re.search(r'href="(/synthesis/parts/[a-z-]+/0)"', page)
    assert part is not None
    assert messages.gettext("Back to the synthesis") in html.unescape(client.get(part[1]).text)
    exports = html.unescape(client.get("/exports").text)
    assert messages.gettext("In the background") in exports
    assert messages.gettext("Make %(name)s") % {"name": "report.html"} in exports
