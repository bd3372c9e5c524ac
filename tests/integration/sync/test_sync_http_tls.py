"""The http backend over TLS with the centre's own certificate authority (a private CA made for each test run)."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from ipaddress import IPv4Address
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from http_contract_server import TOKEN, ContractServer  # type: ignore[import-not-found]

from cxassist.security.secrets import SecretStore
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.sync.api import SyncAuthError
from cxassist.sync.backends import http

NUMBER = "020 7946 0018"
CA_NAME = "Test Contact Centre CA"


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


@pytest.fixture(scope="module")
def private_ca(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A CA and a certificate it signed for 127.0.0.1, as PEM files: what a centre's IT would hand out."""
    folder = tmp_path_factory.mktemp("pki")
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (
        x509.CertificateBuilder().subject_name(_name(CA_NAME)).issuer_name(_name(CA_NAME))
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                     content_commitment=False, key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = (
        x509.CertificateBuilder().subject_name(_name("sync.test")).issuer_name(ca_cert.subject)
        .public_key(server_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(IPv4Address("127.0.0.1"))]), critical=False)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    files = {"ca": folder / "centre-ca.pem", "cert": folder / "server.pem", "key": folder / "server-key.pem"}
    files["ca"].write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    files["cert"].write_bytes(server_cert.public_bytes(serialization.Encoding.PEM))
    files["key"].write_bytes(_pem(server_key))
    return files


@pytest.fixture
def tls_server(private_ca: dict[str, Path]) -> Iterator[ContractServer]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(private_ca["cert"], private_ca["key"])
    running = ContractServer(tls=context).start()
    yield running
    running.stop()
    assert running.violations == [], "the client or the server broke the documented contract"


def site_client(server: ContractServer, ca_file: Path | None) -> http.HttpBackend:
    """The backend as the factory builds it from the site's settings (the token from the keychain)."""
    secrets = SecretStore()
    secrets.set(http.TOKEN_ACCOUNT, TOKEN)
    settings: dict[str, object] = {"sync.http.base_url": server.url, "sync.http.timeout_seconds": 5.0}
    if ca_file is not None:
        settings["sync.http.ca_file"] = str(ca_file)
    return http.create(settings, secrets)


def test_with_the_sites_ca_file_the_desktop_syncs_over_tls(
    make_agent: Any, tls_server: ContractServer, private_ca: dict[str, Path]
) -> None:
    assert tls_server.url.startswith("https://")
    a, b = make_agent("agent-a"), make_agent("agent-b")
    a.connect(site_client(tls_server, private_ca["ca"]))
    b.connect(site_client(tls_server, private_ca["ca"]))
    call = log_interaction(a.runtime, phone=NUMBER, details=CallDetails(note="over TLS")).value
    assert a.runner.adapter.health().reachable
    assert a.sync().pushed == 1
    b.sync()
    assert b.count("interaction") == 1
    assert [c.row_id for c in tls_server.central.log if c.entity == "interaction"] == [str(call.id)]


def test_without_the_ca_file_verification_fails_clearly_and_nothing_leaves_the_outbox(
    make_agent: Any, tls_server: ContractServer
) -> None:
    a = make_agent("agent-a")
    a.connect(site_client(tls_server, None))
    log_interaction(a.runtime, phone=NUMBER, details=CallDetails(note="kept"))
    with pytest.raises(SyncAuthError, match=r"certificate this desktop does not trust.*sync\.http\.ca_file") as raised:
        a.sync()
    assert raised.value.__cause__ is None and raised.value.__suppress_context__, "one clear message, no chain"
    assert a.sleeps == [], "a refused certificate is not retried in a loop"
    assert tls_server.central.log == [] and tls_server.requests == []
    status = a.runner.status()
    assert status.pending == 1 and status.online is False
    assert status.last_error is not None and "sync.http.ca_file" in status.last_error
    assert not a.runner.adapter.health().reachable
