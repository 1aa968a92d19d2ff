import { ValidateBy, type ValidationOptions, buildMessage } from 'class-validator';

/** Whole VND, positive, as a decimal string: "600000000". No decimals (domain.md: amounts are whole VND). */
export const VND_AMOUNT_PATTERN = /^[1-9]\d{0,17}$/;
/** Whole VND that may be zero. */
export const VND_AMOUNT_OR_ZERO_PATTERN = /^(0|[1-9]\d{0,17})$/;
/** A percent as a decimal string: "7.2", "0.5", "100". */
export const PERCENT_PATTERN = /^(0|[1-9]\d{0,2})(\.\d{1,6})?$/;

export function IsVndAmount(options?: ValidationOptions & { allowZero?: boolean }): PropertyDecorator {
  const pattern = options?.allowZero ? VND_AMOUNT_OR_ZERO_PATTERN : VND_AMOUNT_PATTERN;
  return ValidateBy(
    {
      name: 'isVndAmount',
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && pattern.test(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a whole number of VND written as a decimal string${options?.allowZero ? '' : ' greater than zero'}, e.g. "600000000"`,
          options,
        ),
      },
    },
    options,
  );
}

export function IsPercentString(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPercentString',
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && PERCENT_PATTERN.test(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a percent as a decimal string, e.g. "7.2"`, options),
      },
    },
    options,
  );
}
