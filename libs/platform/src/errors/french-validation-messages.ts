import type { ValidationError } from 'class-validator';
import type { ErrorDetail } from '#domain';

/**
 * class-validator writes its default messages in English, starting with the property name
 * ("age must be an integer number"). Those are replaced here by French reasons; a message a DTO sets itself
 * (in French, not starting with the property name) is kept as written.
 */
const FRENCH_REASONS: Record<string, (englishMessage: string) => string> = {
  whitelistValidation: () => 'champ inconnu : il ne fait pas partie du formulaire',
  isDefined: () => 'champ obligatoire',
  isNotEmpty: () => 'ne doit pas être vide',
  isString: () => 'doit être un texte',
  isInt: () => 'doit être un nombre entier',
  isNumber: () => 'doit être un nombre',
  isBoolean: () => 'doit être vrai ou faux (true/false)',
  isDateString: () => 'doit être une date au format AAAA-MM-JJ',
  isISO8601: () => 'doit être une date au format AAAA-MM-JJ',
  isEmail: () => 'doit être une adresse e-mail valide',
  isUUID: () => 'doit être un identifiant (UUID) valide',
  isUuid: () => 'doit être un identifiant (UUID) valide',
  isArray: () => 'doit être une liste',
  isObject: () => 'doit être un objet',
  nestedValidation: () => 'doit être un objet valide',
  isEnum: (m) => `doit être l'une des valeurs : ${afterColon(m)}`,
  isIn: (m) => `doit être l'une des valeurs : ${afterColon(m)}`,
  min: (m) => `doit être supérieur ou égal à ${lastNumber(m)}`,
  max: (m) => `doit être inférieur ou égal à ${lastNumber(m)}`,
  minLength: (m) => `doit contenir au moins ${lastNumber(m)} caractères`,
  maxLength: (m) => `doit contenir au plus ${lastNumber(m)} caractères`,
  arrayMinSize: (m) => `doit contenir au moins ${lastNumber(m)} élément(s)`,
  arrayMaxSize: (m) => `doit contenir au plus ${lastNumber(m)} élément(s)`,
  matches: () => "n'a pas le format attendu",
  equals: () => "n'a pas la valeur attendue",
  isPositive: () => 'doit être un nombre positif',
  isPhoneNumber: () => 'doit être un numéro de téléphone valide',
  isPostalCode: () => 'doit être un code postal valide',
};

function afterColon(message: string): string {
  const index = message.indexOf(':');
  return index >= 0 ? message.slice(index + 1).trim() : message;
}

function lastNumber(message: string): string {
  const numbers = message.match(/-?\d+(\.\d+)?/g);
  return numbers ? numbers[numbers.length - 1] : '';
}

function frenchReason(property: string, constraint: string, message: string): string {
  const isEnglishDefault =
    message.startsWith(`${property} `) ||
    message.startsWith('property ') ||
    message.startsWith('nested property ') ||
    message.startsWith('each value in ');
  if (!isEnglishDefault) return message;
  const translate = FRENCH_REASONS[constraint];
  return translate ? translate(message) : message;
}

/**
 * Flattens class-validator errors into one detail per field and constraint, with dotted paths (`plan.0.amount`).
 * A missing field gets one reason, "champ obligatoire", instead of every rule its absent value breaks.
 */
export function toErrorDetails(errors: readonly ValidationError[], parentPath = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const missing =
      'value' in error && (error.value === undefined || error.value === null) && error.constraints;
    if (missing) return [{ field, reason: 'champ obligatoire' }];
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      reason: frenchReason(error.property, constraint, message),
    }));
    return [...own, ...toErrorDetails(error.children ?? [], field)];
  });
}
