"""The spaCy bridge: a parsed plan as a spaCy Doc with its spans."""

from __future__ import annotations

from pathlib import Path

import textkit
from textkit.nlp import to_spacy


def test_nlp_spacy_doc_keeps_text_and_sections(seed001_path: Path) -> None:
    plan = textkit.parse(seed001_path)
    doc = to_spacy(plan)
    assert doc.text == plan.text
    sections = doc.spans["sections"]
    assert len(sections) == len(plan.sections()) == 26
    first = plan.sections()[0]
    assert sections[0].start_char == first.start
    assert sections[0].label_ == first.id == "一"
    # jieba tokens cover the text without gaps
    assert "".join(t.text_with_ws for t in doc) == plan.text


def test_nlp_spacy_units_and_dates_become_entities(seed001_path: Path) -> None:
    plan = textkit.parse(seed001_path)
    doc = to_spacy(plan)
    labels = {e.label_ for e in doc.ents}
    assert {"UNIT", "TIME"} <= labels
    unit_texts = {e.text for e in doc.ents if e.label_ == "UNIT"}
    assert "机关党委" in unit_texts
    for ent in doc.ents:
        assert plan.text[ent.start_char : ent.end_char] == ent.text


def test_nlp_spacy_pipeline_component(seed001_text: str) -> None:
    from textkit.nlp import blank_zh

    nlp = blank_zh()
    nlp.add_pipe("textkit", config={"reference_date": "2023-04-01"})
    assert nlp.pipe_names == ["textkit"]
    doc = nlp(seed001_text)
    assert doc.text == seed001_text
    assert len(doc.spans["sections"]) == 26
    times = {e.text for e in doc.ents if e.label_ == "TIME"}
    assert "每月20日前后" in times
    assert "机关党委" in {e.text for e in doc.ents if e.label_ == "UNIT"}
