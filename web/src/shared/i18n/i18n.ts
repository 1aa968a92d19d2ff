import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { toLanguage, type Language } from '../format/language';
import { commonEn, commonVi } from './common-strings';

/**
 * i18next with Vietnamese first and English as a switch, remembered in localStorage. Each feature
 * owns its strings in its own namespace file (features/<area>/<area>-i18n.ts) and registers them
 * with `registerStrings` when its lazy route loads, so parallel work never edits a shared file.
 */
const STORAGE_KEY = 'htx.lang';

export function storedLanguage(): Language {
  try {
    return toLanguage(window.localStorage.getItem(STORAGE_KEY) ?? 'vi');
  } catch {
    return 'vi';
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  defaultNS: 'common',
  ns: ['common'],
  resources: { vi: { common: commonVi }, en: { common: commonEn } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export function currentLanguage(): Language {
  return toLanguage(i18n.language);
}

export async function changeLanguage(lang: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the switch still works for this page.
  }
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

/** A feature's strings: the same keys in both languages (the type makes a missing one an error). */
export type Strings<T> = { vi: T; en: NoInfer<T> };

/** Registers a feature's namespace once (idempotent; called at the top of the feature's i18n file). */
export function registerStrings<T extends object>(ns: string, strings: Strings<T>): string {
  if (!i18n.hasResourceBundle('vi', ns)) {
    i18n.addResourceBundle('vi', ns, strings.vi, true, true);
    i18n.addResourceBundle('en', ns, strings.en, true, true);
  }
  return ns;
}
