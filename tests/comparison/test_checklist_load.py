"""Loading checklist files: the shipped TOML, YAML, and errors that name file, item and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.comparison.checklist import (
    Checklist,
    ChecklistItem,
    checklist_from_dict,
    checklist_to_dict,
    checklist_to_toml,
    load_checklist,
)
from textkit.errors import ChecklistError, RuleError

SHIPPED = Path(__file__).resolve().parents[2] / "corpora" / "checklists" / "zhuti-jiaoyu-2023.toml"


def test_shipped_checklist_items_and_sources() -> None:
    cl = load_checklist(SHIPPED)
    top = [i.id for i in cl.items]
    assert top == ["zong-yaoqiu", "genben-renwu", "mubiao-renwu", "lilun-xuexi", "diaocha-yanjiu", "tuidong-fazhan",
                   "jianshi-zhenggai", "jianzhang-lizhi", "minzhu-shenghuohui", "zuzhi-lingdao", "xingshi-zhuyi"]
    by_id = {i.id: i for i, _ in cl.walk()}
    assert by_id["diaocha-yanjiu"].source == "三/2"
    assert by_id["jianzhang-lizhi"].source == "三/5"
    assert [c.id for c in by_id["zuzhi-lingdao"].children] == [
        "zuzhi-lingdao.jigou", "zuzhi-lingdao.tongchou", "zuzhi-lingdao.pinggu", "zuzhi-lingdao.dudao",
        "zuzhi-lingdao.xuanchuan"]
    assert all(i.source and i.keywords for i, _ in cl.walk())
    assert len(cl) == 16
    assert ("民主生活会" in by_id["minzhu-shenghuohui"].keywords[0].terms)


def test_shipped_keywords_occur_in_the_directive(directive_path: Path) -> None:
    """Every item's first synonym group is worded as in the 意见 (so the checklist is written from it)."""
    text = directive_path.read_text(encoding="utf-8")
    cl = load_checklist(SHIPPED)
    for item, _ in cl.walk():
        assert any(t in text for t in item.keywords[0].terms), item.id


YAML_TEXT = """\
schema: textkit.checklist/1
id: demo
title: 示例
items:
  - id: diaocha-yanjiu
    title: 调查研究
    source: 三/2
    keywords: [[调查研究, 调研], [基层, 一线]]
  - id: zuzhi-lingdao
    title: 组织领导
    source: 四
    keywords: [[组织领导, 领导小组]]
    children:
      - id: zuzhi-lingdao.dudao
        title: 督促指导
        source: 四¶3
        scope: statement
        match: any
        keywords: [[督促指导, 指导组]]
"""

TOML_TEXT = """\
schema = "textkit.checklist/1"
id = "demo"
title = "示例"

[[items]]
id = "diaocha-yanjiu"
title = "调查研究"
source = "三/2"
keywords = [["调查研究", "调研"], ["基层", "一线"]]

[[items]]
id = "zuzhi-lingdao"
title = "组织领导"
source = "四"
keywords = [["组织领导", "领导小组"]]

[[items.children]]
id = "zuzhi-lingdao.dudao"
title = "督促指导"
source = "四¶3"
scope = "statement"
match = "any"
keywords = [["督促指导", "指导组"]]
"""


@pytest.mark.parametrize("suffix", [".yaml", ".yml"])
def test_yaml_loads_the_same_as_toml(tmp_path: Path, suffix: str) -> None:
    y = tmp_path / f"demo{suffix}"
    y.write_text(YAML_TEXT, encoding="utf-8")
    t = tmp_path / "demo.toml"
    t.write_text(TOML_TEXT, encoding="utf-8")
    from_yaml, from_toml = load_checklist(y), load_checklist(t)
    assert list(from_yaml.walk()) == list(from_toml.walk())
    child = from_yaml.items[1].children[0]
    assert (child.scope, child.match, child.priority) == ("statement", "any", "must")


def test_shipped_checklist_round_trips_through_a_dict() -> None:
    cl = load_checklist(SHIPPED)
    again = checklist_from_dict(checklist_to_dict(cl))
    assert list(again.walk()) == list(cl.walk())


def test_toml_round_trip(tmp_path: Path) -> None:
    cl = load_checklist(SHIPPED)
    p = tmp_path / "rt.toml"
    p.write_text(checklist_to_toml(cl), encoding="utf-8")
    again = load_checklist(p)
    assert [(i, parent.id if parent else None) for i, parent in again.walk()] == [
        (i, parent.id if parent else None) for i, parent in cl.walk()]


