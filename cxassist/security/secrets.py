"""Secrets live only in the OS keychain, through keyring; never in a file, never in plain text.

keyring ranks its backends: priority 1 or more is recommended, below 1 is usable but not recommended (plain-text
or null stores). `SecretStore` refuses to use a backend that is not recommended, even when an environment variable
or a keyringrc file chose it, and says so in one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import keyring
import keyring.backend
import keyring.core
import keyring.errors

from cxassist.domain.errors import UserError

SERVICE = "cxassist"


class SecretStoreUnavailable(UserError):
    """No secure keychain is available on this machine."""


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    backend: str
    recommended: bool


def _backend_name(backend: keyring.backend.KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def keyring_status() -> KeyringStatus:
    backend = keyring.get_keyring()
    try:
        recommended = keyring.core.recommended(backend)
    except Exception:  # noqa: BLE001 - a broken backend is simply not recommended
        recommended = False
    return KeyringStatus(backend=_backend_name(backend), recommended=bool(recommended))


class SecretStore:
    """Get, set and delete secrets by account name (e.g. "sync.postgresql:cxassist_desktop")."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def _require_secure(self) -> None:
        status = keyring_status()
        if not status.recommended:
            raise SecretStoreUnavailable(
                f"No secure keychain is available (keyring uses {status.backend}); cxassist stores no secret "
                "without one. Install or unlock the system keychain (Secret Service, macOS Keychain, Windows "
                "Credential Manager)."
            )

    def get(self, account: str) -> str | None:
        self._require_secure()
        try:
            return keyring.get_password(self.service, account)
        except keyring.errors.KeyringError as error:
            raise SecretStoreUnavailable(f"The keychain could not be read ({error}); is it locked?") from error

    def set(self, account: str, secret: str) -> None:
        self._require_secure()
        if not secret:
            raise UserError("The secret is empty; nothing was stored.")
        try:
            keyring.set_password(self.service, account, secret)
        except keyring.errors.KeyringError as error:
            raise SecretStoreUnavailable(f"The keychain could not be written ({error}); is it locked?") from error

    def delete(self, account: str) -> None:
        self._require_secure()
        try:
            keyring.delete_password(self.service, account)
        except keyring.errors.PasswordDeleteError:
            return
