"""The workshop end to end, offscreen: three people answer privately in turn (none sees another's answers),
a show of hands, a returned pack, the anonymous reveal, consensus on every divergent item, a second round on
one item; the scores, the pilots and the PDF follow, and no name appears where it must not."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from assessor.model import Answer, NonAnswer, Tally
from assessor.recommend import recommend
from assessor.report import write_report
from assessor.scoring import score_assessment
from assessor.storage.packs import load_pack, make_pack, save_pack
from assessor.ui.workshop import prompts
from assessor.ui.workshop.tally import TallyDialog
from tests.ui.helpers import CTRL, activate, press, type_keys
from tests.ui.workshop_helpers import NAMES, individual_window, visible_texts

pytestmark = pytest.mark.slow
Key = Qt.Key


def _plan(order: list[str]) -> dict[int, dict[str, object]]:
    """Who answers what: q0 and q1 split the room, q2 is mostly Don't know, the rest agree (level 2 or 3)."""
    plan: dict[int, dict[str, object]] = {0: {}, 1: {}, 2: {}}
    split = {0: (1, 4, 2), 1: (1, 3, 3)}
    for index, qid in enumerate(order):
        if index == 3:
            continue  # this one is done by a show of hands
        for person in range(3):
            if index in split:
                plan[person][qid] = split[index][person]
            elif index == 2:
                plan[person][qid] = NonAnswer.DONT_KNOW if person < 2 else 2
            else:
                plan[person][qid] = 2 + (index % 2)
    return plan


def _assert_sees_nothing_of_others(window, own: dict[str, object]) -> None:
    answer = window.page("answer")
    view = answer.view
    checked = view.group.checkedButton()
    shown = own.get(answer.current_question)
    if shown is None:
        assert checked is None, "another person's answer is showing"
    model = answer.navigator.nav_model
    for qid in model.order:
        text = model.index_of(qid).data()
        if qid not in own:
            assert text.startswith("○"), f"{qid} shows an answer this person never gave: {text}"


