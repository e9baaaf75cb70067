"""Web editing (generator/produce/cms/): the Decap CMS configuration derived from the schemas, and the
admin page in a real browser (Debian's Chromium through Playwright).

The browser tests need the CMS bundle that `npm ci` installs (node_modules/decap-cms, or the
node_modules $HANDBOOK_NODE_MODULES points at); without it they fail and say so, they do not
skip. Every request that does not go to 127.0.0.1 is aborted, and the tests also assert that
none was attempted. Screenshots go to tests/output/screenshots/. Run alone with:
    python -m pytest tests/test_cms.py -q -o addopts=""
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
for _folder in (ROOT, Path(__file__).resolve().parent):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

from generator.produce import cms  # noqa: E402
from generator.core.dates import parse_vn_date  # noqa: E402
from generator.schema.filekinds import BY_NAME, KINDS  # noqa: E402
from generator.schema.content import Module  # noqa: E402
from generator.schema.exemplar import Exemplar  # noqa: E402
from generator.schema.team import Team  # noqa: E402

SCREENSHOTS = ROOT / "tests" / "output" / "screenshots"
CDN_HOSTS = ("unpkg.com", "cdn.jsdelivr.net", "fonts.googleapis.com", "fonts.gstatic.com", "cdnjs.cloudflare.com")


# -- the configuration ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def config() -> dict:
    text = cms.config_yaml(cms.cms_config(ROOT))
    assert "&id" not in text and "*id" not in text, "no YAML anchors: the file is read by people too"
    loaded = yaml.safe_load(text)
    assert loaded == cms.cms_config(ROOT)
    return loaded


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def field(fields: list[dict], *path: str) -> dict:
    """The field at `path` (names), descending into object and list subfields."""
    current = {"fields": fields}
    for name in path:
        current = next(f for f in current["fields"] if f["name"] == name)
    return current


def all_fields(fields: list[dict]):
    for f in fields:
        yield f
        yield from all_fields(f.get("fields", []))
        if "field" in f:
            yield f["field"]


def test_one_collection_per_file_kind(config):
    assert [c["name"] for c in config["collections"]] == [kind.name for kind in KINDS]
    for c in config["collections"]:
        kind = BY_NAME[c["name"]]
        assert ("folder" in c) != ("files" in c), c["name"]
        if "files" in c:
            assert c["files"] and all(f["fields"] for f in c["files"])
            for f in c["files"]:
                assert any(Path(f["file"]).match(p) for p in kind.patterns), f["file"]
        else:
            assert c["fields"] and c["create"] is True
            assert any(p.startswith(c["folder"] + "/") for p in kind.patterns)


def test_backend_opens_pull_requests(config, tmp_path):
    settings = yaml.safe_load((ROOT / "data" / "config.yml").read_text(encoding="utf-8"))
    # The sample names its repository (cms: in data/config.yml): the backend is that one.
    assert config["backend"]["name"] == settings["cms"]["forge"]
    assert config["backend"]["repo"] == settings["cms"]["repo"] and "_comment" not in config["backend"]
    assert config["backend"]["branch"] == settings["cms"]["branch"]
    # A project without `cms:` gets the placeholder, with a comment saying what to set.
    del settings["cms"]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "config.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    bare = cms.cms_config(tmp_path)
    assert bare["backend"]["repo"] == "OWNER/REPO" and "OWNER/REPO" in bare["backend"]["_comment"]
    assert bare["backend"]["name"] == "github" and bare["backend"]["branch"] == "main"
    gitlab = cms.cms_config(tmp_path, repo="ban-dan-van/so-tay", forge="gitlab", branch="xuat-ban")
    assert (gitlab["backend"]["name"], gitlab["backend"]["branch"]) == ("gitlab", "xuat-ban")
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "vi"
    assert config["media_folder"] == "data/photos" and config["public_folder"] == "/assets/anh"
    named = cms.cms_config(ROOT, repo="ban-dan-van/so-tay", base_url="https://auth.example.org")
    assert named["backend"]["repo"] == "ban-dan-van/so-tay" and "_comment" not in named["backend"]
    assert named["backend"]["base_url"] == "https://auth.example.org"


def test_folder_and_file_collections(config):
    team = collection(config, "team")
    assert team["folder"] == "data/teams" and team["extension"] == "yml" and team["format"] == "handbook-yml"
    assert team["nested"]["depth"] >= 2 and "subfolders" not in team["nested"]  # data/teams/<xã>/<tổ>.yml
    assert team["identifier_field"] == "id" and team["slug"] == "{{id}}"
    for name in ("bloc", "model", "assignment", "module"):
        c = collection(config, name)
        assert c["extension"] == "yml" and c["format"] == "handbook-yml" and "nested" not in c, name
    qa = collection(config, "qa")
    assert qa["folder"] == "content/qa" and qa["extension"] == "md" and qa["format"] == "handbook-md"
    assert qa["path"] == "{{topic}}/{{slug}}"  # content/qa/<chủ đề>/<câu>.md
    assert qa["media_folder"] == "/data/photos"  # not beside each question
    body = field(qa["fields"], "body")
    assert body["widget"] == "markdown" and body["label"] == "Trả lời"
    for name, file in (("config", "data/config.yml"), ("documents", "data/documents.yml"),
                       ("topics", "content/topics.yml"), ("glossary", "content/glossary.yml"),
                       ("publications", "data/publications.yml")):
        assert [f["file"] for f in collection(config, name)["files"]] == [file]
        assert collection(config, name)["format"] == "handbook-yml"  # the canonical layout (handbook-yaml.js)
    units = collection(config, "units")
    assert [f["file"] for f in units["files"]] == sorted(
        p.relative_to(ROOT).as_posix() for p in ROOT.glob("data/units/*.yml"))


def test_widgets_follow_field_types(config):
    team = collection(config, "team")["fields"]
    members = field(team, "members")
    assert members["widget"] == "list" and members["label"] == "Thành viên"
    assert members["summary"] == "{{fields.family_name}} {{fields.given_name}}"
    role = field(team, "members", "team_role")
    assert role["widget"] == "select" and "required" not in role
    assert {"label": "Tổ trưởng", "value": "to_truong"} in role["options"]
    assert [o["value"] for o in role["options"]] == ["to_truong", "to_pho", "thanh_vien"]
    positions = field(team, "members", "positions")
    assert positions["widget"] == "select" and positions["multiple"] is True and positions["required"] is False
    assert {"label": "Bí thư chi bộ", "value": "bi_thu_chi_bo"} in positions["options"]
    year = field(team, "members", "birth_year")
    assert year == {**year, "widget": "number", "value_type": "int", "min": 1900, "max": 2100, "required": False}
    assert "nội bộ" in year["hint"]  # x-visibility: internal
    households = field(team, "groups", "households")
    assert households["widget"] == "number" and households["value_type"] == "int" and households["min"] == 0
    assert households["label"] == "Số hộ phụ trách"
    consent = field(team, "members", "consent_to_publish")
    assert consent["widget"] == "boolean" and consent["default"] is False
    date = field(team, "founding_decision", "date")
    assert date["widget"] == "datetime" and date["date_format"] == "DD/MM/YYYY" and date["time_format"] is False
    assert field(team, "founding_decision")["widget"] == "object"
    assert field(team, "exception_note")["widget"] == "text" and field(team, "exception_note")["required"] is False
    team_id = field(team, "id")
    assert team_id["widget"] == "string" and team_id["pattern"][0] == r"^[a-z0-9]+(-[a-z0-9]+)*$"

    model = collection(config, "model")["fields"]
    story = field(model, "story")
    assert story["widget"] == "markdown" and story["required"] is False and story["label"] == "Câu chuyện"
    value = field(model, "results", "value")
    assert value["widget"] == "number" and value["value_type"] == "float"
    assert field(model, "field")["options"][0] == {"label": "Kinh tế", "value": "kinh_te"}
    photo = field(model, "photos", "file")  # a path relative to data/: uploads go to data/photos
    assert photo == {**photo, "widget": "image", "media_folder": "/data/photos", "public_folder": "photos"}

    docs = collection(config, "documents")["files"][0]["fields"]
    assert {"label": "Nghị quyết", "value": "NQ"} in field(docs, "documents", "kind")["options"]
    keywords = field(collection(config, "qa")["fields"], "keywords")
    assert keywords["widget"] == "list" and keywords["field"]["widget"] == "string"  # one box per keyword
    audiences = field(collection(config, "qa")["fields"], "audiences")
    assert audiences["multiple"] is True and audiences["min"] == 1
    assert {"label": "Tổ trưởng", "value": "to_truong"} in audiences["options"]


def test_references_become_relations(config):
    team = collection(config, "team")["fields"]
    village = field(team, "village")  # units live in one file: a relation into its list
    units_file = collection(config, "units")["files"][0]["name"]
    assert village == {**village, "widget": "relation", "collection": "units", "file": units_file,
                       "value_field": "units.*.id"}
    assert village["display_fields"] == ["units.*.name", "units.*.id"]  # many villages share a name
    leader = field(team, "groups", "leader")  # people have no collection of their own
    assert leader["widget"] == "string" and "nhóm trưởng" in leader["hint"]
    model_team = field(collection(config, "model")["fields"], "team")
    assert model_team == {**model_team, "widget": "relation", "collection": "team", "value_field": "id",
                          "required": False}
    replicated = field(collection(config, "model")["fields"], "replicated_in")
    assert replicated["widget"] == "relation" and replicated["multiple"] is True
    qa = collection(config, "qa")["fields"]
    assert field(qa, "topic")["collection"] == "topics" and field(qa, "topic")["value_field"] == "topics.*.id"
    related = field(qa, "related")
    assert related == {**related, "widget": "relation", "collection": "qa", "multiple": True,
                       "display_fields": ["question", "id"]}
    cite = field(qa, "sources", "doc")
    assert cite["collection"] == "documents" and cite["value_field"] == "documents.*.id"
    relations = [f for c in config["collections"] for f in all_fields(c.get("fields", []) + [
        x for file in c.get("files", []) for x in file["fields"]]) if f.get("widget") == "relation"]
    names = {c["name"]: c for c in config["collections"]}
    for rel in relations:  # every relation points at a collection (and file) that exists
        target = names[rel["collection"]]
        if "file" in rel:
            assert rel["file"] in {f["name"] for f in target["files"]}


def test_labels_are_the_vietnamese_titles(config):
    fields = [f for c in config["collections"] for f in all_fields(
        c.get("fields", []) + [x for file in c.get("files", []) for x in file["fields"]])]
    assert len(fields) > 300
    for f in fields:
        assert f["label"] and f["label"] != f["name"] or f["name"] == "item", f
    vietnamese = re.compile(r"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.I)
    assert sum(bool(vietnamese.search(f["label"])) for f in fields) > 0.8 * len(fields)
    assert all(vietnamese.search(c["label"]) for c in config["collections"])
    assert collection(config, "team")["label"] == "Tổ Dân vận cộng đồng"
    # every hint is the field's description
    assert field(collection(config, "team")["fields"], "village")["hint"].startswith("Mã thôn hoặc tổ dân phố")


def test_what_the_form_cannot_hold_is_named(config):
    quiz = field(collection(config, "module")["fields"], "quiz")
    assert "answer" not in [f["name"] for f in quiz["fields"]]  # true/false or a list: no Decap widget
    assert "Đáp án (answer)" in quiz["hint"]
    rules = field(collection(config, "config")["files"][0]["fields"], "rules")
    assert rules["widget"] == "object" and len(rules["fields"]) > 20
    assert all(f["widget"] == "select" and f["required"] is False for f in rules["fields"])
    assert {"label": "Tắt", "value": "off"} in rules["fields"][0]["options"]
    # an optional object: its fields cannot be required by the form while it is absent
    source = field(collection(config, "glossary")["files"][0]["fields"], "terms", "source")
    assert source["required"] is False and field(source["fields"], "doc")["required"] is False


def test_package_pins_the_cms(tmp_path):
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["private"] is True
    pins = {**package.get("dependencies", {}), **package.get("devDependencies", {})}
    version = pins[cms.CMS_PACKAGE]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), "an exact version, not a range"
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][f"node_modules/{cms.CMS_PACKAGE}"]["version"] == version
    assert lock["packages"][""]["devDependencies"][cms.CMS_PACKAGE] == version
    with pytest.raises(cms.CmsBundleMissing, match="npm ci"):
        cms.write_admin(tmp_path / "site", ROOT, node_modules=tmp_path / "node_modules")
    assert not (tmp_path / "site").exists()


# -- the admin page in Chromium --------------------------------------------------------------------


@pytest.fixture(scope="module")
def node_modules() -> Path:
    path = cms.node_modules_dir()
    if not (path / cms.CMS_PACKAGE / "dist" / cms.CMS_SCRIPT).is_file():
        pytest.fail(f"Decap CMS is not installed in {path}: run `npm ci` in {ROOT} "
                    f"(or set {cms.NODE_MODULES_ENV} to the node_modules it installed).", pytrace=False)
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory, node_modules) -> Path:
    root = tmp_path_factory.mktemp("cms-site")
    written = cms.write_admin(root, ROOT)
    admin = root / "admin"
    assert set(written) == set(admin.iterdir())
    return root


def test_admin_files(site):
    admin = site / "admin"
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in html and "<title>Biên tập sổ tay</title>" in html
    assert '<script src="./decap-cms.js"></script>' in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "nothing from another origin"
    assert yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8")) == cms.cms_config(ROOT)
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    assert list(admin.glob("*.decap-cms.js")) and list(admin.glob("*.wasm"))
    for path in admin.iterdir():
        if path.suffix in (".js", ".html"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not [h for h in CDN_HOSTS if h in text], path.name


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency (pip install -e '.[dev]')")
    from playwright.sync_api import sync_playwright

    from browser import launch

    with sync_playwright() as p:
        instance = launch(p)
        yield instance
        instance.close()


class Watch:
    """Requests, HTTP errors and page errors of a page whose requests may not leave 127.0.0.1."""

    def __init__(self, page, origin: str):
        self.origin = origin
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("pageerror", lambda e: self.errors.append(f"{e.name}: {e.message}"))
        page.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith((self.origin + "/", "data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    def foreign(self) -> list[str]:
        return [u for u in self.requests if not u.startswith((self.origin + "/", "data:", "blob:", "about:"))]


def test_admin_page_loads_offline(site, browser):
    from browser import serve

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with serve(site) as origin:
        page = browser.new_page(locale="vi-VN", viewport={"width": 1280, "height": 800})
        watch = Watch(page, origin)
        page.goto(origin + "/admin/index.html")
        login = page.get_by_role("button", name="Đăng nhập bằng GitHub")
        login.wait_for(timeout=30_000)  # the CMS rendered its login screen, in Vietnamese
        page.wait_for_timeout(1500)  # let late requests (fonts, chunks) show themselves
        page.screenshot(path=str(SCREENSHOTS / "admin.png"))
        assert page.title() == "Biên tập sổ tay"
        assert not watch.foreign(), watch.foreign()
        assert not watch.errors, watch.errors
        assert not watch.failed, watch.failed
        assert origin + "/admin/decap-cms.js" in watch.requests
        assert origin + "/admin/config.yml" in watch.requests
        page.close()


def _repo_files(root: Path) -> dict:
    """The content repository as Decap's in-browser test backend expects it."""
    tree: dict = {}
    for top in ("data", "content"):
        for path in sorted((root / top).rglob("*")):
            if path.is_file() and path.suffix in (".yml", ".md"):
                rel = path.relative_to(root).as_posix()
                node = tree
                *folders, name = rel.split("/")
                for part in folders:
                    node = node.setdefault(part, {})
                node[name] = {"content": path.read_text(encoding="utf-8"), "path": rel}
    return tree


