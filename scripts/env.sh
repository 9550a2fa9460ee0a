# Environment shared by the setup, run and test scripts. Source it; do not run it.
# Tools live outside the clone so a fresh clone reuses them instead of rebuilding them.
export MT_TOOLS="${MT_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/mali-timeline-tools}"
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$MT_TOOLS/node_modules/.bin:$CARGO_HOME/bin:$PATH"
export NODE_PATH="$MT_TOOLS/node_modules"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
