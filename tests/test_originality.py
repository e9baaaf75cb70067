"""The originality check on training modules: each handout, trainer notes, activity's
instructions and material's body is measured on its own against the source documents, the
finding sits at the field's line, and fields too short for a meaningful share are skipped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.checks.check import check_project
from generator.checks.originality import LIMIT, MIN_WORDS, module_fields, overlap, project_sources

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"

# A paragraph of the Hải Dương article (the "Ba là" solution on skills), word for word.
SOURCE = (
    "Ba là, thường xuyên củng cố, kiện toàn cơ cấu chức của Tổ dân vận phù hợp với tình hình của địa "
    "phương; tăng cường bồi dưỡng về kỹ năng, nghiệp vụ công tác vận động quần chúng cho các thành "
    "viên Tổ dân vận như: kỹ năng xây dựng và triển khai thực hiện kế hoạch công tác; kỹ năng tổ "
    "chức điều hành các cuộc họp ở  thôn, khu dân cư; kỹ năng truyền đạt, kỹ năng giải quyết mâu "
    "thuẫn, kỹ năng hoà giải, kỹ năng quan sát...\n"
)

# The handout copies the paragraph with a line of ours before it.
COPIED = "Trong buổi này chúng ta bàn về kỹ năng.\n\n" + SOURCE

# The same facts in our own words (names of the skills kept as the source lists them).
REWORDED = (
    "Giải pháp thứ ba của bài viết là lo cho con người của tổ: sắp xếp lại tổ khi địa phương thay đổi, và "
    "mở lớp để các thành viên làm việc với dân giỏi hơn. Bài viết kể ra những việc cần rèn: lập và làm theo "
    "kế hoạch; điều khiển một buổi họp ở thôn cho gọn; nói cho bà con hiểu; gỡ mâu thuẫn và hòa giải khi "
    "hàng xóm va chạm; để ý thấy sớm chuyện bất thường. Làm được vậy thì việc nhỏ được gỡ ngay ở thôn.\n")


def _indent(text: str, spaces: int) -> str:
    return "".join(" " * spaces + line + "\n" if line else "\n" for line in text.splitlines())


def _module(handout: str, instructions: str = "Chia lớp thành bốn nhóm, mỗi nhóm nhận một tình huống.",
            body: str = "Ô 1: thấy gì. Ô 2: nghe gì.") -> str:
    return f"""id: cd-mau
title: Chuyên đề mẫu
audiences: [to_truong]
duration_minutes: 60
objectives: [Biết các kỹ năng cần bồi dưỡng]
outline: [{{title: Giới thiệu, minutes: 60}}]
activities:
  - kind: thao_luan
    title: Thảo luận nhóm
    minutes: 20
    instructions: |
{_indent(instructions, 6)}    materials: [phieu-mau]
materials:
  - id: phieu-mau
    kind: phieu
    title: Phiếu mẫu
    body: |
{_indent(body, 6)}handout: |
{_indent(handout, 2)}trainer_notes: Nhắc học viên mang sổ.
sources: [{{doc: de-an-to-dvcd-bac-giang, section: P2.III.2}}]
"""


def _project(root: Path, module: str) -> Path:
    (root / "sources").mkdir()
    (root / "sources" / "bai-viet.txt").write_text(SOURCE, encoding="utf-8")
    registry = root / "data" / "documents.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "    scope: tinh\n", "    scope: tinh\n    short_name: Bài Tổ dân vận Hải Dương\n    source_file: bai-viet.txt\n", 1),
        encoding="utf-8")
    path = root / "content" / "modules" / "cd-mau.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(module, encoding="utf-8")
    return path


# Key paths are shown 1-based (format_path), as editors count.
def _originality(root: Path) -> list:
    _, report = check_project(root)
    return [f for f in report.findings if f.code == "CONTENT-ORIGINALITY"]


def _line_of(path: Path, key: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if re.match(rf"\s*(- )?{key}:", line))


def test_a_handout_copying_a_source_paragraph_is_flagged_at_the_handout(base_project):
    path = _project(base_project, _module(COPIED))
    found = _originality(base_project)
    assert [(f.severity.value, f.file, f.line, f.path) for f in found] == [
        ("warning", "content/modules/cd-mau.yml", _line_of(path, "handout"), "handout")]
    share = float(re.search(r"có ([\d,]+)% số chữ", found[0].message).group(1).replace(",", "."))
    assert share > 80
    assert found[0].message.startswith("Tài liệu phát tay")
    assert "Bài Tổ dân vận Hải Dương" in found[0].message and "40%" in found[0].message


def test_a_reworded_handout_passes(base_project):
    _project(base_project, _module(REWORDED))
    assert _originality(base_project) == []


def test_activity_instructions_and_material_bodies_are_measured_each_at_its_line(base_project):
    path = _project(base_project, _module(REWORDED, instructions=COPIED, body=COPIED))
    found = _originality(base_project)
    assert sorted((f.line, f.path) for f in found) == [
        (_line_of(path, "instructions"), "activities[1].instructions"),
        (_line_of(path, "body"), "materials[1].body")]
    assert {f.message.split(" có ")[0] for f in found} == {
        "Hướng dẫn của hoạt động “Thảo luận nhóm”", "Nội dung của tài liệu “Phiếu mẫu”"}


def test_each_field_is_measured_on_its_own(base_project):
    """A copied handout is not diluted by long own-words fields elsewhere in the module."""
    long_own = "\n".join([REWORDED] * 3)
    all_text = "\n".join([COPIED, long_own, long_own])
    assert overlap(all_text, _sources()).share < LIMIT  # the module as one text would pass
    _project(base_project, _module(COPIED, instructions=long_own, body=long_own))
    assert [f.path for f in _originality(base_project)] == ["handout"]


def test_a_field_under_the_minimum_is_skipped_even_when_copied(base_project):
    short = " ".join(SOURCE.split()[:MIN_WORDS - 5])  # word for word, but a few lines only
    assert overlap(short, _sources()).share > 0.9
    _project(base_project, _module(REWORDED, instructions=short, body=short))
    assert _originality(base_project) == []


def test_a_copied_qa_answer_still_fails(base_project):
    """The crafted answer copied from a source is still caught once modules are measured too."""
    _project(base_project, _module(REWORDED))
    qa = base_project / "content" / "qa" / "chu-de" / "cau-mau.md"
    front = qa.read_text(encoding="utf-8").split("---\n")[1]
    qa.write_text("---\n" + front + "---\n" + COPIED, encoding="utf-8")
    found = _originality(base_project)
    assert [(f.file, f.path) for f in found] == [("content/qa/chu-de/cau-mau.md", "answer")]
    assert found[0].message.startswith("Câu trả lời")


def _sources():
    from generator.checks.originality import Sources
    sources = Sources()
    sources.add("Bài Tổ dân vận Hải Dương", SOURCE)
    return sources


def test_no_module_field_of_the_real_content_leans_on_the_sources():
    if not SEEDS.is_dir():
        pytest.skip("source documents not beside the repository")
    ds, _ = check_project(ROOT)
    sources = project_sources(ds)
    over = {}
    for mid, at in sorted(ds.modules.items()):
        for sub, _, text in module_fields(at):
            ov = overlap(text, sources)
            if ov.words >= MIN_WORDS and ov.share > LIMIT:
                over[f"{mid}: {'.'.join(map(str, sub))}"] = round(ov.share, 3)
    assert over == {}
