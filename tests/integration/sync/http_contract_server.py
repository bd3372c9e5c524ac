"""A loopback sync server written from docs/sync-http.openapi.json.

Every request is checked against the document (path, query parameters, bearer token, body) and every JSON answer
it sends is checked too; each breach is recorded in `violations`, which the tests require to stay empty. So the
client and this server cannot merely agree with each other: both must agree with the document.

`faults` is a queue of misbehaviours for the next requests: "500", "503", "timeout", "garbage", "truncated",
"cut-after-store" (store the push, then drop the connection without answering), "401", "403".
"""

from __future__ import annotations

import json
import re
import ssl
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from cxassist.store import tables
from cxassist.sync.api import HISTORY_CHILDREN, Change, problem_with

DOCUMENT = Path(__file__).resolve().parents[3] / "docs" / "sync-http.openapi.json"
SPEC: dict[str, Any] = json.loads(DOCUMENT.read_text(encoding="utf-8"))
_REGISTRY = Registry().with_resource("urn:sync-http", Resource(contents=SPEC, specification=DRAFT202012))
TOKEN = "s3cret-token"
ENTITIES = frozenset(tables.SYNCED)


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    """A validator for a schema taken from the document; its "#/components/..." refs resolve in the document."""
    return Draft202012Validator(_rebase(schema), registry=_REGISTRY)


