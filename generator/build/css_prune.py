"""Takes a stylesheet and what the built pages use (tags, classes, ids, attributes); gives the
stylesheet without the rules whose selectors can match nothing there, and the subset a first
screen needs (header, page frame, typography). Parsing with tinycss2; a selector is kept when
every class, id, tag and attribute it requires occurs in the site or is set by a script
(the safelists below), so a selector that matches an element is never dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import tinycss2
from tinycss2 import ast

# ------------------------------------------------------------------ what the site uses

_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")


@dataclass
class Usage:
    """Every tag, class, id, attribute name and attribute (name, value) pair of some pages."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attrs: set[str] = field(default_factory=set)
    pairs: set[tuple[str, str]] = field(default_factory=set)
    scripts_and_styles: str = ""  # inline style attributes and scripts: custom properties they name stay

    def add_html(self, text: str) -> None:
        """Read the start tags of an HTML document (a superset is harmless: it only keeps more)."""
        for match in _TAG.finditer(text):
            self.tags.add(match.group(1).lower())
            for name, raw in _ATTR.findall(match.group(2)):
                name = name.lower()
                value = raw[1:-1] if raw[:1] in "\"'" else raw
                self.attrs.add(name)
                self.pairs.add((name, value))
                if name == "class":
                    self.classes.update(value.split())
                elif name == "id":
                    self.ids.add(value)
                elif name == "style" and "--" in value:
                    self.scripts_and_styles += value + "\n"

    def add_script(self, text: str) -> None:
        """Class names a script can set ("md-…" and "dv-…" strings): kept as classes, and those
        ending in "-" (built by concatenation, e.g. "md-tag--") as prefixes."""
        for name in re.findall(r"(?<![\w-])((?:md|dv)-[a-zA-Z0-9_-]+)", text):
            self.classes.add(name)
        self.scripts_and_styles += " ".join(sorted(set(re.findall(r"--[\w-]+", text)))) + "\n"


# Set or toggled by Material's bundle or our scripts after the page is parsed, or by the
# reader's state; kept whatever the built HTML says.
SAFE_CLASSES = {
    "js", "no-js",            # Material swaps <html class="no-js"> for "js" on load
    "focus-visible",          # keyboard focus polyfill class
    "md-typeset__scrollwrap", "md-typeset__table",  # the bundle wraps every table in these
    "md-header--shadow", "md-header__title--active",  # header on scroll
    "md-nav__link--active", "md-nav__link--passed",  # table of contents while scrolling
    "md-dialog--active",      # the dialog it opens (its box is in the page)
}
# Prefixes of class families that scripts create or toggle: the search field and its results
# (Material's and the header form of our own), the drawer and its overlay, the back-to-top
# button, the source facts.
SAFE_CLASS_PREFIXES = ("md-search", "md-overlay", "md-top", "md-source__fact", "md-sidebar", "md-nav--primary",
                       "md-toggle", "dv-search")
# Attributes whose values scripts change: the palette toggle writes data-md-color-* on <body>,
# the bundle writes data-md-state and hidden, the reader's media query picks a scheme.
# (data-md-color-primary and -accent are not here: every palette of mkdocs.yml is in the
# page as a toggle input carrying its values, so only the colours the site uses are kept.)
SAFE_ATTRS = {"data-md-color-scheme", "data-md-color-media", "data-md-color-switching", "data-md-state", "data-md-toggle", "data-md-scrollfix", "data-md-copying",
              "hidden", "checked", "open", "disabled", "aria-expanded", "aria-hidden", "aria-selected", "tabindex"}
# Elements scripts create (search results, wrappers, marks around matched words).
SAFE_TAGS = {"mark", "article", "li", "ul", "ol", "a", "button", "div", "span", "nav", "p", "svg", "path", "input",
             "label", "code", "form", "h1", "h2", "h3", "html", "body"}

# A rule is part of the first screen when a class of its selectors starts with one of these
# (header, page frame, drawer, typography and icons) or when it needs no class at all
# (html, body, :root and the palette's custom properties).
CRITICAL_PREFIXES = ("md-header", "md-container", "md-main", "md-grid", "md-content", "md-typeset", "md-icon", "md-skip",
                     "md-toggle", "md-overlay", "md-sidebar", "md-nav", "md-logo", "md-ellipsis", "md-option", "md-banner",
                     "md-button", "md-tabs", "dv-")
# …unless it is about something a first screen never shows before scripts run.
NOT_CRITICAL_PREFIXES = ("md-search", "md-dialog", "md-tooltip", "md-clipboard", "md-annotation", "md-top", "md-footer",
                         "md-source", "md-code", "md-tag", "md-version", "md-status", "md-select", "md-feedback")


