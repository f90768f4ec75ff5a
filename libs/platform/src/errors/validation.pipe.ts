import { ValidationPipe } from '@nestjs/common';
import { ValidationFailed } from '#domain';
import { toErrorDetails } from './french-validation-messages.js';

/** The one validation pipe of every service: unknown fields are refused, every error comes at once, in French. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // `value` lets a missing field be told apart; values are never put in the error body.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationFailed(toErrorDetails(errors)),
  });
}
