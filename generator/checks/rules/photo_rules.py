"""Rules for photos shared online (HD 02-HD/BDVTU Tuyên Quang, mục IV.1): a photo is
published only with a full caption and after it has been vetted. The site producers
withhold any photo these rules flag."""

from __future__ import annotations

from typing import Any, Iterator

from generator.core.findings import Finding, Severity
from generator.model.privacy import MIN_CAPTION
from generator.schema.common import Photo
from generator.schema.walk import iter_instances
from generator.checks.rules.registry import RuleContext, rule

DOC = "hd-02-bdvtu-tuyen-quang-2021"
CLAUSE = "HD 02-HD/BDVTU Tuyên Quang, mục IV.1"


def iter_photos(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, Photo]]:
    return iter_instances(obj, Photo, path)


@rule("PHOTO-FILE-MISSING", "Tệp ảnh có trong thư mục data/", Severity.WARNING, CLAUSE, DOC, "IV.1")
def file_missing(ctx: RuleContext) -> Iterator[Finding]:
    for at in _records(ctx):
        for sub, photo in iter_photos(at.obj):
            if photo.publish and not (ctx.ds.root / "data" / photo.file).is_file():
                yield ctx.finding(at, sub + ("file",), f"Không thấy tệp ảnh “data/{photo.file}” nên ảnh sẽ không được đăng.",
                                  hint="Đặt tệp ảnh vào thư mục data/ đúng đường dẫn đã ghi.")


def _records(ctx: RuleContext):
    for collection in (ctx.ds.teams, ctx.ds.models, ctx.ds.assignments):
        yield from collection.values()


@rule("PHOTO-CAPTION", "Ảnh đăng công khai có chú thích đầy đủ", Severity.WARNING, CLAUSE, DOC, "IV.1")
def caption(ctx: RuleContext) -> Iterator[Finding]:
    for at in _records(ctx):
        for sub, photo in iter_photos(at.obj):
            if photo.publish and (not photo.caption or len(photo.caption) < MIN_CAPTION):
                yield ctx.finding(at, sub + ("caption",) if photo.caption else sub,
                                  f"Ảnh “{photo.file}” chưa có chú thích đầy đủ nên sẽ không được đăng.",
                                  hint="Chú thích ghi rõ việc gì, ở đâu, khi nào, ai tham gia.")


@rule("PHOTO-APPROVAL", "Ảnh được kiểm duyệt trước khi đăng", Severity.WARNING, CLAUSE, DOC, "IV.1")
def approval(ctx: RuleContext) -> Iterator[Finding]:
    for at in _records(ctx):
        for sub, photo in iter_photos(at.obj):
            if photo.publish and not photo.approved:
                yield ctx.finding(at, sub + ("approved",) if "approved" in photo.model_fields_set else sub,
                                  f"Ảnh “{photo.file}” chưa được kiểm duyệt nên sẽ không được đăng.",
                                  hint="Ghi approved: true, approved_by và approved_on sau khi ảnh đã được thẩm định.")
