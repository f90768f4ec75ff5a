import { MessagingConfig } from '#messaging';

/** Configuration of the intake service: the platform's and the event backbone's variables (see the README). */
export class IntakeConfig extends MessagingConfig {}
