"""Naming choices on groups of people and evaluative words under the tagger's threshold (issue 14, round 8):
the naming stage records how an article describes a group it names with a common noun ("defiant voters"); the
comparison makes a naming cue of a feeling or judgement one article alone puts on a referent, with how the
others name it (their texts and spans). Texts the tests write."""

from __future__ import annotations

import re

from newsprism import nlp
from newsprism.compare.framing import add_naming_cues, naming_choices
from newsprism.records import AnalyzedArticle, Article, Entity, Mention, NamingPhrase, Paragraph
from newsprism.settings import DEFAULT
from newsprism.stages.framing import evaluative_logit
from newsprism.stages.naming import naming_phrases


def _groups(text: str) -> dict[str, NamingPhrase]:
    return {n.text: n for n in naming_phrases([], nlp.parse([text])[0]) if n.kind == "group"}


def test_the_stage_records_the_words_put_on_groups_of_people() -> None:
    found = _groups("Defiant voters queued outside the school. Thrilled astronomers say the find is big. "
                    "The dimming starlight shows a planet.")
    assert found["Defiant voters"].head == "voter" and found["Defiant voters"].word == "Defiant"
    assert found["Defiant voters"].score is not None
    # "astronomers" is no listed noun of people, but astronomers speak in this article
    assert found["Thrilled astronomers"].word == "Thrilled"
    assert not [t for t in found if "starlight" in t]  # a thing, not people


def test_a_noun_that_never_speaks_and_is_no_noun_of_people_is_no_group() -> None:
    assert not _groups("Thrilled astronomers watched the sky. The find is big.")


def _article(aid: str, text: str) -> AnalyzedArticle:
    art = Article(id=aid, source=aid, text=text, title=aid, outlet=aid, paragraphs=(Paragraph(start=0, end=len(text)),))
    doc = nlp.parse([text])[0]
    return AnalyzedArticle(article=art, naming=tuple(naming_phrases([], doc)))


def _story(word: str, others: str = "Protesters marched through the city on Sunday.") -> list[AnalyzedArticle]:
    return [_article("blog", f"{word} protesters marched through the city on Sunday."),
            _article("wire", others), _article("daily", "Thousands of protesters marched on Sunday.")]


def test_a_feeling_one_outlet_alone_puts_on_a_group_is_a_naming_cue_with_both_namings() -> None:
    story = _story("Excited", "Young protesters marched through the city on Sunday.")
    out = add_naming_cues(story, DEFAULT)
    cues = [f for f in out[0].framing if f.cue == "naming"]
    assert [f.text for f in cues] == ["Excited protesters"]
    cue = cues[0]
    assert cue.start == 0 and cue.score is not None and "VADER" in cue.reason
    # the other outlet's naming of the same group, with its span in that article
    at = story[1].article.text.find("Young protesters")
    assert f"“Young protesters” ({at}–{at + len('Young protesters')})" in cue.reason
    assert not [f for a in out[1:] for f in a.framing if f.cue == "naming"]


def test_the_same_words_everywhere_or_a_harm_done_to_the_group_is_no_naming_cue() -> None:
    everyone = [_article(aid, "Excited protesters marched through the city on Sunday.")
                for aid in ("blog", "wire", "daily")]
    assert not naming_choices(everyone, DEFAULT)
    assert not naming_choices(_story("Injured"), DEFAULT)  # a fact of the story, not a stance put on them
    assert naming_choices(_story("Excited"), DEFAULT)


