"""`quick_init`: the quicker constructor of the model's frozen dataclasses behaves as the dataclass's own."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from textkit._frozen import quick_init
from textkit.model import ResponsibleUnit, Section


def test_same_fields_defaults_and_keywords_as_the_dataclass() -> None:
    unit = ResponsibleUnit(3, 7, "机关党委", "机关党委", "lead", label="牵头单位")
    assert (unit.start, unit.end, unit.text, unit.role, unit.label) == (3, 7, "机关党委", "lead", "牵头单位")
    assert (unit.collective, unit.alias, unit.rule_id, unit.section) == (False, None, "", "")
    assert Section(kind="paragraph", start=0, end=5) == Section("paragraph", 0, 5)


def test_still_frozen_hashable_replaceable_and_picklable() -> None:
    sec = Section("section", 0, 9, level=1, marker="一、", id="一")
    with pytest.raises(dataclasses.FrozenInstanceError):
        sec.start = 1  # type: ignore[misc]
    assert dataclasses.replace(sec, start=2).start == 2
    again = pickle.loads(pickle.dumps(sec))
    assert again == sec and hash(again) == hash(sec)


def test_missing_and_unknown_arguments_are_refused_as_by_the_dataclass() -> None:
    with pytest.raises(TypeError, match="start"):
        Section("paragraph")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="colour"):
        Section("paragraph", 0, 1, colour="red")  # type: ignore[call-arg]


def test_post_init_still_runs() -> None:
    @quick_init
    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        start: int
        end: int = 0

        def __post_init__(self) -> None:
            if self.end < self.start:
                raise ValueError("end before start")

    assert Checked(1, 2).end == 2
    with pytest.raises(ValueError, match="end before start"):
        Checked(3)


def test_classes_it_cannot_build_are_refused() -> None:
    @dataclasses.dataclass(frozen=True)
    class Unslotted:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        a: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="frozen slotted dataclass"):
        quick_init(Unslotted)
    with pytest.raises(TypeError, match="field 'a'"):
        quick_init(Factory)
