"""`quick_init`: the quicker constructor of the model's frozen dataclasses behaves as the dataclass's own."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from textkit._frozen import quick_init
from textkit.model import ResponsibleUnit, Section


def test_same_fields_defaults_and_keywords_as_the_dataclass() -> None:
    unit = ResponsibleUnit(start=3, end=7, text="机关党委", name="机关党委", role="lead", label="牵头单位")
    assert (unit.start, unit.end, unit.text, unit.role, unit.label) == (3, 7, "机关党委", "lead", "牵头单位")
    assert (unit.collective, unit.alias, unit.rule_id, unit.section, unit.source) == (False, None, "", "", None)


def test_model_records_are_built_by_keyword_only() -> None:
    # swapping two fields by position (text and name of a unit) cannot happen: positions are refused
    with pytest.raises(TypeError, match="positional"):
        ResponsibleUnit(3, 7, "机关党委（机关纪委）", "机关党委", "lead")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="positional"):
        Section("paragraph", 0, 5)  # type: ignore[call-arg]


def test_keyword_only_fields_follow_a_bare_star() -> None:
    @quick_init
    @dataclasses.dataclass(frozen=True, slots=True)
    class Mixed:
        start: int
        end: int = 0
        label: str = dataclasses.field(default="", kw_only=True)

    assert Mixed(1, 2, label="x") == Mixed(start=1, end=2, label="x")
    with pytest.raises(TypeError):
        Mixed(1, 2, "x")  # type: ignore[call-arg]


def test_still_frozen_hashable_replaceable_and_picklable() -> None:
    sec = Section(kind="section", start=0, end=9, level=1, marker="一、", id="一")
    with pytest.raises(dataclasses.FrozenInstanceError):
        sec.start = 1  # type: ignore[misc]
    assert dataclasses.replace(sec, start=2).start == 2
    again = pickle.loads(pickle.dumps(sec))
    assert again == sec and hash(again) == hash(sec)


def test_missing_and_unknown_arguments_are_refused_as_by_the_dataclass() -> None:
    with pytest.raises(TypeError, match="start"):
        Section(kind="paragraph")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="colour"):
        Section(kind="paragraph", start=0, end=1, colour="red")  # type: ignore[call-arg]


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


def test_keyword_maker_builds_what_the_class_builds() -> None:
    from textkit._frozen import keyword_maker

    make = keyword_maker(ResponsibleUnit)
    made = make(start=3, end=7, text="机关党委", name="机关党委", role="lead", source="label")
    assert made == ResponsibleUnit(start=3, end=7, text="机关党委", name="机关党委", role="lead", source="label")
    assert type(made) is ResponsibleUnit and made.collective is False
    with pytest.raises(TypeError):
        make(3, 7, "机关党委", "机关党委", "lead")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="start"):
        make(end=7, text="机关党委", name="机关党委", role="lead")  # type: ignore[call-arg]

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        start: int

        def __post_init__(self) -> None:
            pass

    with pytest.raises(TypeError, match="__post_init__"):
        keyword_maker(Checked)