def test_a_word_under_the_tagger_threshold_counts_only_when_its_meaning_is_evaluative() -> None:
    def story(word: str, score: float) -> list[AnalyzedArticle]:
        texts = [f"The vote on a {word} referendum went on.", "The vote on the independence referendum went on.",
                 "Voters took part in the independence referendum."]
        out = []
        for aid, text in zip(("blog", "wire", "daily"), texts, strict=True):
            phrase = f"a {word} referendum" if aid == "blog" else "the independence referendum"
            at = text.find(phrase) if phrase in text else text.find("independence referendum")
            w = word if aid == "blog" else "independence"
            n = NamingPhrase(start=at, end=at + len(phrase), text=phrase, head="referendum", anchors=("place:x",),
                             kind="event", word=w, score=score if aid == "blog" else 0.05)
            art = Article(id=aid, source=aid, text=text, title=aid, outlet=aid,
                          paragraphs=(Paragraph(start=0, end=len(text)),))
            out.append(AnalyzedArticle(article=art, naming=(n,)))
        return out

    low = (DEFAULT.naming_word_low + DEFAULT.naming_word_min) / 2
    evaluative, plain = "banned", "regional"
    assert evaluative_logit(evaluative) >= DEFAULT.naming_evaluative_min > evaluative_logit(plain)
    assert [c["word"] for c in naming_choices(story(evaluative, low), DEFAULT)] == [evaluative]
    assert not naming_choices(story(plain, low), DEFAULT)
    assert "evaluative-word model logit" in naming_choices(story(evaluative, low), DEFAULT)[0]["reason"]


def test_superlatives_set_in_history_are_recorded_and_not_plain_superlatives() -> None:
    from newsprism.stages.naming import record_phrases

    doc = nlp.parse(["It was the region's most lethal earthquake in a generation. The biggest town is quiet. "
                     "Facebook made its largest acquisition ever."])[0]
    found = {n.text: n for n in record_phrases(doc)}
    assert set(found) == {"most lethal earthquake in a generation", "largest acquisition ever"}
    assert found["most lethal earthquake in a generation"].word == "most lethal"
    assert found["largest acquisition ever"].head == "acquisition"


def test_a_record_one_outlet_alone_claims_is_an_evaluative_cue_a_shared_one_is_news() -> None:
    texts = {"blog": "Crowds joined the biggest march in years on Sunday.",
             "wire": "Crowds joined a march on Sunday.", "daily": "A march took place on Sunday."}
    out = add_naming_cues([_article(aid, t) for aid, t in texts.items()], DEFAULT)
    cues = [f for f in out[0].framing if f.cue == "evaluative"]
    assert [f.text for f in cues] == ["biggest march in years"] and "0 of the other 2 articles rank a march so" in cues[0].reason
    shared = {aid: "Crowds joined the biggest march in years on Sunday." for aid in texts}
    out = add_naming_cues([_article(aid, t) for aid, t in shared.items()], DEFAULT)
    assert not [f for a in out for f in a.framing if f.cue == "evaluative"]


def _ents(text: str) -> tuple[Entity, ...]:
    out = []
    for name, eid, etype in (("Zuckerberg", "person:zuckerberg", "PERSON"), ("Facebook", "org:facebook", "ORG")):
        mentions = tuple(Mention(start=m.start(), end=m.end(), text=name) for m in re.finditer(name, text))
        if mentions:
            out.append(Entity(id=eid, name=name, type=etype, mentions=mentions))
    return tuple(out)


def _with_entities(aid: str, text: str) -> AnalyzedArticle:
    art = Article(id=aid, source=aid, text=text, title=aid, outlet=aid, paragraphs=(Paragraph(start=0, end=len(text)),))
    ents = _ents(text)
    return AnalyzedArticle(article=art, entities=ents, naming=tuple(naming_phrases(ents, nlp.parse([text])[0])))


def test_an_institution_one_outlet_alone_names_as_a_persons_is_a_naming_cue() -> None:
    from newsprism.stages.naming import personalised

    text = "Zuckerberg's Facebook bought the app on Sunday."
    found = personalised(_ents(text), nlp.parse([text])[0])
    assert [(n.text, n.word, n.anchors) for n in found] == [("Zuckerberg's Facebook", "Zuckerberg", ("org:facebook",))]
    plain = "Facebook bought the app on Sunday, Zuckerberg said."
    story = [_with_entities("blog", text), _with_entities("wire", plain), _with_entities("daily", plain)]
    cues = [f for f in add_naming_cues(story, DEFAULT)[0].framing if f.cue == "naming"]
    assert [f.text for f in cues] == ["Zuckerberg's Facebook"] and "personalised" in cues[0].reason
    everyone = [_with_entities(aid, text) for aid in ("blog", "wire", "daily")]
    assert not [f for a in add_naming_cues(everyone, DEFAULT) for f in a.framing if f.cue == "naming"]


