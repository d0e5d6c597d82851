"""Checkboxes as templated notes write them: options ticked or not, and Yes/No answers by label or by column."""

from __future__ import annotations

import pytest

from gravida.notes.checkboxes import answer_after, unticked_options


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        ("Preeclampsia: [ ] Yes [X] No", "no"),
        ("Preeclampsia: [x] Yes [ ] No", "yes"),
        ("Preeclampsia: Yes [ ] No [x]", "no"),
        ("Vaginal bleeding:      ☐ Yes  ☒ No", "no"),
        ("Swelling of the feet/ankles?        [ ] Yes  [X] No", "no"),
        ("Preeclampsia: [ ] Yes [ ] No", None),
        ("Preeclampsia: denies", None),
    ],
)
def test_a_labelled_box_answers_its_question(line: str, answer: str | None) -> None:
    assert answer_after(line, line.index(":") if ":" in line else 12) == answer


def test_under_yes_no_columns_the_ticked_column_answers() -> None:
    form = "                 Yes   No\nHigh-risk pregnancy  [X]   [ ]\nPreeclampsia         [ ]   [X]\n"
    assert answer_after(form, form.index("pregnancy") + 9) == "yes"
    assert answer_after(form, form.index("Preeclampsia") + 12) == "no"


def test_two_boxes_without_a_heading_answer_nothing() -> None:
    text = "Preeclampsia   [ ]   [X]"
    assert answer_after(text, 12) is None


def test_unticked_options_span_their_words_up_to_the_next_box() -> None:
    text = "Positioning: [x] Side-lying  [ ] Semi-reclined  ☐ Seated\n"
    spans = [text[s:e].strip() for s, e in unticked_options(text)]
    assert spans == ["[ ] Semi-reclined", "☐ Seated"]
    assert unticked_options("no boxes here") == []
