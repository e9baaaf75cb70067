"""`handbook diff` over a scripted series of commits, and the CI templates: the GitHub Actions
workflow, the pre-commit configuration and this repository's pre-commit hook, run in a
throwaway repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.editors.diff import diff_summary, main_diff
from generator.model.canonical import canonical_text

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / "templates" / "ci" / "github-workflow.yml"
PRECOMMIT_TEMPLATE = ROOT / "templates" / "ci" / "pre-commit-config.yaml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"

TEAM = "data/teams/tan-yen-phuc-son/to-phuc-son-thon-dong.yml"
TEAM_LABEL = "Tổ Dân vận cộng đồng thôn Đông (xã Phúc Sơn)"
TEAM_INLINE = "Tổ Dân vận cộng đồng thôn Đông, xã Phúc Sơn"
REMOVED_TEAM = "data/teams/luc-ngan-chu/to-chu-tdp-so-5.yml"
ASSIGNMENT = "data/assignments/pc-so-tu-phap.yml"
NEW_QUESTION = "Tổ Dân vận cộng đồng họp mấy lần một tháng?"

GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Biên tập viên", "GIT_AUTHOR_EMAIL": "bien-tap@example.invalid",
    "GIT_COMMITTER_NAME": "Biên tập viên", "GIT_COMMITTER_EMAIL": "bien-tap@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


# --------------------------------------------------------------------------- helpers


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in ("data", "content"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


_KIND_OF_FOLDER = {"teams": "team", "models": "model", "blocs": "bloc", "assignments": "assignment"}


def dump(path: Path, data) -> None:
    """Save as an editor's tools do (the web editor, `handbook fmt`): the canonical layout, so
    an edit brings no layout note of its own."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    kind = next((_KIND_OF_FOLDER[part] for part in path.parts if part in _KIND_OF_FOLDER), None)
    path.write_text((kind and canonical_text(kind, text)) or text, encoding="utf-8")


def edit(path: Path, change) -> None:
    data = load(path)
    change(data)
    dump(path, data)


def full_name(member: dict) -> str:
    return " ".join(p for p in (member["family_name"], member.get("middle_name"), member["given_name"]) if p)


def sections(text: str) -> tuple[str, str, str]:
    """(sentences, introduced findings, resolved findings) of a summary."""
    changes, _, check = text.partition("### Kết quả kiểm tra")
    introduced, _, resolved = check.partition("**Đã khắc phục**")
    return changes, introduced, resolved


def households_outside_range(repo: Path) -> list[tuple[str, int]]:
    found = []
    for path in sorted((repo / "data" / "teams").rglob("*.yml")):
        for i, group in enumerate(load(path).get("groups", [])):
            if not 30 <= group["households"] <= 50:
                found.append((path.relative_to(repo).as_posix(), i))
    return found


