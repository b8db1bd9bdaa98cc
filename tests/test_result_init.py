"""Result and Prepared set their fields in one step (a hand-written ``__init__`` instead of the
frozen dataclass's, as Block and Removal do): the same parameters, defaults and order as the
fields, and the same values, equality, hashing, frozenness, ``replace``, pickling."""

from __future__ import annotations

import copy
import inspect
import pickle
from dataclasses import MISSING, FrozenInstanceError, fields, replace

import pytest

from cleaner import Cleaner, Config
from cleaner.model import InputInfo, Language
from cleaner.pipeline import Prepared
from cleaner.result import Result


@pytest.mark.parametrize("cls", [Result, Prepared])
def test_init_takes_the_fields_in_order_with_their_defaults(cls: type) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert [p.name for p in params] == [f.name for f in fields(cls)]
    for p, f in zip(params, fields(cls), strict=True):
        assert p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        assert (p.default is inspect.Parameter.empty) == (f.default is MISSING), f.name
        if f.default is not MISSING:
            assert p.default == f.default and type(p.default) is type(f.default), f.name


def test_values_equality_hash_and_frozenness_as_a_dataclass() -> None:
    lang = Language("en", 0.9, "stopwords")
    r = Result("t", (), (), lang, InputInfo(), (), ((0, 1, 0),), (), ())
    assert list(vars(r)) == [f.name for f in fields(Result)]
    assert r.paths == () and r.warnings == () and r.error is None and r.metadata is None
    same = Result("t", (), (), lang, InputInfo(), (), ((0, 1, 0),), (), (), (), (), None, None)
    assert r == same and hash(r) == hash(same) and r != replace(r, text="u")
    assert replace(r, error="x").error == "x" and replace(r, error="x").text == "t"
    p = Prepared("t", (), InputInfo(), (), (("normalize", "skip"),))
    assert list(vars(p)) == [f.name for f in fields(Prepared)]
    assert p.removed == () and p.declared_lang is None and p == replace(p)
    for value in (r, p):
        assert pickle.loads(pickle.dumps(value)) == value and copy.deepcopy(value) == value
        with pytest.raises(FrozenInstanceError):
            value.text = "x"  # type: ignore[misc]


def test_a_cleaned_result_reads_as_before() -> None:
    res = Cleaner(Config(time_limit=0)).clean("A line of text that says something.\n\nAnother one here too.")
    d = res.to_dict()
    assert d["text"] == res.text and res.paths[0][0] == "normalize" and res.lang.path
    assert replace(res) == res
