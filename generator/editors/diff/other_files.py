"""Sentences for the project's files outside the record kinds: takes both datasets (or the
hashes of both sides' other files), gives what changed in the configuration
(data/config.yml), the publications, the glossary, and the photos and other files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from generator.core.dates import format_vn_date
from generator.editors.diff.deltas import changed_fields, plain
from generator.editors.diff.words import join, quote, title, titles
from generator.model.dataset import Dataset
from generator.schema.config import Config
from generator.schema.introspect import field_at

_RULE_LEVEL = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú", "off": "tắt", None: "mặc định"}
_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".tif", ".tiff"}
_CONFIG = "data/config.yml"


def config_sentences(out: list[str], a: Dataset, b: Dataset) -> None:
    old, new = a.config, b.config
    if old is None and new is None:
        return
    if old is None:
        out.append(f"Thêm tệp cấu hình {_CONFIG}." if _CONFIG not in _files(a)
                   else f"Tệp cấu hình {_CONFIG} trước đây có lỗi, nay đã đọc được.")
        return
    if new is None:
        out.append(f"Xóa tệp cấu hình {_CONFIG}." if _CONFIG not in _files(b)
                   else f"Chưa so sánh được cấu hình: tệp {_CONFIG} ở bản mới có lỗi (xem phần kết quả kiểm tra).")
        return
    for name in changed_fields(old, new):
        if name == "reference_date":
            out.append(f"Đổi ngày chốt số liệu từ {format_vn_date(old.reference_date)} sang {format_vn_date(new.reference_date)}.")
        elif name == "scheme":
            out.append(f"Đổi hệ đơn vị hành chính từ “{old.scheme}” sang “{new.scheme}”.")
        elif name == "thresholds":
            for field in changed_fields(old.thresholds, new.thresholds):
                before, after = _value(getattr(old.thresholds, field)), _value(getattr(new.thresholds, field))
                threshold = field_at(type(new.thresholds), field).title  # as written: “Số hộ tối đa”
                out.append(f"Đổi ngưỡng “{threshold}” từ {before} thành {after}.")
        elif name == "rules":
            for code in sorted(set(old.rules) | set(new.rules)):
                if old.rules.get(code) != new.rules.get(code):
                    out.append(f"Đổi mức độ quy tắc {code} từ {_RULE_LEVEL[old.rules.get(code)]} "
                               f"thành {_RULE_LEVEL[new.rules.get(code)]}.")
        elif name == "province":
            fields = changed_fields(old.province, new.province)
            out.append(f"Sửa thông tin tỉnh trong cấu hình: {titles(type(new.province), fields)}.")
        else:
            out.append(f"Sửa cấu hình: {title(Config, name)}.")


def _value(value: Any) -> str:
    """A threshold as written in Vietnamese: dates dd/mm/yyyy, decimals with a comma."""
    if isinstance(value, dt.date):
        return format_vn_date(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def _files(ds: Dataset) -> set[str]:
    return {f.path for f in ds.files}


def publication_sentences(out: list[str], a: Dataset, b: Dataset) -> None:
    old = {k: v.obj for k, v in a.publications.items()}
    new = {k: v.obj for k, v in b.publications.items()}
    for key in sorted(set(old) | set(new)):
        if key not in old:
            out.append(f"Thêm ấn phẩm “{new[key].title}”.")
        elif key not in new:
            out.append(f"Xóa ấn phẩm “{old[key].title}”.")
        elif plain(old[key]) != plain(new[key]):
            out.append(f"Sửa ấn phẩm “{new[key].title}”: {titles(type(new[key]), changed_fields(old[key], new[key]))}.")


def glossary_sentences(out: list[str], a: Dataset, b: Dataset) -> None:
    old = {t.obj.term: t.obj for t in a.terms}
    new = {t.obj.term: t.obj for t in b.terms}
    added = [t for t in new if t not in old]
    changed = [t for t in new if t in old and plain(old[t]) != plain(new[t])]
    removed = [t for t in old if t not in new]
    for verb, terms in (("Thêm", added), ("Sửa", changed), ("Xóa", removed)):
        if terms:
            count = f"{len(terms)} thuật ngữ" if len(terms) > 1 else "thuật ngữ"
            out.append(f"{verb} {count}: {join([quote(t) for t in terms], 'thuật ngữ')}.")


def asset_sentences(out: list[str], old: dict[str, str], new: dict[str, str]) -> None:
    """Photos and other files by path (they have no records): added, replaced, removed."""
    def noun(paths: list[str]) -> str:
        word = "ảnh" if all(Path(p).suffix.lower() in _IMAGE_SUFFIXES for p in paths) else "tệp"
        return f"{len(paths)} {word}" if len(paths) > 1 else word

    added = sorted(p for p in new if p not in old)
    replaced = sorted(p for p in new if p in old and old[p] != new[p])
    removed = sorted(p for p in old if p not in new)
    for verb, paths in (("Thêm", added), ("Thay", replaced), ("Xóa", removed)):
        if paths:
            out.append(f"{verb} {noun(paths)}: {join(paths, 'tệp')}.")
