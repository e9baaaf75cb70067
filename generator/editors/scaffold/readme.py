"""The README of a new content repository: takes the province's settings, gives Vietnamese
Markdown for its editors (what is where, the three ways to edit, checking and publishing, and
how to upgrade the tool)."""

from __future__ import annotations

from string import Template

_README = Template("""\
# Sổ tay công tác dân vận — $province

Kho nội dung của $board: dữ liệu (thư mục `data/`) và bài viết (thư mục `content/`) để dựng
trang web sổ tay, tài liệu in và báo cáo bằng công cụ `handbook`.

> Các bản ghi trong `data/` có chữ “(ví dụ)” và dòng `sample: true` là **dữ liệu mẫu** do
> `handbook new` tạo, người trong đó là hư cấu. Thay bằng dữ liệu thật của tỉnh rồi bỏ dòng
> `sample: true`, hoặc xóa tệp.

## Thư mục

| thư mục, tệp | nội dung |
| --- | --- |
| `data/config.yml` | cấu hình của tỉnh: tên, hệ đơn vị hành chính ($scheme), tiêu đề báo cáo, kho nội dung cho trình soạn thảo web |
| `data/units/` | đơn vị hành chính: tỉnh, xã, phường, thôn, tổ dân phố |
| `data/teams/<xã>/` | mỗi Tổ Dân vận cộng đồng một tệp |
| `data/blocs/` | mỗi Khối Dân vận cơ sở một tệp |
| `data/models/` | mô hình “Dân vận khéo” |
| `data/assignments/` | cơ quan cấp tỉnh được phân công phụ trách xã |
| `data/documents.yml` | sổ văn bản được trích dẫn |
| `content/` | câu hỏi – đáp, chuyên đề tập huấn, thuật ngữ (tỉnh được sửa) |
| `schemas/` | lược đồ để VS Code kiểm tra khi gõ (không sửa tay; tạo lại bằng `handbook schema`) |
| `mkdocs.yml`, `theme/` | giao diện trang web |
| `docs/` | hướng dẫn đăng nhập và sửa trên trang biên tập web |

## Cài công cụ (một lần, trên máy tính biên tập)

Cần Python 3.11 trở lên và git. Trên Debian/Ubuntu, phần in cần thêm:
`sudo apt-get install poppler-utils fonts-croscore libpango-1.0-0 libpangoft2-1.0-0`.

```sh
python3 -m venv .venv
.venv/bin/pip install "git+$tool_url@$tool_ref"
.venv/bin/pip install pre-commit && .venv/bin/pre-commit install
```

## Các lệnh hay dùng

| lệnh | việc |
| --- | --- |
| `handbook check` | kiểm tra toàn bộ dữ liệu; lỗi ghi rõ tệp, dòng và cách sửa |
| `handbook fmt` | sắp xếp lại cách trình bày các tệp dữ liệu cho gọn (như trình soạn thảo web ghi) |
| `handbook serve` | xem thử trang web trên máy ở địa chỉ http://127.0.0.1:8000 |
| `handbook build` | dựng trang web vào `site/` và tài liệu in |
| `handbook template` / `handbook import TỆP.xlsx` | bảng tính Excel để cán bộ điền danh sách Tổ, rồi nhập lại |
| `handbook diff origin/main` | tóm tắt thay đổi so với bản đang dùng |

## Ba cách sửa dữ liệu

1. **VS Code**: mở thư mục này, cài tiện ích YAML mà VS Code đề xuất. Khi gõ, chỗ sai được gạch
   đỏ kèm lời nhắc tiếng Việt; bấm Ctrl+Space để xem các mục có thể điền.
2. **Trình soạn thảo trên web**: trang `/admin/` của trang web đã đăng. Mỗi lần lưu là một đề
   nghị thay đổi (pull request) để người phụ trách xem rồi duyệt. Cách đăng nhập bằng mã truy
   cập: [docs/huong-dan-bien-tap-web.md](docs/huong-dan-bien-tap-web.md).
3. **Excel**: `handbook template --with-data` ghi bảng tính có sẵn các Tổ; cán bộ sửa, rồi
   `handbook import TỆP.xlsx` đưa vào `data/teams/` (lỗi ghi theo trang tính, hàng, cột).

## Gửi thay đổi và đăng trang

Mỗi lần commit, pre-commit chạy `handbook check` và `handbook fmt` trên các tệp vừa sửa. Trên
$forge_name, mỗi pull request được kiểm tra, dựng thử (tải bản dựng thử ở mục Artifacts) và có
bản tóm tắt thay đổi bằng tiếng Việt; khi gộp vào nhánh `$branch`, trang web được dựng và đăng.

## Nâng cấp công cụ

Công cụ được ghim ở phiên bản `$tool_ref`. Khi có phiên bản mới (ví dụ `v0.3.0`):

1. sửa `$tool_ref` thành phiên bản mới ở `$ci_file` (dòng `HANDBOOK_TOOL_REF`) và ở
   `.pre-commit-config.yaml` (dòng `rev:`);
2. trên máy biên tập: `.venv/bin/pip install "git+$tool_url@<phiên bản mới>"`;
3. chạy `handbook schema` (cập nhật lược đồ cho VS Code), `handbook fmt` và `handbook check`,
   rồi commit các thay đổi.
""")


def readme_text(*, province: str, board: str, scheme: str, tool_url: str, tool_ref: str, forge: str,
                branch: str, ci_file: str) -> str:
    return _README.substitute(
        province=province, board=board, scheme=scheme, tool_url=tool_url, tool_ref=tool_ref, branch=branch,
        forge_name="GitLab" if forge == "gitlab" else "GitHub", ci_file=ci_file)
