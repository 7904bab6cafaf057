import { h } from './dom.js';

const KEY = 'notes-site:theme';
type Theme = 'light' | 'dark';

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

function current(): Theme {
  return stored() ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

/** Apply the remembered theme (else the system's) before the first view is drawn. */
export function initTheme(): void {
  const theme = stored();
  if (theme) document.documentElement.dataset['theme'] = theme;
}

/** A button switching light and dark, remembered in `localStorage`. */
export function themeButton(): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'theme' });
  const label = (): void => {
    const dark = current() === 'dark';
    button.textContent = 'Dark mode';
    button.setAttribute('aria-pressed', String(dark));
  };
  button.addEventListener('click', () => {
    const next: Theme = current() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset['theme'] = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // storage refused (private mode): the switch still holds for this page
    }
    label();
  });
  label();
  return button;
}
