import { configureLocalization, type LocaleModule } from '@lit/localize';
import * as frCA from './locales/fr-CA.js';
import { sourceLocale, targetLocales } from './locales/locale-codes.js';

/** The locales the workspace speaks. */
export type WorkspaceLocale = typeof sourceLocale | (typeof targetLocales)[number];

// Every locale ships inside the bundle: the catalogue is tiny and a host page must
// not need to serve extra files for the French text to appear.
const catalogues: Record<(typeof targetLocales)[number], LocaleModule> = { 'fr-CA': frCA };

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => Promise.resolve(catalogues[locale as keyof typeof catalogues]),
});

let settled: Promise<void> = Promise.resolve();

/** Maps a BCP 47 tag (`fr`, `fr-CA`, `fr-FR`, `en-US`, ...) to a workspace locale. */
export function resolveLocale(lang: string | null | undefined): WorkspaceLocale {
  const tag = (lang ?? '').trim().toLowerCase();
  return tag === 'fr' || tag.startsWith('fr-') ? 'fr-CA' : sourceLocale;
}

/** Switches every workspace element to a locale; resolves once they can render in it. */
export function useLocale(lang: string | null | undefined): Promise<void> {
  const locale = resolveLocale(lang);
  if (locale !== getLocale()) settled = setLocale(locale);
  return settled;
}

/** The locale the elements currently render in. */
export function currentLocale(): WorkspaceLocale {
  return getLocale() as WorkspaceLocale;
}

/** Resolves when the latest locale switch is complete (useful in tests). */
export function localeSettled(): Promise<void> {
  return settled;
}
