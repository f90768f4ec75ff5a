import { AsyncLocalStorage } from 'node:async_hooks';

/** What is known about the current unit of work (HTTP request or event), carried into logs and events. */
export interface RequestContext {
  correlationId: string;
  causationId?: string;
  eventId?: string;
  /** The aggregate an event is about (an application id…), for logs. */
  aggregateId?: string;
  actor?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, work: () => T): T {
    return storage.run(context, work);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};
