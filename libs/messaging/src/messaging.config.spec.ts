import { ConfigurationError, loadConfig } from '#platform';
import { MessagingConfig } from './messaging.config.js';

const base = { DATABASE_URL: 'postgres://u:p@db:5432/guichet', NATS_URL: 'nats://nats:4222' };

describe('MessagingConfig', () => {
  it('keeps inbox records longer than the stream keeps events by default', () => {
    const config = loadConfig(MessagingConfig, base);
    expect(config.INBOX_RETENTION_DAYS).toBeGreaterThan(config.NATS_STREAM_MAX_AGE_DAYS);
  });

  it('refuses an inbox retention the stream outlives: an old event could be handled twice', () => {
    expect(() =>
      loadConfig(MessagingConfig, { ...base, NATS_STREAM_MAX_AGE_DAYS: '60', INBOX_RETENTION_DAYS: '45' }),
    ).toThrow(ConfigurationError);
    expect(() =>
      loadConfig(MessagingConfig, { ...base, NATS_STREAM_MAX_AGE_DAYS: '60', INBOX_RETENTION_DAYS: '45' }),
    ).toThrow(/INBOX_RETENTION_DAYS/);
  });
});
