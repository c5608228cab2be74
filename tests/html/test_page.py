"""The page frame: JSON data that cannot break out of its block, and a policy allowing no fetch."""

from __future__ import annotations

import base64
import hashlib
import json
import re

from quotecli.html.page import content_security_policy, json_script, page


def test_json_script_cannot_end_its_block_and_parses_back() -> None:
    data = {"text": "</script><script>alert(1)</script> <!-- & \u2028"}
    block = json_script(data, element_id="d")
    inner = block.removeprefix('<script type="application/json" id="d">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == data


def test_policy_forbids_every_fetch_and_allows_only_our_blocks() -> None:
    policy = content_security_policy(["body{}"], ["let a = 1;"])
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    digest = base64.b64encode(hashlib.sha256(b"let a = 1;").digest()).decode()
    assert directives["script-src"] == f"'sha256-{digest}'"
    assert "unsafe-inline" not in policy


def test_page_escapes_its_title_and_carries_the_policy_in_the_head() -> None:
    html = page(title="<b>T</b>", body="<p>x</p>", styles=["p{}"], scripts=["void 0;"])
    assert "<title>&lt;b&gt;T&lt;/b&gt;</title>" in html
    head = html.split("</head>")[0]
    assert (
        re.search(r'http-equiv="Content-Security-Policy" content="default-src \'none\'', head)
        or "default-src &#x27;none&#x27;" in head
    )
    assert html.count("<script>") == 1 and "<style>p{}</style>" in head
