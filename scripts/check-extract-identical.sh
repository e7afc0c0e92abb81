#!/usr/bin/env bash
# Checks that `labour-graph extract --out` writes byte-identical files at two revisions, on seeds/ and on the real
# corpus beside the project (../shared/corpus/dev/docs, when it is there).
#
#   scripts/check-extract-identical.sh <base-rev> [<head-rev>]
#
# Each revision is exported with `git archive` into a temporary folder (no checkout, no worktree), given this
# checkout's node_modules through a symbolic link, built, and run; <head-rev> defaults to the working tree as it
# is (built in place). NLP_URL is passed through: set it to a running CoreNLP server to avoid starting one.
# Annotations come from each run's own cache folder under the temporary folder, so neither run reads the other's.
# Exit 0 when every file is identical, 1 when one differs (the diff is printed), 2 on a usage or build error.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE="${1:-}"
HEAD_REV="${2:-}"
if [ -z "$BASE" ]; then
  echo "usage: $0 <base-rev> [<head-rev>]   (head defaults to the working tree)" >&2
  exit 2
fi
CORPUS="$(cd "$ROOT/.." && pwd)/shared/corpus/dev/docs"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/lg-extract-check-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# <checkout> <label>: builds it and writes its extractions into $WORK/<label>/{seeds,corpus}
run_extract() {
  local tree="$1" label="$2"
  (cd "$tree" && npm run -s build >"$WORK/$label-build.log" 2>&1) || {
    echo "check-extract: the build of $label failed (log: $WORK/$label-build.log)" >&2
    cat "$WORK/$label-build.log" >&2
    exit 2
  }
  local cache="$WORK/$label-annotations"
  (cd "$tree" && NLP_CACHE_DIR="$cache" node bin/labour-graph.js extract "$ROOT/seeds" --out "$WORK/$label/seeds" >/dev/null)
  if [ -d "$CORPUS" ]; then
    (cd "$tree" && NLP_CACHE_DIR="$cache" node bin/labour-graph.js extract "$CORPUS" --out "$WORK/$label/corpus" >/dev/null)
  fi
}

# <rev> <label>: exports the revision and runs it
run_revision() {
  local rev="$1" label="$2" tree="$WORK/tree-$2"
  mkdir -p "$tree"
  git -C "$ROOT" archive "$rev" | tar -x -C "$tree"
  ln -s "$ROOT/node_modules" "$tree/node_modules"
  run_extract "$tree" "$label"
}

run_revision "$BASE" base
if [ -n "$HEAD_REV" ]; then run_revision "$HEAD_REV" head; else run_extract "$ROOT" head; fi

for set in seeds corpus; do
  [ -d "$WORK/base/$set" ] || continue
  n=$(find "$WORK/base/$set" -type f | wc -l)
  if diff -r "$WORK/base/$set" "$WORK/head/$set" >"$WORK/$set.diff"; then
    echo "check-extract: $set: $n files, identical"
  else
    echo "check-extract: $set: differs" >&2
    head -50 "$WORK/$set.diff" >&2
    exit 1
  fi
done
