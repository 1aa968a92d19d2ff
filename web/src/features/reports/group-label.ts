import type { TFunction } from 'i18next';
import type { Language } from '../../shared/format/language';
import type { Commune, Dimension } from './reports-queries';

type Keys = Record<string, Record<string, string | null>>;

/** One dimension's label for a row: names in the user's language, codes translated, never raw. */
export function dimensionLabel(
  dim: Dimension,
  key: Record<string, string | null> | undefined,
  t: TFunction,
  lang: Language,
  communes: Commune[] | undefined,
): string {
  if (!key) return '—';
  const code = key.code ?? '';
  switch (dim) {
    case 'sector':
      return `${code} – ${(lang === 'en' ? key.nameEn : key.nameVi) ?? ''}`;
    case 'borrowerType':
      return t(`borrowerType.${code}`, { defaultValue: code });
    case 'commune': {
      // The report names each commune; the reference list covers an older server's rows.
      const c = communes?.find((x) => x.code === code);
      const name = (lang === 'en' ? key.nameEn : key.nameVi) ?? (c && (lang === 'en' ? c.nameEn : c.nameVi));
      return name ? `${name} (${code})` : code;
    }
    case 'capitalSource':
      return key.name ?? code;
    case 'termClass':
      return t(`termClass.${code}`, { defaultValue: code });
    case 'debtGroup':
      return t(`common:debtGroup.${code}`, { defaultValue: code });
    case 'product':
      return key.name ? `${key.name} (${code})` : code;
    case 'origin':
      // A loan brought in by a book import carries its fund of origin; the others are the fund's own book.
      return key.code ? key.code : t('origin.own');
  }
}

export function rowLabel(dims: readonly Dimension[], keys: Keys, t: TFunction, lang: Language, communes: Commune[] | undefined): string {
  return dims.map((d) => dimensionLabel(d, keys[d], t, lang, communes)).join(' · ');
}
