"""Issue 13: a corroborated fact's statement holds only what its articles share, keeps their source, carries no
one outlet's opinion, and is cited only by spans that hold it (texts written here; invented names)."""

from __future__ import annotations

from newsprism.compare.assertion import attributed_by_most, cover, statement_key
from newsprism.compare.facts import _cited_holding, _narrowed, _statement
from newsprism.records import Claim, Fact


def _claim(article: str, text: str, k: int = 0) -> Claim:
    return Claim(id=f"{article}:{k}", article=article, sentence=k, start=0, end=len(text), text=text)


def _texts(*claims: Claim) -> dict[str, str]:
    return {c.article: c.text for c in claims}


def test_the_statement_is_the_member_the_others_hold_not_one_outlets_sarcasm() -> None:
    snark = _claim("a", "Brightline paid $2 billion for Pixelry, and we all know how that went.")
    plain = _claim("b", "Brightline agreed on Monday to pay $2 billion for the photo sharing app Pixelry.")
    third = _claim("c", "Pixelry, the photo sharing app, was bought by Brightline for $2 billion on Monday.")
    members = [snark, plain, third]
    texts = _texts(*members)
    assert min(members, key=lambda c: len(c.text)) is snark  # the old rule (the shortest member) stated the sarcasm
    # the comment ("we all know how that went") is held by no other article: cited and stated without it
    statement = _statement(members, texts, _narrowed(members, texts))
    assert "we all know" not in statement
    assert "$2 billion" in statement


def test_the_shared_clause_of_a_member_can_state_the_fact() -> None:
    wry = _claim("a", "Pixelry has more than 300 million monthly users, so it's no wonder good old Ann Lee called "
                      "it a treasure.")
    other = _claim("b", "Pixelry has more than 300 million monthly users worldwide.")
    members = [wry, other]
    texts = _texts(*members)
    narrow = _narrowed(members, texts)
    assert wry.id in narrow  # cited by the clause the other article shares
    statement = _statement(members, texts, narrow)
    assert "no wonder" not in statement


def test_an_evaluative_member_does_not_state_the_fact_while_another_is_plain() -> None:
    loaded = _claim("a", "The council rammed through the budget on Monday.")
    plain = _claim("b", "The council passed the budget on Monday after a long debate.")
    members = [loaded, plain]
    texts = _texts(*members)
    assert _statement(members, texts, {}) == loaded.text  # the shortest, without the cue
    assert _statement(members, texts, {}, voiced=lambda c: c.article == "a") == plain.text


def test_a_statement_keeps_the_source_most_articles_give() -> None:
    flat = _claim("a", "Pixelry has more than 300 million users.")
    sourced = _claim("b", "Pixelry has more than 300 million users, according to the company.")
    reported = _claim("c", "According to reports, Pixelry now has more than 300 million users.")
    members = [flat, sourced, reported]
    spans = [(c.article, c.text) for c in members]
    assert attributed_by_most(spans)
    assert "according to" in _statement(members, _texts(*members), {}).lower()
    # one article of two giving a source is not most: the plain one states it
    two = [flat, sourced]
    assert not attributed_by_most([(c.article, c.text) for c in two])
    assert _statement(two, _texts(*two), {}) == flat.text


def test_cover_is_the_least_share_another_article_holds() -> None:
    spans = [("a", "The dam opened on Tuesday."), ("b", "The dam opened."), ("c", "Officials cut a ribbon.")]
    assert cover("The dam opened on Tuesday.", "a", spans) == 0.0  # article c holds none of it
    assert cover("The dam opened.", "a", spans[:2]) == 1.0
    ranked = sorted(["The dam opened on Tuesday with a ribbon cut by the mayor and a band.", "The dam opened."],
                    key=lambda t: statement_key(t, "a", spans[:2]))
    assert ranked[0] == "The dam opened."