def _rebase(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: ("urn:sync-http" + v if k == "$ref" and v.startswith("#") else _rebase(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_rebase(v) for v in node]
    return node


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def _operation(method: str, path: str) -> tuple[dict[str, Any], dict[str, str]] | None:
    for template, item in SPEC["paths"].items():
        pattern = "^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$"
        match = re.match(pattern, path)
        if match and method.lower() in item:
            return item[method.lower()], {k: unquote(v) for k, v in match.groupdict().items()}
    return None


class Central:
    """The server's store: every accepted version once, numbered in the order stored."""

    def __init__(self) -> None:
        self.log: list[Change] = []
        self.keys: set[str] = set()
        self.lock = threading.Lock()

    def push(self, changes: list[Change]) -> dict[str, Any]:
        accepted, rejected = [], []
        with self.lock:
            for change in changes:
                problem = problem_with(change, ENTITIES)
                if problem:
                    rejected.append({"key": change.key, "reason": problem})
                    continue
                if change.key not in self.keys:
                    self.keys.add(change.key)
                    self.log.append(change)
                accepted.append(change.key)
        return {"accepted": accepted, "rejected": rejected}

    def pull(self, cursor: str | None, limit: int) -> dict[str, Any]:
        start = int(cursor) if cursor and cursor.isdigit() else 0
        with self.lock:
            page = self.log[start : start + limit]
        return {"changes": [c.to_wire() for c in page], "cursor": str(start + len(page))}

    def history(self, caller_id: str, before: str | None, limit: int) -> dict[str, Any]:
        newest: dict[str, Change] = {}
        children: dict[tuple[str, str], Change] = {}
        with self.lock:
            for change in self.log:
                started = str(change.payload.get("started_at", ""))
                if change.entity in HISTORY_CHILDREN:
                    key = (change.entity, change.row_id)
                    if key not in children or children[key].version < change.version:
                        children[key] = change
                    continue
                if change.entity != "interaction" or change.payload.get("caller_id") != caller_id:
                    continue
                if before is not None and started >= before:
                    continue
                if change.row_id not in newest or newest[change.row_id].version < change.version:
                    newest[change.row_id] = change
        ordered = sorted(newest.values(), key=lambda c: str(c.payload.get("started_at", "")), reverse=True)[:limit]
        page = {c.row_id for c in ordered}
        hanging = [c for c in children.values() if c.payload.get("interaction_id") in page]
        return {"changes": [c.to_wire() for c in ordered + hanging]}


class ContractServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, *, tls: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.scheme = "http" if tls is None else "https"
        if tls is not None:  # each accepted connection does its TLS handshake in accept()
            self.socket = tls.wrap_socket(self.socket, server_side=True)
        self.central = Central()
        self.faults: deque[str] = deque()
        self.violations: list[str] = []
        self.requests: list[str] = []
        self.slow_seconds = 2.0
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server_address[1]}"

    def start(self) -> ContractServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: ContractServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def _handle(self, method: str) -> None:
        url = urlsplit(self.path)
        self.server.requests.append(f"{method} {url.path}")
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        found = _operation(method, url.path)
        if found is None:
            return self._breach(404, f"{method} {url.path} is not in the document")
        operation, path_params = found
        fault = self.server.faults.popleft() if self.server.faults else None
        if fault in ("401", "403"):
            return self._send(int(fault), {"error": "token refused"}, operation)
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self._send(401, {"error": "missing or wrong bearer token"}, operation)
        params, problem = self._parameters(operation, path_params, parse_qs(url.query))
        body: Any = None
        if problem is None and "requestBody" in operation:
            problem, body = self._body(operation, raw)
        if problem is not None:
            return self._breach(400, problem, operation)
        if fault in ("500", "503"):
            return self._send(int(fault), {"error": "try later"}, operation)
        if fault == "timeout":
            time.sleep(self.server.slow_seconds)
        answer = self._answer(operation["operationId"], params, body)
        if fault == "cut-after-store":
            self.close_connection = True
            self.connection.shutdown(2)
            return None
        if fault in ("garbage", "truncated"):
            text = json.dumps(answer).encode()
            payload = b"<html>proxy error</html>" if fault == "garbage" else text[: max(1, len(text) // 2)]
            return self._raw(200, payload)
        return self._send(200, answer, operation)

    def _parameters(
        self, operation: dict[str, Any], path_params: dict[str, str], query: dict[str, list[str]]
    ) -> tuple[dict[str, Any], str | None]:
        values: dict[str, Any] = {}
        declared = {p["name"] for p in operation.get("parameters", [])}
        for extra in set(query) - declared:
            return values, f"query parameter {extra!r} is not in the document"
        for spec in operation.get("parameters", []):
            name, where, schema = spec["name"], spec["in"], spec["schema"]
            raw = path_params.get(name) if where == "path" else (query.get(name) or [None])[0]
            if raw is None:
                if spec.get("required"):
                    return values, f"required parameter {name!r} is missing"
                continue
            value: Any = raw
            if schema.get("type") == "integer":
                if not re.fullmatch(r"-?[0-9]+", raw):
                    return values, f"parameter {name!r} must be an integer, not {raw!r}"
                value = int(raw)
            errors = [e.message for e in validator(schema).iter_errors(value)]
            if errors:
                return values, f"parameter {name!r}: {errors[0]}"
            values[name] = value
        return values, None

    def _body(self, operation: dict[str, Any], raw: bytes) -> tuple[str | None, Any]:
        if self.headers.get("Content-Type", "").split(";")[0] != "application/json":
            return "the request body must be application/json", None
        try:
            body = json.loads(raw)
        except ValueError:
            return "the request body is not JSON", None
        schema = _resolve(operation["requestBody"])["content"]["application/json"]["schema"]
        errors = [e.message for e in validator(schema).iter_errors(body)]
        return (f"request body: {errors[0]}" if errors else None), body

    def _answer(self, operation_id: str, params: dict[str, Any], body: Any) -> Any:
        central = self.server.central
        if operation_id == "health":
            return {"protocol_version": 1, "server": "contract test server"}
        if operation_id == "push":
            return central.push([Change.from_wire(item) for item in body["changes"]])
        if operation_id == "pull":
            return central.pull(params.get("cursor"), params["limit"])
        return central.history(params["caller_id"], params.get("before"), params["limit"])

    def _breach(self, status: int, problem: str, operation: dict[str, Any] | None = None) -> None:
        self.server.violations.append(f"request: {problem}")
        self._send(status, {"error": problem}, operation)

    def _send(self, status: int, answer: Any, operation: dict[str, Any] | None) -> None:
        if operation is not None:
            responses = operation["responses"]
            response = responses.get(str(status)) or responses.get(f"{status // 100}XX")
            if response is None:
                self.server.violations.append(f"response: status {status} is not documented")
            else:
                schema = _resolve(response)["content"]["application/json"]["schema"]
                for error in validator(schema).iter_errors(answer):
                    self.server.violations.append(f"response {status}: {error.message}")
        self._raw(status, json.dumps(answer).encode())

    def _raw(self, status: int, payload: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to answer