def test_the_workshop_from_private_rounds_to_the_pdf(
    window, scripted_dialogs, qtbot, tmp_path, monkeypatch
) -> None:
    reports: list[tuple[str, str]] = []
    monkeypatch.setattr(
        prompts, "import_report", lambda _p, title, text, problem: reports.append((title, text))
    )
    assert window.files.new_from_questionnaire(
        __import__("tests.ui.conftest").ui.conftest.DEFAULT_QUESTIONNAIRE
    )
    individual_window(window)
    session = window.session
    workshop = window.workshop
    assessment = session.require()
    questionnaire = assessment.questionnaire
    order = list(questionnaire.questions)
    plan = _plan(order)
    activate(qtbot, window)

    # 1. Individual rounds: the hand-over screen, then each person privately, in turn.
    press(qtbot, Key.Key_H, CTRL)
    assert window.current_page_name() == "handover"
    assert session.current_participant is None
    handover = window.page("handover")
    for person, name in enumerate(NAMES):
        pid = assessment.participants[person].id
        rows = [handover.people.item(i).text() for i in range(handover.people.count())]
        assert len(rows) == 3 and all("answered" in row or "finished" in row for row in rows)
        assert handover.people.currentRow() == person  # the next person who has not finished
        handover.people.setFocus()
        press(qtbot, Key.Key_Return)
        assert window.current_page_name() == "answer"
        assert session.current_participant == pid
        heading = window.page("answer").recording_as.text() + workshop.parts.bar.who.text()
        assert name in heading and not any(other in heading for other in NAMES if other != name)
        assert "Private answers" in workshop.parts.bar.who.text()
        _assert_sees_nothing_of_others(window, {})
        # The first questions by keyboard: a number chooses, Page Down moves on.
        answer = window.page("answer")
        for qid in order[:3]:
            answer.show_question(qid)
            answer.view.focus_first_card()
            choice = plan[person][qid]
            press(qtbot, Key.Key_D) if choice is NonAnswer.DONT_KNOW else press(
                qtbot, getattr(Key, f"Key_{choice}")
            )
            assert session.recorded(qid).choice == choice
            _assert_sees_nothing_of_others(
                window, {q: plan[person][q] for q in order[: order.index(qid) + 1]}
            )
        for qid, choice in plan[person].items():
            if qid not in order[:3]:
                session.edits.record_choice(qid, choice)
        _assert_sees_nothing_of_others(window, plan[person])
        press(qtbot, Key.Key_H, CTRL)  # hand over: the answers disappear at once
        assert session.current_participant is None
        assert window.current_page_name() == "handover"
        texts = " ".join(visible_texts(handover))
        assert "Emerging" not in texts and "Don't know" not in texts  # no answers on the hand-over screen

    rows = [handover.people.item(i).text() for i in range(3)]
    assert all(f"{len(order) - 1} of {len(order)} answered" in row for row in rows)

    # 2. A show of hands for the question nobody answered, typed into the tally's spin boxes.
    tally_q = order[3]
    dialog = TallyDialog(questionnaire, tally_q, None)
    qtbot.addWidget(dialog)
    boxes = list(dialog.level_boxes.values())
    for box, count in zip(boxes, (2, 0, 0, 3), strict=False):
        box.selectAll()
        type_keys(qtbot, box, str(count))
    assert dialog.total.text() == "Total: 5 people"
    workshop.record_tally(tally_q, dialog.result_tally())
    assert assessment.rounds[0].tallies[tally_q] == Tally(counts={1: 2, 4: 3})

    # 3. A pack answered on another laptop, made and filled with the storage API, then imported.
    extra = session.edits.add_participant("Dafydd Ellis", "Cabinet member")
    pack = make_pack(assessment, extra.id)
    for qid in order:
        pack.set_answer(qid, Answer(3 if qid != order[2] else NonAnswer.DONT_KNOW))
    pack_path = save_pack(pack, tmp_path / "dafydd.assessment-pack")
    workshop.parts.packs.import_paths([pack_path])
    assert reports and reports[-1][0] == "Packs imported", reports
    assert len(assessment.rounds[0].answers[extra.id]) == len(order)
    assert load_pack(pack_path).participant.name == "Dafydd Ellis"
    names = (*NAMES, "Dafydd Ellis")

    # 4. The reveal: divergent and unclear items first, no names anywhere on the page.
    press(qtbot, Key.Key_5, CTRL)
    reveal = window.page("reveal")
    assert window.current_page_name() == "reveal"
    first = [item.question_id for item in reveal.items if item.discuss_first]
    assert set(first[:4]) == {order[0], order[1], order[2], tally_q}
    assert reveal.items[0].question_id == first[0]
    page_text = " ".join(visible_texts(reveal))
    assert not any(name in page_text for name in names)
    reveal.show_question(order[0])
    counts = [row.counts for row in reveal.spread.rows if row.isVisibleTo(reveal)]
    assert counts[:4] == [(1,), (1,), (1,), (1,)]  # Alice 1, Carys 2, the pack 3, Bilal 4: one dot each
    assert "Views differ widely" in reveal.status.text() or "views differ widely" in reveal.status.text()

    # 5. Consensus on every divergent item, by keyboard: Alt+A the answer, Alt+R the rationale, Ctrl+Enter.
    divergent = [item.question_id for item in reveal.items if item.divergent]
    assert divergent
    for qid in divergent:
        reveal.show_question(qid)
        reveal.consensus.set_chosen(2)
        type_keys(qtbot, reveal.consensus.rationale, "The board minutes show it")
        reveal.consensus.rationale.setFocus()
        press(qtbot, Key.Key_Return, CTRL)
        assert assessment.consensus[qid].choice == 2
        assert assessment.consensus[qid].rationale.endswith("board minutes show it")
    assert reveal.at_a_glance.text().startswith("Still to agree: ")
    still = [item for item in reveal.items if item.still_to_agree]
    assert all(not item.divergent for item in still)

    # The scores and the pilots take the consensus at once.
    results = score_assessment(assessment)
    for qid in divergent:
        assert results.questions[qid].value == 2 and results.questions[qid].source == "consensus"
    pilots = recommend(assessment, results)
    assert f"{results.overall:.1f}" in reveal.scores.text()
    assert all(p.pilot.title in reveal.scores.text() for p in pilots)

    # 6. A second round on one item: privately again, then the reveal shows both rounds.
    workshop.start_second_round([order[0]])
    assert session.current_round == 1 and window.current_page_name() == "handover"
    for person in range(3):
        workshop.start_turn(assessment.participants[person].id)
        answer = window.page("answer")
        assert answer.current_question == order[0]
        assert answer.view.group.checkedButton() is None  # round 2 starts empty for everyone
        answer.view.focus_first_card()
        press(qtbot, Key.Key_2 if person < 2 else Key.Key_3)
        workshop.hand_over()
    window.show_page("reveal")
    # Dafydd (who answered on a pack) has not re-scored: the reveal warns and holds the question back...
    assert reveal.gate_bar.isVisibleTo(reveal) and order[0] not in [i.question_id for i in reveal.items]
    reveal.show_unfinished.setChecked(True)  # ...until the facilitator chooses to go ahead
    reveal.show_question(order[0])
    rows = [row.counts for row in reveal.spread.rows if row.isVisibleTo(reveal)]
    assert all(len(counts) == 2 for counts in rows)  # both rounds drawn
    assert rows[1] == (1, 2) and rows[2] == (1, 1)
    results = score_assessment(assessment)
    assert len(results.questions[order[0]].earlier_spreads) == 1

    # 7. The PDF shows the spread of views, and no name.
    pdf = write_report(assessment, tmp_path / "report.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "The spread of views" in text
    assert not any(name in text for name in names)
    assert not any(name.split()[0] in text for name in names)
