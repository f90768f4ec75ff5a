import { EventPattern } from '@nestjs/microservices';
import type { EventType } from '#domain';

/**
 * Marks a method as the handler of one event of the catalogue: `@OnEvent(SUBJECTS.applicationSubmitted)`.
 * The method receives the validated envelope (`@Payload()`) and an `EventContext` (`@Ctx()`).
 */
export function OnEvent(subject: EventType): MethodDecorator {
  return EventPattern<string>(subject);
}
