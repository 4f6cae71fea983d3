"""Issue 13, session 11 (cover15): every corroborated fact the synthesis does not state says why on the fact (which
step, which test, the span and score where there is one). On texts the tests write."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.compare import compare_analyzed
from newsprism.settings import DEFAULT

from .conftest import story_articles
from .test_compare_facts import FLOOD

LEFT = "left out of the synthesis: "


def _analyzed() -> Any:
    from newsprism.stages import analyze_many

    return analyze_many(story_articles(FLOOD))


def _left_out(c: Any) -> dict[str, str]:
    stated = {s.get("fact") for s in c.synthesis}
    return {f.id: f.reason for f in c.facts if f.status == "corroborated" and f.id not in stated}


@pytest.mark.slow
def test_every_corroborated_fact_left_out_says_why() -> None:
    """With the defaults and with only one fact allowed (``synthesis_max_facts`` 1), each corroborated fact that is not
    a synthesis statement's carries a reason naming the step; the ones beyond the cap name the cap and their rank."""
    analyzed = _analyzed()
    c = compare_analyzed(analyzed, DEFAULT)
    assert sum(f.status == "corroborated" for f in c.facts) >= 2
    for fid, reason in _left_out(c).items():
        assert LEFT in reason, (fid, reason)
    capped = compare_analyzed(analyzed, DEFAULT.replace(synthesis_max_facts=1))
    left = _left_out(capped)
    assert len(left) >= 1
    assert all(LEFT in r for r in left.values()), left
    assert sum("beyond synthesis_max_facts 1" in r and "ranked 2 of" in r for r in left.values()) == 1, left


@pytest.mark.slow
def test_a_fact_no_member_of_which_may_be_stated_names_each_member_and_its_test() -> None:
    """``corroborate_min`` raised past every alignment (and the member-checked statements off): no fact's members
    may be stated; each fact's reason names its members' articles and the alignment score under the floor."""
    analyzed = _analyzed()
    settings = DEFAULT.replace(corroborate_min=0.999, synthesis_member_checked=False)
    c = compare_analyzed(analyzed, settings)
    left = _left_out(c)
    assert left and not [s for s in c.synthesis if s["kind"] in ("corroborated", "attributed")], c.synthesis
    for reason in left.values():
        tail = reason.split(LEFT)[-1]
        assert "no member of two articles can be stated" in tail or "role or title fact" in tail, reason
        if "no member" in tail:
            assert "< corroborate_min 0.999" in tail and "“" in tail, reason  # the score, the member's words


BRIDGE = {
    "Harbor Daily": ("2021-05-04", """Kestrel bridge shut

The Kestrel bridge over the river Tolle was closed to all traffic on Tuesday after engineers found cracks in its main span.

Mayor Ines Okafor said repairs would take at least three months.

Commuters queued for an hour at the ferry terminal."""),
    "Valley Courier": ("2021-05-04", """Cracks close Kestrel bridge

Engineers found cracks in the main span of the Kestrel bridge, and the bridge over the river Tolle was closed to all traffic on Tuesday.

Mayor Ines Okafor said repairs would take at least three months.

The city's buses will use the old Marren road until then."""),
}
CLOSED = "The Kestrel bridge over the river Tolle was closed to all traffic on Tuesday"


def _bridge() -> Any:
    from newsprism.stages import analyze_many

    return analyze_many(story_articles(BRIDGE))


def _closed(c: Any) -> list[dict[str, Any]]:
    return [s for s in c.synthesis if s["kind"] == "corroborated" and s["text"].startswith(CLOSED)]


@pytest.mark.slow
def test_a_fact_the_renderings_refuse_is_stated_by_its_member_checked_statement() -> None:
    """No member may be stated on the aligner's score (``corroborate_min`` past every pair): the fact's statement,
    which Harbor Daily writes word for word and whose Valley Courier span the span check passes, is stated citing
    both, its reason saying which step refused it and what was checked; with ``synthesis_member_checked`` off it is
    left out, its fact saying why."""
    analyzed = _bridge()
    strict = DEFAULT.replace(corroborate_min=0.999)
    said = _closed(compare_analyzed(analyzed, strict))
    assert len(said) == 1 and len(said[0]["citations"]) == 2, said
    assert "member check's tests" in said[0]["reason"] and "no member of two articles can be stated" in said[0]["reason"], said[0]
    off = compare_analyzed(analyzed, strict.replace(synthesis_member_checked=False))
    assert not _closed(off)
    left = _left_out(off)
    assert any("Kestrel" in r and "corroborate_min" in r for r in left.values()), left