# --------------------------------------------------------------------------- the scripted series


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    """A content repository and five commits of editors' changes; the summary of each step
    (working tree against HEAD, before committing) and of the whole series."""
    repo = copy_project(tmp_path_factory.mktemp("noi-dung"))
    git(repo, "init", "-q", "-b", "main")
    team_path = repo / TEAM
    facts: dict = {}

    # Base: the team's first group has 40 households; the leader and one deputy have
    # consented to publication (so the leader change names them).
    def base(team):
        team["groups"][0]["households"] = 40
        leader = next(m for m in team["members"] if m["team_role"] == "to_truong")
        deputy = next(m for m in team["members"] if m["team_role"] == "to_pho")
        leader["consent_to_publish"] = deputy["consent_to_publish"] = True
        facts.update(leader=full_name(leader), deputy=full_name(deputy), leader_id=leader["id"],
                     deputy_id=deputy["id"], group=team["groups"][0]["name"])

    edit(team_path, base)
    deliberate = [h for h in households_outside_range(repo) if h[0] != TEAM]
    if not deliberate:  # the sample always has one; make one if it ever does not
        other = repo / "data/teams/yen-the-dong-tam/to-dong-tam-thon-dong-vang.yml"
        edit(other, lambda t: t["groups"][0].update(households=56))
        deliberate = [(other.relative_to(repo).as_posix(), 0)]
    facts["deliberate"] = deliberate[0][0]
    shas = [commit(repo, "Dữ liệu ban đầu")]
    out: dict[str, str] = {}

    # 1. Two new members, one who consented to publication and one who did not.
    def add_members(team):
        team["members"] += [
            {"id": "p-phuc-son-thon-dong-moi-1", "family_name": "Nguyễn", "middle_name": "Văn", "given_name": "An",
             "consent_to_publish": True, "team_role": "thanh_vien", "positions": ["nguoi_dan"]},
            {"id": "p-phuc-son-thon-dong-moi-2", "family_name": "Trần", "middle_name": "Thị", "given_name": "Bình",
             "consent_to_publish": False, "team_role": "thanh_vien", "positions": ["chi_hoi_truong"]},
        ]

    edit(team_path, add_members)
    out["members"] = diff_summary(repo, "HEAD")
    shas.append(commit(repo, "Thêm thành viên"))

    # 2. A new leader, and the first group grows from 40 to 56 households (a new warning).
    def new_leader(team):
        for m in team["members"]:
            if m["id"] == facts["leader_id"]:
                m["team_role"] = "to_pho"
            elif m["id"] == facts["deputy_id"]:
                m["team_role"] = "to_truong"
        team["groups"][0]["households"] = 56

    edit(team_path, new_leader)
    out["leader"] = diff_summary(repo, "HEAD")
    shas.append(commit(repo, "Đổi tổ trưởng, số hộ"))

    # 3. A new model, an edited model, a removed team, activities, a Q&A item, an answer, a document.
    models = sorted((repo / "data" / "models").glob("*.yml"))
    model = load(models[0])
    model.update(id="mh-den-duong-ngo-xom", name="Đèn đường thắp sáng ngõ xóm", field="kinh_te", real=False)
    dump(repo / "data" / "models" / "mh-den-duong-ngo-xom.yml", model)

    def edit_model(m):
        m["results"] = m.get("results", []) + [{"value": 12, "unit": "hộ", "what": "hộ tham gia thêm"}]
        m["story"] = (m.get("story") or "") + "\nNăm sau, mô hình được nhân rộng.\n"

    edit(models[1], edit_model)
    facts["edited_model"] = load(models[1])["name"]
    (repo / REMOVED_TEAM).unlink()

    def add_activities(assignment):
        commune = assignment["communes"][0]
        assignment["activities"] += [
            {"date": day, "commune": commune, "content": "Cùng Nhân dân dọn vệ sinh đường làng.", "participants": 20}
            for day in ("02/11/2024", "09/11/2024", "16/11/2024")
        ]

    edit(repo / ASSIGNMENT, add_activities)
    qa_source = repo / "content/qa/dan-van-kheo/dvk-nam-2016.md"
    text = qa_source.read_text(encoding="utf-8")
    new_qa = re.sub(r"(?m)^id: .*$", "id: dvk-hop-hang-thang", text, count=1)
    new_qa = re.sub(r"(?m)^question: .*$", f"question: {NEW_QUESTION}", new_qa, count=1)
    (qa_source.parent / "dvk-hop-hang-thang.md").write_text(new_qa, encoding="utf-8")
    qa_source.write_text(text + "\nBổ sung: các Tổ dân vận còn vận động Nhân dân hiến đất làm đường.\n", encoding="utf-8")
    facts["edited_question"] = re.search(r"(?m)^question: (.*)$", text).group(1)
    edit(repo / "data/documents.yml", lambda d: d["documents"].append({
        "id": "nq-99-tw-2024", "number": "99-NQ/TW", "kind": "NQ", "issuer": "Bộ Chính trị", "date": "01/11/2024",
        "title": "Nghị quyết thử nghiệm", "scope": "trung_uong"}))
    out["content"] = diff_summary(repo, "HEAD")
    shas.append(commit(repo, "Mô hình, hoạt động, hỏi – đáp"))

    # 4. Fix the group's households and the sample's deliberate warning.
    edit(team_path, lambda t: t["groups"][0].update(households=45))
    edit(repo / facts["deliberate"], lambda t: t["groups"][deliberate[0][1]].update(households=45))
    out["fix"] = diff_summary(repo, "HEAD")
    shas.append(commit(repo, "Sửa số hộ"))

    out["series"] = diff_summary(repo, shas[0], shas[-1])
    out["series_again"] = diff_summary(repo, shas[0], shas[-1])
    out["clean"] = diff_summary(repo, "HEAD")
    return {"repo": repo, "out": out, "facts": facts, "shas": shas}


