"""`handbook` commands for editors and benchmarks: diff takes two revisions and gives a change
summary, template gives the Excel workbook and import takes it back into data/teams/, fmt
takes data files and lays them out canonically, synth gives a synthetic project. Importing
the module registers them on the group."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from generator.build.outguard import refuse_unsafe_out
from generator.cli.group import CONTEXT, ROOT_OPTION, configure_output, main, project_root


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.argument("rev")
@click.argument("new_rev", required=False)
def diff(root: Path, rev: str, new_rev: str | None) -> None:
    """Tóm tắt bằng tiếng Việt những gì thay đổi so với phiên bản REV (để đăng lên pull request).

    Không ghi NEW_REV thì so với thư mục làm việc hiện tại. Ví dụ: handbook diff origin/main
    """
    from generator.editors.diff import main_diff

    configure_output()
    sys.exit(main_diff(project_root(root), rev, new_rev))


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("mau-to-dan-van.xlsx"), show_default=True,
              help="Tệp bảng tính mẫu cần ghi.")
@click.option("--with-data", is_flag=True, help="Điền sẵn các Tổ đang có trong dữ liệu (để sửa rồi nhập lại).")
@click.option("--team", "teams", multiple=True, help="Chỉ điền Tổ có mã này (dùng nhiều lần được).")
def template(root: Path, out: Path, with_data: bool, teams: tuple[str, ...]) -> None:
    """Ghi bảng tính Excel mẫu để cán bộ điền danh sách Tổ Dân vận, thành viên, nhóm và xếp loại."""
    from generator.model.dataset import load_project
    from generator.editors.excel.api import export_teams_workbook, team_template
    from generator.core.findings import Report

    configure_output()
    root = project_root(root)
    out = refuse_unsafe_out(root, out)
    dataset = load_project(root, Report())
    try:
        data = export_teams_workbook(dataset, list(teams) or None) if (with_data or teams) else team_template(dataset)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    out.write_bytes(data)
    click.echo(f"Đã ghi mẫu bảng tính: {out}")


@main.command("import", context_settings=CONTEXT)
@ROOT_OPTION
@click.argument("xlsx", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra và cho biết sẽ ghi những tệp nào, không ghi gì.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="Dạng kết quả: text cho người đọc, json cho chương trình, github cho chú thích trên pull request.")
def import_(root: Path, xlsx: Path, dry_run: bool, fmt: str) -> None:
    """Nhập bảng tính Excel đã điền thành các tệp YAML trong data/teams/; báo lỗi theo trang, dòng, cột.

    Không ghi đè dữ liệu mà bảng tính không có; có lỗi thì không ghi tệp nào.
    """
    from generator.model.dataset import load_project
    from generator.editors.excel.api import ImportResult, import_report_text, import_teams, inspect_import
    from generator.core.findings import Report

    configure_output()
    root = project_root(root)
    inspection = inspect_import(xlsx)  # size, zip bomb, rows: refused before the project is even loaded
    if not inspection.ok:
        result = ImportResult(findings=inspection.findings)
    else:
        dataset = load_project(root, Report())
        result = import_teams(xlsx, root / "data", dataset, dry_run=dry_run, inspection=inspection)
    report = Report(findings=list(result.findings), files_read=1)  # the same report `check` gives
    if fmt == "text":
        click.echo(import_report_text(result), nl=False)
    else:
        from generator.produce.findings_output import as_github, as_json

        click.echo(as_json(report) if fmt == "json" else as_github(report), nl=False)
    sys.exit(0 if report.valid() else 1)


@main.command(context_settings=CONTEXT)
@click.option("--scale", type=click.Choice(["province", "nation", "tiny", "tiny-hai-cap"]), default="province",
              show_default=True,
              help="Quy mô: province (1 tỉnh, 10 huyện, 209 xã, 2.200 thôn), nation (34 tỉnh, 3.321 xã, "
                   "90.000 thôn); tiny và tiny-hai-cap cho kiểm thử.")
@click.option("--seed", type=int, default=1, show_default=True,
              help="Hạt giống ngẫu nhiên: cùng quy mô và hạt giống thì ra các tệp giống hệt nhau.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Thư mục ghi dự án tổng hợp: trống, hoặc do lệnh này ghi lần trước.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Số tiến trình ghi tệp (mặc định: số lõi CPU).")
@ROOT_OPTION
def synth(scale: str, seed: int, out: Path, workers: int | None, root: Path) -> None:
    """Sinh một dự án dữ liệu tổng hợp (hư cấu) ở quy mô tỉnh hoặc toàn quốc để đo tốc độ.

    Dự án gồm data/, content/, mkdocs.yml, theme/ (chép từ kho) và qua được “handbook check”
    không lỗi, không cảnh báo. In số lượng từng loại đối tượng dạng JSON.
    """
    import time

    from generator.synth.run import synthesize

    configure_output()
    started = time.perf_counter()
    root = project_root(root)
    out = refuse_unsafe_out(root, out)
    counts = synthesize(out, scale, seed, root, workers=workers)  # SynthError: its message, exit 2
    counts["seconds"] = round(time.perf_counter() - started, 1)
    click.echo(json.dumps(counts, ensure_ascii=False, indent=2))


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[TỆP|THƯ MỤC]...")
@click.option("--check", "check_only", is_flag=True,
              help="Chỉ kiểm tra, không sửa tệp nào; mã thoát 1 nếu có tệp cần sắp lại.")
@click.option("--drop-comments", is_flag=True,
              help="Bỏ các dòng chú thích “#” nằm trong thân tệp (giữ nguyên phần chú thích ở đầu tệp).")
def fmt(root: Path, paths: tuple[Path, ...], check_only: bool, drop_comments: bool) -> None:
    """Sắp lại các tệp dữ liệu YAML theo bố cục chuẩn (bố cục trang biên tập web ghi ra).

    Thứ tự khóa theo mẫu dữ liệu, danh sách viết mỗi mục một dòng, dấu ngoặc kép chỉ khi cần;
    dữ liệu, phần chú thích đầu tệp và các dòng chú thích trong thân tệp giữ nguyên. Ghi tên
    tệp hoặc thư mục để chỉ sắp lại những tệp đó; tệp không phải dữ liệu YAML được bỏ qua.
    Tệp có lỗi cú pháp thì để nguyên (“handbook check” báo lỗi đó).

    Mã thoát: 0 khi mọi tệp đã đúng bố cục; 1 khi vừa sắp lại tệp (với --check: khi có tệp
    cần sắp lại) hoặc có tệp chưa đúng bố cục mà không sắp lại được.
    """
    from generator.editors.fmt import run_fmt

    configure_output()
    root = project_root(root)
    result = run_fmt(root, list(paths) if paths else None, check_only=check_only, drop_comments=drop_comments)
    for given in result.outside:
        click.echo(f"Bỏ qua “{given}”: nằm ngoài thư mục dự án {root}.", err=True)
    for name, line in result.changed:
        if check_only:
            click.echo(f"{name}:{line}: chưa theo bố cục chuẩn (chạy “handbook fmt {name}” để sắp lại)")
        else:
            click.echo(f"Đã sắp lại {name}")
    for refused in result.refused:
        where = f"{refused.name}:{refused.line}" if refused.line else refused.name
        click.echo(f"{where}: {refused.problem}\n  Cách sửa: {refused.hint}", err=True)
    if result.changed:
        verb = "cần sắp lại" if check_only else "đã sắp lại"
        click.echo(f"{len(result.changed)} tệp {verb} trên {result.looked_at} tệp dữ liệu.", err=True)
    sys.exit(1 if result.changed or any(not refused.broken for refused in result.refused) else 0)
