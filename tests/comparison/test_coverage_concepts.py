"""Concepts and the verdict model: words matched by meaning (synonyms, compounds by their head), specificity,
the model file's validation, and the one engine behind check --against / --checklist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import textkit
from textkit.comparison.checklist import checklist_from_dict
from textkit.comparison.concepts import Concept, PlanIndex, item_concepts, load_lexicon, sibling_specificity
from textkit.comparison.coverage import FEATURES, MODEL_ENV, check, load_model, model_from_dict
from textkit.errors import RuleError


def _credit(term: str, text: str) -> float:
    lex = load_lexicon()
    concept = Concept(term, lex.terms(term), 1.0, True)
    return max(PlanIndex.build(text).occurrences(concept, lexicon=lex).values(), default=0.0)


def test_a_synonym_is_the_same_concept() -> None:
    assert _credit("调查研究", "班子成员到基层一线调研。") == 1.0
    assert _credit("疫情", "做好防疫工作。") == 1.0


def test_a_compound_is_found_in_part_through_its_head_only() -> None:
    # 智能机器人 is a kind of 机器人; 专题 and 民主 without 生活会 name something else.
    assert 0 < _credit("智能机器人", "发展工业机器人产业。") < 1.0
    assert _credit("专题民主生活会", "召开专题会议，发扬民主。") == 0.0


def test_plan_boilerplate_names_no_concept() -> None:
    labels = [c.label for c in item_concepts("加强组织领导", "进一步加强组织领导，切实推进落实。", lexicon=load_lexicon())]
    assert ("加强" not in labels and "进一步" not in labels and "组织领导" in labels) or "领导" in labels


def test_a_word_every_task_says_weighs_little() -> None:
    spec = sibling_specificity(["主题教育理论学习", "主题教育调查研究", "主题教育检视整改"])
    assert spec("主题教育") < 0.2 < spec("调查研究") == 1.0


def test_user_lexicon_is_layered_and_validated(tmp_path: Path) -> None:
    user = tmp_path / "concepts.toml"
    user.write_text('[[synonyms]]\nid = "drill"\nwords = ["演练", "演习"]\n', encoding="utf-8")
    lex = load_lexicon(extra=[user])
    assert lex.terms("演习") == ("演习", "演练")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[synonyms]]\nid = "one"\nwords = ["独"]\n', encoding="utf-8")
    with pytest.raises(RuleError, match="at least two words"):
        load_lexicon(extra=[bad])


def test_model_file_is_validated(tmp_path: Path) -> None:
    good = json.loads(Path(load_model().source).read_text(encoding="utf-8"))
    assert good["features"] == list(FEATURES)
    broken = dict(good, scale=[0.0] * len(FEATURES))
    with pytest.raises(RuleError, match="scale"):
        model_from_dict(broken, file="m.json")
    with pytest.raises(RuleError, match="features"):
        model_from_dict(dict(good, features=["glob", "nonsense"]), file="m.json")
    path = tmp_path / "m.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(RuleError, match="not valid JSON"):
        load_model(path)


def test_the_model_can_come_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.loads(Path(load_model().source).read_text(encoding="utf-8"))
    # A model that calls everything covered: intercepts far up, no feature weight.
    data["covered"] = {"coef": [0.0] * len(FEATURES), "intercept": 50.0}
    path = tmp_path / "always.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv(MODEL_ENV, str(path))
    cl = checklist_from_dict({"items": [{"id": "a", "title": "植树造林", "source": "一", "description": "开展植树造林。"}]})
    assert check(textkit.parse_text("一、工作措施\n召开会议。\n"), cl).items[0].status == "covered"
    monkeypatch.delenv(MODEL_ENV)
    assert check(textkit.parse_text("一、工作措施\n召开会议。\n"), cl).items[0].status == "missing"


def test_a_curated_file_gives_the_verdicts_of_against(seed001_path: Path, tmp_path: Path) -> None:
    from textkit.comparison.checklist import checklist_to_toml, load_checklist
    from textkit.comparison.itemise import derive_checklist

    directive = textkit.parse_text(
        "一、主要任务\n（一）深入调查研究。领导干部到基层开展调研，形成调研报告。\n"
        "（二）召开专题民主生活会。开展批评和自我批评。\n（三）植树造林。每年开展义务植树活动。\n")
    derived = derive_checklist(directive)
    path = tmp_path / "c.toml"
    path.write_text(checklist_to_toml(derived), encoding="utf-8")
    plan = textkit.parse(seed001_path)
    a = [(r.item.id, r.status, r.confidence) for r in check(plan, derived).items]
    b = [(r.item.id, r.status, r.confidence) for r in check(plan, load_checklist(path)).items]
    assert a == b
    assert dict((i, s) for i, s, _ in a)["一/（三）"] == "missing"
