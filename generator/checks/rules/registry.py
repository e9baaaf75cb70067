"""The rule registry: a rule is a small function registered with its code, its title, its
source clause and a default severity; `RuleContext` is what it sees when it runs;
`scheme_note` says, for a configuration, whether a rule written for districts is off or moved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from generator.core.findings import Finding, Severity
from generator.load.yamlload import format_path
from generator.model.dataset import Dataset, Located
from generator.schema.config import NO_LEVEL, Config


@dataclass(frozen=True)
class Rule:
    code: str
    title: str  # Vietnamese, one line
    severity: Severity
    clause: str  # human-readable clause
    doc: str  # document id in the registry
    section: str | None
    check: Callable[["RuleContext"], Iterator[Finding]]
    district_duty: str | None = None  # the field of config.district_duties whose level the rule counts by
    uses_deadlines: bool = False  # reads config.deadlines, which the sources set for district committees


RULES: dict[str, Rule] = {}


def rule(code: str, title: str, severity: Severity, clause: str, doc: str, section: str | None = None,
         district_duty: str | None = None, uses_deadlines: bool = False):
    def register(func: Callable[["RuleContext"], Iterator[Finding]]):
        if code in RULES:
            raise ValueError(f"rule {code} registered twice")
        RULES[code] = Rule(code, title, severity, clause, doc, section, func, district_duty, uses_deadlines)
        return func

    return register


class RuleContext:
    """What a rule sees: the dataset, the configuration, and a way to make findings."""

    def __init__(self, ds: Dataset, current: Rule, severity: Severity):
        self.ds = ds
        self.config = ds.config
        self.t = ds.config.thresholds
        self.rule = current
        self.severity = severity

    def finding(self, at: Located, sub: tuple, message: str, hint: str | None = None) -> Finding:
        line, col = at.file.locate(at.path + tuple(sub))
        return Finding(self.rule.code, self.severity, message, file=at.file.path, line=line, column=col,
                       path=format_path(at.path + tuple(sub)) or None, clause=self.rule.clause, hint=hint)


def scheme_note(current: Rule, config: Config) -> str | None:
    """Vietnamese: how a rule the sources wrote for districts runs under the configuration's
    scheme (off, or at which level, and why); None for the other rules and where nothing changes."""
    scheme = config.active_scheme
    levels = {level.id: level.name for level in scheme.levels}
    if current.district_duty:
        key = f"district_duties.{current.district_duty}"
        chosen = getattr(config.district_duties, current.district_duty)
        level = config.district_duty_level(current.district_duty)
        if level == "huyen" and not chosen:
            return None
        if level is None and chosen == NO_LEVEL:
            return f"Không chạy: {key} ghi “{NO_LEVEL}” (tỉnh không kiểm tra việc này)."
        if level is None:
            return (f"Không chạy với hệ “{scheme.name}”: văn bản giao việc này cho cấp huyện, hệ này không còn cấp huyện "
                    f"và {key} chưa chọn cấp nhận thay. Tỉnh quyết định cấp nào nhận việc này rồi ghi vào {key}.")
        return f"Chạy ở {levels.get(level, level).lower()} thay cho cấp huyện, theo {key} = “{level}”."
    if current.uses_deadlines and "huyen" not in levels:
        return (f"Với hệ “{scheme.name}”: các hạn báo cáo trong văn bản được đặt khi huyện còn tổng hợp báo cáo gửi tỉnh; quy tắc dùng các hạn "
                "ghi ở deadlines trong data/config.yml, tỉnh sửa lại nếu hướng dẫn mới đặt hạn khác.")
    return None
