import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';

/** One namespace per feature (i18next); English is the only language so far. */
export const defaultNS = 'common';
export const resources = { en } as const;

export function initI18n(): Promise<unknown> {
  return i18next.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    ns: Object.keys(en),
    defaultNS,
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: (typeof resources)['en'];
  }
}
