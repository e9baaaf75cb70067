"""The periodic report as an official document: takes the dataset and a computed
`PeriodicReport`, gives the `Bundle` whose Word file matches the report's PDF — the header
block, number, place and date, title, the same sections and tables, recipients and signature
block, all from `report:` in data/config.yml."""

from __future__ import annotations

from generator.model.dataset import Dataset
from generator.produce.docx.document import Bundle, Header, Heading, OfficialDoc, Para, Signature, Table, date_line
from generator.produce.reports import PeriodicReport
from generator.core.text import number_vi as n


def report_bundle(ds: Dataset, r: PeriodicReport) -> Bundle:
    s = ds.config.report
    ref = ds.config.reference_date
    t = r.total
    rows = r.districts + [t]
    yearly = r.period == "nam"
    team_head = ["Đơn vị", "Số xã", "Thôn, TDP", "Số Tổ", "Tỷ lệ", "Thành viên", "Nhóm", "Hộ"]
    grades = [name for _, name in r.grade_names] if yearly else []
    unit_mm = 32 if yearly else 40
    width = 165 - unit_mm
    team_cols = len(team_head) - 1 + len(grades)
    body = [
        Para.of(f"Kỳ báo cáo từ ngày {r.start.strftime('%d/%m/%Y')} đến ngày {r.end.strftime('%d/%m/%Y')}. Số liệu tổng hợp từ "
                f"dữ liệu của các {r.commune_kinds}, đã kiểm tra theo các quy định của đề án và hướng dẫn."),
        Heading("I. Tổ Dân vận cộng đồng"),
        Para.of(f"Toàn tỉnh có {n(t.teams)} Tổ Dân vận cộng đồng ở {n(t.villages)} thôn, tổ dân phố (tỷ lệ {t.coverage}, "
                f"mục tiêu 100%), với {n(t.members)} thành viên chia thành {n(t.groups)} nhóm phụ trách {n(t.households)} hộ."),
        Table(team_head + grades,
              [[x.unit, n(x.communes), n(x.villages), n(x.teams), x.coverage, n(x.members), n(x.groups), n(x.households)]
               + ([n(x.grades.get(g, 0)) for g, _ in r.grade_names] if yearly else []) for x in rows],
              [unit_mm] + [round(width / team_cols, 1)] * team_cols, numeric=set(range(1, 1 + team_cols)), size=9 if yearly else 10.5),
        Heading("II. Khối Dân vận cơ sở"),
        Para.of(f"{n(t.blocs)} Khối với {n(t.bloc_members)} thành viên; {n(t.blocs_with_rules)} Khối đã ban hành quy chế; "
                f"{t.trained_share} thành viên đã được tập huấn (mục tiêu 100%); {n(t.dialogues)} cuộc đối thoại trực tiếp và "
                f"{n(t.briefings)} cuộc giao ban trong kỳ."),
        Table(["Đơn vị", "Số Khối", "Thành viên", "Có quy chế", "Đã tập huấn", "Đối thoại", "Giao ban"],
              [[x.unit, n(x.blocs), n(x.bloc_members), n(x.blocs_with_rules), x.trained_share, n(x.dialogues), n(x.briefings)]
               for x in rows], [40] + [round((165 - 40) / 6, 1)] * 6, numeric=set(range(1, 7)), size=10.5),
        Heading("III. Cán bộ, đảng viên tham gia hoạt động với Nhân dân tại cơ sở"),
        Para.of(f"{len(t.assigned_units)} chi bộ, đảng bộ cơ quan, đơn vị được phân công phụ trách xã; trong kỳ có "
                f"{n(t.activities)} lượt hoạt động với {n(t.participants)} lượt cán bộ, đảng viên tham gia."),
        Table(["Đơn vị", "Cơ quan phụ trách", "Lượt hoạt động", "Lượt người tham gia"],
              [[x.unit, str(len(x.assigned_units)), n(x.activities), n(x.participants)] for x in rows],
              [65, 33, 33, 34], numeric={1, 2, 3}, size=10.5),
        Heading("IV. Những điểm cần khắc phục"),
    ]
    if r.findings:
        body.append(Table(["Nội dung theo văn bản", "Số trường hợp"], [[f"{title} ({code})", n(c)] for code, c, title in r.findings],
                          [135, 30], numeric={1}, size=10.5))
    else:
        body.append(Para.of("Không có điểm nào cần khắc phục."))
    body += [Heading("V. Phụ lục: số liệu theo xã"),
             Table([r.commune_kinds[:1].upper() + r.commune_kinds[1:], "Thôn, TDP", "Số Tổ", "Tỷ lệ", "Thành viên Khối", "Đối thoại",
                    "Lượt hoạt động", "Cảnh báo"],
                   [[x.unit, n(x.villages), n(x.teams), x.coverage, n(x.bloc_members), n(x.dialogues), n(x.activities), n(x.warnings)]
                    for x in r.communes], [40] + [round((165 - 40) / 7, 1)] * 7, numeric=set(range(1, 8)), size=10.5)]
    title = f"Báo cáo {r.title[:1].lower()}{r.title[1:]}"
    doc = OfficialDoc(Header(s.superior, s.issuer, f"Số: {s.number or '......'}-{s.number_suffix}",
                             date_line(s.place or ds.config.province.name, ref.day, ref.month, ref.year)),
                      "BÁO CÁO", r.title, body, Signature(s.signing, s.signer_title, s.signer_name), list(s.recipients))
    return Bundle(f"bao-cao-{r.period}-{r.year}", title, "bao-cao", [doc], f"{s.issuer} – {s.superior}", ref.isoformat())