def test_a_fact_cites_only_spans_that_hold_its_statement() -> None:
    a = _claim("a", "The Hollins dam opened on Tuesday near Marren.")
    b = _claim("b", "The Hollins dam was opened on Tuesday near Marren by the governor.")
    c = _claim("c", "Marren lies forty kilometres from the coast.")
    support = tuple({"article": m.article, "sentence": 0, "start": m.start, "end": m.end, "text": m.text}
                    for m in (a, b, c))
    fact = Fact(id="f1", status="corroborated", statement=a.text, support=support, claims=(a, b, c), reason="r")
    held = _cited_holding(fact, 0.4)
    assert [s["article"] for s in held.support] == ["a", "b"]
    assert [m.id for m in held.claims] == ["a:0", "b:0"]
    assert "not cited" in held.reason
    # an article with one span that holds it keeps its other span
    c2 = _claim("a", "Marren lies forty kilometres from the coast.", 1)
    more = Fact(id="f3", status="corroborated", statement=a.text, support=(*support, {**support[2], "article": "a"}),
                claims=(a, b, c, c2), reason="r")
    assert [s["article"] for s in _cited_holding(more, 0.4).support] == ["a", "b", "a"]
    # two articles only: the fact is left as it is rather than cited by one article
    pair = Fact(id="f2", status="corroborated", statement=a.text, support=(support[0], support[2]), claims=(a, c),
                reason="r")
    assert _cited_holding(pair, 0.4) == pair


def test_a_statement_whose_subject_or_speaker_is_a_pronoun_ranks_after_a_named_one() -> None:
    spans = [("a", "She has lost her immunity and can be prosecuted."),
             ("b", "Stripped of her immunity, Ann Lee can now be prosecuted.")]
    assert min([t for _, t in spans], key=lambda t: statement_key(t, "a" if t.startswith("She") else "b", spans)) \
        == spans[1][1]
    said = "“Most voters said yes,” he added."
    assert statement_key(said, "a", spans)[3] and not statement_key("Most voters said yes.", "a", spans)[3]


def test_a_with_phrase_one_article_adds_is_not_stated() -> None:
    more = _claim("a", "Nearly 900 people were injured, with four taken to the Marren clinic.")
    less = _claim("b", "Nearly 900 people were reported injured on Sunday in the clashes.")
    members = [more, less]
    texts = _texts(*members)
    assert "clinic" not in _statement(members, texts, _narrowed(members, texts))
    joined = [_claim("a", "but the council passed the budget on Monday"),
              _claim("b", "The council passed the budget on Monday after a long debate.")]
    assert _statement(joined, _texts(*joined), {}) == "the council passed the budget on Monday"  # "but" left out


def test_the_fact_and_the_synthesis_keep_the_source_the_articles_give() -> None:
    from newsprism.compare import compare_analyzed
    from newsprism.stages import analyze_many

    from .conftest import story_articles

    story = {
        "Harbor Daily": ("2024-03-04", "Brightline agreed on Monday to buy the photo app Pixelry for $2 billion. "
                         "Pixelry has more than 300 million monthly users, according to the company."),
        "Valley Courier": ("2024-03-04", "Brightline agreed on Monday to buy Pixelry for $2 billion in cash. "
                           "Pixelry has more than 300 million monthly users, according to figures from the company."),
        "Plains Herald": ("2024-03-05", "Brightline will pay $2 billion for Pixelry, it said on Monday. "
                          "Pixelry has more than 300 million monthly users."),
    }
    comparison = compare_analyzed(analyze_many(story_articles(story)))
    users = [f for f in comparison.facts if f.status == "corroborated" and "300 million" in f.statement]
    assert users, [(f.status, f.statement) for f in comparison.facts]
    assert all("according to" in f.statement for f in users), [f.statement for f in users]
    said = [s["text"] for s in comparison.synthesis if "300 million" in s["text"]]
    assert said and all("according to" in t.lower() for t in said), said
