#!/usr/bin/env bash
# The command line works with no network at all (docs/SECURITY.md, "Proof of no network").
# Runs `npm run --silent facts` on a case with scanned records, then `npm run --silent guide`
# on those facts, inside a network namespace that has no network (unshare -n: only a
# loopback device, which is down), with the Node no-network guard loaded as a second layer.
# Checks both outputs are valid facts/1 and guidance/1 JSON and that nothing tried to connect.
#
# Usage: bash test/ci/cli-offline.sh            (from anywhere; the lead calls it from .ci/run)
# Env:   RECORDS_SHARED  the team's shared folder (default: ../shared beside the repo)
#        CASE            corpus case to read (default: case004: 2 born-digital, 3 scanned records)
#        CLI_OFFLINE_SELFTEST=1  also make one deliberate request from the facts run: the
#                        script must then FAIL (this is how we check the check can fail)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export PATH="$ROOT/node_modules/.bin:$PATH"
SHARED=${RECORDS_SHARED:-$ROOT/../shared}
CASE=${CASE:-case004}
CASE_DIR="$SHARED/corpus/$CASE"
[ -d "$CASE_DIR" ] || { echo "cli-offline: corpus case not found: $CASE_DIR (set RECORDS_SHARED)" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
GUARD_LOG="$WORK/net-attempts.jsonl"
: > "$GUARD_LOG"

# Layer 1: a network namespace with no network. As root `unshare -n` is enough; otherwise
# try an unprivileged user namespace (-r). Where neither is allowed (some containers), say
# so plainly and rely on layer 2 alone.
OFFLINE=()
if unshare -n true 2>/dev/null; then
  OFFLINE=(unshare -n)
elif unshare -rn true 2>/dev/null; then
  OFFLINE=(unshare -rn)
else
  echo "cli-offline: NOTE: network namespaces are not permitted here (unshare -n failed);" >&2
  echo "cli-offline: running with the Node no-network guard only. Run as root or allow user namespaces for the full check." >&2
fi
if [ ${#OFFLINE[@]} -gt 0 ]; then
  # prove the namespace really has no way out before trusting it
  if "${OFFLINE[@]}" bash -c 'exec 3<>/dev/tcp/1.1.1.1/53' 2>/dev/null; then
    echo "cli-offline: the network namespace can still reach the network; refusing to call this offline" >&2
    exit 1
  fi
  echo "cli-offline: inside a network namespace with no network (${OFFLINE[*]})"
fi

# Layer 2: every Node process (npm, the CLI, its OCR threads) refuses and logs any attempt.
NODE_OPTS="--require=$ROOT/test/unit/security/net-guard.cjs"
if [ "${CLI_OFFLINE_SELFTEST:-}" = 1 ]; then
  echo "fetch('https://example.com/records').catch(() => {});" > "$WORK/deliberate.cjs"
  NODE_OPTS="$NODE_OPTS --require=$WORK/deliberate.cjs"
  echo "cli-offline: SELF-TEST: one deliberate request is made; this run must fail"
fi
run_offline() {
  env NODE_OPTIONS="$NODE_OPTS" RECORDS_NET_GUARD_LOG="$GUARD_LOG" \
    npm_config_update_notifier=false npm_config_audit=false npm_config_fund=false RECORDS_TEXT_CACHE= \
    ${OFFLINE[@]+"${OFFLINE[@]}"} "$@"
}

mapfile -t RECORDS < <(find "$CASE_DIR" -maxdepth 1 -name '*.pdf' | sort)
echo "cli-offline: facts on $CASE (${#RECORDS[@]} records)"
t0=$(date +%s)
run_offline npm run --silent facts -- "${RECORDS[@]}" > "$WORK/facts.json" 2> "$WORK/facts.err" || {
  echo "cli-offline: facts failed:" >&2; cat "$WORK/facts.err" >&2; exit 1; }
echo "cli-offline: guide on those facts"
run_offline npm run --silent guide -- --facts "$WORK/facts.json" --question "What does my PD-L1 result mean?" > "$WORK/guide.json" 2> "$WORK/guide.err" || {
  echo "cli-offline: guide failed:" >&2; cat "$WORK/guide.err" >&2; exit 1; }
t1=$(date +%s)

node - "$WORK/facts.json" "$WORK/guide.json" "$GUARD_LOG" "${#RECORDS[@]}" <<'JS'
const fs = require('node:fs');
const [factsFile, guideFile, guardLog, nRecords] = process.argv.slice(2);
const problems = [];
const parse = (f) => { try { return JSON.parse(fs.readFileSync(f, 'utf8')); } catch (e) { problems.push(`${f} is not valid JSON: ${e.message}`); return null; } };
const facts = parse(factsFile);
const guidance = parse(guideFile);
if (facts && facts.format !== 'facts/1') problems.push(`facts format is ${facts.format}, not facts/1`);
if (facts && (!Array.isArray(facts.sources) || facts.sources.length !== Number(nRecords))) problems.push(`facts lists ${facts.sources?.length} sources, expected ${nRecords}`);
if (facts && !facts.sources.some((s) => s.ocrPages && s.ocrPages.length)) problems.push('no page was read by OCR: the scanned records were not exercised');
if (guidance && guidance.format !== 'guidance/1') problems.push(`guidance format is ${guidance.format}, not guidance/1`);
if (guidance && !(guidance.questions?.length > 0)) problems.push('guidance has no questions');
const attempts = fs.readFileSync(guardLog, 'utf8').split('\n').filter(Boolean);
if (attempts.length) problems.push(`${attempts.length} network attempt(s): ${attempts.slice(0, 3).join(' ')}`);
if (problems.length) { for (const p of problems) console.error(`cli-offline: FAIL ${p}`); process.exit(1); }
const ocr = facts.sources.reduce((n, s) => n + s.ocrPages.length, 0);
console.log(`cli-offline: OK facts/1 (${facts.sources.length} sources, ${ocr} OCR pages) and guidance/1 (${guidance.questions.length} questions), 0 network attempts`);
JS
echo "cli-offline: done in $((t1 - t0))s"
