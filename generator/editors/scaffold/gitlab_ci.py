"""The GitLab CI file of a content repository on GitLab: takes the tool's git URL, tag and the
main branch, gives `.gitlab-ci.yml` — merge requests are checked and built (the preview and the
findings as artifacts, kept even when the check fails, and the change summary as a report);
the main branch is published on GitLab Pages."""

from __future__ import annotations

from string import Template

from generator.produce.ci_files import check_tool_source, pip_url

_CI = Template("""\
# Sổ tay công tác dân vận — CI trên GitLab cho kho nội dung (data/, content/, mkdocs.yml).
# Yêu cầu gộp (merge request): kiểm tra dữ liệu, dựng thử, tóm tắt thay đổi.
# Nhánh $branch: kiểm tra, dựng và đăng trang web lên GitLab Pages.
variables:
  HANDBOOK_TOOL_URL: "$tool_url"
  HANDBOOK_TOOL_REF: "$tool_ref"
  PYTHONUTF8: "1"
  GIT_DEPTH: "0"

default:
  image: python:3.11-bookworm
  before_script:
    - apt-get update -q && apt-get install -y -q --no-install-recommends poppler-utils fonts-croscore libpango-1.0-0 libpangoft2-1.0-0
    - python -m pip install -q "git+$${HANDBOOK_TOOL_URL}@$${HANDBOOK_TOOL_REF}"

kiem-tra:
  stage: test
  rules:
    - if: $$CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - set +e; handbook check > ket-qua-kiem-tra.txt; status=$$?; set -e; cat ket-qua-kiem-tra.txt
    - handbook diff "origin/$$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" > tom-tat-thay-doi.md || true
    - handbook build || true
    - exit $$status
  artifacts:
    when: always
    expire_in: 14 days
    paths: [site/, ket-qua-kiem-tra.txt, tom-tat-thay-doi.md]

pages:
  stage: deploy
  rules:
    - if: $$CI_COMMIT_BRANCH == "$branch"
  script:
    - handbook check
    - handbook build --out public
  artifacts:
    paths: [public]
""")


def gitlab_ci(tool_url: str, tool_ref: str, branch: str) -> str:
    url, ref = check_tool_source(tool_url, tool_ref)
    return _CI.substitute(tool_url=pip_url(url), tool_ref=ref, branch=branch)
