"""Settings: one documented list, validated."""

import pytest

from newsprism.errors import SettingError
from newsprism.settings import DEFAULT, SETTINGS, Settings


def test_settings_every_setting_documented_and_unique():
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    for s in SETTINGS:
        assert s.help.strip().endswith((".", ")")), s.name


def test_settings_overrides_are_coerced_and_validated():
    s = Settings.from_pairs(["max_bytes=1000", "allow_private_urls=yes", "same_fact_min=0.7"])
    assert s.max_bytes == 1000 and s.allow_private_urls is True and s.same_fact_min == 0.7
    with pytest.raises(SettingError):
        DEFAULT.replace(no_such_setting=1)
    with pytest.raises(SettingError):
        Settings(max_bytes="a lot")  # type: ignore[arg-type]
    with pytest.raises(SettingError):
        Settings.from_pairs(["max_bytes=lots"])
    with pytest.raises(SettingError):
        Settings.from_pairs(["max_bytes"])


def test_settings_readme_lists_every_setting():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in readme]
    assert not missing, f"README does not document: {missing}"
