from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8")


def break_team(project: Path) -> None:
    team = project / "data" / "teams" / "xa-a" / "to-thon-1.yml"
    team.write_text(team.read_text(encoding="utf-8").replace("households: 40", "housholds: 40"), encoding="utf-8")


def test_clean_project_exits_zero(base_project):
    result = run("check", "--root", str(base_project))
    assert result.returncode == 0, result.stdout
    assert "0 lỗi, 0 cảnh báo" in result.stdout


def test_errors_exit_one_and_show_the_offending_line(base_project):
    break_team(base_project)
    result = run("check", "--root", str(base_project))
    assert result.returncode == 1
    assert "data/teams/xa-a/to-thon-1.yml:41:5: LỖI [SCHEMA-UNKNOWN-KEY]" in result.stdout
    assert "housholds: 40" in result.stdout  # the line itself is shown
    assert "Có phải ý bạn là “households”?" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_usage_error_exits_two_in_vietnamese(tmp_path):
    result = run("check", "--format", "xml")
    assert result.returncode == 2
    result = run("check", "--root", str(tmp_path))
    assert result.returncode == 2
    assert "Không thấy thư mục data/" in result.stderr


def test_strict_makes_warnings_fatal(base_project):
    team = base_project / "data" / "teams" / "xa-a" / "to-thon-1.yml"
    team.write_text(team.read_text(encoding="utf-8").replace("households: 40", "households: 60"), encoding="utf-8")
    assert run("check", "--root", str(base_project)).returncode == 0
    assert run("check", "--strict", "--root", str(base_project)).returncode == 1


def test_json_format(base_project):
    break_team(base_project)
    result = run("check", "--format", "json", "--root", str(base_project))
    payload = json.loads(result.stdout)
    assert payload["valid"] is False
    finding = next(f for f in payload["findings"] if f["code"] == "SCHEMA-UNKNOWN-KEY")
    assert finding["file"] == "data/teams/xa-a/to-thon-1.yml" and finding["line"] == 41 and finding["column"] == 5
    assert finding["severity"] == "error" and finding["path"] == "groups[1].housholds"


GITHUB_LINE = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[A-Z0-9-]+::[^\n\r]+$")


def test_github_format_follows_workflow_command_syntax(base_project):
    break_team(base_project)
    team = base_project / "data" / "teams" / "xa-a" / "to-thon-2.yml"
    team.write_text(team.read_text(encoding="utf-8").replace("households: 40", "households: 60"), encoding="utf-8")
    result = run("check", "--format", "github", "--root", str(base_project))
    lines = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert any(line.startswith("::error ") for line in lines)
    assert any(line.startswith("::warning ") for line in lines)
    for line in lines:
        assert GITHUB_LINE.match(line), line
    assert "::error file=data/teams/xa-a/to-thon-1.yml,line=41,col=5,title=SCHEMA-UNKNOWN-KEY::" in result.stdout
    assert "%0ACách sửa:" in result.stdout  # newlines are escaped, not raw


def test_help_is_vietnamese():
    result = run("--help")
    assert result.returncode == 0
    assert "Kiểm tra toàn bộ dữ liệu" in result.stdout
    usage = result.stdout.splitlines()[0]
    assert usage.startswith("Cách dùng: ") and usage.endswith(" [TÙY CHỌN] LỆNH [ĐỐI SỐ]..."), usage  # not click's English
    assert "Liệt kê các quy tắc" in result.stdout


COMMANDS = ["build", "check", "cms", "codes", "coverage", "diff", "fmt", "import", "new", "pdf", "report", "rules", "schema",
            "serve", "stats", "synth", "template"]


def test_the_entry_point_registers_every_command():
    """The commands live in generator/cli/commands_*.py and register themselves when imported;
    the entry point pyproject names (generator.cli.main:main) must import every one of them."""
    from generator.cli.main import main

    assert sorted(main.commands) == COMMANDS
    listed = run("--help").stdout.split("Lệnh:", 1)[1]
    assert [line.split()[0] for line in listed.splitlines() if line.startswith("  ") and line[2] != " "] == COMMANDS


def test_rules_lists_every_rule_with_its_clause():
    result = run("rules", "--format", "json")
    rules = json.loads(result.stdout)
    assert len(rules) >= 25
    for rule in rules:
        assert rule["clause"] and rule["document"] and rule["severity"] in ("error", "warning", "info")
    codes = {r["code"] for r in rules}
    assert {"TEAM-GROUP-SIZE", "TEAM-GROUP-HOUSEHOLDS", "BLOC-SIZE", "ASSIGN-WEEKEND-DAY", "PHOTO-APPROVAL"} <= codes


def test_rule_severity_can_be_overridden_or_turned_off(base_project):
    team = base_project / "data" / "teams" / "xa-a" / "to-thon-1.yml"
    team.write_text(team.read_text(encoding="utf-8").replace("households: 40", "households: 60"), encoding="utf-8")
    config = base_project / "data" / "config.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original + "rules:\n  TEAM-GROUP-HOUSEHOLDS: error\n", encoding="utf-8")
    assert run("check", "--root", str(base_project)).returncode == 1
    config.write_text(original + "rules:\n  TEAM-GROUP-HOUSEHOLDS: off\n", encoding="utf-8")
    result = run("check", "--root", str(base_project))
    assert result.returncode == 0 and "TEAM-GROUP-HOUSEHOLDS" not in result.stdout


def test_stats_json_counts_entities(base_project):
    result = run("stats", "--format", "json", "--root", str(base_project))
    stats = json.loads(result.stdout)
    assert stats["teams"] == 2 and stats["team_members"] == 8 and stats["blocs"] == 1
    assert stats["qa_items"] == 1 and stats["units"]["by_level"]["thon"] == 2
