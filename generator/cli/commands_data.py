"""`handbook` commands about the data and the rules it is held to: each takes a project
folder (rules and codes: nothing) and gives a report on it — check, stats, coverage, rules,
codes — or, for schema, the JSON Schemas editors' VS Code reads (the one command here that
writes). Importing the module registers them on the group."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from generator.cli.group import CONTEXT, ROOT_OPTION, configure_output, main, project_root


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "markdown"]), default="text",
              show_default=True,
              help="Dạng kết quả: text cho người đọc, json cho chương trình, github cho chú thích trên pull request, "
                   "markdown cho trang kết quả kiểm tra (tóm tắt của lần chạy CI).")
@click.option("--changed-since", "changed_since", metavar="PHIÊN_BẢN", default=None,
              help="Chỉ dùng với --format github hoặc markdown: đưa lên trước các phát hiện trên những dòng đã "
                   "thay đổi so với phiên bản git này (ví dụ origin/main); phần còn lại gộp vào một ghi chú.")
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi (mã thoát 1 nếu có cảnh báo).")
def check(root: Path, fmt: str, changed_since: str | None, strict: bool) -> None:
    """Kiểm tra toàn bộ dữ liệu và nội dung; báo mọi lỗi kèm tệp, dòng và cách sửa.

    Với --format github, GitHub chỉ hiện tối đa 10 chú thích mỗi loại: lỗi được hiện trước,
    rồi đến các phát hiện trên dòng đã thay đổi (--changed-since), phần còn lại gộp vào một
    ghi chú.

    Mã thoát: 0 khi không có lỗi, 1 khi có lỗi (hoặc có cảnh báo với --strict), 2 khi gọi lệnh sai.
    """
    from generator.checks.check import check_project
    from generator.core.errors import UsageRefused
    from generator.produce.changed_lines import changed_since as lines_changed_since
    from generator.produce.findings_output import as_github, as_json, as_markdown, as_text

    configure_output()
    root = project_root(root)
    changed = None
    if changed_since is not None:
        if fmt not in ("github", "markdown"):
            raise UsageRefused("--changed-since chỉ dùng cùng --format github hoặc --format markdown.")
        changed = lines_changed_since(root, changed_since)
    _, report = check_project(root)
    if fmt == "json":
        click.echo(as_json(report, strict), nl=False)
    elif fmt == "github":
        click.echo(as_github(report, changed), nl=False)
    elif fmt == "markdown":
        click.echo(as_markdown(report, changed), nl=False)
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

    configure_output()
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
@ROOT_OPTION
def rules(fmt: str, root: Path) -> None:
    """Liệt kê các quy tắc rút từ văn bản nguồn, mức độ mặc định và căn cứ của từng quy tắc; với cấu hình của dự án
    (data/config.yml), nói quy tắc nào tính theo huyện nay không chạy hoặc chạy ở cấp khác, và vì sao."""
    from generator.checks.rules import load_all_rules, scheme_note

    configure_output()
    registry = load_all_rules()
    config = _project_config(root)
    notes = {code: scheme_note(r, config) for code, r in registry.items()} if config else {}
    if fmt == "json":
        click.echo(json.dumps([
            {"code": r.code, "title": r.title, "severity": r.severity.value, "clause": r.clause,
             "document": r.doc, "section": r.section, "scheme_note": notes.get(r.code)}
            for r in registry.values()
        ], ensure_ascii=False, indent=2))
        return
    if config:
        click.echo(f"Hệ đơn vị hành chính của dự án: {config.active_scheme.name}.\n")
    for r in registry.values():
        click.echo(f"{r.code:<30} {r.severity.label_vi:<9} {r.title}")
        click.echo(f"{'':<30} Căn cứ: {r.clause}")
        if notes.get(r.code):
            click.echo(f"{'':<30} Theo cấu hình: {notes[r.code]}")
    click.echo(f"\n{len(registry)} quy tắc. Đổi mức độ trong data/config.yml, khóa rules (error, warning, info, off).")


def _project_config(root: Path):
    """The project's configuration when data/config.yml reads and validates, else None (the list
    then shows the rules as the documents write them)."""
    from pydantic import ValidationError

    from generator.load.yamlload import load_yaml_file
    from generator.schema.config import Config

    path = root / "data" / "config.yml"
    if not path.is_file():
        return None
    loaded = load_yaml_file(path, positions=False)
    try:
        return Config.model_validate(loaded.data) if loaded.ok else None
    except ValidationError:
        return None


@main.command(context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Dạng kết quả.")
def codes(fmt: str) -> None:
    """Liệt kê mọi mã lỗi, cảnh báo và ghi chú mà công cụ có thể báo: mức độ mặc định, tên và bước phát hiện."""
    from generator.checks.catalogue import all_codes
    from generator.cli.code_list import as_json, as_text

    configure_output()
    click.echo((as_json if fmt == "json" else as_text)(all_codes()), nl=False)


@main.command(context_settings=CONTEXT)
@ROOT_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Dạng kết quả: json cho chương trình và người duyệt.")
def stats(root: Path, fmt: str) -> None:
    """Đếm mọi đối tượng dữ liệu và nội dung (đơn vị, Tổ, thành viên, Khối, mô hình, câu hỏi…)."""
    from generator.checks.check import check_project
    from generator.produce.stats import compute_stats

    configure_output()
    dataset, report = check_project(project_root(root))
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

    configure_output()
    dataset, _ = check_project(project_root(root))
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
