/** The portal's languages. Vietnamese is primary and served at `/`; English at `/en/`. */

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'vi' ? 'en' : 'vi';
}

export const localeInfo: Record<Locale, { htmlLang: string; hreflang: string; ogLocale: string; intl: string; name: string }> = {
  vi: { htmlLang: 'vi', hreflang: 'vi', ogLocale: 'vi_VN', intl: 'vi-VN', name: 'Tiếng Việt' },
  en: { htmlLang: 'en', hreflang: 'en', ogLocale: 'en_GB', intl: 'en-GB', name: 'English' },
};
