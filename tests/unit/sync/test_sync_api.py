"""Change envelopes on the wire, and the checks every store applies."""

from __future__ import annotations

import pytest

from cxassist.sync.api import Change, problem_with
from cxassist.sync.registry import BackendRegistry

STAMP = "001795000000000-00000-desk-a"


def test_a_change_survives_the_wire_and_is_keyed_by_entity_id_and_version() -> None:
    change = Change(entity="caller", row_id="r1", version=STAMP, payload={"id": "r1"}, origin="desk-a", base=None)
    assert Change.from_wire(change.to_wire()) == change
    assert change.key == f"caller:r1:{STAMP}"


@pytest.mark.parametrize(
    "wire",
    [[], "x", {"entity": "caller"}, {"entity": "caller", "id": "r", "version": STAMP, "origin": "a", "payload": []},
     {"entity": "caller", "id": "r", "version": STAMP, "origin": "a", "payload": {}, "base": 5},
     {"entity": "", "id": "r", "version": STAMP, "origin": "a", "payload": {}}],
)
def test_malformed_wire_data_is_a_value_error(wire: object) -> None:
    with pytest.raises(ValueError, match="change"):
        Change.from_wire(wire)


def test_problems_name_what_is_wrong() -> None:
    good = Change(entity="caller", row_id="r1", version=STAMP, payload={}, origin="a")
    assert problem_with(good, frozenset({"caller"})) is None
    assert "unknown entity" in str(problem_with(good, frozenset({"interaction"})))
    assert "not an HLC stamp" in str(problem_with(Change("caller", "r", "v1", {}, "a"), None))
    assert "base" in str(problem_with(Change("caller", "r", STAMP, {}, "a", base="old"), None))


def test_the_built_in_backends_load_through_the_entry_points() -> None:
    status = BackendRegistry.discover().status()
    assert {name: status[name] for name in ("none", "folder", "postgresql", "http")} == dict.fromkeys(
        ("none", "folder", "postgresql", "http"), "ok"
    )
