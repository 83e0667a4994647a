"""What many tests share: where a browser keeps a tool's answers, and how long a busy machine may
take to do what a person waits for."""
import json

from dpup_toolkit.shared import CHECKS_PREFIX, STORAGE_PREFIX as ANSWERS_PREFIX

# Everything the toolkit keeps in a browser's localStorage starts with this.
STORAGE_PREFIX = ANSWERS_PREFIX.split(":", 1)[0] + ":"
# How long an expect() or wait may take on a machine busy with other work: loading the live form,
# starting a kernel, a service worker storing the site. A passing test takes far less.
SLOW = 60_000  # milliseconds


def storage_key(tool_id: str, version: int, check: str | None = None) -> str:
    """The key holding a tool's answers for one version of the tool: the first check's, or (with
    `check`, its id) another saved check's."""
    return f"{ANSWERS_PREFIX}{tool_id}{'~' + check if check else ''}:v{version}"


def checks_key(tool_id: str) -> str:
    """The key holding the list of a tool's saved checks."""
    return f"{CHECKS_PREFIX}{tool_id}"


def stored(page, key: str):
    """What the page's localStorage holds under `key`, read as JSON (None if nothing)."""
    text = page.evaluate("(key) => localStorage.getItem(key)", key)
    return None if text is None else json.loads(text)
