"""Drive bertquiz in a real terminal through tmux: type keys, wait for text on the screen."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid


class TmuxSession:
    def __init__(self, command: str, *, width: int = 80, height: int = 40, env: dict[str, str] | None = None) -> None:
        self.name = f"bq-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={v}" for k, v in (env or {}).items())
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), f"env {exports} {command}; sleep 30"],
            check=True,
        )

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-J", "-S", "-200", "-t", self.name], capture_output=True, text=True).stdout

    def send(self, *keys: str, literal: bool = False) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *(["-l"] if literal else []), *keys], check=True)

    def type(self, text: str) -> None:
        self.send(text, literal=True)
        self.send("Enter")

    def wait_for(self, text: str, timeout: float = 20, count: int = 1) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if screen.count(text) >= count:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} (x{count}) did not appear; screen:\n{self.screen()}")

    def wait_for_last_line(self, text: str, timeout: float = 20) -> str:
        """Wait until the last non-empty line on the screen holds `text` (a prompt waiting)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            lines = [line for line in screen.splitlines() if line.strip()]
            if lines and text in lines[-1]:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} is not on the last line; screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def have_tmux() -> bool:
    return shutil.which("tmux") is not None
