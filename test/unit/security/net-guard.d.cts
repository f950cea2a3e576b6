// Types for net-guard.cjs (plain CommonJS so that it can be a --require preload).
export interface Attempt { kind: string; target: string; pid: number; thread: number }
export declare class NetworkBlockedError extends Error {
  readonly code: 'ERR_NETWORK_BLOCKED_BY_TEST_GUARD';
  constructor(kind: string, target: string);
}
export declare function installNetGuard(): void;
export declare function attempts(): Attempt[];
export declare function takeAttempts(): Attempt[];
export declare function takeChildAttempts(logFile: string): Attempt[];
export declare function guardNodeOptions(existing?: string): string;
export declare const guardFile: string;
