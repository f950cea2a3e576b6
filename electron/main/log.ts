// The app's log: event names and counts only. Never record text, facts, file names,
// passwords or paths (engineering anchors §7, habit 9). Fields are checked against an
// allow-list so a careless call cannot leak them.
const ALLOWED_FIELDS = new Set(['permission', 'scheme', 'channel', 'code', 'pages', 'ms', 'count', 'reason', 'version']);

export function redact(fields: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (!ALLOWED_FIELDS.has(k)) continue;
    if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (typeof v === 'string' && /^[a-z0-9:_-]{1,40}$/i.test(v)) out[k] = v;
  }
  return out;
}

export function log(event: string, fields: Record<string, unknown> = {}): void {
  if (!/^[a-z0-9:_-]{1,60}$/i.test(event)) return;
  if (process.env.RECORDS_QUIET_LOG === '1') return;
  process.stdout.write(`${new Date().toISOString()} ${event} ${JSON.stringify(redact(fields))}\n`);
}
