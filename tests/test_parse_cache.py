"""nlp.parse_cached: the comparison's shared parse cache (a Doc per text and set of disabled components)."""

from __future__ import annotations

from dataclasses import replace

from newsprism import nlp


def test_parse_cached_reuses_a_doc_and_parses_only_the_new_texts(monkeypatch) -> None:
    nlp._parse_cache.clear()
    parsed: list[list[str]] = []
    real = nlp.parse

    def counting(texts, batch_size=16, disable=()):
        parsed.append(list(texts))
        return real(texts, batch_size=batch_size, disable=disable)

    monkeypatch.setattr(nlp, "parse", counting)
    a = "The mayor opened the new bridge on Monday."
    b = "Engineers said the bridge carries four lanes."
    first = nlp.parse_cached([a], disable=("ner",))
    both = nlp.parse_cached([b, a, b], disable=("ner",))
    assert parsed == [[a], [b]]
    assert both[1] is first[0] and both[0] is both[2]
    assert [t.lemma_ for t in both[1]] == [t.lemma_ for t in real([a], disable=("ner",))[0]]
    # another set of disabled components is another parse: a Doc without NER never answers for one with it
    full = nlp.parse_cached([a])
    assert parsed[-1] == [a] and full[0] is not first[0]
    assert [e.text for e in full[0].ents] and not list(first[0].ents)


def test_parse_cached_keeps_at_most_its_size(monkeypatch) -> None:
    nlp._parse_cache.clear()
    monkeypatch.setattr(nlp, "DEFAULT", replace(nlp.DEFAULT, parse_cache_size=2))
    texts = ["Rain fell in Paris.", "Snow fell in Oslo.", "Hail fell in Rome."]
    nlp.parse_cached(texts)
    assert len(nlp._parse_cache) == 2 and ((), texts[0]) not in nlp._parse_cache
