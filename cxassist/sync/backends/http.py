"""The `http` backend: JSON over HTTPS to the centre's middleware; the contract is docs/sync-http.openapi.json.

- TLS is always verified: against the system's trust store, or the site's CA bundle `sync.http.ca_file`. Plain
  http:// is refused except to this machine (loopback), which tests and a local relay use.
- The bearer token lives in the OS keychain under the account `sync.http:token` (`cxassist sync login --backend
  http`). It is never logged or shown.
- 401/403, and a server certificate that fails verification, raise `SyncAuthError` with a message saying what to
  do; the runner does not retry those. Timeouts,
  refused connections, 5xx/429 and answers that are not the JSON the contract promises (garbage, truncated) raise
  `SyncError`, which the runner retries with backoff.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from cxassist import __version__
from cxassist.security.secrets import SecretStore
from cxassist.sync.api import (
    PROTOCOL_VERSION,
    Change,
    Health,
    PullResult,
    PushResult,
    SyncAuthError,
    SyncError,
    config_error,
    setting,
)

TOKEN_ACCOUNT = "sync.http:token"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class HttpBackend:
    name = "http"

    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        ca_file: str = "",
        proxy: str = "",
        timeout_seconds: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._token = token
        verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=ca_file) if ca_file else True
        self._client = httpx.Client(
            base_url=self.base_url,
            headers={"User-Agent": f"cxassist/{__version__}", "Accept": "application/json"},
            verify=verify,
            proxy=proxy or None,
            timeout=httpx.Timeout(timeout_seconds),
            transport=transport,
            follow_redirects=False,
        )

    def _request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                 body: Any = None) -> Any:
        if not self._token:
            raise SyncAuthError(
                f"No sync token is stored for {self.base_url}; store one with "
                f"`cxassist sync login --backend http` (keychain account {TOKEN_ACCOUNT!r})."
            )
        headers = {"Authorization": f"Bearer {self._token}"}
        query = {k: v for k, v in (params or {}).items() if v is not None}
        try:
            response = self._client.request(method, path, params=query, json=body, headers=headers)
        except httpx.TimeoutException as error:
            raise SyncError(f"{self.base_url} did not answer in time ({type(error).__name__})") from None
        except httpx.ConnectError as error:
            if _certificate_refused(error):
                raise SyncAuthError(
                    f"The sync server {self.base_url} sent a certificate this desktop does not trust, so nothing was "
                    "sent. If the centre uses its own certificate authority, IT sets its file as sync.http.ca_file in "
                    "the site file; nothing was lost, changes wait in the outbox."
                ) from None
            raise SyncError(f"{self.base_url} could not be reached: {error or type(error).__name__}") from None
        except httpx.HTTPError as error:  # refused, reset, DNS, a body cut short ...
            raise SyncError(f"{self.base_url} could not be reached: {error or type(error).__name__}") from None
        status = response.status_code
        if status in (401, 403):
            what = "did not accept the sync token" if status == 401 else "does not allow this token to sync"
            raise SyncAuthError(
                f"The sync server {self.base_url} {what} (HTTP {status}). Ask IT for a new token and store it with "
                "`cxassist sync login --backend http`; nothing was lost, changes wait in the outbox."
            )
        if status != 200:
            raise SyncError(f"{self.base_url} answered HTTP {status} to {method} {path}")
        try:
            return response.json()
        except ValueError:
            raise SyncError(f"{self.base_url} sent an answer to {method} {path} that is not JSON") from None

    def push(self, batch: Sequence[Change]) -> PushResult:
        if not batch:
            return PushResult()
        answer = self._request("POST", "/v1/changes", body={"changes": [c.to_wire() for c in batch]})
        try:
            accepted = tuple(str(key) for key in answer["accepted"])
            rejected = {str(item["key"]): str(item["reason"]) for item in answer["rejected"]}
        except (KeyError, TypeError):
            raise SyncError(f"{self.base_url} answered a push with something the contract does not allow") from None
        return PushResult(accepted=accepted, rejected=rejected)

    def pull(self, cursor: str | None, limit: int) -> PullResult:
        answer = self._request("GET", "/v1/changes", params={"cursor": cursor or None, "limit": limit})
        try:
            changes = tuple(Change.from_wire(item) for item in answer["changes"])
            next_cursor = str(answer["cursor"])
        except (KeyError, TypeError, ValueError):
            raise SyncError(f"{self.base_url} answered a pull with something the contract does not allow") from None
        return PullResult(changes=changes, cursor=next_cursor)

    def fetch_history(self, caller_id: str, before: str | None, limit: int) -> Sequence[Change]:
        path = f"/v1/callers/{quote(caller_id, safe='')}/history"
        answer = self._request("GET", path, params={"before": before, "limit": limit})
        try:
            return [Change.from_wire(item) for item in answer["changes"]]
        except (KeyError, TypeError, ValueError):
            raise SyncError(f"{self.base_url} answered a history request the contract does not allow") from None

    def health(self) -> Health:
        try:
            answer = self._request("GET", "/v1/health")
            version = answer["protocol_version"] if isinstance(answer, dict) else None
        except (SyncError, SyncAuthError) as error:
            return Health(reachable=False, protocol_version=None, detail=str(error))
        if not isinstance(version, int):
            return Health(reachable=False, protocol_version=None, detail="the health answer has no protocol_version")
        detail = self.base_url if version == PROTOCOL_VERSION else f"the server speaks protocol {version}"
        return Health(reachable=True, protocol_version=version, detail=detail)

    def close(self) -> None:
        self._client.close()


def _certificate_refused(error: BaseException) -> bool:
    """Whether a failed connection was our refusal of the server's certificate (retrying will not help)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(error)


def create(settings: Mapping[str, object], secrets: SecretStore) -> HttpBackend:
    base_url = setting(settings, "sync.http.base_url")
    try:
        parts = urlsplit(base_url)
    except ValueError:
        raise config_error(settings, "sync.http.base_url", "is not a URL") from None
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise config_error(settings, "sync.http.base_url", "must be an https:// URL of the sync middleware")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK:
        raise config_error(settings, "sync.http.base_url", "must use https:// (plain http only to this machine)")
    ca_file = setting(settings, "sync.http.ca_file")
    if ca_file and not Path(ca_file).is_file():
        raise config_error(settings, "sync.http.ca_file", f"names {ca_file}, which is not a file")
    timeout = settings.get("sync.http.timeout_seconds", 10.0)
    return HttpBackend(
        base_url,
        secrets.get(TOKEN_ACCOUNT),
        ca_file=ca_file,
        proxy=setting(settings, "sync.http.proxy"),
        timeout_seconds=float(timeout) if isinstance(timeout, int | float) else 10.0,
    )
