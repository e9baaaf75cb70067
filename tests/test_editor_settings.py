"""Editors outside this repository: the schemas' Vietnamese messages (every property, object and
required field, patterns in words) and the VS Code settings a content repository gets, derived
from the file kinds; this repository's own .vscode/ is what the function writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.produce.editor_settings import vscode_files
from generator.schema.common import PATTERN_WORDS
from generator.schema.filekinds import KINDS
from generator.schema.jsonschema import schema_for

ROOT = Path(__file__).resolve().parents[1]
VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I)


def _objects(schema: dict):
    yield "", schema
    for name, definition in schema.get("$defs", {}).items():
        if "properties" in definition:
            yield name, definition


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_every_property_object_and_required_field_has_a_vietnamese_message(kind):
    schema = schema_for(kind)
    for where, obj in _objects(schema):
        assert isinstance(obj["errorMessage"], str) and VIETNAMESE.search(obj["errorMessage"]), where
        assert "required" not in obj, f"{where}: required names stay in allOf, each with its message"
        for rule in obj.get("allOf", ()):
            (name,) = rule["required"]
            assert f"({name})" in rule["errorMessage"] and rule["errorMessage"].startswith("Thiếu khóa bắt buộc"), rule
        for name, prop in obj["properties"].items():
            # a string: yaml-language-server shows `errorMessage` as is and reads no keyword-keyed object
            assert isinstance(prop["errorMessage"], str) and f"({name})" in prop["errorMessage"], (where, name)
            assert VIETNAMESE.search(prop["errorMessage"]) and VIETNAMESE.search(prop["markdownDescription"]), (where, name)
            for place in [prop.get("items")] + list(prop.get("anyOf", ())):
                if isinstance(place, dict) and place != {"type": "null"}:
                    assert place["errorMessage"] == prop["errorMessage"], (where, name)
    for name, definition in schema.get("$defs", {}).items():
        if "enum" in definition:
            assert VIETNAMESE.search(definition["errorMessage"]), name
            assert len(definition["markdownEnumDescriptions"]) == len(definition["enum"]), name


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_patterns_are_described_in_words_never_shown_as_expressions(kind):
    text = json.dumps(schema_for(kind), ensure_ascii=False)
    schema = json.loads(text)
    patterns = set(re.findall(r'"pattern": ("(?:[^"\\]|\\.)*")', text))
    for pattern in map(json.loads, patterns):
        assert pattern in PATTERN_WORDS, pattern
    messages = re.findall(r'"errorMessage": ("(?:[^"\\]|\\.)*")', text)
    assert messages
    for message in map(json.loads, messages):
        for pattern in PATTERN_WORDS:
            assert pattern not in message
        assert not re.search(r"\\[sd]|\[a-z0-9\]|\^", message), message
    assert schema["$schema"].endswith("2020-12/schema")


def test_the_date_and_code_patterns_read_as_an_editor_would_say_them():
    from generator.schema.jsonschema import schema_for as s
    from generator.schema.filekinds import BY_NAME

    team = s(BY_NAME["team"])
    date = team["$defs"]["FoundingDecision"]["properties"]["date"]["errorMessage"]
    assert "dd/mm/yyyy" in date and "03/6/2013" in date and "“Ngày quyết định” (date)" in date
    village = team["properties"]["village"]["errorMessage"]
    assert "chữ thường không dấu" in village and "gạch ngang" in village
    assert team["properties"]["exception_note"]["type"] == ["string", "null"]  # folded: our message survives


def test_a_new_pattern_without_words_is_refused():
    from generator.schema.schemamessages import pattern_words

    with pytest.raises(KeyError, match="PATTERN_WORDS"):
        pattern_words(r"^\d+$")


def test_settings_map_every_yaml_kind_to_its_globs_and_fetch_nothing():
    files = vscode_files()
    assert set(files) == {".vscode/settings.json", ".vscode/extensions.json"}
    settings = json.loads(files[".vscode/settings.json"])
    expected = {f"./schemas/{k.name}.schema.json": list(k.patterns) for k in KINDS if not k.markdown}
    assert settings["yaml.schemas"] == expected
    for path in expected:
        assert (ROOT / path).is_file(), path
    assert settings["yaml.schemaStore.enable"] is False
    assert settings["yaml.validate"] is True and settings["yaml.completion"] is True
    assert settings["files.encoding"] == "utf8"
    assert settings["[yaml]"]["editor.tabSize"] == 2 and settings["[yaml]"]["editor.insertSpaces"] is True
    assert json.loads(files[".vscode/extensions.json"]) == {"recommendations": ["redhat.vscode-yaml"]}


def test_settings_can_point_at_another_folder_or_the_published_site():
    other = json.loads(vscode_files("tools/schemas/")[".vscode/settings.json"])["yaml.schemas"]
    assert "./tools/schemas/team.schema.json" in other
    site = json.loads(vscode_files("https://tinh.example/so-tay/schemas")[".vscode/settings.json"])["yaml.schemas"]
    assert site["https://tinh.example/so-tay/schemas/team.schema.json"] == ["data/teams/**/*.yml"]


def test_this_repositorys_vscode_files_are_current():
    for rel, text in vscode_files().items():
        assert (ROOT / rel).read_text(encoding="utf-8") == text, f"{rel} is stale: run `python tools/make_vscode_settings.py`"


def test_the_public_scan_finds_no_personal_data_in_the_published_schemas(tmp_path):
    from generator.build.public_scan import Guard
    from generator.checks.check import check_project
    from generator.model.pii_mask import mask_dataset
    from generator.schema.jsonschema import site_files

    dataset, _ = check_project(ROOT)
    guard = Guard.for_dataset(dataset, mask_dataset(dataset))
    for rel, data in site_files().items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
        assert data == (ROOT / rel).read_bytes()
    assert len(list(tmp_path.rglob("*.schema.json"))) == len(KINDS)
    assert guard.scan(tmp_path) == []


def test_number_bounds_still_hold_but_speak_vietnamese():
    from jsonschema import Draft202012Validator

    from generator.schema.filekinds import BY_NAME

    team = schema_for(BY_NAME["team"])
    households = team["$defs"]["Group"]["properties"]["households"]
    assert not set(households) & {"minimum", "maximum"}
    assert "từ 0 trở lên" in households["then"]["else"]["errorMessage"]
    group = {"$defs": team["$defs"], **team["$defs"]["Group"]}
    validator = Draft202012Validator(group)
    base = {"name": "Nhóm 1", "leader": "a", "members": ["a", "b", "c"]}
    assert not list(validator.iter_errors({**base, "households": 30}))
    assert list(validator.iter_errors({**base, "households": -1}))
    assert list(validator.iter_errors({**base, "households": "ba mươi"}))
