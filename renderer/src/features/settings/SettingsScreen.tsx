// Settings: text size (applied at once and remembered), privacy and security, the sample
// records, and what version this is.
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { TEXT_SIZES, usePlainSettingState, type TextSize } from '../../store/settings.ts';
import { removeSamples, useRecords } from '../../store/records.ts';
import { ScreenHeading } from '../../ui/bits.tsx';
import { ConfirmDialog } from '../../ui/Dialog.tsx';
import { announce } from '../../ui/announce.ts';
import { SecurityPanel } from './SecurityPanel.tsx';
import { applyTextSize } from './text-size.ts';

const SIZE_WORDS: Record<TextSize, string> = { 100: 'Standard (100%)', 125: 'Larger (125%)', 150: 'Even larger (150%)', 200: 'Largest (200%)' };

export function SettingsScreen() {
  const [size, setSize] = usePlainSettingState('textSize');
  const samples = useRecords()?.filter((r) => r.sample).length ?? 0;
  const [confirming, setConfirming] = useState(false);
  const [info, setInfo] = useState<string>('');
  useEffect(() => {
    void api().appInfo().then((i) => setInfo(`Version ${i.version} · ${i.platform}`)).catch(() => setInfo(''));
  }, []);
  const choose = (s: TextSize) => {
    applyTextSize(s);
    setSize(s);
    announce(`Text size set to ${s}%.`);
  };
  return (
    <div className="stack">
      <ScreenHeading>Settings</ScreenHeading>
      <section aria-labelledby="size-heading" className="card">
        <h2 id="size-heading">Text size</h2>
        <fieldset>
          <legend>Size of the text in the app</legend>
          {TEXT_SIZES.map((s) => (
            <label key={s} className="choice">
              <input type="radio" name="text-size" value={s} checked={size === s} onChange={() => choose(s)} data-text-size={s} /> {SIZE_WORDS[s]}
            </label>
          ))}
        </fieldset>
        <p className="muted small">Printed lists have their own “Large print” choice.</p>
      </section>
      <SecurityPanel />
      <section aria-labelledby="samples-heading" className="card">
        <h2 id="samples-heading">Sample records</h2>
        {samples ? (
          <>
            <p>{samples} made-up sample {samples === 1 ? 'record is' : 'records are'} in the app.</p>
            <button type="button" className="btn" onClick={() => setConfirming(true)}>Remove the sample records</button>
          </>
        ) : <p>No sample records are in the app.</p>}
      </section>
      <section aria-labelledby="about-heading" className="card">
        <h2 id="about-heading">About</h2>
        <p>Records Companion helps people with lung cancer, and the people who care for them, understand their records and prepare for appointments. It is not medical advice.</p>
        {info && <p className="muted">{info}</p>}
      </section>
      {confirming && (
        <ConfirmDialog title="Remove the sample records?" confirmLabel="Remove the samples" onCancel={() => setConfirming(false)}
          onConfirm={() => void removeSamples().then((n) => { announce(`${n} sample records were removed.`); setConfirming(false); })}>
          <p>The made-up sample records will be removed. Your own records stay as they are.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
