"""The `handbook` command: a thin layer over the pipeline. Everything it prints is Vietnamese;
user mistakes end in a message and an exit code, never a traceback."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from generator import __version__
from generator.cli.vietnamese import install as _vietnamese_click
from generator.build.outguard import refuse_unsafe_out
from generator.core.workdir import work_dir

_vietnamese_click()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
ROOT_OPTION = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
    help="Thư mục dự án (chứa data/ và content/).",
)


class VietnameseCommand(click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[TÙY CHỌN]")
        super().__init__(*args, **kwargs)


class VietnameseGroup(click.Group):
    command_class = VietnameseCommand

    def format_usage(self, ctx, formatter):
        formatter.write_usage(ctx.command_path, "[TÙY CHỌN] LỆNH [ĐỐI SỐ]...", prefix="Cách dùng: ")


@click.group(cls=VietnameseGroup, context_settings=CONTEXT)
@click.help_option("-h", "--help", help="In hướng dẫn này rồi thoát.")
@click.version_option(__version__, "--version", message="handbook %(version)s", help="In số phiên bản rồi thoát.")
def main() -> None:
    """Công cụ sổ tay công tác dân vận: kiểm tra dữ liệu, dựng trang web và bản in.

    Chạy trong thư mục dự án. Ví dụ: handbook check
    """


def _configure_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="Dạng kết quả: text cho người đọc, json cho chương trình, github cho chú thích trên pull request.")
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi (mã thoát 1 nếu có cảnh báo).")
def check(root: Path, fmt: str, strict: bool) -> None:
    """Kiểm tra toàn bộ dữ liệu và nội dung; báo mọi lỗi kèm tệp, dòng và cách sửa.

    Mã thoát: 0 khi không có lỗi, 1 khi có lỗi (hoặc có cảnh báo với --strict), 2 khi gọi lệnh sai.
    """
    from generator.checks.check import check_project
    from generator.produce.findings_output import as_github, as_json, as_text

    _configure_output()
    root = _project_root(root)
    _, report = check_project(root)
    if fmt == "json":
        click.echo(as_json(report, strict), nl=False)
    elif fmt == "github":
        click.echo(as_github(report), nl=False)
    else:
        click.echo(as_text(report, root, color=sys.stdout.isatty()), nl=False)
    sys.exit(0 if report.valid(strict) else 1)


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Thư mục ghi lược đồ (mặc định: schemas/ trong thư mục dự án).")
@click.option("--check", "only_check", is_flag=True, help="Chỉ kiểm tra lược đồ trong kho đã khớp với mã nguồn chưa.")
def schema(root: Path, out: Path | None, only_check: bool) -> None:
    """Ghi lược đồ JSON Schema của từng loại tệp để VS Code gợi ý và gạch chân lỗi khi gõ."""
    from generator.schema.fieldsdoc import render_fields_doc
    from generator.schema.jsonschema import stale_schemas, write_schemas

    _configure_output()
    out = out or (root / "schemas")
    fields_doc = root / "docs" / "fields.md"  # this repository's field reference
    if only_check:
        stale = stale_schemas(out)
        if fields_doc.is_file() and fields_doc.read_text(encoding="utf-8") != render_fields_doc():
            stale.append(str(fields_doc))
        if stale:
            click.echo("Lược đồ đã cũ, hãy chạy “handbook schema”: " + ", ".join(stale), err=True)
            sys.exit(1)
        click.echo("Lược đồ khớp với mã nguồn.")
        return
    for path in write_schemas(out):
        click.echo(f"Đã ghi {path}")
    if fields_doc.parent.is_dir():
        fields_doc.write_text(render_fields_doc(), encoding="utf-8")
        click.echo(f"Đã ghi {fields_doc}")


@main.command(context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Dạng kết quả.")
def rules(fmt: str) -> None:
    """Liệt kê các quy tắc rút từ văn bản nguồn, mức độ mặc định và căn cứ của từng quy tắc."""
    from generator.checks.rules import load_all_rules

    _configure_output()
    registry = load_all_rules()
    if fmt == "json":
        click.echo(json.dumps([
            {"code": r.code, "title": r.title, "severity": r.severity.value, "clause": r.clause,
             "document": r.doc, "section": r.section}
            for r in registry.values()
        ], ensure_ascii=False, indent=2))
        return
    for r in registry.values():
        click.echo(f"{r.code:<30} {r.severity.label_vi:<9} {r.title}")
        click.echo(f"{'':<30} Căn cứ: {r.clause}")
    click.echo(f"\n{len(registry)} quy tắc. Đổi mức độ trong data/config.yml, khóa rules (error, warning, info, off).")


@main.command(context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Dạng kết quả.")
def codes(fmt: str) -> None:
    """Liệt kê mọi mã lỗi, cảnh báo và ghi chú mà công cụ có thể báo: mức độ mặc định, tên và bước phát hiện."""
    from generator.checks.catalogue import all_codes
    from generator.cli.code_list import as_json, as_text

    _configure_output()
    click.echo((as_json if fmt == "json" else as_text)(all_codes()), nl=False)


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Dạng kết quả: json cho chương trình và người duyệt.")
def stats(root: Path, fmt: str) -> None:
    """Đếm mọi đối tượng dữ liệu và nội dung (đơn vị, Tổ, thành viên, Khối, mô hình, câu hỏi…)."""
    from generator.checks.check import check_project
    from generator.produce.stats import compute_stats

    _configure_output()
    dataset, report = check_project(_project_root(root))
    numbers = compute_stats(dataset)
    if fmt == "json":
        click.echo(json.dumps(numbers, ensure_ascii=False, indent=2))
    else:
        for key, value in numbers.items():
            click.echo(f"{key}: {value}")
    if report.errors:
        click.echo(f"Lưu ý: dữ liệu còn {len(report.errors)} lỗi; số liệu chỉ tính phần đọc được. Chạy “handbook check” để xem.", err=True)


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Dạng kết quả.")
@click.option("--strict", is_flag=True, help="Mã thoát 1 nếu còn mục chưa được trích dẫn.")
def coverage(root: Path, fmt: str, strict: bool) -> None:
    """Cho biết mục nào của các văn bản nguồn đã được ít nhất một câu hỏi hoặc chuyên đề trích dẫn."""
    from generator.checks.check import check_project
    from generator.checks.content_checks import coverage as compute

    _configure_output()
    dataset, _ = check_project(_project_root(root))
    rows = compute(dataset)
    missing = [r for r in rows if not r.cited_by]
    if fmt == "json":
        click.echo(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2))
    else:
        current = None
        for r in rows:
            if r.doc != current:
                current = r.doc
                doc = dataset.documents[r.doc].obj
                click.echo(f"\n{doc.short_name or doc.title} ({r.doc})")
            mark = "✓" if r.cited_by else "✗"
            click.echo(f"  {mark} {r.section:<10} {len(r.cited_by):>3} mục  {r.title}")
        click.echo(f"\n{len(rows) - len(missing)}/{len(rows)} mục được trích dẫn.")
    if strict and missing:
        sys.exit(1)


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.option("--profile", type=click.Choice(["public", "internal"]), default="public", show_default=True,
              help="public: bản công khai (chỉ tên người đã đồng ý, không số điện thoại…); internal: bản nội bộ.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Thư mục ghi trang web (mặc định: site/ với bản công khai, site-noi-bo/ với bản nội bộ).")
@click.option("--no-pdf", is_flag=True, help="Bỏ qua các bản in PDF (dựng nhanh khi chỉ sửa trang web).")
@click.option("--force", is_flag=True, help="Dựng lại toàn bộ kể cả khi không có gì thay đổi.")
def build(root: Path, profile: str, out: Path | None, no_pdf: bool, force: bool) -> None:
    """Dựng toàn bộ đầu ra (trang web, chỉ mục tìm kiếm, bản đọc ngoại tuyến) từ data/ và content/.

    Chạy kiểm tra trước và dừng nếu dữ liệu còn lỗi; khi dựng hỏng, trang cũ được giữ nguyên.
    """
    from generator.build.pipeline import BuildError, build as run_build
    from generator.produce.findings_output import as_text

    _configure_output()
    root = _project_root(root)
    try:
        result = run_build(root, profile=profile, out=out, pdf=not no_pdf, force=force)
    except BuildError as exc:
        if exc.report is not None and not exc.report.valid():
            click.echo(as_text(exc.report, root), nl=False)
        click.echo(f"Dừng dựng: {exc}", err=True)
        sys.exit(1)
    if result.skipped:
        click.echo(f"Không có gì thay đổi kể từ lần dựng trước; giữ nguyên {result.site_dir}.")
        return
    for note in result.notes:
        click.echo(f"Lưu ý: {note}", err=True)
    warnings = len(result.report.warnings)
    rendered = "" if result.rendered_pages is None else f", dựng lại {result.rendered_pages} trang có thay đổi"
    click.echo(f"Đã dựng {result.pages} trang vào {result.site_dir}{rendered} ({warnings} cảnh báo dữ liệu; xem “handbook check”).")


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.argument("name", required=False)
@click.option("--variant", type=click.Choice(["pdf/ua-1", "pdf/a-3b"]), default=None,
              help="Biến thể PDF: pdf/ua-1 (gắn thẻ, cho người khiếm thị) hoặc pdf/a-3b (lưu trữ lâu dài).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build/pdf"), show_default=True,
              help="Thư mục ghi tệp PDF.")
def pdf(root: Path, name: str | None, variant: str | None, out: Path) -> None:
    """In một ấn phẩm (theo mã trong data/publications.yml, hoặc mã-chuyên-đề) ra PDF; không ghi NAME để liệt kê."""
    from generator.model.pii_mask import mask_dataset
    from generator.produce.printing.documents import jobs_for
    from generator.produce.printing.render import render_all

    _configure_output()
    root = _project_root(root)
    out = refuse_unsafe_out(root, out if out.is_absolute() else root / out)
    dataset, _ = _checked(root)
    mask_dataset(dataset)  # a printed edition is public: the same text as the public site's downloads
    jobs = jobs_for(dataset)
    if not name:
        for job in jobs:
            click.echo(f"{job.name:<55} {job.title}")
        return
    chosen = [j for j in jobs if j.name == name or j.publication == name]
    if not chosen:
        from generator.core.suggest import suggest

        guess = suggest(name, {j.name for j in jobs} | {j.publication for j in jobs})
        raise click.UsageError(f"Không có ấn phẩm “{name}”." + (f" Có phải ý bạn là “{guess}”?" if guess else "")
                               + " Chạy “handbook pdf” để xem danh sách.")
    for item in render_all(chosen, out, work_dir(root) / "pdf-cache", variant=variant):
        click.echo(f"{item.path}{' (từ bộ nhớ đệm)' if item.cached else ''}")


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.option("--period", type=click.Choice(["6-thang", "nam"]), default=None,
              help="Kỳ báo cáo: 6-thang hoặc nam (mặc định: cả hai kỳ gần nhất đã đến hạn).")
@click.option("--year", type=int, default=None, help="Năm báo cáo (mặc định: theo ngày chốt số liệu).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build/bao-cao"), show_default=True,
              help="Thư mục ghi báo cáo.")
def report(root: Path, period: str | None, year: int | None, out: Path) -> None:
    """Lập báo cáo 6 tháng hoặc năm (PDF theo thể thức văn bản của Đảng và bảng tính XLSX) theo huyện, xã."""
    from generator.produce.printing.render import render_all
    from generator.produce.reports import compute, periods_due, report_job, report_workbook

    _configure_output()
    root = _project_root(root)
    out = refuse_unsafe_out(root, out if out.is_absolute() else root / out)
    dataset, findings = _checked(root)
    wanted = [(p, year or y) for p, y in periods_due(dataset) if period in (None, p)]
    out.mkdir(parents=True, exist_ok=True)
    for p, y in wanted:
        data = compute(dataset, findings, p, y)
        xlsx = out / f"bao-cao-{p}-{y}.xlsx"
        xlsx.write_bytes(report_workbook(dataset, data))
        rendered = render_all([report_job(dataset, data)], out, work_dir(root) / "pdf-cache")
        click.echo(f"{rendered[0].path}\n{xlsx}")


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.option("--port", type=int, default=8000, show_default=True, help="Cổng trên máy này (127.0.0.1).")
@click.option("--profile", type=click.Choice(["public", "internal"]), default="public", show_default=True,
              help="Bản công khai hoặc bản nội bộ.")
def serve(root: Path, port: int, profile: str) -> None:
    """Xem trước trang web tại http://127.0.0.1:CỔNG và tự dựng lại khi dữ liệu, nội dung thay đổi."""
    from generator.build.pipeline import BuildError, build as run_build, default_out
    from generator.produce.findings_output import as_text
    from generator.build.serve import serve as run_server

    _configure_output()
    root = _project_root(root)

    def rebuild() -> None:
        try:
            result = run_build(root, profile=profile)
            if not result.skipped:
                click.echo(f"Đã dựng lại ({result.pages} trang).")
        except BuildError as exc:
            if exc.report is not None and not exc.report.valid():
                click.echo(as_text(exc.report, root), nl=False)
            click.echo(f"Dựng lại không thành công, vẫn hiển thị bản trước: {exc}", err=True)

    rebuild()
    site = default_out(root, profile)
    if not site.is_dir():
        raise click.ClickException("Chưa dựng được trang web; sửa các lỗi trên rồi chạy lại.")
    try:
        run_server(root, site, rebuild, port=port,
                   on_ready=lambda p: click.echo(f"Đang phục vụ tại http://127.0.0.1:{p}/ (Ctrl+C để dừng)."))
    except KeyboardInterrupt:
        click.echo("Đã dừng.")


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.argument("rev")
@click.argument("new_rev", required=False)
def diff(root: Path, rev: str, new_rev: str | None) -> None:
    """Tóm tắt bằng tiếng Việt những gì thay đổi so với phiên bản REV (để đăng lên pull request).

    Không ghi NEW_REV thì so với thư mục làm việc hiện tại. Ví dụ: handbook diff origin/main
    """
    from generator.editors.diff import main_diff

    _configure_output()
    sys.exit(main_diff(_project_root(root), rev, new_rev))


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

    _configure_output()
    root = _project_root(root)
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

    _configure_output()
    root = _project_root(root)
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

    _configure_output()
    started = time.perf_counter()
    root = _project_root(root)
    out = refuse_unsafe_out(root, out)
    counts = synthesize(out, scale, seed, root, workers=workers)  # SynthError: its message, exit 2
    counts["seconds"] = round(time.perf_counter() - started, 1)
    click.echo(json.dumps(counts, ensure_ascii=False, indent=2))


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True,
              help="Thư mục trang web để ghi trang biên tập admin/.")
