"""`handbook new`: a province's content repository made outside this repository — what it holds,
that it checks clean in both schemes, that it never writes over anything, and that an installed
tool (a wheel, not this checkout) carries the files it copies."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml


ROOT = Path(__file__).resolve().parents[1]
TOOL_URL = "https://git.example.org/ban-dan-van/dan-van-handbook.git"


def handbook(*args, cwd=ROOT, stdin=subprocess.DEVNULL):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", stdin=stdin)


def new_project(target: Path, *extra: str) -> subprocess.CompletedProcess:
    return handbook("new", str(target), "--province", "Thái Nguyên", "--repo", "bdv-thai-nguyen/so-tay",
                    "--tool-url", TOOL_URL, "--tool-ref", "v9.9.9", "--reference-date", "06/12/2026", *extra)


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("new") / "so-tay-thai-nguyen"
    result = new_project(target)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Thái Nguyên" in result.stdout
    return target


def test_the_repository_holds_what_a_province_needs(made):
    for rel in ("data/config.yml", "data/units/thai-nguyen.yml", "data/teams/xa-vi-du/to-vi-du-thon-mot.yml",
                "data/blocs/khoi-xa-vi-du.yml", "data/models/mh-vi-du-duong-lang.yml",
                "data/assignments/pc-vi-du-so.yml", "data/documents.yml", "mkdocs.yml", "README.md",
                ".gitignore", ".vscode/settings.json", ".vscode/extensions.json", ".pre-commit-config.yaml",
                "schemas/team.schema.json", "theme/assets/search.js", "docs/huong-dan-bien-tap-web.md"):
        assert (made / rel).is_file(), rel
    # the shared content, byte for byte as the tool carries it
    ours = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "content").rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(made).as_posix() for p in (made / "content").rglob("*") if p.is_file())
    assert ours == theirs
    assert all((made / rel).read_bytes() == (ROOT / rel).read_bytes() for rel in ours)


def test_config_names_the_province_the_scheme_and_the_repository(made):
    config = yaml.safe_load((made / "data/config.yml").read_text(encoding="utf-8"))
    assert config["province"] == {"name": "Thái Nguyên", "unit": "thai-nguyen",
                                  "board": "Ban Dân vận Tỉnh ủy Thái Nguyên"}
    assert config["scheme"] == "hai-cap"
    assert config["reference_date"] == "06/12/2026"
    assert config["cms"]["repo"] == "bdv-thai-nguyen/so-tay"
    assert config["report"]["superior"] == "TỈNH ỦY THÁI NGUYÊN"
    assert not any("huyện" in r.lower() for r in config["report"]["recipients"])  # no district after 1/7/2025
    publications = yaml.safe_load((made / "data/publications.yml").read_text(encoding="utf-8"))["publications"]
    assert {(p["issuer"], p["place"], p["year"]) for p in publications} == {
        ("Ban Dân vận Tỉnh ủy Thái Nguyên", "Thái Nguyên", 2026)}  # the covers name this province


def test_example_records_are_marked_as_examples(made):
    for path in (made / "data").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        if path.name in ("config.yml", "documents.yml", "publications.yml") or data.get("real"):
            continue
        assert text.startswith("# VÍ DỤ"), path
        records = data["units"] if path.parent.name == "units" else [data]
        assert all(r.get("sample") is True or r.get("kind") == "tinh" for r in records), path


def test_gitignore_keeps_tool_output_out(made):
    lines = (made / ".gitignore").read_text().splitlines()
    assert {"/build/", "/site/", "/site-noi-bo/"} <= set(lines)


def test_vscode_associates_every_yaml_kind_without_a_comment_line(made):
    settings = json.loads((made / ".vscode/settings.json").read_text(encoding="utf-8"))
    globs = [g for patterns in settings["yaml.schemas"].values() for g in patterns]
    assert "data/teams/**/*.yml" in globs and "content/modules/*.yml" in globs
    for schema in settings["yaml.schemas"]:
        assert (made / schema).resolve().is_file(), schema
    assert json.loads((made / ".vscode/extensions.json").read_text())["recommendations"] == ["redhat.vscode-yaml"]


def test_readme_tells_editors_how_to_install_and_upgrade_the_pinned_tool(made):
    readme = (made / "README.md").read_text(encoding="utf-8")
    assert f"git+{TOOL_URL}@v9.9.9" in readme
    assert "Nâng cấp công cụ" in readme and "rev:" in readme
    assert "dan-van-handbook==" not in readme  # no registry name that does not exist
    pre_commit = yaml.safe_load((made / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert pre_commit["repos"][0]["repo"] == TOOL_URL and pre_commit["repos"][0]["rev"] == "v9.9.9"
    assert [h["id"] for h in pre_commit["repos"][0]["hooks"]] == ["handbook-fmt", "handbook-check"]
    workflow = yaml.safe_load((made / ".github/workflows/handbook.yml").read_text(encoding="utf-8"))
    assert workflow["env"]["HANDBOOK_TOOL_URL"] == TOOL_URL and workflow["env"]["HANDBOOK_TOOL_REF"] == "v9.9.9"


@pytest.mark.parametrize("scheme", ["hai-cap", "ba-cap"])
def test_a_new_repository_checks_clean(tmp_path, scheme):
    target = tmp_path / "repo"
    assert new_project(target, "--scheme", scheme).returncode == 0
    result = handbook("check", "--root", str(target))
    assert result.returncode == 0, result.stdout
    assert "0 lỗi, 0 cảnh báo." in result.stdout, result.stdout  # not even a note (FILE-LAYOUT…)
    laid_out = handbook("fmt", "--check", "--root", str(target))
    assert laid_out.returncode == 0, laid_out.stdout + laid_out.stderr


def test_new_never_writes_over_anything(tmp_path):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "ghi-chu.txt").write_text("của tôi", encoding="utf-8")
    result = new_project(target)
    assert result.returncode == 2
    assert "đã có tệp" in result.stderr
    assert [p.name for p in target.iterdir()] == ["ghi-chu.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging folder left


def test_missing_answers_without_a_terminal_are_a_usage_error(tmp_path):
    result = handbook("new", str(tmp_path / "x"), "--repo", "a/b", "--tool-url", TOOL_URL)
    assert result.returncode == 2
    assert "--province" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x").exists()
    bad = handbook("new", str(tmp_path / "y"), "--province", "Hà Giang", "--repo", "không-có-gạch", "--tool-url", TOOL_URL)
    assert bad.returncode == 2 and "TỔ-CHỨC/TÊN-KHO" in bad.stderr
    two_lines = handbook("new", str(tmp_path / "z"), "--province", "Hà\nNội", "--repo", "a/b", "--tool-url", TOOL_URL)
    assert two_lines.returncode == 2 and "một dòng" in two_lines.stderr and not (tmp_path / "z").exists()


def test_new_never_writes_inside_the_folders_a_project_reads(tmp_path):
    """Not into the tool's own starter files (this checkout's content/) nor the inputs of the
    project it is run from."""
    inside = ROOT / "content" / "kho-moi"
    result = handbook("new", str(inside), "--province", "An Giang", "--repo", "a/b", "--tool-url", TOOL_URL)
    assert result.returncode == 2 and "thư mục đầu vào" in result.stderr, result.stderr
    assert not inside.exists()
    project = tmp_path / "du-an"
    (project / "data").mkdir(parents=True)
    result = handbook("new", "data/kho-moi", "--province", "An Giang", "--repo", "a/b", "--tool-url", TOOL_URL,
                      cwd=project)
    assert result.returncode == 2 and not (project / "data" / "kho-moi").exists()


@pytest.mark.slow
def test_an_installed_tool_carries_the_starter_files_and_its_own(tmp_path):
    """The wheel (what `pip install git+…@tag` installs) holds content/, theme/, mkdocs.yml and
    the registers under generator/starter/, and `handbook new` finds them there."""
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"),
                            str(ROOT)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("*.whl"))
    unpacked = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(unpacked)
    assert (unpacked / "generator/starter/content/topics.yml").is_file()
    # and every non-Python file the package reads at run time (the web editor's page and
    # scripts, the print templates, the CI templates)
    package = ROOT / "generator"
    for path in package.rglob("*"):
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts:
            assert (unpacked / "generator" / path.relative_to(package)).is_file(), path
    assert (unpacked / "generator/starter/data/models/mh-duong-noi-dong-lai-xa.yml").is_file()
    probe = subprocess.run(
        [sys.executable, "-c", "from generator.editors.scaffold.starter import starter_root; print(starter_root())"],
        cwd=tmp_path, env={"PYTHONPATH": str(unpacked), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    assert probe.returncode == 0, probe.stderr
    assert Path(probe.stdout.strip()) == unpacked / "generator" / "starter"


def test_a_gitlab_repository_gets_gitlab_ci_pinned_to_the_tool(tmp_path):
    target = tmp_path / "gl"
    result = handbook("new", str(target), "--province", "Lào Cai", "--repo", "nhom/du-an/so-tay", "--forge", "gitlab",
                      "--tool-url", TOOL_URL, "--tool-ref", "v9.9.9")
    assert result.returncode == 0, result.stderr
    ci = yaml.safe_load((target / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert ci["variables"]["HANDBOOK_TOOL_URL"] == TOOL_URL and ci["variables"]["HANDBOOK_TOOL_REF"] == "v9.9.9"
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    assert ci["kiem-tra"]["artifacts"]["when"] == "always"  # the preview survives a failed check
    assert not (target / ".github").exists()
