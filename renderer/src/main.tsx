// Start-up: apply the person's text size before the first paint (no jump from small to
// large), then the gate: the lock screen when a lock is set, else the app (which picks up
// records left half-read last time).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/print.css';
import './styles/features.css';
import { Gate } from './features/lock/Gate.tsx';
import { hasApi } from './api.ts';
import { getPlainSetting } from './store/settings.ts';
import { applyTextSize } from './features/settings/text-size.ts';

function NoApi() {
  return (
    <main className="app-main">
      <h1>Records Companion</h1>
      <p>This page only works inside the Records Companion app. Please open the app from your computer’s menu.</p>
    </main>
  );
}

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  if (!hasApi()) {
    root.render(<NoApi />);
    return;
  }
  applyTextSize(await getPlainSetting('textSize').catch(() => 100 as const));
  root.render(<StrictMode><Gate /></StrictMode>);
}

void boot();
