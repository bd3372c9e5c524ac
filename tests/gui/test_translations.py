"""With `ui.language = "es"` the agent workspace speaks Spanish; a language without a catalogue stays in English."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from cxassist.domain.models import Outcome
from cxassist.ui.agent.main_window import MainWindow
from cxassist.ui.agent.prompts_panel import category_title
from cxassist.ui.translations import available_languages, install_translators
from cxassist.ui.widgets.text import outcome_text, tr

Install = Callable[[str], list[QTranslator]]


@pytest.fixture
def install(qapp: QApplication) -> Iterator[Install]:
    """Installs a language's translators; removes them afterwards so that later tests see English."""
    installed: list[QTranslator] = []

    def install_language(language: str) -> list[QTranslator]:
        translators = install_translators(qapp, language)
        installed.extend(translators)
        return translators

    yield install_language
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()


@pytest.fixture
def workspace(qtbot: Any, runtime: Any, runner: Any, errors: Any) -> Callable[[], MainWindow]:
    def build() -> MainWindow:
        window = MainWindow(runtime, runner, errors, dial=lambda _n: None)
        qtbot.addWidget(window)
        return window

    return build


def mnemonics(texts: list[str]) -> list[str]:
    return [m.group(1).lower() for text in texts if (m := re.search(r"&([^&\s])", text))]


def test_spanish_workspace(install: Install, workspace: Callable[[], MainWindow]) -> None:
    assert "es" in available_languages()
    assert len(install("es")) == 2  # cxassist's catalogue and Qt's own
    window = workspace()
    assert window.emergency_button.text() == "⚠ Emergencia  (Ctrl+E)"
    assert window.form.save.text() == "Guardar  (Ctrl+S)"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Llamada", "Ll&amante", "&Supervisión", "A&yuda"]
    assert window.actions_.emergency_action.text() == "Modo de &emergencia"
    assert window.windowTitle() == "cxassist: espacio de trabajo del agente"
    assert outcome_text(Outcome.MET) == "✓ Cumplido"
    assert category_title("care-and-safety") == "Cuidado y seguridad"  # a word that comes from data
    assert tr("wrong for this caller") == "no encaja con este llamante"


def test_spanish_menus_give_each_item_its_own_key(install: Install, workspace: Callable[[], MainWindow]) -> None:
    install("es")
    window = workspace()
    bar = window.menuBar().actions()
    assert len(set(mnemonics([a.text() for a in bar]))) == len(bar)
    for action in bar:
        menu = action.menu()
        assert isinstance(menu, QMenu)
        items = [a.text() for a in menu.actions() if not a.isSeparator()]
        keys = mnemonics(items)
        assert len(keys) == len(items) and len(set(keys)) == len(keys), items


def test_qt_own_buttons_follow_the_language(install: Install) -> None:
    install("es")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Cancelar"
    buttons.deleteLater()


def test_a_language_without_a_catalogue_stays_english(install: Install, workspace: Callable[[], MainWindow]) -> None:
    assert install("xx") == []
    window = workspace()
    assert window.emergency_button.text() == "⚠ Emergency  (Ctrl+E)"
    assert window.menuBar().actions()[0].text() == "&Call"
    assert outcome_text(Outcome.MET) == "✓ Met"
