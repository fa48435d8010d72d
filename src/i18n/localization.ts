import { configureLocalization, type LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from './locales/locale-codes.js';

/** The locales the workspace speaks. */
export type WorkspaceLocale = typeof sourceLocale | (typeof targetLocales)[number];

// Each catalogue is its own module, loaded when a page first needs it: an English page
// never downloads the French (the standalone file has it in a chunk beside it).
const catalogues: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  'fr-CA': () => import('./locales/fr-CA.js'),
};

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => catalogues[locale as keyof typeof catalogues](),
});

/** The switch under way while its catalogue loads, if any. */
let loading: Promise<void> | undefined;

/** Maps a BCP 47 tag (`fr`, `fr-CA`, `fr-FR`, `en-US`, ...) to a workspace locale. */
export function resolveLocale(lang: string | null | undefined): WorkspaceLocale {
  const tag = (lang ?? '').trim().toLowerCase();
  return tag === 'fr' || tag.startsWith('fr-') ? 'fr-CA' : sourceLocale;
}

/** Switches every workspace element to a locale; resolves once they can render in it. */
export function useLocale(lang: string | null | undefined): Promise<void> {
  const locale = resolveLocale(lang);
  if (locale !== getLocale()) {
    const switching = setLocale(locale);
    loading = switching;
    const done = () => {
      if (loading === switching) loading = undefined;
    };
    switching.then(done, done);
  }
  return localeSettled();
}

/** The locale the elements currently render in. */
export function currentLocale(): WorkspaceLocale {
  return getLocale() as WorkspaceLocale;
}

/** Resolves when the latest locale switch is complete (useful in tests). */
export function localeSettled(): Promise<void> {
  return loading ?? Promise.resolve();
}

/** Whether a catalogue is on its way: elements that render text wait for it (`afterLocaleLoads`). */
export function localeLoading(): boolean {
  return loading !== undefined;
}

/**
 * Runs an element's update now, or once the catalogue being loaded is in, so an element
 * never renders first in the language it is leaving (or in English before its French).
 * A catalogue that fails to load leaves the text in English.
 */
export function afterLocaleLoads<T>(update: () => T): T | Promise<T> {
  if (!loading) return update();
  return loading.then(update, update);
}
