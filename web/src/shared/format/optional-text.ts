/** A form's text field as the API takes it: empty (or blank) is "not given", sent as an absent field rather than "". */
export const optionalText = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());
