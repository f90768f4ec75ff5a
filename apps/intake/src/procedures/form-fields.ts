import 'reflect-metadata';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { LEGAL_DATE, isLegalDate, parisDate } from '#domain';
import type { ProcedureSettings } from './procedure.js';

/** A French number (02 31 57 14 14) or an international one (+33 2 31 57 14 14, +32 …). */
const PHONE = /^(?:0[1-9](?:[ .-]?\d{2}){4}|\+[1-9][\d .-]{7,18}\d)$/;

/**
 * A calendar date written YYYY-MM-DD that exists (no 30 February): the format first, then the calendar, so a
 * malformed value gets one message, not two.
 */
export function IsLegalDateString(): PropertyDecorator {
  return (target, propertyKey) => {
    Matches(LEGAL_DATE, { message: 'doit être une date au format AAAA-MM-JJ' })(target, propertyKey);
    ValidateBy({
      name: 'isLegalDate',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !LEGAL_DATE.test(value) || isLegalDate(value),
        defaultMessage: () => 'doit être une date qui existe dans le calendrier',
      },
    })(target, propertyKey);
  };
}

/**
 * A date of birth: a legal date (as above) that is not after today in Paris. Checked on every draft save, so that
 * the mistake shows next to the field at once rather than as a refusal at submission.
 */
export function IsBirthDateString(): PropertyDecorator {
  return (target, propertyKey) => {
    IsLegalDateString()(target, propertyKey);
    ValidateBy({
      name: 'isNotFutureDate',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !isLegalDate(value) || value <= parisDate(new Date()),
        defaultMessage: () => 'ne peut pas être une date future',
      },
    })(target, propertyKey);
  };
}

/** A phone number where the person can be called back. */
export function IsPhone(): PropertyDecorator {
  return Matches(PHONE, {
    message: 'doit être un numéro de téléphone (ex. 02 31 57 14 14 ou +33 2 31 57 14 14)',
  });
}

/** "du département 14", "des départements 14 et 50". */
export function servedDepartementsLabel(settings: ProcedureSettings): string {
  const codes = settings.servedDepartements;
  if (codes.length <= 1) return `du département ${codes[0] ?? ''}`.trim();
  return `des départements ${codes.slice(0, -1).join(', ')} et ${codes[codes.length - 1]}`;
}

/** A person's first and last names, as every form asks them. */
export class PersonName {
  /** First name(s). */
  @JSONSchema({ title: 'Prénom' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName: string;

  /** Last name in use. */
  @JSONSchema({ title: 'Nom' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName: string;
}
