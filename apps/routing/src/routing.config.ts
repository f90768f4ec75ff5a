import { MessagingConfig } from '#messaging';

/** Configuration of the routing service: the platform's and the event backbone's variables (see the README). */
export class RoutingConfig extends MessagingConfig {}