def test_members_added_named_only_with_consent(series):
    text = series["out"]["members"]
    assert text.startswith("## Tóm tắt thay đổi dữ liệu\n")
    assert (f"- Thêm 2 thành viên vào {TEAM_LABEL}: Nguyễn Văn An, một thành viên (Chi hội trưởng đoàn thể)."
            in text), text
    assert "Bình" not in text  # no consent: described by role only


def test_leader_change_and_households_with_new_finding(series):
    text, facts = series["out"]["leader"], series["facts"]
    changes, introduced, resolved = sections(text)
    assert f"- Đổi tổ trưởng {TEAM_LABEL} từ {facts['leader']} sang {facts['deputy']}." in changes, text
    assert f"- Đổi số hộ của nhóm “{facts['group']}” ({TEAM_INLINE}) từ 40 thành 56." in changes
    assert f"- `TEAM-GROUP-HOUSEHOLDS` {TEAM}:" in introduced
    assert "56 hộ" in introduced
    assert "`TEAM-GROUP-HOUSEHOLDS`" not in resolved
    assert "**Phát sinh**" in text


def test_models_team_removal_activities_content(series):
    text, facts = series["out"]["content"], series["facts"]
    changes, introduced, _ = sections(text)
    for sentence in (
        "- Thêm mô hình “Đèn đường thắp sáng ngõ xóm” (lĩnh vực kinh tế).",
        f"- Sửa mô hình “{facts['edited_model']}”: kết quả, câu chuyện.",
        "- Xóa Tổ Dân vận cộng đồng tổ dân phố số 5 (thị trấn Chũ).",
        "- Thêm 3 hoạt động của Chi bộ Sở Tư pháp (tháng 11/2024).",
        f"- Thêm câu hỏi – đáp: “{NEW_QUESTION}”",
        f"- Sửa câu trả lời: “{facts['edited_question']}”",
        "- Thêm văn bản 99-NQ/TW vào sổ văn bản.",
    ):
        assert sentence in changes, f"{sentence}\n---\n{text}"
    assert "`TEAM-COVERAGE` data/units/" in introduced  # the village lost its team


def test_fixed_warnings_are_listed_as_resolved(series):
    text, facts = series["out"]["fix"], series["facts"]
    changes, introduced, resolved = sections(text)
    assert f"- Đổi số hộ của nhóm “{facts['group']}” ({TEAM_INLINE}) từ 56 thành 45." in changes
    assert "**Đã khắc phục** (2 cảnh báo):" in text, text
    assert f"- `TEAM-GROUP-HOUSEHOLDS` {TEAM}:" in resolved
    assert f"- `TEAM-GROUP-HOUSEHOLDS` {facts['deliberate']}:" in resolved
    assert "**Phát sinh**" not in text


def test_between_commits_and_deterministic(series):
    text = series["out"]["series"]
    assert text == series["out"]["series_again"]
    changes, _, _ = sections(text)
    assert f"- Thêm 2 thành viên vào {TEAM_LABEL}: Nguyễn Văn An, một thành viên (Chi hội trưởng đoàn thể)." in changes
    assert "từ 40 thành 45." in changes
    assert "- Xóa Tổ Dân vận cộng đồng tổ dân phố số 5 (thị trấn Chũ)." in changes
    assert "- Thêm mô hình “Đèn đường thắp sáng ngõ xóm” (lĩnh vực kinh tế)." in changes
    # one commit against the next gives that commit's own change
    step = diff_summary(series["repo"], series["shas"][1], series["shas"][2])
    assert "Đổi tổ trưởng" in step and "Thêm mô hình" not in step


def test_no_change(series):
    assert series["out"]["clean"] == "## Tóm tắt thay đổi dữ liệu\n\nKhông có thay đổi dữ liệu.\n"


def test_main_diff_exit_codes(series, capsys):
    repo = series["repo"]
    assert main_diff(repo, "HEAD") == 0
    assert "Không có thay đổi dữ liệu." in capsys.readouterr().out
    team = repo / TEAM
    original = team.read_text(encoding="utf-8")
    try:
        team.write_text(original.replace("village: bg-tan-yen-phuc-son-thon-dong", "village: bg-khong-co-thon-nay"),
                        encoding="utf-8")
        assert main_diff(repo, "HEAD") == 1
        out = capsys.readouterr().out
        assert "`REF-UNKNOWN-UNIT`" in out and "1 lỗi" in out
    finally:
        team.write_text(original, encoding="utf-8")
    assert main_diff(repo, "khong-co-nhanh-nay") == 2
    assert "khong-co-nhanh-nay" in capsys.readouterr().err


