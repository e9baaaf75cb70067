"""The one tree of errors a user can cause or meet. Every class is a `click.ClickException`
(as in mkdocs), so a command that lets one escape ends with its Vietnamese message and its
exit code, never a traceback. Problems in data are findings, not errors (`core.findings`).

Exit codes: 1 — the work could not be done (bad data, a missing font or editor bundle, a
git error); 2 — the command was used wrongly (an output folder it may not write into, an
option that does not fit).
"""

from __future__ import annotations

import click


class HandbookError(click.ClickException):
    """Base of every user-facing error; the message is Vietnamese."""

    exit_code = 1


class UsageRefused(HandbookError):
    """The command was asked for something it will not do."""

    exit_code = 2


class BuildError(HandbookError):
    """The build stopped (errors in the data, the engine, the final scan); the previous site
    stays. `report` holds the data's findings when they were the reason."""

    def __init__(self, message: str, report=None):
        super().__init__(message)
        self.report = report

    def __reduce__(self):  # raised in worker processes too
        return (type(self), (self.message, self.report))


class OutputRefused(UsageRefused):
    """An output folder a command must not write into."""

    def __init__(self, out, why: str, hint: str):
        super().__init__(f"Không ghi vào “{out}”: {why} {hint}")
        self.args = (out, why, hint)

    def __reduce__(self):
        return (type(self), self.args)


class FontMissing(HandbookError):
    """A print font is not installed."""


class EditorBundleMissing(HandbookError):
    """The web editor's npm package is not installed (or not at the pinned version)."""


class DiffError(UsageRefused):
    """The comparison cannot be made (not a git repository, unknown revision…): exit 2, so a
    CI step tells it from a change that brings errors (exit 1)."""


class FmtWriteError(HandbookError):
    """`handbook fmt` could not write the files it rewrote (nothing was changed, or the message
    says which files are left changed and where their old copies are)."""


class SynthError(UsageRefused):
    """A synthetic project cannot be made (unknown scale, output folder not ours…)."""


# What each user-facing error means, for `handbook errors` and the README.
EXIT_CODES = {
    0: "Xong, không có lỗi.",
    1: "Dữ liệu còn lỗi, hoặc việc không làm được (thiếu phông chữ, thiếu trang biên tập, lỗi git…).",
    2: "Dùng lệnh sai: tùy chọn không hợp lệ, hoặc thư mục ghi ra không được phép.",
}
