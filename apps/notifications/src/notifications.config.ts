import { MessagingConfig } from '#messaging';

/** Configuration of the notifications service: the platform's and the event backbone's variables (see the README). */
export class NotificationsConfig extends MessagingConfig {}
