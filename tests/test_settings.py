"""Settings precedence: defaults < config file < environment < command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcm_review.errors import SettingsError
from gcm_review.settings import SETTINGS, Setting, Settings, finite_number, load_settings


def test_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(environ={}) == Settings()


def test_precedence(tmp_path: Path) -> None:
    config = tmp_path / "gcm-review.toml"
    config.write_text('database_url = "sqlite:///from-file.db"\nmax_file_mb = 5\n')
    from_file = load_settings(environ={}, config_file=config)
    assert from_file.database_url == "sqlite:///from-file.db"
    assert from_file.max_file_mb == 5.0
    env = {"DATABASE_URL": "sqlite:///from-env.db", "GCM_REVIEW_MAX_FILE_MB": "7"}
    from_env = load_settings(environ=env, config_file=config)
    assert (from_env.database_url, from_env.max_file_mb) == ("sqlite:///from-env.db", 7.0)
    from_cli = load_settings(environ=env, config_file=config, overrides={"max_file_mb": 9.0})
    assert from_cli.max_file_mb == 9.0
    assert from_cli.max_file_bytes == 9_000_000


def test_config_file_from_environment(tmp_path: Path) -> None:
    config = tmp_path / "other.toml"
    config.write_text("[gcm-review]\nmax-file-mb = 3\n")
    settings = load_settings(environ={"GCM_REVIEW_CONFIG": str(config)})
    assert settings.max_file_mb == 3.0


@pytest.mark.parametrize(
    ("content", "message"),
    [("max_file_mb = -1\n", "invalid value"), ("colour = 'red'\n", "unknown setting")],
)
def test_bad_config_is_a_settings_error(tmp_path: Path, content: str, message: str) -> None:
    config = tmp_path / "gcm-review.toml"
    config.write_text(content)
    with pytest.raises(SettingsError, match=message):
        load_settings(environ={}, config_file=config)


def test_every_setting_is_a_field_with_the_same_default() -> None:
    defaults = Settings()
    for setting in SETTINGS:
        assert getattr(defaults, setting.name) == setting.default


def test_attention_rule_from_config(tmp_path: Path) -> None:
    config = tmp_path / "gcm-review.toml"
    config.write_text('attention_greatest_share = "60%"\nattention_some_share = 0.3\n')
    settings = load_settings(config_file=config, environ={})
    assert settings.attention_rule.greatest_share == 0.6
    assert settings.attention_rule.some_share == 0.3
    assert "at least 60%" in settings.attention_rule.describe()


@pytest.mark.parametrize(("greatest", "some"), [("1.5", "0.2"), ("0", "0.1")])
def test_attention_share_out_of_range(greatest: str, some: str) -> None:
    environ = {
        "GCM_REVIEW_ATTENTION_GREATEST_SHARE": greatest,
        "GCM_REVIEW_ATTENTION_SOME_SHARE": some,
    }
    with pytest.raises(SettingsError, match="attention_greatest_share"):
        load_settings(environ=environ)


def test_some_above_greatest_is_refused() -> None:
    settings = load_settings(
        overrides={"attention_greatest_share": 0.2, "attention_some_share": 0.4}, environ={}
    )
    with pytest.raises(SettingsError, match="attention_some_share"):
        _ = settings.attention_rule


NUMERIC_SETTINGS = [s for s in SETTINGS if isinstance(s.default, float)]


@pytest.mark.parametrize("setting", NUMERIC_SETTINGS, ids=lambda s: s.name)
@pytest.mark.parametrize("raw", ["nan", "inf", "-inf", "NaN", "Infinity", "1e999", "ten"])
def test_every_numeric_setting_refuses_non_finite_values(setting: Setting, raw: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(environ={setting.env_name: raw}, config_file=None)
    line = caught.value.one_line()
    assert "\n" not in line
    assert setting.env_name in line and setting.name in line
    assert "finite" in line or "number" in line


@pytest.mark.parametrize("raw", [float("nan"), float("inf")])
def test_command_line_values_are_parsed_like_the_others(raw: float) -> None:
    with pytest.raises(SettingsError, match="--max-file-mb: .*finite"):
        load_settings(environ={}, config_file=None, overrides={"max_file_mb": raw})


def test_config_file_nan_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "gcm-review.toml"
    config.write_text("max_file_mb = nan\nrepair_max_share = inf\n")  # both valid TOML
    with pytest.raises(SettingsError, match="finite"):
        load_settings(environ={}, config_file=config)


@pytest.mark.parametrize(
    ("text", "value"), [("1", 1.0), (" 2.5 ", 2.5), ("-3", -3.0), ("1e3", 1000.0)]
)
def test_finite_number_reads_plain_numbers(text: str, value: float) -> None:
    assert finite_number(text) == value


@pytest.mark.parametrize("text", ["nan", "inf", "-Infinity", "1e400", "", "x"])
def test_finite_number_refuses_the_rest(text: str) -> None:
    with pytest.raises(ValueError, match="number"):
        finite_number(text)


def test_a_config_file_whose_section_is_not_a_table_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "gcm-review.toml"
    config.write_text('gcm-review = "sqlite:///x.db"\n')
    with pytest.raises(SettingsError, match="must be a table of settings"):
        load_settings(environ={}, config_file=config)


@pytest.mark.parametrize(
    "name",
    ["max_file_mb", "max_decompressed_mb", "max_read_seconds", "max_read_memory_mb"],
)
@pytest.mark.parametrize("raw", ["nan", "inf", "-1", "0", "lots"])
def test_limits_refuse_values_that_are_not_finite_and_positive(name: str, raw: str) -> None:
    variable = f"GCM_REVIEW_{name.upper()}"
    with pytest.raises(SettingsError) as caught:
        load_settings(environ={variable: raw}, config_file=None)
    message = caught.value.one_line()
    assert "\n" not in message
    assert message.startswith(f"{variable}: invalid value {raw!r} for {name}")


@pytest.mark.parametrize("name", ["max_nesting_depth", "max_paragraphs"])
@pytest.mark.parametrize("raw", ["-5", "0", "1.5", "nan"])
def test_count_limits_are_whole_positive_numbers(name: str, raw: str) -> None:
    with pytest.raises(SettingsError, match=f"invalid value {raw!r} for {name}"):
        load_settings(environ={f"GCM_REVIEW_{name.upper()}": raw}, config_file=None)


def test_limits_are_read_from_the_environment() -> None:
    settings = load_settings(
        environ={"GCM_REVIEW_MAX_PARAGRAPHS": "10_000", "GCM_REVIEW_MAX_DECOMPRESSED_MB": "2.5"},
        config_file=None,
    )
    assert (settings.max_paragraphs, settings.max_decompressed_bytes) == (10_000, 2_500_000)
