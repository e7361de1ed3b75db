# How the scripts talk: progress on stderr, and a failure that stops the script. Sourced.
# Coloured on a terminal only, so journald and CI logs stay plain.
if [ -t 2 ]; then
  log() { printf '\033[1;36m==>\033[0m %s\n' "$*" >&2; }
  die() { printf '\033[1;31mxx\033[0m %s\n' "$*" >&2; exit 1; }
else
  log() { printf '==> %s\n' "$*" >&2; }
  die() { printf 'xx %s\n' "$*" >&2; exit 1; }
fi
