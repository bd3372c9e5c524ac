"""The window's language: cxassist's own catalogue from resources/translations and Qt's for its standard dialogs.

`ui.language` names the language (`es`); empty means the system's. A language without a catalogue, or a string a
catalogue lacks, shows in English: nothing is ever blank.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

# Words the window shows through widgets.text.tr(word), where lupdate cannot see a literal: lower layers define them
# (and cannot import Qt), or agent.prompts_panel keeps them in a plain dict. Marked here for the empty context.
WORDS_FROM_DATA = (
    # services.prompts.DISMISS_REASONS
    QT_TRANSLATE_NOOP("", "not helpful"),
    QT_TRANSLATE_NOOP("", "wrong for this caller"),
    QT_TRANSLATE_NOOP("", "wording"),
    # services.caller_edit.ENDED_REASONS
    QT_TRANSLATE_NOOP("", "no longer applies"),
    QT_TRANSLATE_NOOP("", "recorded in error"),
    QT_TRANSLATE_NOOP("", "the caller withdrew consent"),
    # agent.prompts_panel.CATEGORY_TITLES
    QT_TRANSLATE_NOOP("", "Care and safety"),
    QT_TRANSLATE_NOOP("", "Empathy"),
    QT_TRANSLATE_NOOP("", "Context"),
    QT_TRANSLATE_NOOP("", "Greeting"),
    QT_TRANSLATE_NOOP("", "Plain language"),
    QT_TRANSLATE_NOOP("", "Delight"),
    QT_TRANSLATE_NOOP("", "Closing"),
)


TRANSLATOR_NAME = "cxassistTranslator"


def catalogue_folder() -> Path:
    return Path(str(resources.files("cxassist") / "resources" / "translations"))


def available_languages() -> list[str]:
    """Languages with a compiled catalogue, e.g. ["es"]."""
    return sorted(p.stem.removeprefix("cxassist_") for p in catalogue_folder().glob("cxassist_*.qm"))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for `language` (or the system's), replacing any installed here before, and return
    them; they are children of `app`, which keeps them alive."""
    locale = QLocale(language) if language else QLocale.system()
    for earlier in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(earlier)
        earlier.deleteLater()
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    ours.setObjectName(TRANSLATOR_NAME)
    if ours.load(locale, "cxassist", "_", str(catalogue_folder())):
        app.installTranslator(ours)
        installed.append(ours)
    qt_own = QTranslator(app)
    qt_own.setObjectName(TRANSLATOR_NAME)
    if qt_own.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed
