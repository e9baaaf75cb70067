"""`handbook` commands that make the outputs: each takes a project folder and gives files —
build (the website), pdf, report, serve (build, then preview) and cms (the web editor's
admin page). Importing the module registers them on the group."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.build.outguard import refuse_unsafe_out
from generator.core.workdir import work_dir
from generator.cli.group import CONTEXT, ROOT_OPTION, checked, configure_output, main, project_root


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

    configure_output()
    root = project_root(root)
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
    """In một ấn phẩm (theo mã trong data/publications.yml, hoặc mã-chuyên-đề) ra PDF; không ghi NAME để liệt kê.

    Giấy tờ nội bộ (quyết định thành lập Tổ, mẫu biên bản họp, danh sách Khối, kế hoạch và mẫu báo cáo
    của cơ quan phụ trách xã) có họ tên người: in từ dữ liệu đầy đủ, kèm bản Word (.docx)."""
    from generator.build.official_files import write_official
    from generator.model.pii_mask import mask_dataset
    from generator.produce.paperwork.bundles import paperwork_bundles
    from generator.produce.printing.documents import jobs_for
    from generator.produce.printing.render import render_all

    configure_output()
    root = project_root(root)
    out = refuse_unsafe_out(root, out if out.is_absolute() else root / out)
    dataset, _ = checked(root)
    papers = paperwork_bundles(dataset)  # internal papers, made before the masking: they name people
    mask_dataset(dataset)  # a printed edition is public: the same text as the public site's downloads
    jobs = jobs_for(dataset)
    if not name:
        for job in jobs:
            click.echo(f"{job.name:<55} {job.title}")
        if papers:
            click.echo("\nGiấy tờ nội bộ (có họ tên người, chỉ dùng trong nội bộ; in ra PDF và Word):")
            for paper in papers:
                click.echo(f"{paper.name:<55} {paper.title}")
        return
    chosen_papers = [p for p in papers if p.name == name or p.kind == name]
    if chosen_papers:
        from generator.produce.printing.wordglue import project_glue

        for rel, _, _ in write_official(chosen_papers, out, "", work_dir(root), pdf=True, glue=project_glue(dataset)):
            click.echo(out / rel.removeprefix("downloads/"))
        return
    chosen = [j for j in jobs if j.name == name or j.publication == name]
    if not chosen:
        from generator.core.suggest import suggest

        guess = suggest(name, {j.name for j in jobs} | {j.publication for j in jobs} | {p.name for p in papers}
                        | {p.kind for p in papers})
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
    """Lập báo cáo 6 tháng hoặc năm (PDF và Word theo thể thức văn bản của Đảng, bảng tính XLSX) theo huyện, xã."""
    from generator.build.official_files import write_official
    from generator.produce.docx.periodic import report_bundle
    from generator.produce.printing.render import render_all
    from generator.produce.reports import compute, periods_due, report_job, report_workbook

    configure_output()
    root = project_root(root)
    out = refuse_unsafe_out(root, out if out.is_absolute() else root / out)
    dataset, findings = checked(root)
    wanted = [(p, year or y) for p, y in periods_due(dataset) if period in (None, p)]
    out.mkdir(parents=True, exist_ok=True)
    for p, y in wanted:
        data = compute(dataset, findings, p, y)
        xlsx = out / f"bao-cao-{p}-{y}.xlsx"
        xlsx.write_bytes(report_workbook(dataset, data))
        rendered = render_all([report_job(dataset, data)], out, work_dir(root) / "pdf-cache")
        write_official([report_bundle(dataset, data)], out, "", work_dir(root), pdf=False)
        click.echo(f"{rendered[0].path}\n{out / (rendered[0].path.stem + '.docx')}\n{xlsx}")


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

    configure_output()
    root = project_root(root)

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
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True,
              help="Thư mục trang web để ghi trang biên tập admin/.")
@click.option("--repo", default=None,
              help="Kho nội dung dạng chủ/tên (ví dụ ban-dan-van/so-tay); mặc định lấy cms.repo trong data/config.yml.")
@click.option("--branch", default=None, help="Nhánh chính của kho; mặc định lấy cms.branch (main).")
@click.option("--base-url", default=None,
              help="Địa chỉ máy chủ OAuth để đăng nhập; mặc định lấy cms.base_url, không có thì đăng nhập bằng mã truy cập.")
def cms(root: Path, out: Path, repo: str | None, branch: str | None, base_url: str | None) -> None:
    """Ghi trang biên tập trên web (Decap CMS) với cấu hình sinh từ lược đồ dữ liệu và mục cms của data/config.yml;
    mỗi lần lưu mở một yêu cầu gộp (pull request)."""
    from generator.produce.cms import write_admin

    configure_output()
    root = project_root(root)
    options = {"repo": repo, "branch": branch, "base_url": base_url}
    out = refuse_unsafe_out(root, out if out.is_absolute() else root / out)
    paths = write_admin(out, root, **options)  # EditorBundleMissing: its message, exit 1
    click.echo(f"Đã ghi {len(paths)} tệp vào {out / 'admin'}")
