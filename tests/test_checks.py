"""Internal checks on text the tests write."""

from newsprism.stages.checks import acronym_fits, acronym_issues, edits1, transpositions


def test_checks_acronyms():
    text = ("Officials from the World Health Organization (WHO) met the International Monetary Fund (IMF) "
            "and the Asia-Pacific Economic Cooperation Forum (APEC), but not the World Trade Organization (WHO). "
            "DENVER (AP) reported it.")
    issues = acronym_issues(text)
    assert len(issues) == 1
    assert issues[0].text == "World Trade Organization (WHO)" and "WTO" in issues[0].reason


def test_checks_acronym_fits_skips_small_words():
    assert acronym_fits(list("TUE"), ["Technical", "University", "of", "Estmark"])
    assert not acronym_fits(list("EIF"), ["European", "Investment", "Bank"])


def test_checks_edits():
    assert "form" in transpositions("from")
    assert "disaster" in edits1("disater")
