"""Paths named in data stay inside their folder: a symbolic link, an escape or an absolute
path is a located error, nothing outside data/photos/ is ever copied into the site, and
published photos are named by their bytes so two files of one name never collide."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from projects import buildable_base

from generator.build.pipeline import BuildError, build
from generator.checks.check import check_project
from generator.core.safepaths import PathRefused, check_photo_file, resolve_data_file

ROOT = Path(__file__).resolve().parents[1]
SECRET = "bí mật ngoài dự án 0912345678"


def _project(tmp_path: Path) -> Path:
    return buildable_base(tmp_path / "p")


def _point_photo_at(project: Path, value: str) -> None:
    model = project / "data" / "models" / "mh-mau.yml"
    text = model.read_text(encoding="utf-8")
    model.write_text(text.replace("file: photos/anh-mau.svg", f"file: {value}"), encoding="utf-8")


def _site_bytes(site: Path) -> bytes:
    parts = [p.read_bytes() for p in site.rglob("*") if p.is_file()]
    for archive in site.rglob("*.zip"):
        with zipfile.ZipFile(archive) as z:
            parts += [z.read(n) for n in z.namelist()]
    return b"".join(parts)


@pytest.mark.parametrize("how", ["symlink-file", "symlink-folder"])
def test_a_symbolic_link_is_a_located_error_and_nothing_is_copied(tmp_path, how):
    project = _project(tmp_path)
    secret = tmp_path / "secret.svg"
    secret.write_text(f'<svg xmlns="http://www.w3.org/2000/svg"><text>{SECRET}</text></svg>', encoding="utf-8")
    if how == "symlink-file":
        os.symlink(secret, project / "data" / "photos" / "lien-ket.svg")
        _point_photo_at(project, "photos/lien-ket.svg")
    else:
        (tmp_path / "outside").mkdir()
        shutil.copy(secret, tmp_path / "outside" / "anh.svg")
        os.symlink(tmp_path / "outside", project / "data" / "photos" / "ngoai")
        _point_photo_at(project, "photos/ngoai/anh.svg")
    _, report = check_project(project)
    found = [f for f in report.errors if f.code == "DATA-PATH-UNSAFE"]
    assert len(found) == 1
    assert found[0].file == "data/models/mh-mau.yml" and found[0].line == 12 and found[0].path == "photos[1].file"
    assert "liên kết" in found[0].message and found[0].hint
    out = tmp_path / "site"
    with pytest.raises(BuildError):
        build(project, out=out, pdf=False)
    assert not out.exists()


def test_the_producers_refuse_an_unsafe_path_even_past_the_check(tmp_path):
    """Defence in depth: the gallery and the copy step resolve the path again themselves."""
    project = _project(tmp_path)
    os.symlink(tmp_path / "nowhere.svg", project / "data" / "photos" / "x.svg")
    with pytest.raises(PathRefused):
        resolve_data_file(project / "data", "photos/x.svg")
    for value in ("../config.yml", "/etc/passwd", "photos/../config.yml", "config.yml", "photos"):
        with pytest.raises((PathRefused, FileNotFoundError)):
            check_photo_file(project / "data", value)


def test_two_photos_of_one_name_in_different_folders_are_both_published(tmp_path):
    project = _project(tmp_path)
    photos = project / "data" / "photos"
    for folder, colour in (("a", "red"), ("b", "blue")):
        (photos / folder).mkdir()
        (photos / folder / "anh.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="{colour}"/></svg>',
            encoding="utf-8")
    _point_photo_at(project, "photos/a/anh.svg")
    model = project / "data" / "models" / "mh-mau.yml"
    text = model.read_text(encoding="utf-8")
    second = text.replace("id: mh-mau", "id: mh-mau-2").replace("photos/a/anh.svg", "photos/b/anh.svg")
    (project / "data" / "models" / "mh-mau-2.yml").write_text(second, encoding="utf-8")
    site = build(project, out=tmp_path / "site", pdf=False).site_dir
    published = sorted((site / "assets" / "anh").iterdir())
    assert len(published) == 2
    assert {b"red" in p.read_bytes() for p in published} == {True, False}
    for page, colour in (("mo-hinh/mh-mau.html", b"red"), ("mo-hinh/mh-mau-2.html", b"blue")):
        html = (site / page).read_text(encoding="utf-8")
        src = next(p for p in published if colour in p.read_bytes()).name
        assert src in html, (page, src)