@click.option("--repo", default=None, help="Kho GitHub chứa dữ liệu, dạng chủ/tên (ví dụ ban-dan-van/so-tay).")
@click.option("--branch", default="main", show_default=True, help="Nhánh chính của kho.")
@click.option("--base-url", default=None, help="Địa chỉ máy chủ OAuth để đăng nhập GitHub (khi không dùng Netlify).")
def cms(root: Path, out: Path, repo: str | None, branch: str, base_url: str | None) -> None:
    """Ghi trang biên tập trên web (Decap CMS) với cấu hình sinh từ lược đồ dữ liệu; mỗi lần lưu mở một pull request."""
    from generator.produce.cms import write_admin

    _configure_output()
    root = _project_root(root)
    options = {"branch": branch}
    if repo:
        options["repo"] = repo
    if base_url:
        options["base_url"] = base_url
    out = refuse_unsafe_out(root, out if out.is_absolute() else root / out)
    paths = write_admin(out, root, **options)  # EditorBundleMissing: its message, exit 1
    click.echo(f"Đã ghi {len(paths)} tệp vào {out / 'admin'}")


def _checked(root: Path):
    """The checked dataset and report; prints the findings and exits 1 when there are errors."""
    from generator.checks.check import check_project
    from generator.produce.findings_output import as_text

    dataset, report = check_project(root)
    if not report.valid():
        click.echo(as_text(report, root), nl=False)
        sys.exit(1)
    return dataset, report


def _project_root(root: Path) -> Path:
    root = root.resolve()
    if not (root / "data").is_dir():
        raise click.UsageError(f"Không thấy thư mục data/ trong “{root}”. Hãy chạy lệnh trong thư mục dự án hoặc dùng --root.")
    return root


if __name__ == "__main__":  # pragma: no cover
    main()
