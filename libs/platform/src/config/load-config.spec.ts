import { IsBoolean } from 'class-validator';
import { EnvBoolean } from './env-boolean.js';
import { ConfigurationError, loadConfig } from './load-config.js';
import { ServiceConfig } from './service-config.js';

const valid = { DATABASE_URL: 'postgres://guichet:secret@db:5432/guichet', NATS_URL: 'nats://nats:4222' };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(ServiceConfig, env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems.map((problem) => problem.variable);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the defaults and converts numbers', () => {
    const config = loadConfig(ServiceConfig, { ...valid, PORT: '3001' });
    expect(config).toMatchObject({
      PORT: 3001,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      CONNECT_TIMEOUT_SECONDS: 10,
    });
  });

  it('names every missing variable', () => {
    expect(problemsOf({})).toEqual(expect.arrayContaining(['DATABASE_URL', 'NATS_URL']));
  });

  it('names a malformed variable and says what is expected, in French', () => {
    expect(problemsOf({ ...valid, NATS_URL: 'localhost:4222', PORT: 'abc' })).toEqual(['PORT', 'NATS_URL']);
    expect(() => loadConfig(ServiceConfig, { ...valid, NATS_URL: 'localhost:4222' })).toThrow(
      /NATS_URL \(doit être une URL nats:\/\//,
    );
  });

  it('treats an empty variable as unset, so that its default applies', () => {
    expect(loadConfig(ServiceConfig, { ...valid, LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });
});

describe('EnvBoolean', () => {
  class Flags {
    @EnvBoolean()
    @IsBoolean()
    ENABLED: boolean = true;
  }

  it.each([
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', true],
  ])('reads %s as %s (not as a non-empty string)', (raw, expected) => {
    expect(loadConfig(Flags, { ENABLED: raw }).ENABLED).toBe(expected);
  });

  it('keeps the default when unset and refuses anything else', () => {
    expect(loadConfig(Flags, {}).ENABLED).toBe(true);
    expect(() => loadConfig(Flags, { ENABLED: 'yes' })).toThrow(/ENABLED/);
  });
});
