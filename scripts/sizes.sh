#!/usr/bin/env bash
# Prints the gzip -9 size of the code in a built dist/ folder: the wasm and JS files, and the
# stylesheet and start-up check that index.html carries inline.
set -euo pipefail
dir="${1:-dist}"
total=0
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
    [ -f "$f" ] || continue
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    total=$((total + gz))
    printf '%-48s %8d bytes  %8d gzip\n' "$(basename "$f")" "$raw" "$gz"
done
inline=$(python3 -c '
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
sys.stdout.write("".join(re.findall(r"<(?:style|script)>(.*?)</(?:style|script)>", html, re.S)))
' "$dir/index.html")
raw=$(printf '%s' "$inline" | wc -c)
gz=$(printf '%s' "$inline" | gzip -9 -c | wc -c)
total=$((total + gz))
printf '%-48s %8d bytes  %8d gzip\n' "index.html: inline style and script" "$raw" "$gz"
printf '%-48s %8s        %8d gzip (%d KB)\n' "total wasm + JS + CSS" "" "$total" $((total / 1024))