def _keys(value) -> list:
    """Every key path of a YAML document, in document order."""
    out: list = []
    if isinstance(value, dict):
        for key, item in value.items():
            out.append(key)
            out.extend(f"{key}.{sub}" for sub in _keys(item))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out.extend(f"{index}.{sub}" for sub in _keys(item))
    return out


def test_editor_saves_what_it_loaded(site, browser, tmp_path):
    """With Decap's in-browser test backend instead of GitHub: open real records, change one
    value, save to the editorial workflow, and read back what would become the pull request."""
    from browser import serve

    copy = tmp_path / "site"
    import shutil

    shutil.copytree(site, copy)
    config = yaml.safe_load((copy / "admin" / "config.yml").read_text(encoding="utf-8"))
    config["backend"] = {"name": "test-repo"}
    (copy / "admin" / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    folders = [c["folder"] for c in config["collections"] if "folder" in c]
    photos = {p.relative_to(ROOT).as_posix(): base64.b64encode(p.read_bytes()).decode()
              for p in sorted((ROOT / "data" / "photos").iterdir()) if p.is_file()}
    init = f"window.repoFiles = {json.dumps(_repo_files(ROOT))};" + """
      for (const folder of %s) {  // the test backend lists a folder collection by its whole path
        let node = window.repoFiles;
        for (const part of folder.split('/')) node = node[part] = node[part] || {};
        window.repoFiles[folder] = node;
      }
      for (const [path, data] of Object.entries(%s)) {  // media files, as the test backend keeps uploads
        const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
        const name = path.split('/').pop();
        const type = name.endsWith('.svg') ? 'image/svg+xml' : '';
        let node = window.repoFiles;
        const parts = path.split('/');
        for (const part of parts.slice(0, -1)) node = node[part] = node[part] || {};
        node[name] = {content: {fileObj: new File([bytes], name, {type}), path}, path};
      }""" % (json.dumps(folders), json.dumps(photos))

    team_file = sorted(p for p in ROOT.glob("data/teams/*/*.yml"))[0]
    module_file = sorted(ROOT.glob("content/modules/*.yml"))[0]
    qa_file = sorted(ROOT.glob("content/qa/*/*.md"))[0]
    team_slug = team_file.relative_to(ROOT / "data/teams").with_suffix("").as_posix()
    original_team = yaml.safe_load(team_file.read_text(encoding="utf-8"))
    new_date = parse_vn_date(original_team["founding_decision"]["date"]) + dt.timedelta(days=1)

    with serve(copy) as origin:
        page = browser.new_page(locale="vi-VN", viewport={"width": 1280, "height": 900})
        watch = Watch(page, origin)
        page.add_init_script(init)

        def open_entry(route: str):
            page.goto(f"{origin}/admin/index.html#/collections/{route}")
            page.reload()
            login = page.get_by_role("button", name="Đăng nhập", exact=True)
            save_button = page.get_by_role("button", name="Lưu", exact=True)
            login.or_(save_button).first.wait_for(timeout=30_000)
            if login.is_visible():  # the test backend remembers the sign-in after the first time
                login.click()
            save_button.wait_for(timeout=30_000)
            page.wait_for_timeout(1000)

        def touch_prose():
            """Add a trailing space to the first text box holding prose (the loader strips it)."""
            boxes = page.locator("input[type=text]:visible:not([id^='react-select'])")
            index = boxes.evaluate_all("els => els.findIndex(e => / /.test(e.value))")
            if index < 0:  # the first list is collapsed: open its first item
                page.locator("[class*='ListItemTopBar']").first.locator("button").first.click()
                index = boxes.evaluate_all("els => els.findIndex(e => / /.test(e.value))")
            boxes.nth(index).click()
            page.keyboard.press("End")
            page.keyboard.type(" ")

        def save() -> dict:
            page.get_by_role("button", name="Lưu", exact=True).click()
            page.get_by_text("Mục đã được lưu").wait_for(timeout=30_000)
            saved = page.evaluate("() => Object.values(window.repoFilesUnpublished).flatMap(v => v.diffs"
                                  ".map(d => [d.path, typeof d.content === 'string' ? d.content : null]))")
            return dict(saved)  # path -> text (None for an uploaded file)

        # A team in a commune folder: change the founding date with the date picker.
        open_entry(f"team/entries/{team_slug}")
        date_box = page.locator("input[type=date]").first
        assert date_box.input_value() == parse_vn_date(original_team["founding_decision"]["date"]).isoformat()
        date_box.fill(new_date.isoformat())
        page.screenshot(path=str(SCREENSHOTS / "admin-editor.png"))
        saved = save()
        text = saved[team_file.relative_to(ROOT).as_posix()]
        team = yaml.safe_load(text)
        assert team["founding_decision"]["date"] == new_date.strftime("%d/%m/%Y")  # dd/mm/yyyy, as editors write
        expected = json.loads(json.dumps(original_team))
        expected["founding_decision"]["date"] = new_date.strftime("%d/%m/%Y")
        assert team == expected  # nothing else changed
        assert _keys(team) == _keys(expected)  # not even the order of keys (handbook-cms.js)
        Team.model_validate(team)

        # A training module: its quiz answers have no form field and must survive a save.
        open_entry(f"module/entries/{module_file.stem}")
        touch_prose()
        saved = save()
        module = yaml.safe_load(saved[module_file.relative_to(ROOT).as_posix()])
        original = yaml.safe_load(module_file.read_text(encoding="utf-8"))
        assert Module.model_validate(module).model_dump() == Module.model_validate(original).model_dump()
        assert [q.get("answer") for q in module["quiz"]] == [q.get("answer") for q in original["quiz"]]
        form_order = [f["name"] for f in collection(config, "module")["fields"]]
        assert list(module) == [name for name in form_order if name in original]  # Decap writes the form's order

        # A question: Markdown with front matter, in a topic folder.
        qa_slug = qa_file.relative_to(ROOT / "content/qa").with_suffix("").as_posix()
        open_entry(f"qa/entries/{qa_slug}")
        touch_prose()
        saved = save()
        _, front, body = saved[qa_file.relative_to(ROOT).as_posix()].split("---\n", 2)
        _, original_front, original_body = qa_file.read_text(encoding="utf-8").split("---\n", 2)
        front, original_front = yaml.safe_load(front), yaml.safe_load(original_front)
        assert body.strip() == original_body.strip()
        assert {k: (v.strip() if isinstance(v, str) else v) for k, v in front.items()} == original_front

        # A photo uploaded to a model lands in data/photos and is stored relative to data/.
        model_file = sorted(ROOT.glob("data/models/*.yml"))[0]
        photo = tmp_path / "anh-thu-cms.png"
        photo.write_bytes(base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="))
        open_entry(f"model/entries/{model_file.stem}")
        page.get_by_role("button", name="Add ảnh").click()
        page.get_by_role("button", name="Chọn một hình").click()
        page.locator("input[type=file]").first.set_input_files(str(photo))
        page.get_by_role("button", name="Lấy những cái đã chọn").click()
        page.wait_for_timeout(500)
        page.screenshot(path=str(SCREENSHOTS / "admin-photo.png"))
        saved = save()
        assert "data/photos/anh-thu-cms.png" in saved
        model = yaml.safe_load(saved[model_file.relative_to(ROOT).as_posix()])
        assert model["photos"][-1]["file"] == "photos/anh-thu-cms.png"
        original = yaml.safe_load(model_file.read_text(encoding="utf-8"))
        assert model["photos"][:-1] == original.get("photos", [])
        Exemplar.model_validate(model)

        assert not watch.foreign(), watch.foreign()
        assert not watch.errors, watch.errors
        assert not watch.failed, watch.failed
        page.close()