@pytest.mark.slow
def test_a_member_span_the_check_refuses_is_cited_only_on_the_pair_verifier_and_the_predicate(monkeypatch: Any) -> None:
    """The span check made to refuse every span (0.1 < member_narrow_min): the member-checked statement is left out
    (its fact names the span and the score) unless the pair verifier accepted Valley Courier's span at
    ``synthesis_member_pair_min`` and it writes the statement's predicate (“closed”); made to write none, out again."""
    from newsprism.compare import synthesis

    analyzed = _bridge()
    monkeypatch.setattr(synthesis, "span_checks", lambda pairs: [(0.1, "forced")] * len(pairs))
    strict = DEFAULT.replace(corroborate_min=0.999)
    off = compare_analyzed(analyzed, strict)
    assert not _closed(off)
    assert any("span check 0.10 < member_narrow_min" in r for r in _left_out(off).values()), _left_out(off)
    assert DEFAULT.synthesis_member_pair_min == 0.0 and not _closed(compare_analyzed(analyzed, strict))  # off
    paired = strict.replace(synthesis_member_pair_min=0.9)
    on = _closed(compare_analyzed(analyzed, paired))
    assert len(on) == 1 and "pair verifier" in on[0]["reason"] and "“close" in on[0]["reason"], on
    monkeypatch.setattr(synthesis, "predicate_shared", lambda pairs: [None] * len(pairs))
    assert not _closed(compare_analyzed(analyzed, paired))


def test_a_role_statement_is_told_from_a_predicate_the_phrase_pass_rendered() -> None:
    """“<name> is <description>” is a role or title fact (its reason says it is no sentence an article writes); a
    predicate the phrase pass put with its subject is not one (its reason names the step that refused it)."""
    from newsprism.compare.synthesis import ROLE_STATEMENT

    for role in ("Lena Varga is the governor of the Marren valley", "Ines Okafor is a former judge",
                 "Ilse Kovar is Marren Valley’s regional governor"):
        assert ROLE_STATEMENT.match(role), role
    for claim in ("Kovar broke out of a prison on Saturday night for the second time",
                  "The bridge is closed, and the ferry is the only way across"):
        assert not ROLE_STATEMENT.match(claim), claim


DAM = {
    "Harbor Daily": ("2021-06-01", """Varga vows veto

The assembly will vote on the dam bill in July.

Governor Lena Varga said she would veto any bill to close the Hollins dam.

Farmers along the Marren river depend on the dam for water."""),
    "Valley Courier": ("2021-06-01", """Dam fight

Governor Lena Varga spoke to reporters in Marren on Monday morning.

She vowed to veto any bill to close the Hollins dam on the Marren river.

The dam was opened six years ago."""),
}


@pytest.mark.slow
def test_a_member_with_a_pronoun_subject_supports_what_another_member_states() -> None:
    """Valley Courier's “She vowed to veto …” cannot be stated (its subject is a pronoun) but states Harbor Daily's
    “Governor Lena Varga said she would veto …”: cited for it (``synthesis_cite_unstatable``); off, the statement is
    left out and the fact names the pronoun subject."""
    from newsprism.stages import analyze_many

    analyzed = analyze_many(story_articles(DAM))
    c = compare_analyzed(analyzed, DEFAULT)
    said = [s for s in c.synthesis if s["kind"] == "corroborated" and "veto" in s["text"]]
    assert len(said) == 1 and len(said[0]["citations"]) == 2 and said[0]["text"].startswith("Governor Lena Varga"), said
    off = compare_analyzed(analyzed, DEFAULT.replace(synthesis_cite_unstatable=False))
    assert not [s for s in off.synthesis if "veto" in s["text"]]
    assert any("a pronoun with nothing to refer to" in r for r in _left_out(off).values()), _left_out(off)
