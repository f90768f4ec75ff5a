import { Injectable } from '@nestjs/common';
import { DomainError, NotFound } from '#domain';
import { JetStreamServer } from '../jetstream/jetstream.server.js';
import { DeadLetterStore } from './dead-letter.store.js';

export interface ReplayReport {
  replayed: number;
  failed: { id: string; error: string }[];
}

/**
 * Replays a parked message in this process, through the same validation and handler as the stream, for the one
 * consumer that failed (other services are not disturbed). The inbox keeps the effect single.
 */
@Injectable()
export class DeadLetterReplayer {
  constructor(
    private readonly store: DeadLetterStore,
    private readonly server: JetStreamServer,
  ) {}

  async replay(id: string): Promise<void> {
    const letter = await this.store.get(id);
    if (!letter) throw new NotFound('Lettre morte introuvable.', 'DEAD_LETTER_NOT_FOUND');
    if (letter.status === 'replayed') {
      throw new DomainError(
        'DEAD_LETTER_ALREADY_REPLAYED',
        'Ce message a déjà été rejoué avec succès.',
        'conflict',
      );
    }
    const outcome = await this.server.dispatch(
      {
        consumer: letter.consumer,
        subject: letter.subject,
        deliveryCount: letter.deliveries + 1,
        replay: true,
      },
      letter.data,
    );
    if (outcome.kind === 'handled' || outcome.kind === 'ignored') {
      await this.store.markReplayed(id);
      return;
    }
    const error =
      outcome.kind === 'invalid'
        ? `invalid message: ${outcome.reason}`
        : outcome.kind === 'waiting'
          ? `still waiting for ${outcome.awaited}`
          : outcome.error;
    await this.store.recordReplayFailure(id, error);
    throw new DomainError('REPLAY_FAILED', `Le message a de nouveau échoué : ${error}`, 'conflict');
  }

  async replayAll(): Promise<ReplayReport> {
    const report: ReplayReport = { replayed: 0, failed: [] };
    for (const letter of await this.store.list('parked')) {
      try {
        await this.replay(letter.id);
        report.replayed += 1;
      } catch (error) {
        report.failed.push({ id: letter.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return report;
  }
}
