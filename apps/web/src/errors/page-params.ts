import { ParseUUIDPipe } from '@nestjs/common';
import { PageError } from './page-errors.js';

/** An id in a page's path (a file, a message): a malformed one is the 404 page, like an unknown one. */
export const PAGE_ID = new ParseUUIDPipe({ exceptionFactory: () => new PageError('not-found') });
