// A tiny argument parser for the command-line tools: `--name value`, `--name=value`,
// boolean flags, and `--` to end options. Unknown options are errors, not silently files.
export type FlagSpec = Record<string, 'string' | 'boolean'>;

export interface ParsedArgs {
  flags: Record<string, string | boolean | undefined>;
  positional: string[];
  error?: string;
}

export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('--') || a === '-') { positional.push(a); continue; }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const type = spec[name];
    if (!type) return { flags, positional, error: `Unknown option --${name}.` };
    if (type === 'boolean') { flags[name] = true; continue; }
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) return { flags, positional, error: `--${name} needs a value.` };
    flags[name] = value;
  }
  return { flags, positional };
}
