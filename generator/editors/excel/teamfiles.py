"""The team files an import writes: takes the teams it has assembled; gives where each one's
file is (the file the team already has, or a new one in the folder of its commune's teams),
what that file holds now (refusing, with a finding, one that cannot be merged safely), and
writes every file or none (`core.atomic_write`), with findings that name any file left
changed and where its old copy is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.core.atomic_write import Planned, write_all as write_files
from generator.core.findings import Severity
from generator.editors.excel.session import Cell, ImportSession, Row
from generator.load.yamlload import load_yaml_text
from generator.model.hierarchy import commune_of


@dataclass
class Plan:
    """A team file the import means to write, and what it knows of the file it replaces."""
    team_id: str
    target: Path
    display: str  # path shown in messages, relative to the project
    data: dict  # merged data to write
    existing_text: str | None
    existing_bytes: bytes | None
    existing_data: dict | None
    header: list[str]
    row: Row  # the team's row on sheet To
    prov: dict[tuple, Cell] = field(default_factory=dict)  # key path of the data -> the cell it came from


def target_of(imp: ImportSession, tid: str, row: Row) -> tuple[Path, str]:
    """Where team `tid` is written, and that path as messages show it (relative to the
    project): its existing file, or a new one in the folder its commune's teams use."""
    ds = imp.dataset
    root = Path(getattr(ds, "root", imp.data_dir.parent))
    located = ds.teams.get(tid)
    if located is not None:
        return root / located.file.path, located.file.path
    folder = None
    village = row.values.get("village")
    commune = commune_of(ds, village) if village else None
    if commune:
        for at in ds.teams.values():  # a team of the same commune shows the folder in use
            if commune_of(ds, at.obj.village) == commune:
                parts = Path(at.file.path).parts
                if len(parts) >= 4 and parts[0] == "data" and parts[1] == "teams":
                    folder = parts[2]
                    break
        if folder is None:
            folder = commune[3:] if commune.startswith("bg-") else commune
    target = imp.data_dir / "teams" / folder / f"{tid}.yml" if folder else imp.data_dir / "teams" / f"{tid}.yml"
    try:
        display = target.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        display = str(target)
    return target, display


def read_existing(imp: ImportSession, tid: str, target: Path, display: str, row: Row):
    """(bytes, text, data, header) of the file a team will replace, or None when there is none;
    False when it exists but cannot be safely replaced (a finding says why)."""
    if not target.exists():
        return None
    try:
        raw = target.read_bytes()
        text = raw.decode("utf-8").lstrip("\ufeff")
    except (OSError, UnicodeDecodeError):
        imp.add("IMPORT-WOULD-OVERWRITE", row.cells.get("id"),
                f"Tệp {display} đã có nhưng không đọc được, nên không thể ghi đè mà không làm mất dữ liệu.",
                "Sửa tệp đó cho đọc được (chạy handbook check) rồi nhập lại.")
        return False
    loaded = load_yaml_text(text, display)
    if not loaded.ok or not isinstance(loaded.data, dict) or any(f.severity is Severity.ERROR for f in loaded.findings):
        imp.add("IMPORT-WOULD-OVERWRITE", row.cells.get("id"),
                f"Tệp {display} đã có nhưng đang có lỗi YAML, nên không thể gộp dữ liệu mà không làm mất phần đang có.",
                "Chạy handbook check, sửa tệp đó rồi nhập lại.")
        return False
    if loaded.data.get("id") not in (None, tid):
        imp.add("IMPORT-WOULD-OVERWRITE", row.cells.get("id"),
                f"Tệp {display} đang chứa Tổ “{loaded.data.get('id')}”, không phải “{tid}”; tệp không bị ghi đè.",
                "Kiểm tra lại mã tổ, hoặc đổi tên tệp cho khớp với mã tổ bên trong.")
        return False
    header: list[str] = []
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            header.append(line)
        else:
            break
    while header and not header[-1].strip():
        header.pop()
    return raw, text, loaded.data, header


def write_all(imp: ImportSession, rendered: list[tuple[Plan, bytes]]) -> tuple[list[Path], list[Path]]:
    """Every file or none (atomic_write says how); gives the files written and the files left
    changed because putting them back failed too, each with a finding naming it and its backup."""
    outcome = write_files([Planned(plan.target, data, plan.existing_bytes) for plan, data in rendered])
    plans = {plan.target: plan for plan, _ in rendered}
    for target in outcome.changed_meanwhile:
        plan = plans[target]
        imp.add("IMPORT-CHANGED-MEANWHILE", plan.row.cells.get("id"),
                f"Tệp {plan.display} vừa bị thay đổi trong lúc nhập; không tệp nào được ghi.", "Chạy lại lệnh nhập.")
    if outcome.error is not None:
        exc = outcome.error
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        if not outcome.left:
            imp.add("IMPORT-WRITE-FAILED", None, f"Không ghi được tệp dữ liệu ({reason}); không tệp nào bị thay đổi.",
                    "Kiểm tra quyền ghi và chỗ trống trên đĩa ở thư mục data/teams/ rồi chạy lại.")
        else:
            listing = "; ".join(
                f"{plans[target].display} (bản cũ giữ ở {(Path(plans[target].display).parent / backup.name).as_posix()})"
                if backup is not None else f"{plans[target].display} (tệp mới)" for target, backup in outcome.left.items())
            imp.add("IMPORT-ROLLBACK-FAILED", None,
                    f"Ghi tệp thất bại giữa chừng ({reason}) và không trả lại được {len(outcome.left)} tệp đã ghi: {listing}. "
                    "Các tệp này đang mang dữ liệu mới từ bảng tính; các tệp khác không đổi.",
                    "Khôi phục bằng tay: đổi tên bản cũ về đúng tên tệp (tệp mới thì xóa đi), hoặc dùng "
                    "git checkout -- <tên tệp>; sau đó chạy handbook check.")
    return outcome.written, list(outcome.left)
