"""Every change as a Vietnamese sentence: takes the two checked sides, gives the sentences in a
fixed order — configuration, then each kind of record in the order of `KINDS`, publications,
glossary, then photos and other files.

`KINDS` is the one table of how the summary speaks of each kind of record: what the kind and
one record are called, the sentence for a new and for a removed record, the sentences for the
fields that have their own wording, and which fields those are; any other changed field is
listed by its title (“Sửa mô hình “…”: kết quả, câu chuyện.”). Kinds whose records share one
file (units, documents, topics) group their sentences instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel

from generator.core.dates import format_vn_date
from generator.core.text import cap
from generator.editors.diff.deltas import Delta, changed_fields, plain, plain_map, record_delta, records
from generator.editors.diff.other_files import asset_sentences, config_sentences, glossary_sentences, publication_sentences
from generator.editors.diff.record_changes import (
    ASSIGNMENT_DESCRIBED, BLOC_DESCRIBED, TEAM_DESCRIBED, assignment_added, assignment_changes, bloc_changes,
    team_changes,
)
from generator.editors.diff.words import (
    agency, bloc_label, code_label, join, lower, quote, team_label, titles, unit_place,
)
from generator.model.dataset import Dataset
from generator.model.hierarchy import unit_label

Sentences = list[str]
Changes = Callable[[Sentences, Dataset, Dataset, Any, Any], None]


@dataclass(frozen=True)
class Kind:
    """How the summary speaks of one kind of record."""

    name: str  # the kind, as `Dataset.index` knows it
    collection: str  # the whole kind: “Chưa so sánh được {collection}: tệp … có lỗi”
    # Kinds whose records share one file: their own sentences for the whole delta.
    grouped: Callable[[Sentences, Dataset, Dataset, Delta], None] | None = None
    # Kinds with a file per record:
    record: str = ""  # one record whose file cannot be read: “Chưa so sánh được {record} “id””
    label: Callable[[Dataset, Any], str] | None = None  # a record inside a sentence: “Xóa {label}.”
    added: Callable[[Dataset, Any], str] | None = None  # the sentence for a new record
    removed: Callable[[Dataset, Any], str] | None = None  # the sentence for a removed one (default “Xóa {label}.”)
    changes: Changes | None = None  # sentences for the fields with their own wording…
    described: frozenset[str] = frozenset({"id"})  # …which are these; other changed fields are listed by title
    fields: Callable[[Any], BaseModel] = lambda record: record  # where those fields are (a Q&A item: its front matter)
    note: Callable[[Any, Any], str] | None = None  # a remark after the listed fields


# --------------------------------------------------------------------------- kinds in one file
# A broken file of these kinds stops their comparison before these run (`kind_sentences`):
# every record they see is readable on both sides.


def unit_sentences(out: Sentences, a: Dataset, b: Dataset, delta: Delta) -> None:
    if delta.added:
        places = [unit_place(b, key) for key, _ in delta.added]
        noun = "đơn vị hành chính" if len(places) == 1 else f"{len(places)} đơn vị hành chính"
        out.append(f"Thêm {noun}: {join(places, 'đơn vị')}.")
    for key, old, new in delta.changed:
        if (old.name, old.kind) != (new.name, new.kind):
            out.append(f"Đổi tên {unit_label(old)} thành {unit_label(new)}.")
        if old.parent != new.parent:
            out.append(f"Chuyển {unit_label(new)} từ {unit_place(a, old.parent) or 'không có cấp trên'} "
                       f"sang {unit_place(b, new.parent) or 'không có cấp trên'}.")
        if new.became and plain(old.became) != plain(new.became):
            after = unit_place(b, new.became.unit) if new.became.unit else (new.became.name or "")
            when = f" từ ngày {format_vn_date(new.became.date)}" if new.became.date else ""
            out.append(f"Ghi nhận {unit_label(new)} nay là {after or 'đơn vị khác'}{when}.")
        rest = changed_fields(old, new, skip=("name", "kind", "parent", "became" if new.became else ""))
        if rest:
            out.append(f"Sửa đơn vị {unit_place(b, key)}: {titles(type(new), rest)}.")
    if delta.removed:
        places = [unit_place(a, key) for key, _ in delta.removed]
        noun = "đơn vị hành chính" if len(places) == 1 else f"{len(places)} đơn vị hành chính"
        out.append(f"Xóa {noun}: {join(places, 'đơn vị')}.")


def _doc_name(doc: Any) -> str:
    return doc.number or doc.short_name or quote(doc.title)


def document_sentences(out: Sentences, a: Dataset, b: Dataset, delta: Delta) -> None:
    if len(delta.added) == 1:
        out.append(f"Thêm văn bản {_doc_name(delta.added[0][1])} vào sổ văn bản.")
    elif delta.added:
        names = join([_doc_name(d) for _, d in delta.added], "văn bản")
        out.append(f"Thêm {len(delta.added)} văn bản vào sổ văn bản: {names}.")
    for _, old, new in delta.changed:
        out.append(f"Sửa văn bản {_doc_name(new)} trong sổ văn bản: {titles(type(new), changed_fields(old, new))}.")
    if len(delta.removed) == 1:
        out.append(f"Xóa văn bản {_doc_name(delta.removed[0][1])} khỏi sổ văn bản.")
    elif delta.removed:
        names = join([_doc_name(d) for _, d in delta.removed], "văn bản")
        out.append(f"Xóa {len(delta.removed)} văn bản khỏi sổ văn bản: {names}.")


def topic_sentences(out: Sentences, a: Dataset, b: Dataset, delta: Delta) -> None:
    for _, topic in delta.added:
        out.append(f"Thêm chủ đề “{topic.title}”.")
    for _, old, new in delta.changed:
        out.append(f"Sửa chủ đề “{new.title}”: {titles(type(new), changed_fields(old, new))}.")
    for _, topic in delta.removed:
        out.append(f"Xóa chủ đề “{topic.title}”.")


# --------------------------------------------------------------------------- kinds with a file per record


def _model_changes(out: Sentences, a: Dataset, b: Dataset, old: Any, new: Any) -> None:
    if old.name != new.name:
        out.append(f"Đổi tên mô hình “{old.name}” thành “{new.name}”.")


def _qa_changes(out: Sentences, a: Dataset, b: Dataset, old: Any, new: Any) -> None:
    if old.question != new.question:
        out.append(f"Sửa câu hỏi: “{old.question}” thành “{new.question}”")
    if old.answer != new.answer:
        out.append(f"Sửa câu trả lời: “{new.question}”")


def _quiz_count(old: Any, new: Any) -> str:
    if len(old.quiz) == len(new.quiz):
        return ""
    return f" (câu hỏi kiểm tra: {len(old.quiz)} → {len(new.quiz)} câu)"


def _team_added(ds: Dataset, team: Any) -> str:
    place = unit_place(ds, team.village) if team.village in ds.units else quote(team.village)
    sentence = f"Thêm Tổ Dân vận cộng đồng ở {place}: {len(team.members)} thành viên"
    if team.groups:
        sentence += f", {len(team.groups)} nhóm"
    return sentence + "."


# --------------------------------------------------------------------------- the table


KINDS: tuple[Kind, ...] = (
    Kind("unit", "đơn vị hành chính", grouped=unit_sentences),
    Kind("document", "sổ văn bản", grouped=document_sentences),
    Kind("team", "Tổ Dân vận cộng đồng", record="Tổ", label=team_label, added=_team_added,
         changes=team_changes, described=TEAM_DESCRIBED),
    Kind("bloc", "Khối Dân vận", record="Khối", label=bloc_label,
         added=lambda ds, bloc: f"Thêm {bloc_label(ds, bloc)}: {len(bloc.members)} thành viên.",
         changes=bloc_changes, described=BLOC_DESCRIBED),
    Kind("assignment", "phân công", record="phân công", label=lambda ds, item: f"phân công của {agency(item)}",
         added=assignment_added, changes=assignment_changes, described=ASSIGNMENT_DESCRIBED),
    Kind("model", "mô hình", record="mô hình", label=lambda ds, model: f"mô hình “{model.name}”",
         added=lambda ds, model: f"Thêm mô hình “{model.name}” (lĩnh vực {lower(code_label(model.field))}).",
         changes=_model_changes, described=frozenset({"id", "name"})),
    Kind("topic", "chủ đề", grouped=topic_sentences),
    # Questions end with their question mark: these sentences add no full stop.
    Kind("qa", "câu hỏi – đáp", record="câu hỏi – đáp", label=lambda ds, item: f"câu hỏi – đáp “{item.question}”",
         added=lambda ds, item: f"Thêm câu hỏi – đáp: “{item.question}”",
         removed=lambda ds, item: f"Xóa câu hỏi – đáp: “{item.question}”",
         changes=_qa_changes, described=frozenset({"id", "question"}), fields=lambda item: item.front),
    Kind("module", "chuyên đề", record="chuyên đề", label=lambda ds, module: f"chuyên đề “{module.title}”",
         added=lambda ds, module: f"Thêm chuyên đề “{module.title}” ({len(module.quiz)} câu hỏi kiểm tra).",
         note=_quiz_count),
)


# --------------------------------------------------------------------------- comparing


def compare(old: Any, new: Any) -> Sentences:
    """Every change from side `old` to side `new` as a sentence, in a fixed order: configuration,
    units, documents, teams, blocs, assignments, models, then the content, then other files."""
    out: Sentences = []
    a, b = old.dataset, new.dataset
    config_sentences(out, a, b)
    for kind in KINDS:
        kind_sentences(out, a, b, kind)
    publication_sentences(out, a, b)
    glossary_sentences(out, a, b)
    asset_sentences(out, old.assets, new.assets)
    return out


def _not_compared(kind: Kind, which: str) -> str:
    return f"Chưa so sánh được {kind.collection}: tệp ở {which} có lỗi nên không đọc được (xem phần kết quả kiểm tra)."


def kind_sentences(out: Sentences, a: Dataset, b: Dataset, kind: Kind) -> None:
    if kind.name in b.unreadable_kinds or kind.name in a.unreadable_kinds:
        # a file of this kind could not be read at all: which records it held is unknown
        if plain_map(records(a, kind.name)) != plain_map(records(b, kind.name)):
            out.append(_not_compared(kind, "bản mới" if kind.name in b.unreadable_kinds else "bản trước"))
        return
    delta = record_delta(a, b, kind.name)
    if kind.grouped is not None:
        # one broken file hides every record it holds: nothing to say record by record
        if delta.unreadable_new or delta.unreadable_old:
            out.append(_not_compared(kind, "bản mới" if delta.unreadable_new else "bản trước"))
        else:
            kind.grouped(out, a, b, delta)
        return
    _record_sentences(out, a, b, kind, delta)


def _record_sentences(out: Sentences, a: Dataset, b: Dataset, kind: Kind, delta: Delta) -> None:
    """A kind with one file per record: each record's sentences together, records in id order."""
    removed = kind.removed or (lambda ds, record: f"Xóa {kind.label(ds, record)}.")
    events: list[tuple[str, Sentences]] = []
    for key, record in delta.added:
        events.append((key, [kind.added(b, record)]))
    for key, old, new in delta.changed:
        lines: Sentences = []
        if old is None:
            lines.append(f"{cap(kind.label(b, new))}: tệp trước đây có lỗi, nay đã đọc được.")
        else:
            _changed_record(lines, a, b, kind, old, new)
        events.append((key, lines))
    for key, record in delta.removed:
        events.append((key, [removed(a, record)]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được {kind.record} “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


def _changed_record(out: Sentences, a: Dataset, b: Dataset, kind: Kind, old: Any, new: Any) -> None:
    if kind.changes is not None:
        kind.changes(out, a, b, old, new)
    before, after = kind.fields(old), kind.fields(new)
    rest = changed_fields(before, after, skip=kind.described)
    if rest:
        note = kind.note(old, new) if kind.note else ""
        out.append(f"Sửa {kind.label(b, new)}: {titles(type(after), rest)}{note}.")
