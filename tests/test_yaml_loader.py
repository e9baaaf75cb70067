from generator.load.yamlload import load_yaml_bytes, load_yaml_text


def codes(loaded):
    return [(f.code, f.line) for f in loaded.findings]


def test_duplicate_key_is_reported_at_the_second_occurrence():
    loaded = load_yaml_text("a: 1\nb: 2\na: 3\n", "x.yml")
    assert codes(loaded) == [("YAML-DUPLICATE-KEY", 3)]
    assert "dòng 1" in loaded.findings[0].message


def test_yes_no_stay_words_and_leading_zero_numbers_stay_text():
    loaded = load_yaml_text("answer: no\nphone: 0912345678\ncode: 0123\nn: 42\nok: true\n", "x.yml")
    assert loaded.data == {"answer": "no", "phone": "0912345678", "code": "0123", "n": 42, "ok": True}


def test_bom_and_crlf_are_accepted():
    loaded = load_yaml_bytes("\ufeffname: Phúc Sơn\r\nkind: xa\r\n".encode("utf-8"), "x.yml")
    assert loaded.ok and loaded.data == {"name": "Phúc Sơn", "kind": "xa"}
    assert loaded.locate(("kind",)) == (2, 1)


def test_nfd_text_is_normalised_and_noted():
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Đảng ủy")
    loaded = load_yaml_text(f"name: {nfd}\n", "x.yml")
    assert loaded.data["name"] == "Đảng ủy"
    assert codes(loaded) == [("TEXT-NOT-NFC", 1)]


def test_alias_bomb_is_refused():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    loaded = load_yaml_text("\n".join(lines) + "\n", "bomb.yml")
    assert not loaded.ok
    assert codes(loaded)[0][0] == "YAML-ALIAS-BOMB"


def test_small_aliases_are_fine():
    loaded = load_yaml_text("base: &b {x: 1}\nuse: *b\n", "x.yml")
    assert loaded.ok and loaded.data["use"] == {"x": 1}


def test_python_tags_are_refused():
    loaded = load_yaml_text("x: !!python/object/apply:os.system ['echo hi']\n", "x.yml")
    assert not loaded.ok and codes(loaded) == [("YAML-UNSAFE-TAG", 1)]


def test_locations_are_kept_for_nested_keys():
    loaded = load_yaml_text("groups:\n  - name: A\n    households: 40\n", "x.yml")
    assert loaded.locate(("groups", 0, "households")) == (3, 5)
    assert loaded.locate(("groups", 0, "missing")) == (2, 5)