def test_an_actor_no_other_outlet_names_counts_for_a_judgement_not_for_a_role() -> None:
    def story(phrase: str, word: str, head: str) -> list[AnalyzedArticle]:
        text = f"On Sunday {phrase} spoke to reporters."
        at = text.find(phrase)
        n = NamingPhrase(start=at, end=at + len(phrase), text=phrase, head=head, anchors=("person:ana",),
                         kind="actor", word=word, score=0.9)
        ana = Entity(id="person:ana", name="Ana Ruiz", type="PERSON",
                     mentions=(Mention(start=text.find("Ana Ruiz"), end=text.find("Ana Ruiz") + 8, text="Ana Ruiz"),))
        art = Article(id="blog", source="blog", text=text, title="blog", outlet="blog",
                      paragraphs=(Paragraph(start=0, end=len(text)),))
        return [AnalyzedArticle(article=art, entities=(ana,), naming=(n,)),
                _article("wire", "Rescuers spoke to reporters on Sunday."),
                _article("daily", "Reporters heard from rescuers on Sunday.")]

    assert not naming_choices(story("Ana Ruiz, a volunteer rescuer", "rescuer", "rescuer"), DEFAULT)
    found = naming_choices(story("the furious Ana Ruiz", "furious", "furious"), DEFAULT)
    assert [c["word"] for c in found] == ["furious"] and "none of them names it" in found[0]["reason"]


def test_an_adverb_of_how_a_participle_came_about_is_no_charged_word() -> None:
    from newsprism.stages.naming import actor_descriptions

    text = "Yesterday the democratically elected mayor Ana Ruiz spoke. Later the shamelessly corrupt mayor Ana Ruiz left."
    doc = nlp.parse([text])[0]
    ana = Entity(id="person:ana", name="Ana Ruiz", type="PERSON",
                 mentions=tuple(Mention(start=m.start(), end=m.end(), text="Ana Ruiz") for m in re.finditer("Ana Ruiz", text)))
    words = [n.word for n in actor_descriptions([ana], doc)]
    assert "democratically" not in words and words  # "elected" or "mayor" instead
    assert any(w in ("shamelessly", "corrupt") for w in words)


def test_a_word_of_the_actors_own_title_is_no_naming_choice() -> None:
    def story(word: str, roles: tuple[str, ...]) -> list[AnalyzedArticle]:
        text = f"On Sunday Ana Ruiz, the {word} executive of Acme, spoke to reporters."
        at = text.find("Ana Ruiz")
        phrase = f"Ana Ruiz, the {word} executive of Acme"
        n = NamingPhrase(start=at, end=at + len(phrase), text=phrase, head="executive", anchors=("person:ana",),
                         kind="actor", word=word, score=0.9)
        ana = Entity(id="person:ana", name="Ana Ruiz", type="PERSON", roles=roles,
                     mentions=(Mention(start=at, end=at + 8, text="Ana Ruiz"),))
        art = Article(id="blog", source="blog", text=text, title="blog", outlet="blog",
                      paragraphs=(Paragraph(start=0, end=len(text)),))
        return [AnalyzedArticle(article=art, entities=(ana,), naming=(n,)),
                _article("wire", "Acme spoke to reporters on Sunday."), _article("daily", "Acme said little.")]

    assert not naming_choices(story("chief", ("Chief Executive",)), DEFAULT)
    assert [c["word"] for c in naming_choices(story("chief", ()), DEFAULT)] == ["chief"]  # no title learned
    assert [c["word"] for c in naming_choices(story("disgraced", ("Chief Executive",)), DEFAULT)] == ["disgraced"]


def test_a_piece_of_a_hyphenated_word_is_no_charged_word_on_its_own() -> None:
    from newsprism.stages.naming import actor_descriptions

    text = "Yesterday the bomb-sniffing veteran Ana Ruiz spoke to reporters."
    ana = Entity(id="person:ana", name="Ana Ruiz", type="PERSON",
                 mentions=(Mention(start=text.find("Ana Ruiz"), end=text.find("Ana Ruiz") + 8, text="Ana Ruiz"),))
    words = [n.word for n in actor_descriptions([ana], nlp.parse([text])[0])]
    assert words and not {"bomb", "sniffing"} & set(words)
