// The place for privacy and security settings. Today it says plainly what protects the
// records. A security engineer adds here: the app lock (passphrase, auto-lock timeout that
// the person can change, WCAG 2.2.1), encryption at rest (install a codec with setCodec in
// store/codec.ts before the app reads anything; the key wrapped by window.api.keychainWrap),
// encrypted backup and restore (window.api.saveBackup), and "delete everything".
import { activeCodec } from '../../store/codec.ts';

export function SecurityPanel() {
  const encrypted = activeCodec().name !== 'none';
  return (
    <section aria-labelledby="privacy-heading" className="card" data-security-panel="true">
      <h2 id="privacy-heading">Privacy and security</h2>
      <ul>
        <li>Your records are read and kept on this computer only. The app never connects to the internet.</li>
        <li>{encrypted
          ? 'Your records are stored encrypted on this computer.'
          : 'Your records are stored in the app’s own folder on this computer. They are protected by your computer’s login and, if turned on, its disk encryption.'}</li>
      </ul>
      <p className="muted">An app lock, encrypted backups and a way to delete everything are planned for a later version.</p>
    </section>
  );
}
