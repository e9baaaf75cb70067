"""A tiny Language Server Protocol client for the editor tests: starts the pinned
yaml-language-server (node_modules/, installed by `npm ci`) over stdio, answers its requests
the way VS Code does (workspace/configuration from a `.vscode/settings.json`), and collects
the diagnostics it publishes.

    with YamlServer(folder, settings) as server:
        server.open(path, text)
        diagnostics = server.diagnostics(path)
        items = server.completion(path, line, character)

JSON-RPC 2.0 over stdin/stdout with Content-Length frames; no network (the schema store is off
in the settings, schemas are local files).
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"


def sections(settings: dict[str, Any]) -> dict[str, Any]:
    """VS Code's flat settings ("yaml.schemas") as the nested sections a server asks for."""
    out: dict[str, Any] = {}
    for key, value in settings.items():
        if key.startswith("["):
            out[key] = value
            continue
        node = out
        *outer, last = key.split(".")
        for part in outer:
            node = node.setdefault(part, {})
        node[last] = value
    return out


class YamlServer:
    def __init__(self, folder: Path, settings: dict[str, Any], timeout: float = 30.0):
        self.folder = folder
        self.settings = sections(settings)
        self.timeout = timeout
        self._next_id = 0
        self._responses: dict[int, queue.Queue] = {}
        self._lock = threading.Lock()
        self._published: dict[str, list[dict]] = {}
        self._published_version: dict[str, int] = {}
        self._changed = threading.Condition()
        self.configuration_requests = 0
        self.stderr = b""

    # --- life cycle ---
    def __enter__(self) -> "YamlServer":
        node = shutil.which("node")
        if node is None or not SERVER.is_file():
            raise RuntimeError(f"yaml-language-server is not installed ({SERVER}): run `npm ci`")
        self.proc = subprocess.Popen([node, str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=self.folder)
        threading.Thread(target=self._read_loop, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        uri = self.folder.resolve().as_uri()
        self.request("initialize", {
            "processId": None, "rootUri": uri, "rootPath": str(self.folder),
            "workspaceFolders": [{"uri": uri, "name": self.folder.name}],
            "capabilities": {
                "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True},
                              "workspaceFolders": True},
                "textDocument": {
                    "publishDiagnostics": {"relatedInformation": True},
                    "completion": {"completionItem": {"snippetSupport": True,
                                                      "documentationFormat": ["markdown", "plaintext"]}},
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "synchronization": {"dynamicRegistration": True},
                },
            },
            "initializationOptions": {},
        })
        self.notify("initialized", {})
        # As VS Code does once it has the server: tell it the settings changed, so it pulls them.
        self.notify("workspace/didChangeConfiguration", {"settings": None})
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.request("shutdown", None, timeout=5)
            self.notify("exit", None)
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()
            self.proc.wait(timeout=5)

    # --- wire ---
    def _send(self, message: dict) -> None:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        with self._lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def _read_loop(self) -> None:
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue
            self._dispatch(json.loads(stream.read(length).decode("utf-8")))

    def _drain_stderr(self) -> None:
        for line in self.proc.stderr:
            self.stderr += line

    def _dispatch(self, message: dict) -> None:
        if "method" in message and "id" in message:  # a request from the server
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": self._answer(message["method"], message.get("params"))})
        elif "method" in message:
            if message["method"] == "textDocument/publishDiagnostics":
                params = message["params"]
                with self._changed:
                    self._published[params["uri"]] = params["diagnostics"]
                    self._published_version[params["uri"]] = self._published_version.get(params["uri"], 0) + 1
                    self._changed.notify_all()
        else:
            box = self._responses.get(message.get("id"))
            if box is not None:
                box.put(message)

    def _answer(self, method: str, params: Any) -> Any:
        if method == "workspace/configuration":
            self.configuration_requests += 1
            return [self.settings.get(item.get("section", ""), None) for item in params["items"]]
        if method == "workspace/workspaceFolders":
            return [{"uri": self.folder.resolve().as_uri(), "name": self.folder.name}]
        return None  # client/registerCapability, window/workDoneProgress/create…

    def request(self, method: str, params: Any, timeout: float | None = None) -> Any:
        with self._lock:
            self._next_id += 1
            ident = self._next_id
        box: queue.Queue = queue.Queue()
        self._responses[ident] = box
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        try:
            reply = box.get(timeout=timeout or self.timeout)
        except queue.Empty:
            raise TimeoutError(f"{method}: no answer; server said: {self.stderr[-2000:].decode(errors='replace')}")
        finally:
            self._responses.pop(ident, None)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    # --- documents ---
    def open(self, path: Path, text: str) -> str:
        uri = path.resolve().as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        return uri

    def diagnostics(self, path: Path, settle: float = 1.0) -> list[dict]:
        """The diagnostics last published for a file, once the server has stopped revising them
        (it validates on open and again once the settings arrive)."""
        uri = path.resolve().as_uri()
        deadline = time.monotonic() + self.timeout
        with self._changed:
            while uri not in self._published:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no diagnostics for {uri}")
                self._changed.wait(left)
            while True:
                seen = self._published_version[uri]
                self._changed.wait(settle)
                if self._published_version[uri] == seen or time.monotonic() > deadline:
                    return self._published[uri]

    def completion(self, path: Path, line: int, character: int) -> list[dict]:
        result = self.request("textDocument/completion", {"textDocument": {"uri": path.resolve().as_uri()},
                                                         "position": {"line": line, "character": character}})
        return result.get("items", []) if isinstance(result, dict) else (result or [])

    def hover(self, path: Path, line: int, character: int) -> Any:
        return self.request("textDocument/hover", {"textDocument": {"uri": path.resolve().as_uri()},
                                                  "position": {"line": line, "character": character}})
