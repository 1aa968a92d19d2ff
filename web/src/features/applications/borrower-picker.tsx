import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LENDING_NS } from '../../shared/lending/lending-strings';
import { useBorrower, useBorrowerSearch } from './applications-queries';

/**
 * A borrower chosen by searching the server (name, tax code or CCCD): the list shows the first
 * 20 matches, so a fund with thousands of borrowers never loads them all.
 */
export function BorrowerPicker({
  value,
  onChange,
  ...rest
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation(LENDING_NS);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const chosen = useBorrower(value);
  const found = useBorrowerSearch(q);
  const options = new Map<string, string>();
  const label = (b: { legalName: string; identityCode: string; type: string }) => `${b.legalName} · ${b.identityCode} · ${t(`borrowerType.${b.type}`)}`;
  if (chosen.data) options.set(chosen.data.id, label(chosen.data));
  for (const b of found.data?.items ?? []) options.set(b.id, label(b));
  return (
    <Select
      searchable
      clearable
      filter={({ options: o }) => o}
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      value={value}
      onChange={(v) => onChange(v)}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={found.isFetching ? '…' : undefined}
      {...rest}
    />
  );
}
