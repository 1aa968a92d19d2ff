import { ValidateBy, type ValidationOptions, buildMessage } from 'class-validator';
import { isLocalDate, isTimestamp } from './local-date.js';

/** The one date rule of every DTO (body, query, path): a real calendar date YYYY-MM-DD (isLocalDate). */
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

/** An ISO 8601 instant whose date is a real calendar date and whose time exists (isTimestamp). */
export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimestamp',
      validator: {
        validate: (value: unknown): boolean => isTimestamp(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a calendar date YYYY-MM-DD, optionally with a time and offset (2026-11-01T00:00:00+07:00)`,
          options,
        ),
      },
    },
    options,
  );
}
