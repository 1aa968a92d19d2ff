import { ValidateBy, type ValidationOptions, buildMessage } from 'class-validator';
import { isLocalDate } from './local-date.js';

export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown): boolean => isLocalDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a calendar date YYYY-MM-DD`, options),
      },
    },
    options,
  );
}
