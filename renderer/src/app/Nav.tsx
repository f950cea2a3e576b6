// The main navigation: plain words, the current screen marked with aria-current (and a
// border and bold text, not colour alone), and a count where something waits for the person.
import { SCREENS, type ScreenId } from './screens.ts';

export function Nav({ screen, onGo, counts }: { screen: ScreenId; onGo: (id: ScreenId) => void; counts: Partial<Record<ScreenId, string>> }) {
  return (
    <nav className="app-nav screen-only" aria-label="Main">
      <ul>
        {SCREENS.map((s) => (
          <li key={s.id}>
            <button type="button" className="nav-link" aria-current={screen === s.id ? 'page' : undefined} onClick={() => onGo(s.id)} data-nav={s.id}>
              <span>{s.label}</span>
              {counts[s.id] && <span className="nav-count">{counts[s.id]}</span>}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
