import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { requestContext } from '../context/index.js';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's logger written through pino: `new Logger(name)` anywhere in a service logs JSON lines with the context
 * name, and inside an HTTP request with its correlation id.
 */
export class ServiceLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private target(): Logger {
    const context = requestContext.current();
    return context && !context.eventId
      ? this.root.child({ correlationId: context.correlationId })
      : this.root;
  }

  /** Nest passes the context name last, and for errors the stack before it. */
  private write(level: Level, message: unknown, rest: unknown[]): void {
    const logger = this.target();
    if (!logger.isLevelEnabled(level)) return;
    const args = [...rest];
    const context = args.length > 0 && typeof args[args.length - 1] === 'string' ? args.pop() : undefined;
    const stack = level === 'error' && typeof args[0] === 'string' ? args.shift() : undefined;
    const fields: Record<string, unknown> = { context };
    if (message instanceof Error) {
      fields.err = message;
      logger[level](fields, message.message);
      return;
    }
    if (stack) fields.stack = stack;
    if (typeof message === 'object' && message !== null) {
      logger[level]({ ...fields, ...(message as Record<string, unknown>) });
      return;
    }
    logger[level](fields, String(message));
  }
}
