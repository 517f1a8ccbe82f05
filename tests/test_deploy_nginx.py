"""docs/DEPLOY.md shows the nginx configuration that `make bench-cluster` measures."""

from __future__ import annotations

import re

from paths import ROOT


def test_deploy_md_shows_the_measured_nginx_configuration() -> None:
    doc = (ROOT / "docs" / "DEPLOY.md").read_text()
    measured = (ROOT / "deploy" / "nginx.conf").read_text()
    blocks = re.findall(r"```nginx\n(.*?)```", doc, flags=re.DOTALL)
    assert measured in blocks, "docs/DEPLOY.md must show deploy/nginx.conf unchanged"


def test_the_bench_changes_only_the_addresses() -> None:
    from bench.cluster_bench import site_config

    measured = (ROOT / "deploy" / "nginx.conf").read_text()
    adapted = site_config([18501, 18502], 18080)
    changed = [
        (a, b) for a, b in zip(measured.splitlines(), adapted.splitlines(), strict=True) if a != b
    ]
    assert changed == [
        ("    server 127.0.0.1:8501;", "    server 127.0.0.1:18501;"),
        ("    server 127.0.0.1:8502;", "    server 127.0.0.1:18502;"),
        ("    listen 80;", "    listen 127.0.0.1:18080;"),
    ]
