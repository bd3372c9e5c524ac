"""After a hard call: a short, optional check on the agent. Nothing is recorded about the answer; it is for them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from cxassist.ui.widgets.text import section_title, wrapped


class WellbeingDialog(QDialog):
    def __init__(self, *, emergency: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wellbeingCheck")
        self.setWindowTitle(self.tr("How are you?"))
        self.setAccessibleName(self.tr("A short wellbeing check"))
        self.setModal(False)
        layout = QVBoxLayout(self)
        layout.addWidget(section_title(self.tr("How are you doing?"), self))
        what = self.tr("an emergency") if emergency else self.tr("a caller who needed extra care")
        layout.addWidget(wrapped(self.tr(
            "That call involved {0}. It has gone to your supervisors' duty-of-care queue, so you do not need to do "
            "anything more about it. Calls like that can stay with you: it is fine to take a moment.").format(what),
            self))
        buttons = QHBoxLayout()
        self.choice = ""
        for name, text, accessible in (
            ("wellbeingOk", self.tr("I'm OK, next call"), self.tr("I am OK; close this and take the next call")),
            ("wellbeingBreak", self.tr("Take a short break"), self.tr("I will take a short break")),
            ("wellbeingSupervisor", self.tr("Talk to my supervisor"), self.tr("I would like to talk to my supervisor")),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setAccessibleName(accessible)
            button.clicked.connect(lambda _c=False, n=name: self._chosen(n))
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.follow = wrapped("", self)
        self.follow.hide()
        layout.addWidget(self.follow)

    def _chosen(self, name: str) -> None:
        self.choice = name
        if name == "wellbeingOk":
            self.close()
            return
        if name == "wellbeingBreak":
            text = self.tr("Set yourself as unavailable in your phone system, step away for a few minutes, "
                           "and come back when you are ready.")
        else:
            text = self.tr("Let your supervisor know you would like a word; they can see the call in their queue.")
        self.follow.setText(text)
        self.follow.show()
