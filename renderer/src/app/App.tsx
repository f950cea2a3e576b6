// The shell every screen sits in: who we are and our promise (nothing leaves this computer),
// the navigation, the current screen, and a calm reminder that this is not medical advice.
import { useRef } from 'react';
import { FactsProvider, useFactsState } from '../features/facts/FactsContext.tsx';
import { useAnnouncement } from '../ui/announce.ts';
import { Nav } from './Nav.tsx';
import { useScreen, type ScreenId } from './screens.ts';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { RecordsScreen } from '../features/records/RecordsScreen.tsx';
import { FactsScreen } from '../features/facts/FactsScreen.tsx';
import { AskScreen } from '../features/ask/AskScreen.tsx';
import { AppointmentScreen } from '../features/appointment/AppointmentScreen.tsx';
import { GuidelinesScreen } from '../features/guidelines/GuidelinesScreen.tsx';
import { SearchScreen } from '../features/search/SearchScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { useAppointmentList } from '../features/appointment/use-appointment.ts';
import { LockNowButton } from '../features/lock/LockNowButton.tsx';

export function App() {
  return (
    <FactsProvider>
      <Shell />
    </FactsProvider>
  );
}

function Screen({ id, onGo }: { id: ScreenId; onGo: (id: ScreenId) => void }) {
  switch (id) {
    case 'home': return <HomeScreen onGo={onGo} />;
    case 'records': return <RecordsScreen onGo={onGo} />;
    case 'facts': return <FactsScreen onGo={onGo} />;
    case 'ask': return <AskScreen />;
    case 'appointment': return <AppointmentScreen onGo={onGo} />;
    case 'guidelines': return <GuidelinesScreen />;
    case 'search': return <SearchScreen onGo={onGo} />;
    case 'settings': return <SettingsScreen />;
  }
}

function Shell() {
  const [screen, go] = useScreen();
  const state = useFactsState();
  const list = useAppointmentList();
  const announcement = useAnnouncement();
  const main = useRef<HTMLElement>(null);
  const p = state?.person;
  const toCheck = p ? [p.diagnosis, p.stage, ...p.biomarkers, ...p.treatments].filter((f) => f?.needsCheck).length + p.conflicts.filter((c) => !c.conflict.resolved).length : 0;
  const open = list?.filter((q) => !q.done).length ?? 0;
  const counts: Partial<Record<ScreenId, string>> = {
    ...(state?.documents.length ? { records: String(state.documents.length) } : {}),
    ...(toCheck ? { facts: `${toCheck} to check` } : {}),
    ...(open ? { appointment: String(open) } : {}),
  };
  return (
    <div className="app" data-ready={state && list ? 'true' : 'false'}>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to the main content</a>
      <header className="app-header screen-only">
        <p className="app-name">Records Companion</p>
        <p className="app-promise">Private: your records stay on this computer. Nothing is sent anywhere.</p>
        <LockNowButton />
      </header>
      <div className="app-body">
        <Nav screen={screen} onGo={go} counts={counts} />
        <main id="main" ref={main} className="app-main" tabIndex={-1} data-screen={screen}>
          <Screen key={screen} id={screen} onGo={go} />
        </main>
      </div>
      <footer className="app-footer screen-only">
        <p>This app helps you understand your records and prepare for appointments. It is not medical advice: your care team knows your situation best.</p>
      </footer>
      <div className="visually-hidden" role="status" aria-live="polite">{announcement}</div>
    </div>
  );
}
