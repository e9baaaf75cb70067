"""The `handbook` command group and what its commands share: takes nothing, gives the click
group `main` (in Vietnamese: usage line, option metavar, click's own words), the common
options, and the helpers every command uses (UTF-8 output, the project root, a checked
dataset). The commands themselves live in the `commands_*` modules by theme; `main.py`
assembles them."""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

import click

from generator import __version__
from generator.build.outguard import Terminated
from generator.cli.vietnamese import install as _vietnamese_click

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

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except Terminated:
            end_after_a_stop()

    def format_usage(self, ctx, formatter):
        formatter.write_usage(ctx.command_path, "[TÙY CHỌN] LỆNH [ĐỐI SỐ]...", prefix="Cách dùng: ")


def end_after_a_stop() -> None:
    """A SIGTERM has unwound the command (its `finally` blocks removed what it had half made):
    say so and end now. A normal exit would wait for every worker process to finish its job,
    and a worker whose fork the signal interrupted is one the exit waits for forever; the
    workers are stopped instead (SIGKILL: they hold nothing that outlives them)."""
    click.echo("Đã dừng.", err=True)
    children = multiprocessing.active_children()
    for child in children:
        child.kill()
    for child in children:
        child.join(timeout=5)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(1)


@click.group(cls=VietnameseGroup, context_settings=CONTEXT)
@click.help_option("-h", "--help", help="In hướng dẫn này rồi thoát.")
@click.version_option(__version__, "--version", message="handbook %(version)s", help="In số phiên bản rồi thoát.")
def main() -> None:
    """Công cụ sổ tay công tác dân vận: kiểm tra dữ liệu, dựng trang web và bản in.

    Chạy trong thư mục dự án. Ví dụ: handbook check
    """


def configure_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass


def checked(root: Path):
    """The checked dataset and report; prints the findings and exits 1 when there are errors."""
    from generator.checks.check import check_project
    from generator.produce.findings_output import as_text

    dataset, report = check_project(root)
    if not report.valid():
        click.echo(as_text(report, root), nl=False)
        sys.exit(1)
    return dataset, report


def project_root(root: Path) -> Path:
    root = root.resolve()
    if not (root / "data").is_dir():
        raise click.UsageError(f"Không thấy thư mục data/ trong “{root}”. Hãy chạy lệnh trong thư mục dự án hoặc dùng --root.")
    return root
