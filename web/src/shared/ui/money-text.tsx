import { useTranslation } from 'react-i18next';
import { formatMoney } from '../format/money';
import { toLanguage } from '../format/language';

/** An amount from the API's decimal string, in the user's language, with tabular figures. */
export function MoneyText({ value, bold = false }: { value: string | null | undefined; bold?: boolean }) {
  const { i18n } = useTranslation();
  return (
    <span className="num" style={bold ? { fontWeight: 700 } : undefined}>
      {formatMoney(value, toLanguage(i18n.language))}
    </span>
  );
}
