"""One running workspace per user and data folder.

A second start (`cxassist pop +44...` from the softphone, or a plain `cxassist`) connects to the first one's local
socket, hands over its arguments as one JSON line, waits for "ok" and exits 0. The server name is derived from the
user and the resolved data folder, so two agents on one machine, or one agent with a demo and a real folder, each get
their own instance.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 500
ACK_TIMEOUT_MS = 3000
MAX_MESSAGE_BYTES = 64 * 1024


def server_name(data_dir: Path, user: str | None = None) -> str:
    who = user if user is not None else getpass.getuser()
    digest = hashlib.sha256(f"{who}\0{data_dir.expanduser().resolve()}".encode()).hexdigest()[:16]
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", who)[:32]
    return f"cxassist-{safe}-{digest}"


def hand_over(name: str, argv: list[str]) -> bool:
    """Give `argv` to the instance listening on `name`; False when none is running (start one)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(json.dumps({"argv": argv}).encode("utf-8") + b"\n")
    socket.flush()
    socket.waitForBytesWritten(ACK_TIMEOUT_MS)
    acknowledged = False
    while socket.waitForReadyRead(ACK_TIMEOUT_MS):
        if bytes(socket.readAll().data()).startswith(b"ok"):
            acknowledged = True
            break
    socket.disconnectFromServer()
    return acknowledged


class _Connection(QObject):
    def __init__(self, socket: QLocalSocket, server: InstanceServer) -> None:
        super().__init__(server)
        self.socket = socket
        self.server = server
        self.buffer = b""
        socket.readyRead.connect(self.on_ready_read)
        socket.disconnected.connect(self.on_disconnected)

    def on_ready_read(self) -> None:
        self.buffer += bytes(self.socket.readAll().data())
        if len(self.buffer) > MAX_MESSAGE_BYTES:
            log.warning("instance hand-over message too long; dropped")
            self.socket.abort()
            return
        if b"\n" not in self.buffer:
            return
        line, _, self.buffer = self.buffer.partition(b"\n")
        try:
            argv = json.loads(line.decode("utf-8"))["argv"]
            if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
                raise ValueError("argv is not a list of strings")
        except (ValueError, KeyError, TypeError) as error:
            log.warning("instance hand-over message refused: %s", error)
            self.socket.abort()
            return
        self.socket.write(b"ok\n")
        self.socket.flush()
        self.server.received.emit(argv)

    def on_disconnected(self) -> None:
        self.socket.deleteLater()
        self.deleteLater()


class InstanceServer(QObject):
    """Listens for second starts; `received(argv)` on the main thread for each."""

    received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self.on_new_connection)

    def listen(self) -> bool:
        """Start listening; a socket file left by a crashed instance is removed (nobody answered on it)."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        log.warning("could not listen for second starts on %s: %s", self.name, self.server.errorString())
        return False

    def on_new_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is not None:
                _Connection(socket, self)

    def close(self) -> None:
        self.server.close()
