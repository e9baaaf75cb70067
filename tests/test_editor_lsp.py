"""VS Code's YAML engine on a content repository, for real: the pinned yaml-language-server
(npm) over LSP, a temporary folder laid out as a content repository (schemas/ as `handbook
schema --out` writes them, .vscode/settings.json from generator/produce/editor_settings.py,
handed to the server through workspace/configuration as VS Code does), and a team file with no
first-line `# yaml-language-server` comment. Its diagnostics are located and Vietnamese, never a
raw regular expression; completion offers the team's keys with Vietnamese documentation."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.produce.editor_settings import vscode_files
from lsp import SERVER, YamlServer

pytestmark = pytest.mark.slow

VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I)
RAW_REGEX = re.compile(r"\^\\s|\\d\{|\[a-z0-9\]|\(\?|\$\"")

BROKEN_TEAM = """\
id: to-thon-dong
founding_decision:
  number: 12-QĐ/ĐU
  date: 2023/02/15
  issuer: Đảng ủy xã A
members:
  - id: nguyen-van-an
    family_name: Nguyễn
    given_name: An
    team_role: truong_to
zalo_grup: true
meetings:
  - date: 05/01/2024
    attendees: -3
"""
# line (0-based) of each deliberate error
DATE_LINE, ROLE_LINE, MISSPELT_LINE, BOUND_LINE = 3, 9, 10, 13


def _content_repository(tmp_path: Path) -> tuple[Path, dict]:
    """A content repository as a province gets it: made by `handbook new` (its schemas/ and
    .vscode/settings.json, the file VS Code would read the settings from)."""
    repo = tmp_path / "kho-noi-dung"
    made = subprocess.run([sys.executable, "-m", "generator", "new", str(repo), "--province", "Hà Tĩnh", "--repo",
                           "bdv-ht/so-tay", "--tool-url", "https://git.example.org/dan-van-handbook.git"],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert made.returncode == 0, made.stderr
    assert (repo / ".vscode" / "settings.json").read_text(encoding="utf-8") == vscode_files()[".vscode/settings.json"]
    settings = json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    return repo, settings


@pytest.fixture
def repo(tmp_path):
    if not SERVER.is_file():
        pytest.fail("yaml-language-server is missing from node_modules/: run `npm ci` (make setup)")
    return _content_repository(tmp_path)


def test_a_broken_team_file_gets_located_vietnamese_diagnostics(repo):
    root, settings = repo
    team = root / "data" / "teams" / "xa-a" / "to-thon-dong.yml"
    team.parent.mkdir(parents=True)
    team.write_text(BROKEN_TEAM, encoding="utf-8")
    assert not BROKEN_TEAM.startswith("#")  # no modeline: the association comes from the settings
    with YamlServer(root, settings) as server:
        server.open(team, BROKEN_TEAM)
        diagnostics = server.diagnostics(team)
        assert server.configuration_requests >= 1  # the settings reached it as VS Code sends them
    by_line: dict[int, list[str]] = {}
    for d in diagnostics:
        by_line.setdefault(d["range"]["start"]["line"], []).append(d["message"])
    for d in diagnostics:
        assert VIETNAMESE.search(d["message"]), d
        assert not RAW_REGEX.search(d["message"]), d
        assert "Missing property" not in d["message"] and "not allowed" not in d["message"], d
    date = " ".join(by_line.get(DATE_LINE, []))
    assert "dd/mm/yyyy" in date and "Ngày quyết định" in date, by_line
    role = " ".join(by_line.get(ROLE_LINE, []))
    assert "to_truong (tổ trưởng)" in role and "Vai trò trong Tổ" in role, by_line
    misspelt = " ".join(by_line.get(MISSPELT_LINE, []))
    assert "zalo_group (Có nhóm Zalo)" in misspelt and "sai chính tả" in misspelt, by_line
    missing = [m for m in by_line.get(0, []) if "Thiếu khóa bắt buộc" in m]
    assert any("“Thôn, tổ dân phố” (village)" in m for m in missing), by_line
    bound = " ".join(by_line.get(BOUND_LINE, []))
    assert "“Số người dự” (attendees)" in bound and "từ 0 trở lên" in bound, by_line
    assert len(diagnostics) == 5, by_line  # nothing else: the valid lines raise nothing


def test_completion_offers_the_team_keys_with_vietnamese_documentation(repo):
    root, settings = repo
    team = root / "data" / "teams" / "xa-a" / "to-thon-dong.yml"
    team.parent.mkdir(parents=True)
    text = "id: to-thon-dong\nvillage: xa-a-thon-dong\n\n"
    team.write_text(text, encoding="utf-8")
    with YamlServer(root, settings) as server:
        server.open(team, text)
        server.diagnostics(team)
        items = server.completion(team, 2, 0)
        hover = server.hover(team, 1, 2)
    labels = {item["label"]: item for item in items}
    for key in ("founding_decision", "members", "groups", "zalo_group", "ratings", "meetings", "activities"):
        assert key in labels, sorted(labels)
    assert "id" not in labels and "village" not in labels  # already there
    doc = labels["founding_decision"].get("documentation")
    text_of = doc.get("value", "") if isinstance(doc, dict) else (doc or "")
    assert "Quyết định thành lập" in text_of and VIETNAMESE.search(text_of), labels["founding_decision"]
    zalo = labels["zalo_group"].get("documentation")
    assert "nhóm Zalo" in (zalo.get("value", "") if isinstance(zalo, dict) else zalo), labels["zalo_group"]
    hover_text = json.dumps(hover, ensure_ascii=False)
    assert "Thôn, tổ dân phố" in hover_text, hover
