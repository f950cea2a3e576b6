// The in-app text size: a class on <html> that scales the root font size, so every rem in
// the app grows with it (WCAG 1.4.4, up to 200 %).
import { TEXT_SIZES, type TextSize } from '../../store/settings.ts';

export function applyTextSize(size: TextSize): void {
  const html = document.documentElement;
  for (const s of TEXT_SIZES) html.classList.remove(`text-${s}`);
  if (size !== 100) html.classList.add(`text-${size}`);
}
