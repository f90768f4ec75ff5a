import { type JetStreamManager, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { STREAM_SUBJECTS } from '#domain';

export interface StreamSettings {
  name: string;
  replicas: number;
  maxAgeDays: number;
}

const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

export function streamConfig(settings: StreamSettings): Partial<StreamConfig> & { name: string } {
  return {
    name: settings.name,
    subjects: STREAM_SUBJECTS,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    num_replicas: settings.replicas,
    max_age: nanos(settings.maxAgeDays * 24 * 3600 * 1000),
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  };
}

/** Creates the stream, or brings an existing one to the expected settings. Safe to run at every boot. */
export async function ensureStream(jsm: JetStreamManager, settings: StreamSettings): Promise<void> {
  const wanted = streamConfig(settings);
  try {
    const info = await jsm.streams.info(settings.name);
    const current = info.config;
    const differs =
      current.subjects.join(',') !== STREAM_SUBJECTS.join(',') ||
      current.max_age !== wanted.max_age ||
      current.duplicate_window !== wanted.duplicate_window ||
      current.num_replicas !== wanted.num_replicas;
    if (differs) {
      await jsm.streams.update(settings.name, {
        subjects: STREAM_SUBJECTS,
        max_age: wanted.max_age,
        duplicate_window: wanted.duplicate_window,
        num_replicas: wanted.num_replicas,
      });
    }
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
    try {
      await jsm.streams.add(wanted);
    } catch (addError) {
      // Another replica created it between our two calls.
      if (!(addError instanceof Error && /already in use|already exists/i.test(addError.message)))
        throw addError;
    }
  }
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof Error && /stream not found/i.test(error.message);
}
