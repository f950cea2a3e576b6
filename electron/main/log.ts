// The app's log: event names and a few allow-listed fields only. Never record text, facts,
// file names, passwords or paths (engineering anchors §7, habit 9). Each field has its own
// rule for what a value may look like, so a careless call cannot leak a fact or a name
// through it. Tests: test/unit/security/logs.test.ts.

const WORD = /^[a-z][a-z0-9-]{0,39}$/;
const FIELD_RULES: Record<string, (v: string) => boolean> = {
  // Electron permission names (media, clipboard-read, openExternal, …)
  permission: (v) => /^[a-zA-Z][a-zA-Z-]{1,39}$/.test(v),
  // a URL scheme, never the URL (security-policy.ts safeScheme)
  scheme: (v) => /^[a-z][a-z0-9+.-]{0,19}$/.test(v),
  // an IPC channel name from the contract
  channel: (v) => /^[a-z]+:[a-z-]{1,30}$/.test(v),
  // a problem or error code
  code: (v) => WORD.test(v),
  // why something was refused: a fixed vocabulary
  reason: (v) => ['sender', 'input', 'frame', 'redirect', 'stall', 'crash', 'timeout', 'cancelled'].includes(v),
  version: (v) => /^\d+\.\d+\.\d+(?:-[0-9a-z.-]{1,20})?$/i.test(v),
};
const NUMBER_FIELDS = new Set(['pages', 'ms', 'count']);

export function redact(fields: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(fields ?? {})) {
    if (NUMBER_FIELDS.has(k)) {
      if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
    } else if (k in FIELD_RULES) {
      if (typeof v === 'boolean') out[k] = v;
      else if (typeof v === 'string' && FIELD_RULES[k](v)) out[k] = v;
    }
  }
  return out;
}

export function log(event: string, fields: Record<string, unknown> = {}): void {
  if (typeof event !== 'string' || !/^[a-z0-9:_-]{1,60}$/i.test(event)) return;
  if (process.env.RECORDS_QUIET_LOG === '1') return;
  process.stdout.write(`${new Date().toISOString()} ${event} ${JSON.stringify(redact(fields))}\n`);
}
