"""Removal and Block set their fields in one step (a hand-written ``__init__`` instead of the frozen
dataclass's): the same parameters, defaults and order as the fields, and the same values."""

from __future__ import annotations

import copy
import inspect
import pickle
from dataclasses import MISSING, FrozenInstanceError, asdict, fields, replace

import pytest

from cleaner.model import Block, Removal


@pytest.mark.parametrize("cls", [Removal, Block])
def test_init_takes_the_fields_in_order_with_their_defaults(cls: type) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert [p.name for p in params] == [f.name for f in fields(cls)]
    for p, f in zip(params, fields(cls), strict=True):
        assert p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        assert (p.default is inspect.Parameter.empty) == (f.default is MISSING), f.name
        if f.default is not MISSING:
            assert p.default == f.default and type(p.default) is type(f.default), f.name


def _removal() -> Removal:
    return Removal("promo.x", "promo", "why", "rule:promo.x", "Read more", 0.9, start=3, end=12, block=1)


def _block() -> Block:
    return Block(2, "paragraph", 10, 40, 12, 40, "Some words here", level=0, n_words=3, heading_like=True)


def test_values_equality_hash_and_frozenness_as_a_dataclass() -> None:
    r = _removal()
    assert asdict(r) == {
        "rule": "promo.x",
        "category": "promo",
        "reason": "why",
        "source": "rule:promo.x",
        "text": "Read more",
        "confidence": 0.9,
        "stage": "text",
        "start": 3,
        "end": 12,
        "block": 1,
        "selector": None,
    }
    assert list(vars(r)) == [f.name for f in fields(Removal)]
    assert r == _removal() and hash(r) == hash(_removal()) and r != replace(r, end=11)
    assert replace(r, start=4).start == 4 and replace(r, start=4).end == 12
    assert Removal.from_dict(r.to_dict()) == r
    b = _block()
    assert list(vars(b)) == [f.name for f in fields(Block)]
    assert b.source_hint == "" and b.heading_like is True and b == _block() and hash(b) == hash(_block())
    assert replace(b, content="x", n_words=1) == Block(2, "paragraph", 10, 40, 12, 40, "x", 0, "", 1, True)
    for value in (r, b):
        assert pickle.loads(pickle.dumps(value)) == value and copy.deepcopy(value) == value
        with pytest.raises(FrozenInstanceError):
            value.start = 0  # type: ignore[misc]
    assert repr(r).startswith("Removal(rule='promo.x', category='promo'")