# ------------------------------------------------------------------ selectors


@dataclass
class _Needs:
    """What one complex selector requires, outside negations."""

    classes: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    attrs: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # name, operator, value
    alternatives: list[list["_Needs"]] = field(default_factory=list)  # :is()/:where()/:has(): one must hold

    def all_classes(self) -> list[str]:
        found = list(self.classes)
        for group in self.alternatives:
            for needs in group:
                found.extend(needs.all_classes())
        return found


def split_selectors(tokens: list) -> list[list]:
    """A selector list's tokens, split at top-level commas."""
    parts: list[list] = [[]]
    for token in tokens:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in parts if any(not isinstance(t, (ast.WhitespaceToken, ast.Comment)) for t in p)]


_ALTERNATIVES = {"is", "where", "matches", "-webkit-any", "-moz-any", "has"}


def _needs(tokens: list) -> _Needs:
    needs = _Needs()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if isinstance(token, ast.LiteralToken) and token.value == "." and isinstance(nxt, ast.IdentToken):
            needs.classes.append(nxt.value)
            i += 2
            continue
        if isinstance(token, ast.LiteralToken) and token.value == ":":
            # a pseudo-class or (after "::") a pseudo-element: states and parts need nothing,
            # negations are skipped, :is()/:where()/:has() need one of their arguments
            j = i + 1
            while j < len(tokens) and isinstance(tokens[j], ast.LiteralToken) and tokens[j].value == ":":
                j += 1
            target = tokens[j] if j < len(tokens) else None
            if isinstance(target, ast.FunctionBlock) and target.lower_name in _ALTERNATIVES:
                needs.alternatives.append([_needs(part) for part in split_selectors(target.arguments)])
            i = j + 1
            continue
        if isinstance(token, ast.HashToken):
            needs.ids.append(token.value)
        elif isinstance(token, ast.IdentToken):
            needs.tags.append(token.lower_value)
        elif isinstance(token, ast.SquareBracketsBlock):
            needs.attrs.append(_attribute(token.content))
        i += 1
    return needs


def _attribute(content: list) -> tuple[str, str | None, str | None]:
    parts = [t for t in content if not isinstance(t, (ast.WhitespaceToken, ast.Comment))]
    name = parts[0].lower_value if parts and isinstance(parts[0], ast.IdentToken) else ""
    operator = parts[1].value if len(parts) > 2 and isinstance(parts[1], ast.LiteralToken) else None
    value = None
    if operator and isinstance(parts[2], (ast.IdentToken, ast.StringToken)):
        value = parts[2].value
    return name, operator, value


class Matcher:
    """Decides whether a selector can match something the site uses."""

    def __init__(self, usage: Usage) -> None:
        self.usage = usage
        self.prefixes = tuple(c for c in usage.classes if c.endswith("-")) + SAFE_CLASS_PREFIXES

    def _class(self, name: str) -> bool:
        return name in self.usage.classes or name in SAFE_CLASSES or name.startswith(self.prefixes)

    def _attr(self, name: str, operator: str | None, value: str | None) -> bool:
        if name in SAFE_ATTRS:
            return True
        if name not in self.usage.attrs:
            return False
        if operator == "=" and value is not None:
            return (name, value) in self.usage.pairs
        return True

    def satisfiable(self, needs: _Needs) -> bool:
        return (all(self._class(c) for c in needs.classes)
                and all(i in self.usage.ids for i in needs.ids)
                and all(t in self.usage.tags or t in SAFE_TAGS for t in needs.tags)
                and all(self._attr(*a) for a in needs.attrs)
                and all(any(self.satisfiable(n) for n in group) for group in needs.alternatives))

    def keeps(self, selector_tokens: list) -> bool:
        return self.satisfiable(_needs(selector_tokens))


# ------------------------------------------------------------------ stylesheets

_RECURSE = {"media", "supports", "layer", "container", "document"}


def prune(css: str, usage: Usage, drop_properties: bool = True) -> str:
    """The stylesheet with only the selectors that can match in the site; no @font-face,
    only the @keyframes a kept rule names and (with `drop_properties`: the stylesheet is
    all of the theme's, nothing else reads its custom properties) only the custom
    properties something reads."""
    matcher = Matcher(usage)
    rules = _prune_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), matcher)
    body = "".join(_serialize(r) for r in rules)
    frames = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if isinstance(rule, ast.AtRule) and rule.lower_at_keyword.endswith("keyframes"):
            name = tinycss2.serialize(rule.prelude).strip()
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body):
                frames.append(_serialize(rule))
    body += "".join(frames)
    return drop_unused_properties(body, usage.scripts_and_styles) if drop_properties else body


