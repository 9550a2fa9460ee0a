#!/usr/bin/env bash
# Prints the gzip -9 size of the wasm, JS and CSS in a built dist/ folder.
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
printf '%-48s %8s        %8d gzip (%d KB)\n' "total wasm + JS + CSS" "" "$total" $((total / 1024))