def test_a_group_may_be_a_single_string() -> None:
    cl = checklist_from_dict({"items": [{"id": "a", "title": "调查研究", "source": "三/2",
                                         "keywords": ["调查研究", ["基层", "一线"]], "match": "any"}]})
    item = cl.items[0]
    assert isinstance(item, ChecklistItem)
    assert [g.terms for g in item.keywords] == [("调查研究",), ("基层", "一线")]
    assert item.match == "any" and item.priority == "must" and item.scope == "section"


def _write(tmp_path: Path, body: str, name: str = "bad.toml") -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    "body,where,message",
    [
        ('[[items]]\nid = "dy"\ntitle = "调查研究"\nsource = "三/2"\nkeyword = [["调研"]]\n', "dy:keyword", "unknown key"),
        ('[[items]]\nid = "dy"\ntitle = "调查研究"\nsource = "三/2"\nkeywords = []\n', "dy:keywords", "non-empty"),
        ('[[items]]\nid = "dy"\ntitle = "调查研究"\nsource = "三/2"\nkeywords = [["调研", ""]]\n', "dy:keywords", "empty"),
        ('[[items]]\nid = "dy"\ntitle = "调查研究"\nsource = "三/2"\nkeywords = [["调研"]]\npriority = "may"\n',
         "dy:priority", "must be one of"),
        ('[[items]]\nid = "dy"\ntitle = "调查研究"\nkeywords = [["调研"]]\n', "dy:source", "missing"),
        ('[[items]]\nid = "dy"\ntitle = "调查研究"\nsource = "三/2"\nkeywords = [["调研"]]\n'
         '[[items]]\nid = "dy"\ntitle = "调研"\nsource = "三/2"\nkeywords = [["调研"]]\n', "dy:id", "duplicate"),
        ('[[items]]\nid = "zz"\ntitle = "组织领导"\nsource = "四"\nkeywords = [["领导小组"]]\n'
         '[[items.children]]\nid = "zz.a"\ntitle = "督导"\nsource = "四"\nkeywords = [["督导"]]\nscope = "page"\n',
         "zz.a:scope", "must be one of"),
        ('title = "x"\n', "items", "non-empty list of items"),
        ('colour = "red"\n[[items]]\nid = "a"\ntitle = "a"\nsource = "a"\nkeywords = ["a"]\n', "colour", "unknown key"),
    ],
)
def test_errors_name_file_item_and_key(tmp_path: Path, body: str, where: str, message: str) -> None:
    p = _write(tmp_path, body)
    with pytest.raises(ChecklistError) as info:
        load_checklist(p)
    text = str(info.value)
    assert text.startswith(str(p)), text
    assert where in text and message in text, text
    assert isinstance(info.value, RuleError)


def test_bad_toml_and_yaml_and_paths(tmp_path: Path) -> None:
    with pytest.raises(ChecklistError, match="not valid TOML"):
        load_checklist(_write(tmp_path, "[[items]\nid=", "broken.toml"))
    with pytest.raises(ChecklistError, match="not valid YAML"):
        load_checklist(_write(tmp_path, "items: [\n  - id: a\n  title", "broken.yaml"))
    with pytest.raises(ChecklistError, match="top level"):
        load_checklist(_write(tmp_path, "- just\n- a list\n", "list.yml"))
    with pytest.raises(ChecklistError, match="no such checklist file"):
        load_checklist(tmp_path / "absent.toml")
    with pytest.raises(ChecklistError, match=r"extension '\.json' is invalid"):
        load_checklist(_write(tmp_path, "{}", "c.json"))


def test_checklist_load_classmethod() -> None:
    assert Checklist.load(SHIPPED).id == "zhuti-jiaoyu-2023"


def test_items_nested_too_deep_are_refused_with_a_clear_error(tmp_path: Path) -> None:
    # a generated checklist whose children nest 30 levels (a directive has four or five)
    item: dict[str, object] = {"id": "t30", "title": "任务", "source": "一", "description": "开展工作。"}
    for n in range(29, 0, -1):
        item = {"id": f"t{n}", "title": "任务", "source": "一", "children": [item]}
    with pytest.raises(ChecklistError, match="nest deeper than 20 levels"):
        checklist_from_dict({"items": [item]}, file="deep.toml")
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ChecklistError, match="deep"):
        load_checklist(deep)