def test_project_in_a_subfolder(tmp_path):
    repo = tmp_path / "kho"
    project = copy_project(repo / "so-tay")
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Dữ liệu")
    path = sorted((project / "data" / "models").glob("*.yml"))[0]
    before = load(path)["name"]
    edit(path, lambda m: m.update(name="Tên mới của mô hình"))
    text = diff_summary(project, "HEAD")
    assert f"- Đổi tên mô hình “{before}” thành “Tên mới của mô hình”." in text, text


def test_cli_diff_command_when_wired(series):
    from generator.cli.main import main

    if "diff" not in main.commands:
        pytest.skip("the CLI does not have `handbook diff` yet")
    done = subprocess.run([sys.executable, "-m", "generator", "diff", "HEAD"], cwd=series["repo"],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert "Không có thay đổi dữ liệu." in done.stdout


# --------------------------------------------------------------------------- CI templates


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in _steps(job))


def _uses(job: dict, action: str) -> list[dict]:
    return [s for s in _steps(job) if s.get("uses", "").split("@")[0] == action]


def test_workflow_is_valid_and_runs_the_commands():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    pr = next(j for j in jobs.values() if "pull_request" in j.get("if", "") and "!=" not in j["if"])
    publish = [j for j in jobs.values() if j is not pr]

    checkout = _uses(pr, "actions/checkout")[0]
    assert checkout["with"]["fetch-depth"] == 0
    assert _uses(pr, "actions/setup-python")[0]["with"]["python-version"] == "3.11"
    runs = _runs(pr)
    assert "handbook check --format github" in runs
    assert "handbook build" in runs
    assert re.search(r"handbook diff \"?origin/", runs)
    assert "gh pr comment" in runs
    assert pr["permissions"]["pull-requests"] == "write"
    assert _uses(pr, "actions/upload-artifact")[0]["with"]["path"].rstrip("/") == "site"
    assert "HANDBOOK_PACKAGE" in workflow["env"] and "pip install \"$HANDBOOK_PACKAGE\"" in runs

    build = next(j for j in publish if _uses(j, "actions/upload-pages-artifact"))
    assert "handbook check --format github" in _runs(build) and "handbook build" in _runs(build)
    deploy = next(j for j in publish if _uses(j, "actions/deploy-pages"))
    assert "main" in deploy["if"] and "push" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"

    for job in jobs.values():
        for step in _steps(job):
            if "uses" in step:
                assert re.fullmatch(r"actions/[\w.-]+@v\d+", step["uses"]), step["uses"]


def test_precommit_files_are_valid():
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "handbook-check")
    assert hook["entry"] == "handbook check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert hook["files"] == "^(data|content)/"
    config = yaml.safe_load(PRECOMMIT_TEMPLATE.read_text(encoding="utf-8"))
    local = next(r for r in config["repos"] if r["repo"] == "local")
    assert local["hooks"][0]["entry"] == "handbook check"


def _precommit(args: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**GIT_ENV, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never",
           "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_precommit_hook_runs_in_a_repository(tmp_path):
    pytest.importorskip("pre_commit")
    home = tmp_path / "pre-commit-home"
    for name, kind in ((HOOKS, "validate-manifest"), (PRECOMMIT_TEMPLATE, "validate-config")):
        done = _precommit([kind, str(name)], ROOT, home)
        assert done.returncode == 0, done.stdout + done.stderr

    repo = copy_project(tmp_path / "noi-dung")
    shipped = next(h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8")) if h["id"] == "handbook-check")
    config = {"repos": [{"repo": "local", "hooks": [{
        "id": shipped["id"], "name": shipped["name"], "entry": shipped["entry"], "language": "system",
        "pass_filenames": shipped["pass_filenames"], "files": shipped["files"]}]}]}
    dump(repo / ".pre-commit-config.yaml", config)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")

    clean = _precommit(["run", "--all-files"], repo, home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout

    team = repo / TEAM
    team.write_text(team.read_text(encoding="utf-8").replace(
        "village: bg-tan-yen-phuc-son-thon-dong", "village: bg-khong-co-thon-nay"), encoding="utf-8")
    git(repo, "add", "-A")
    broken = _precommit(["run", "--all-files"], repo, home)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "REF-UNKNOWN-UNIT" in broken.stdout
    assert "Failed" in broken.stdout
