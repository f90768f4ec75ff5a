import { MessagingConfig } from '#messaging';

/** Configuration of the checks service: the platform's and the event backbone's variables (see the README). */
export class ChecksConfig extends MessagingConfig {}
