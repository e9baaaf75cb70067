"""Writing YAML the way editors read it: takes plain data, gives block-style YAML with list
items indented under their key, multi-line text as literal blocks, and digit-only strings
(codes, phone numbers) quoted so every YAML reader keeps them as text."""

from __future__ import annotations

import yaml


class EditorDumper(yaml.SafeDumper):
    # Indent list items under their key; editors read nested lists more easily that way.
    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = None
    if "\n" in value:
        style = "|"
    elif value.isdigit():
        style = '"'  # codes and phone numbers stay text in every YAML reader
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


EditorDumper.add_representer(str, _represent_str)
