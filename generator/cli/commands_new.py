"""`handbook new`: takes a folder and the province's settings (flags, or Vietnamese prompts at a
terminal), gives a content repository that works on its first push."""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path

import click

from generator.cli.group import CONTEXT, configure_output, main

REPO_RE = re.compile(r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$")


def _ask(value: str | None, flag: str, question: str, default: str | None = None) -> str:
    """The flag's value; else the answer at a terminal; else a usage error naming the flag."""
    if value:
        return value.strip()
    if sys.stdin.isatty():
        return click.prompt(question, default=default).strip()
    if default is not None:
        return default
    raise click.UsageError(f"Thiếu {flag}: chạy ở cửa sổ lệnh để được hỏi, hoặc ghi {flag} GIÁ-TRỊ.")


def _one_line(value: str, flag: str) -> str:
    """A name as it will be printed on covers and headings: one line, printable, with a letter."""
    if not value or len(value) > 120 or not value.isprintable() or not any(ch.isalpha() for ch in value):
        raise click.BadParameter(f"“{value!s:.60}” phải là một dòng chữ (không xuống dòng, không ký tự điều khiển, "
                                 "tối đa 120 ký tự).", param_hint=flag)
    return unicodedata.normalize("NFC", value)


def _date(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        raise click.BadParameter(f"“{text}” không phải ngày dạng ngày/tháng/năm, ví dụ 01/07/2025.",
                                 param_hint="--reference-date") from None


@main.command(context_settings=CONTEXT)
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--province", help="Tên tỉnh, ví dụ “Thái Nguyên”.")
@click.option("--board", help="Cơ quan biên soạn; mặc định “Ban Dân vận Tỉnh ủy <tên tỉnh>”.")
@click.option("--scheme", type=click.Choice(["hai-cap", "ba-cap"]), default="hai-cap", show_default=True,
              help="Hệ đơn vị hành chính: hai-cap (tỉnh – xã, từ 01/7/2025) hoặc ba-cap (trước đó).")
@click.option("--repo", help="Kho nội dung trên GitHub hoặc GitLab, dạng TỔ-CHỨC/TÊN-KHO.")
@click.option("--forge", type=click.Choice(["github", "gitlab"]), default="github", show_default=True,
              help="Nơi đặt kho nội dung.")
@click.option("--branch", default="main", show_default=True, help="Nhánh chính của kho nội dung.")
@click.option("--tool-url", help="Kho git của công cụ (mặc định: nơi bản công cụ này được cài từ đó).")
@click.option("--tool-ref", help="Thẻ phiên bản công cụ được ghim, ví dụ v0.2.0 (mặc định: phiên bản đang chạy).")
@click.option("--reference-date", "reference_date", help="Ngày chốt số liệu dd/mm/yyyy (mặc định: hôm nay).")
def new(directory: Path, province: str | None, board: str | None, scheme: str, repo: str | None, forge: str,
        branch: str, tool_url: str | None, tool_ref: str | None, reference_date: str | None) -> None:
    """Tạo kho nội dung sổ tay cho một tỉnh trong thư mục DIRECTORY (mới hoặc rỗng).

    Kho có sẵn dữ liệu ví dụ, nội dung hỏi – đáp và chuyên đề dùng chung, cấu hình trang web,
    lược đồ và cài đặt cho VS Code, CI và pre-commit, và README hướng dẫn biên tập viên.
    Ví dụ: handbook new so-tay-thai-nguyen --province "Thái Nguyên" --repo ban-dan-van-tn/so-tay
    """
    from generator.editors.scaffold.create import NewProject, create_project
    from generator.editors.scaffold.skeleton import Province
    from generator.editors.scaffold.source import tool_source

    configure_output()
    name = _one_line(_ask(province, "--province", "Tên tỉnh"), "--province")
    board_name = _one_line(_ask(board, "--board", "Cơ quan biên soạn", f"Ban Dân vận Tỉnh ủy {name}"), "--board")
    repository = _ask(repo, "--repo", "Kho nội dung (TỔ-CHỨC/TÊN-KHO)")
    if not REPO_RE.match(repository):
        raise click.BadParameter(f"“{repository}” không có dạng TỔ-CHỨC/TÊN-KHO, ví dụ ban-dan-van-tn/so-tay.",
                                 param_hint="--repo")
    source = tool_source()
    url = tool_url or source.url
    if not url:
        url = _ask(None, "--tool-url", "Kho git của công cụ (địa chỉ https)")
    settings = NewProject(
        province=Province(name=name, board=board_name, scheme=scheme,
                          reference_date=_date(reference_date) if reference_date else dt.date.today()),
        repo=repository, forge=forge, branch=branch, tool_url=url, tool_ref=tool_ref or source.ref)
    # Never inside the folders a project reads: the tool's own starter files (a checkout's
    # content/, theme/…) or the project the command is run from.
    from generator.build.outguard import refuse_unsafe_out
    from generator.editors.scaffold.starter import starter_root

    for root in {starter_root(), Path.cwd()}:
        refuse_unsafe_out(root, directory)
    written = create_project(directory, settings)
    click.echo(f"Đã tạo kho nội dung sổ tay tỉnh {name} tại {directory} ({len(written)} tệp).")
    click.echo("Bước tiếp: cd vào thư mục, git init, git add ., git commit, rồi đẩy lên "
               f"{'GitLab' if forge == 'gitlab' else 'GitHub'} ({repository}). Xem README.md.")
