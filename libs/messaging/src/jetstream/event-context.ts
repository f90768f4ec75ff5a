import { BaseRpcContext } from '@nestjs/microservices';

export interface EventContextInfo {
  /** Durable consumer name: `<service>--<subject with _>`; also the inbox key. */
  consumer: string;
  subject: string;
  /** 1 on the first delivery. */
  deliveryCount: number;
  /** True when an operator replays a dead letter. */
  replay: boolean;
}

/** What a handler knows of the message besides the event: `@Ctx() context: EventContext`. */
export class EventContext extends BaseRpcContext<[EventContextInfo]> {
  get consumer(): string {
    return this.args[0].consumer;
  }

  get subject(): string {
    return this.args[0].subject;
  }

  get deliveryCount(): number {
    return this.args[0].deliveryCount;
  }

  get replay(): boolean {
    return this.args[0].replay;
  }
}
