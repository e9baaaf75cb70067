"""Names and places of one-record files: takes a `Dataset`, gives findings for a file whose
name differs from the id inside it, and for a team file in the folder of another commune.

Why they matter: a file is found by its name (the web editor, `handbook import`, a reviewer
reading a pull request), and a file that could not be read counts under its name; a team
filed under another commune's folder usually means its village id points to the wrong
commune, or the file was copied from a neighbour and not fully edited.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath

from generator.model.dataset import Dataset, Located
from generator.core.findings import Finding, Severity
from generator.model.hierarchy import commune_of, unit_label
from generator.load.yamlload import format_path

_ONE_RECORD = (("teams", "Tổ"), ("blocs", "Khối"), ("models", "mô hình"), ("assignments", "phân công"))
TEAMS_DIR = ("data", "teams")


def check_file_names(ds: Dataset) -> list[Finding]:
    findings = []
    for collection, label in _ONE_RECORD:
        for rid, at in getattr(ds, collection).items():
            name = PurePosixPath(at.file.path)
            if name.stem != rid:
                findings.append(_finding(
                    "FILE-ID-MISMATCH", at, ("id",),
                    f"Mã {label} “{rid}” khác tên tệp “{name.name}”.",
                    f"Đặt tên tệp trùng với mã: đổi tên tệp thành “{rid}{name.suffix}”, hoặc nếu mã gõ nhầm thì sửa "
                    f"id thành “{name.stem}”.",
                ))
    findings += _team_folders(ds)
    return findings


def team_folder(at: Located) -> str | None:
    parts = PurePosixPath(at.file.path).parts
    return parts[2] if len(parts) >= 4 and parts[:2] == TEAMS_DIR else None


def names_commune(folder: str, commune: str) -> bool:
    """A folder is named after a commune by its id, or by the id without the province's
    prefix (the sample keeps bg-tan-yen-cao-xa in data/teams/tan-yen-cao-xa/)."""
    return folder == commune or commune.endswith("-" + folder)


def _team_folders(ds: Dataset) -> list[Finding]:
    placed = []  # (team, its folder, its commune)
    for at in ds.teams.values():
        folder = team_folder(at)
        commune = commune_of(ds, at.obj.village)
        if folder is not None and commune is not None:
            placed.append((at, folder, commune))
    in_use: dict[str, Counter] = {}
    prefixes: Counter = Counter()
    for at, folder, commune in placed:
        if names_commune(folder, commune):
            in_use.setdefault(commune, Counter())[folder] += 1
            prefixes[commune[: len(commune) - len(folder)]] += 1
    findings = []
    for at, folder, commune in placed:
        if names_commune(folder, commune):
            continue
        expected = _expected(commune, in_use.get(commune), prefixes)
        commune_name = unit_label(ds.units[commune].obj) if commune in ds.units else commune
        findings.append(_finding(
            "TEAM-WRONG-FOLDER", at, ("village",),
            f"Tổ “{at.obj.id}” ở thôn “{at.obj.village}” thuộc {commune_name} (mã “{commune}”), nhưng tệp nằm trong "
            f"thư mục data/teams/{folder}/ của nơi khác.",
            f"Chuyển tệp vào thư mục data/teams/{expected}/; nếu Tổ đúng là của xã theo tên thư mục, sửa mã thôn "
            "(village) cho đúng.",
        ))
    return findings


def _expected(commune: str, used: Counter | None, prefixes: Counter) -> str:
    if used:
        return used.most_common(1)[0][0]
    for prefix, _ in prefixes.most_common():
        if prefix and commune.startswith(prefix):
            return commune[len(prefix):]
    return commune


def _finding(code: str, at: Located, sub: tuple, message: str, hint: str) -> Finding:
    line, col = at.file.locate(at.path + sub)
    return Finding(code, Severity.ERROR, message, file=at.file.path, line=line, column=col,
                   path=format_path(at.path + sub) or None, hint=hint)