def drop_unused_properties(css: str, elsewhere: str = "") -> str:
    """Drop declarations of custom properties (--md-…) that nothing reads: no var() in the
    stylesheet (other than in the property's own declarations) nor in `elsewhere` (inline
    styles and scripts of the site). Repeated until nothing changes, since properties read
    properties."""
    while True:
        declared = set(re.findall(r"(?<![\w-])(--[\w-]+)\s*:", css))
        read = set(re.findall(r"var\(\s*(--[\w-]+)", css)) | set(re.findall(r"--[\w-]+", elsewhere))
        unused = declared - read
        if not unused:
            return css
        css = _drop_declarations(css, unused)


def _drop_declarations(css: str, names: set[str]) -> str:
    def clean(rules: list) -> list:
        kept = []
        for rule in rules:
            if isinstance(rule, ast.QualifiedRule):
                decls = [d for d in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
                         if not (isinstance(d, ast.Declaration) and d.name in names)]
                if decls:
                    text = ";".join(tinycss2.serialize([d]).strip().rstrip(";") for d in decls)
                    kept.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{text}}}")
            elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword in _RECURSE and rule.content is not None:
                inner = clean(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                if inner:
                    kept.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
            else:
                kept.append(tinycss2.serialize([rule]))
        return kept

    return "".join(clean(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)))


def _prune_rules(rules: list, matcher: Matcher) -> list:
    kept = []
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            selectors = [s for s in split_selectors(rule.prelude) if matcher.keeps(s)]
            if selectors:
                kept.append(_with_prelude(rule, selectors))
        elif isinstance(rule, ast.AtRule):
            keyword = rule.lower_at_keyword
            if keyword == "font-face" or keyword.endswith("keyframes"):
                continue  # no web fonts; keyframes come back in `prune` when named
            if keyword in _RECURSE and rule.content is not None:
                inner = _prune_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                                     matcher)
                if inner:
                    kept.append((rule, inner))
            else:
                kept.append(rule)
    return kept


def _with_prelude(rule: ast.QualifiedRule, selectors: list[list]) -> ast.QualifiedRule:
    prelude = []
    for index, selector in enumerate(selectors):
        if index:
            prelude.append(ast.LiteralToken(0, 0, ","))
        prelude.extend(selector)
    return ast.QualifiedRule(rule.source_line, rule.source_column, prelude, rule.content)


def _serialize(rule) -> str:
    if isinstance(rule, tuple):  # an at-rule with pruned contents
        at, inner = rule
        return f"@{at.at_keyword} {tinycss2.serialize(at.prelude).strip()}{{{''.join(_serialize(r) for r in inner)}}}"
    if isinstance(rule, ast.QualifiedRule):
        return f"{tinycss2.serialize(rule.prelude).strip()}{{{tinycss2.serialize(rule.content).strip()}}}"
    return tinycss2.serialize([rule])


def critical(css: str) -> str:
    """The rules of a (pruned) stylesheet a first screen needs: those of the header, the
    page frame, the drawer and the typography, and those that need no class (html, body,
    custom properties of the palettes). Keyframes and other at-rules stay out."""
    return "".join(_serialize(r) for r in _critical_rules(
        tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)))


def _critical_rules(rules: list) -> list:
    kept = []
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            if _is_critical(rule.prelude):
                kept.append(rule)
        elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword in _RECURSE and rule.content is not None:
            inner = _critical_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
            if inner:
                kept.append((rule, inner))
    return kept


def _is_critical(prelude: list) -> bool:
    for selector in split_selectors(prelude):
        classes = _needs(selector).all_classes()
        if any(c.startswith(NOT_CRITICAL_PREFIXES) for c in classes):
            continue
        if not classes or any(c.startswith(CRITICAL_PREFIXES) for c in classes):
            return True
    return False


def selectors_of(css: str) -> list[str]:
    """Every complex selector of a stylesheet's style rules (inside @media too), as text."""
    found: list[str] = []

    def walk(rules: list) -> None:
        for rule in rules:
            if isinstance(rule, ast.QualifiedRule):
                found.extend(tinycss2.serialize(s).strip() for s in split_selectors(rule.prelude))
            elif isinstance(rule, ast.AtRule) and rule.content is not None and rule.lower_at_keyword in _RECURSE:
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found
