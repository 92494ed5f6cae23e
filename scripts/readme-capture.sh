#!/bin/sh
# Regenerate the screen capture at the top of README.md from the real release binary: the
# browser runs in a private tmux server at 100x26 on the embedded corpus with the default
# config, and the text of its first frame replaces the block between the capture markers.
# Needs tmux. Usage: scripts/readme-capture.sh
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin agenda-tui
binary="$PWD/target/release/agenda-tui"
socket="agenda-readme-$$"
screen_file="$(mktemp)"
readme_file="$(mktemp)"
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -f "$screen_file" "$readme_file"
}
trap cleanup EXIT
tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 26 \
    "env -u TMUX -u AGENDA_TUI_CONFIG -u AGENDA_TUI_DATA_DIR -u NO_COLOR XDG_CONFIG_HOME=/nonexistent XDG_DATA_HOME=/nonexistent TERM=xterm-256color '$binary'; sleep 60"
tries=0
until tmux -L "$socket" capture-pane -p | grep -q 'Statements ·'; do
    tries=$((tries + 1))
    if [ "$tries" -gt 200 ]; then
        echo "readme-capture: the browser did not draw within 20 s" >&2
        exit 1
    fi
    sleep 0.1
done
tmux -L "$socket" capture-pane -p | sed 's/[[:space:]]*$//' > "$screen_file"
awk -v screen="$screen_file" '
    /^<!-- capture begin/ { print; print "```"; while ((getline line < screen) > 0) print line; print "```"; skipping = 1; next }
    /^<!-- capture end/ { skipping = 0 }
    !skipping { print }
' README.md > "$readme_file"
if ! grep -q '^<!-- capture end' "$readme_file"; then
    echo "readme-capture: README.md has no capture markers" >&2
    exit 1
fi
cat "$readme_file" > README.md
echo "README.md: capture regenerated ($(wc -l < "$screen_file") lines)"
