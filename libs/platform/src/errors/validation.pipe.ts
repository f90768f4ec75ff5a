import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { ValidationFailed } from '#domain';
import { toErrorDetails } from './french-validation-messages.js';

/**
 * Refuses an operation's body when none was read (absent, or of a type the service does not parse), rather than
 * reading it as `{}`: an operation whose fields are all optional would otherwise act on a body it never saw.
 */
class BodyRequiredValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value === undefined) {
      throw new ValidationFailed([{ field: 'body', reason: 'corps de requête JSON obligatoire' }]);
    }
    return super.transform(value, metadata);
  }
}

/** The one validation pipe of every service: unknown fields are refused, every error comes at once, in French. */
export function createValidationPipe(): ValidationPipe {
  return new BodyRequiredValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // `value` lets a missing field be told apart; values are never put in the error body.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationFailed(toErrorDetails(errors)),
  });
}
