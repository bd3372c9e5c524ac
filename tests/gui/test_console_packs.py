"""The prompt packs tab: problems shown by line as the supervisor types, a preview against a caller, publish and roll
back from the tab, the workspace taking up a published pack, and suggestions marked done."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import select

from cxassist.config import load_settings, resolve_paths
from cxassist.domain.models import Address, Caller, PhoneNumber
from cxassist.services import prompt_packs
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.changes import Changes
from cxassist.services.prompts import record_prompt_events, suggest_prompt
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.store import tables
from cxassist.store.callers import save_caller
from cxassist.store.prompt_events import PromptEventRecord
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.packs_view import PromptPacksTab

NORTH = """[pack]
name = "north-site"
version = 1

[[rule]]
id = "north-welcome"
category = "greeting"
template = "Welcome {{ caller.name | default('them') }} to the North centre."
why = "Every caller to the North centre."
"""


@pytest.fixture
def lee(tmp_path: Path) -> Any:
    site = tmp_path / "site.toml"
    site.write_text('[roles]\nsupervisors = ["lee"]\n', encoding="utf-8")
    settings = load_settings(data_dir=tmp_path / "lee", site_config=site)
    runtime = replace(open_runtime(settings, resolve_paths(settings)), agent_id="lee")
    caller = Caller(
        id=runtime.new_id(),
        full_name="Margaret Hale",
        preferred_name="Peggy",
        phones=(PhoneNumber(e164="+442079460018", label="home", is_primary=True),),
        address=Address(lines=("1 High Street",), city="London", postcode="N1 1AA", country="GB"),
    )
    with runtime.db.write() as conn:
        save_caller(conn, caller, hlc=runtime.stamp(), now=runtime.now(), new_phone_id=runtime.new_id)
    yield runtime
    runtime.close()


@pytest.fixture
def tab(qtbot: Any, lee: Runtime, runner: Any, errors: Any) -> PromptPacksTab:
    made = PromptPacksTab(ConsoleContext(runtime=lee, runner=runner, errors=errors))
    qtbot.addWidget(made)
    made.show()
    return made


@pytest.fixture
def say_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def published_rows(runtime: Runtime) -> list[tuple[int, bool]]:
    with runtime.db.read() as conn:
        pack = tables.prompt_pack
        return [tuple(r) for r in conn.execute(select(pack.c.version, pack.c.active).order_by(pack.c.version))]


def top_names(tab: PromptPacksTab) -> list[str]:
    return [tab.tree.topLevelItem(n).text(0) for n in range(tab.tree.topLevelItemCount())]


def test_the_tab_lists_the_packs_in_force(tab: PromptPacksTab) -> None:
    assert top_names(tab) == ["default"]
    default = tab.tree.topLevelItem(0)
    assert default.text(2) == "Shipped with cxassist" and int(default.text(3)) >= 30


def test_the_editor_opens_empty_with_a_hint_and_nothing_to_publish(tab: PromptPacksTab, qtbot: Any) -> None:
    editor = tab.editor
    assert editor.text.toPlainText() == "" and not editor.publish_button.isEnabled()
    assert editor.status.text() == "Choose a pack in force to edit it, or start a new one."
    assert not editor.problems.isVisible(), "no empty problems box"
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert "name = \"my-pack\"" in editor.text.toPlainText() and editor.publish_button.isEnabled()
    editor.text.selectAll()
    qtbot.keyClick(editor.text, Qt.Key.Key_Delete)
    assert not editor.publish_button.isEnabled() and editor.status.text().startswith("Choose a pack")


def test_selecting_a_pack_opens_its_text_but_keeps_edits(tab: PromptPacksTab, qtbot: Any) -> None:
    editor = tab.editor
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    assert editor.text.toPlainText() == prompt_packs.load_in_force(tab.context.runtime).packs[0].text
    assert editor.title.text() == "default: Shipped with cxassist" and not editor.has_edits()
    qtbot.waitUntil(editor.publish_button.isEnabled)
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.text, "# my note")
    tab.tree.setCurrentItem(None)
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    assert editor.text.toPlainText().endswith("# my note"), "selecting does not throw edits away"
    assert "Your edits are kept" in editor.messages.text.text()
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert not editor.text.toPlainText().endswith("# my note"), "Open in editor replaces them"


def test_typing_a_syntax_error_shows_a_problem_with_its_line(tab: PromptPacksTab, qtbot: Any) -> None:
    editor = tab.editor
    editor.open_text(NORTH, "north")
    assert editor.problems.count() == 0 and editor.publish_button.isEnabled()
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.text, "[[rule]")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.text, "id = ")
    assert not editor.publish_button.isEnabled(), "nothing unchecked can be published"
    qtbot.waitUntil(lambda: editor.problems.count() > 0)
    ((line, text),) = editor.problem_lines()
    assert line == 10 and text.startswith("Line 10: not valid TOML")
    assert editor.status.text().startswith("✗ 1 problem")
    editor.problems.setCurrentRow(0)
    editor.problems.itemActivated.emit(editor.problems.item(0))
    assert editor.text.textCursor().blockNumber() == 9 and editor.text.hasFocus()


def test_a_rule_problem_names_the_rule_and_its_line(tab: PromptPacksTab, qtbot: Any) -> None:
    tab.editor.open_text(NORTH.replace('"greeting"', '"greting"'), "north")
    ((line, text),) = tab.editor.problem_lines()
    assert line == 7 and "rule 'north-welcome'" in text and "did you mean 'greeting'" in text


def test_preview_shows_the_prompts_for_a_caller_with_why(tab: PromptPacksTab, qtbot: Any) -> None:
    tab.editor.open_text(NORTH, "north")
    preview = tab.editor.preview
    qtbot.keyClicks(preview.caller, "020 7946 0018")
    qtbot.keyClick(preview.caller, Qt.Key.Key_Return)
    assert "north-welcome" in preview.shown_rule_ids()
    assert preview.caption.text().startswith(f"{preview.prompts.count()} prompts for Margaret Hale")
    texts = [preview.prompts.item(n).text() for n in range(preview.prompts.count())]
    assert "Greeting: Welcome Peggy to the North centre.\nWhy: Every caller to the North centre." in " ".join(texts)
    preview.caller.setText("Nobody Atall")
    preview.preview()
    assert preview.prompts.count() == 0 and "No caller named 'Nobody Atall'" in preview.caption.text()


def test_publish_from_the_tab_then_roll_back(
    tab: PromptPacksTab, lee: Runtime, relay: Any, say_yes: list[str], qtbot: Any
) -> None:
    notices: list[Changes] = []
    relay.changed.connect(lambda changes, _initiator: notices.append(changes))
    tab.editor.open_text(NORTH, "north")
    qtbot.mouseClick(tab.editor.publish_button, Qt.MouseButton.LeftButton)
    assert "Publish pack 'north-site' as a new version?" in say_yes[0]
    assert published_rows(lee) == [(1, True)] and any(n.prompt_pack for n in notices)
    assert top_names(tab) == ["default", "north-site"], "the list shows it at once"
    assert "Published 'north-site' as version 1" in tab.editor.messages.text.text()
    tab.editor.open_text(NORTH.replace("Welcome", "Hello and welcome"), "north")
    tab.editor.publish()
    north = tab.tree.topLevelItem(1)
    assert north.text(1) == "2 (pack says 1)" and north.text(2) == "Published from the console"
    assert [north.child(n).text(2) for n in range(north.childCount())] == ["✓ in force", ""]
    tab.tree.setCurrentItem(north.child(0))
    assert not tab.rollback_button.isEnabled(), "the version in force is not a rollback"
    tab.tree.setCurrentItem(north.child(1))
    assert tab.rollback_button.isEnabled()
    qtbot.mouseClick(tab.rollback_button, Qt.MouseButton.LeftButton)
    assert "Roll back 'north-site' to version 1?" in say_yes[-1]
    assert published_rows(lee) == [(1, False), (2, False), (3, True)]
    assert "back to the text of version 1, published as version 3" in tab.messages.text.text()
    assert prompt_packs.load_in_force(lee).packs[1].text == NORTH


def test_declining_the_confirmation_publishes_nothing(
    tab: PromptPacksTab, lee: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.No)
    tab.editor.open_text(NORTH, "north")
    tab.editor.publish()
    assert published_rows(lee) == []


def test_the_workspace_takes_up_a_pack_published_or_synced(
    qtbot: Any, lee: Runtime, runner: Any, errors: Any, relay: Any
) -> None:
    from cxassist.ui.agent.main_window import MainWindow

    window = MainWindow(lee, runner, errors, dial=lambda _n: None)
    qtbot.addWidget(window)
    controller = window.prompts_controller
    assert controller.pack_set is not None and controller.pack_set.rule("north-welcome") is None
    prompt_packs.publish_pack(lee, NORTH)  # as if pulled by sync: the scheduler reports it through the relay
    relay.report(Changes(prompt_pack=True, pulled=1))
    assert controller.pack_set.rule("north-welcome") is not None
    window.pop_number("020 7946 0018")
    assert "north-welcome" in [
        card.prompt.rule_id for card in window.prompts.findChildren(QWidget) if hasattr(card, "prompt")
    ]


def test_dismissals_and_a_suggestion_marked_done(tab: PromptPacksTab, lee: Runtime, relay: Any) -> None:
    sam = replace(lee, agent_id="sam")
    call = log_interaction(sam, phone="020 7946 0018", details=CallDetails()).value
    record_prompt_events(sam, [PromptEventRecord(call.id, "greet-name", "default@1", "dismissed", "wording")])
    suggest_prompt(sam, text="Offer a large-print letter", category="plain-language")
    feedback = tab.feedback
    tab.sections.setCurrentWidget(feedback)
    relay.report(Changes(pulled=2))
    rule = feedback.dismissals.topLevelItem(0)
    assert rule.text(0).startswith("greet-name") and rule.text(1) == "1"
    assert (rule.child(0).text(0), rule.child(0).text(1)) == ("wording", "1")
    row = feedback.suggestions.topLevelItem(0)
    assert [row.text(n) for n in range(3)] == ["Offer a large-print letter", "sam", "Plain language"]
    feedback.suggestions.setCurrentItem(row)
    feedback.done_button.click()
    assert feedback.open_suggestions() == [] and feedback.count.text() == "No suggestions waiting."
    assert "as done" in feedback.messages.text.text()
    with lee.db.read() as conn:
        assert conn.execute(select(tables.prompt_suggestion.c.status)).scalar_one() == "done"


def unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in root.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisibleTo(root)
        and (not w.objectName() or not w.accessibleName().strip() or w.accessibleName() == w.objectName())
    ]


def test_every_focusable_widget_has_a_name(tab: PromptPacksTab) -> None:
    assert unnamed(tab) == []
    tab.sections.setCurrentWidget(tab.feedback)
    assert unnamed(tab) == []


def test_checking_runs_off_the_main_thread(qtbot: Any, lee: Runtime, threaded_runner: Any, errors: Any) -> None:
    from cxassist.ui.console.pack_editor import PackEditor

    editor = PackEditor(ConsoleContext(runtime=lee, runner=threaded_runner, errors=errors))
    qtbot.addWidget(editor)
    editor.text.setPlainText(NORTH)
    qtbot.waitUntil(editor.publish_button.isEnabled)
    editor.text.setPlainText(NORTH.replace("version = 1", 'version = "one"'))
    assert not editor.publish_button.isEnabled()
    qtbot.waitUntil(lambda: editor.problems.count() == 1)
    assert editor.problem_lines()[0][0] == 3 and not editor.publish_button.isEnabled()
