import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoneyInput, parseMoneyInput } from '../format/money';
import { toLanguage } from '../format/language';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** The amount as a digit string ('' when empty): what the API takes. */
  value: string;
  onChange: (digits: string) => void;
};

/**
 * A money field that shows thousands separators while typing (`2.500.000.000`) and yields the
 * digit string: never a JavaScript number, so no amount beyond 2^53 or with a float error.
 */
export function MoneyInput({ value, onChange, ...rest }: Props) {
  const { i18n } = useTranslation();
  return (
    <TextInput
      inputMode="numeric"
      autoComplete="off"
      rightSection={<span aria-hidden>₫</span>}
      {...rest}
      classNames={{ input: 'num' }}
      value={formatMoneyInput(value, toLanguage(i18n.language))}
      onChange={(e) => onChange(parseMoneyInput(e.currentTarget.value))}
    />
  );
}
