"""Screenshot the workspace on a data folder, with the story caller popped (for the README and for looking at it).

    .venv/bin/python scripts/screenshot.py DATA_DIR OUT.png [--mode workspace|emergency|details] [--note TEXT]

Run it under a real display (Xvfb: `xvfb-run -a`) or QT_QPA_PLATFORM=offscreen. SHOT_SIZE=WxH sets the window size.
"""

from __future__ import annotations

import argparse
import os

from PySide6.QtCore import QTimer

from cxassist.app import create_app

parser = argparse.ArgumentParser()
parser.add_argument("data_dir")
parser.add_argument("out")
parser.add_argument("--mode", choices=["workspace", "emergency", "details"], default="workspace")
parser.add_argument("--note", default="")
parser.add_argument("--number", default="+442079460018")
args = parser.parse_args()

app, window = create_app(["--data-dir", args.data_dir, "--no-err-windows", "pop", args.number], listen=False)
width, height = (int(v) for v in os.environ.get("SHOT_SIZE", "1366x900").split("x"))
window.resize(width, height)


def type_note() -> None:
    if args.note:
        window.form.note.setPlainText(args.note)


def shoot() -> None:
    if args.mode == "emergency":
        window.actions_.enter_emergency_mode()
        QTimer.singleShot(1500, lambda: (window.actions_.emergency.grab().save(args.out), app.quit()))
        return
    if args.mode == "details":
        window.card.open_vulnerability_details()
        window.contacts.open_contacts()
    window.grab().save(args.out)
    app.quit()


QTimer.singleShot(1500, type_note)
QTimer.singleShot(3000, shoot)
app.exec()
window.shutdown()
