from pathlib import Path

import pytest

from generator.core.text import collation_key, fold, legacy_encoding, name_sort_key

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize("text, expected", [
    ("Ban ChÊp hµnh", "tcvn3"),
    ("§¶ng ñy", "tcvn3"),
    ("Ban Chaáp haønh", "vni"),
    ("Vieät Nam", "vni"),
    ("coâng taùc daân vaän", "vni"),
    ("Ä‘áº£ng á»§y", "utf8-as-cp1252"),
    ("Ban Chấp hành Trung ương Đảng", None),
    ("gió mùa, hoà hợp, quá khuya, thuý, quê, xuân, yêu, xoong, què, hoặc, khoẻ", None),
    ("Diện tích 200 m², nhiệt độ 30°C", None),
])
def test_legacy_encoding_detection(text, expected):
    assert legacy_encoding(text) == expected


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source documents not beside the repository")
def test_no_false_legacy_alarm_on_the_source_documents():
    for seed in SEEDS.glob("*.txt"):
        for line in seed.read_text(encoding="utf-8").splitlines():
            assert legacy_encoding(line) is None, (seed.name, line)


def test_fold_maps_d_stroke_and_strips_marks():
    assert fold("Đảng ủy") == "dang uy"
    assert fold("Dân vận khéo") == "dan van kheo"
    assert fold("ĐƯỜNG") == "duong"


def test_vietnamese_collation_puts_d_stroke_after_d_and_before_e():
    words = ["Zung", "Đức", "Dũng", "Ân", "An", "Ánh", "Anh", "Ê-đê", "Bình"]
    assert sorted(words, key=collation_key) == ["An", "Anh", "Ánh", "Ân", "Bình", "Dũng", "Đức", "Ê-đê", "Zung"]


def test_names_sort_by_given_name_then_middle_then_family():
    people = [("Nguyễn", "Văn", "Bình"), ("Trần", "Thị", "An"), ("Lê", "Văn", "An"), ("Đỗ", None, "Đức")]
    ordered = sorted(people, key=lambda p: name_sort_key(*p))
    assert ordered == [("Trần", "Thị", "An"), ("Lê", "Văn", "An"), ("Nguyễn", "Văn", "Bình"), ("Đỗ", None, "Đức")]
