// Settings. Plain ones (text size, how soon the app locks itself) are needed before anything
// is unlocked, so the lock screen shows at the person's text size; personal ones (the care
// team's name, notes for the appointment) go through the codec like every other sensitive value.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from './db.ts';
import { at, decode, encode } from './codec.ts';

export const TEXT_SIZES = [100, 125, 150, 200] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** Minutes without use before a locked app locks itself again; 0 = never (WCAG 2.2.1). */
export const AUTO_LOCK_CHOICES = [5, 15, 30, 60, 120, 240, 0] as const;
export type AutoLockMinutes = (typeof AUTO_LOCK_CHOICES)[number];

export interface PlainSettings { textSize: TextSize; largePrint: boolean; autoLockMinutes: AutoLockMinutes }
export interface PersonalSettings { careTeam: string; appointmentDate: string; notes: string }

const PLAIN_DEFAULTS: PlainSettings = { textSize: 100, largePrint: false, autoLockMinutes: 15 };
const PERSONAL_DEFAULTS: PersonalSettings = { careTeam: '', appointmentDate: '', notes: '' };

export async function setPlainSetting<K extends keyof PlainSettings>(key: K, value: PlainSettings[K]): Promise<void> {
  await db.settings.put({ key, value });
}

export function usePlainSetting<K extends keyof PlainSettings>(key: K): PlainSettings[K] {
  const row = useLiveQuery(() => db.settings.get(key), [key]);
  return (row?.value as PlainSettings[K] | undefined) ?? PLAIN_DEFAULTS[key];
}

/**
 * A plain setting with a setter that shows the new value at once (the write and the live
 * query catch up a moment later), so a checkbox or radio button never flicks back.
 */
export function usePlainSettingState<K extends keyof PlainSettings>(key: K): [PlainSettings[K], (v: PlainSettings[K]) => void] {
  const stored = usePlainSetting(key);
  const [pending, setPending] = useState<{ value: PlainSettings[K] } | null>(null);
  useEffect(() => { setPending(null); }, [stored]);
  const set = (value: PlainSettings[K]) => {
    setPending({ value });
    void setPlainSetting(key, value);
  };
  return [pending ? pending.value : stored, set];
}

export async function getPlainSetting<K extends keyof PlainSettings>(key: K): Promise<PlainSettings[K]> {
  const row = await db.settings.get(key);
  return (row?.value as PlainSettings[K] | undefined) ?? PLAIN_DEFAULTS[key];
}

const personalKey = (k: string) => `personal:${k}`;

export async function setPersonalSetting<K extends keyof PersonalSettings>(key: K, value: PersonalSettings[K]): Promise<void> {
  await db.settings.put({ key: personalKey(key), value: await encode(value, at('settings', personalKey(key), 'value')) });
}

/** undefined while loading */
export function usePersonalSetting<K extends keyof PersonalSettings>(key: K): PersonalSettings[K] | undefined {
  const row = useLiveQuery(() => db.settings.get(personalKey(key)).then((r) => r ?? null), [key]);
  const [value, setValue] = useState<PersonalSettings[K] | undefined>(undefined);
  useEffect(() => {
    if (row === undefined) return;
    let live = true;
    if (row === null) setValue(PERSONAL_DEFAULTS[key]);
    else void decode<PersonalSettings[K]>(row.value, at('settings', row.key, 'value')).then((v) => { if (live) setValue(v); });
    return () => { live = false; };
  }, [row, key]);
  return value;
}
