#!/usr/bin/env python3
"""Trunk post-build hook: make the built page run under a strict Content-Security-Policy, and
write the site's pages from it.

Trunk writes the code that starts the app as an inline <script type="module">. The page's CSP
allows no inline script, so this moves that code into boot.js (named by its content hash, like
trunk's own files) and loads it from there. 404.html is the page without a body of its own, so a static
host that answers unknown paths with 404.html boots the app.
The data file's preload (index.html's one preload of a .json file) becomes a check after trunk's
preloads of the code, so the code is requested first and compiles while the data downloads; the
check preloads the file the address asks for (the events file, or a release's by `?v=`). boot.js
requests the events file before it starts the app, so its answer is in when the app asks for it
(src/web/fetch.rs takes that request).
The stylesheet is put inline (a stylesheet file is a request that holds back the first frame),
and public/written-page.js after <base>: it hides a written page for any address that it does
not show. These and the data check are allowed by their hashes in the CSP. Then 404.html is
written, and the app's renderer (src/bin/render/main.rs) writes every page from it.
"""
import base64
import json
import hashlib
import subprocess
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or sys.argv[1]
index_path = os.path.join(staging, "index.html")
with open(index_path, encoding="utf-8") as f:
    html = f.read()
# The public URL trunk built for, as written in <base href>.
base = re.search(r'<base href="([^"]*)"', html)
public_url = base.group(1) if base else "/"
if not public_url.endswith("/"):
    public_url += "/"

pattern = re.compile(r"<script type=\"module\"(?: nonce=\"[^\"]*\")?>(.*?)</script>", re.S)
scripts = pattern.findall(html)
if len(scripts) != 1:
    sys.exit(f"post_build.py: expected one inline module script in index.html, found {len(scripts)}")
data_preload = re.compile(
    r'\s*(?:<!--[^>]*-->\s*)?<link rel="preload" href="([^"]+\.json)"[^>]*>', re.S
)
found = data_preload.search(html)
# The events file is requested before the app's code is compiled; a failure is left for the app
# to report.
# A link to an earlier release of the data (`?v=1`) asks for that release instead.
early = (
    "if (!/[?&]v=/.test(location.search)) {\n"
    f"  window.maliTimelineEvents = fetch({json.dumps(found.group(1))});\n"
    "  window.maliTimelineEvents.catch(() => {});\n"
    "}\n"
    if found
    else ""
)
lines = scripts[0].strip().splitlines()
imports = [line for line in lines if line.startswith("import ")]
rest = [line for line in lines if not line.startswith("import ")]
code = "\n".join(imports) + "\n" + early + "\n".join(rest) + "\n"
digest = hashlib.sha256(code.encode()).hexdigest()[:16]
name = f"boot-{digest}.js"
with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
    f.write(code)
html = pattern.sub(f'<script type="module" src="{public_url}{name}"></script>', html, count=1)
found = data_preload.search(html)
data_preload_check = None
if found:
    # At the end of the head, a check asks for the file the address names: the events file, or
    # for a link to a release (`?v=1`) that release's file (its path as web::fetch::dataset_url
    # writes it), so that a cited link downloads one file, not two.
    href = found.group(1)
    versions = href.rsplit("/", 1)[0] + "/versions/" if "/" in href else "versions/"
    data_preload_check = (
        "(function () {\n"
        "  var v = /[?&]v=([0-9]+)(?:&|$)/.exec(location.search);\n"
        "  var link = document.createElement('link');\n"
        "  link.rel = 'preload';\n"
        "  link.as = 'fetch';\n"
        "  link.crossOrigin = 'anonymous';\n"
        f"  link.href = v ? {json.dumps(versions)} + Number(v[1]) + '.json' : {json.dumps(href)};\n"
        "  document.head.appendChild(link);\n"
        "})();"
    )
    html = html[: found.start()] + html[found.end() :]
    html = html.replace("</head>", f"<script>{data_preload_check}</script>\n  </head>", 1)
if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html.replace(f"<script>{data_preload_check}</script>", "")):
    sys.exit("post_build.py: an inline script is left in index.html")


def csp_hash(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def allow(html, directive, source):
    """Adds `source` to a directive of the page's Content-Security-Policy."""
    new, count = re.subn(rf"({directive} [^;\"]*)", rf"\1 {source}", html, count=1)
    if count != 1:
        sys.exit(f"post_build.py: no {directive} in the Content-Security-Policy")
    return new


# The stylesheet goes into the page (its hash into the CSP): a stylesheet of its own would be a
# request that holds back the first frame.
sheet_link = re.compile(r'<link rel="stylesheet" href="([^"]+\.css)"[^>]*>')
sheets = sheet_link.findall(html)
if len(sheets) != 1:
    sys.exit(f"post_build.py: expected one stylesheet link in index.html, found {len(sheets)}")
sheet_path = os.path.join(staging, sheets[0][len(public_url):] if sheets[0].startswith(public_url) else sheets[0])
with open(sheet_path, encoding="utf-8") as f:
    # Comments and blank lines are left out: the page carries the sheet on every visit.
    css = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    css = "\n".join(line for line in css.splitlines() if line.strip())
if "</style" in css:
    sys.exit("post_build.py: the stylesheet holds </style")
html = sheet_link.sub(lambda _: f"<style>{css}</style>", html, count=1)
html = allow(html, "style-src", csp_hash(css))
os.remove(sheet_path)
# The check that hides a written page for any address it does not show, before anything is
# drawn (an inline script, its hash in the CSP).
scripts_dir = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(scripts_dir, "..", "public", "written-page.js"), encoding="utf-8") as f:
    check = "\n".join(line for line in f.read().splitlines() if not line.startswith("//")).strip()
html = allow(html, "script-src", csp_hash(check))
if data_preload_check:
    html = allow(html, "script-src", csp_hash(data_preload_check))
html = re.sub(r"(<base href=\"[^\"]*\"\s*/?>)", lambda m: m.group(1) + f"\n    <script>{check}</script>", html, count=1)
if check not in html:
    sys.exit("post_build.py: no <base href> to put the written-page check after")
# 404.html is the page without a body of its own: a static host answers unknown addresses with
# it, and the app then reads the address. It is also the template of the written pages.
for name in ("404.html", "index.html"):
    with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
        f.write(html)

# The current release of the data is kept beside the earlier ones (data/versions/{version}.json),
# so that a link naming it (`?v=2`) keeps working once a later release is out.
with open(os.path.join(staging, "data", "events.json"), encoding="utf-8") as f:
    current = f.read()
version = json.loads(current).get("version")
if isinstance(version, int):
    kept = os.path.join(staging, "data", "versions", f"{version}.json")
    os.makedirs(os.path.dirname(kept), exist_ok=True)
    if not os.path.exists(kept):
        with open(kept, "w", encoding="utf-8") as f:
            f.write(current)

# The pages, written natively by the app's own components (src/bin/render/main.rs).
render = [
    "cargo", "run", "--offline", "--quiet", "--no-default-features", "--features", "ssr",
    "--bin", "render", "--", staging,
]
try:
    subprocess.run(render, check=True)
except (FileNotFoundError, subprocess.CalledProcessError) as error:
    sys.exit(f"post_build.py: the pages were not written ({error})")
