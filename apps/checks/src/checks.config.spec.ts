import { loadConfig } from '#platform';
import { ChecksConfig, DEV_CAMPAIGN_KEY } from './checks.config.js';

const base = {
  DATABASE_URL: 'postgres://guichet:guichet@127.0.0.1:5432/guichet',
  NATS_URL: 'nats://127.0.0.1:4222',
  AUTH_JWKS_URL: 'https://sso.example/jwks',
};

describe('the campaign key of the draws', () => {
  it('refuses the development key in production, naming the variable (draws under a known key can be predicted)', () => {
    expect(() => loadConfig(ChecksConfig, { ...base, NODE_ENV: 'production' })).toThrow(
      /CHECKS_CAMPAIGN_KEY/,
    );
    expect(
      loadConfig(ChecksConfig, {
        ...base,
        NODE_ENV: 'production',
        CHECKS_CAMPAIGN_KEY: 'a-secret-campaign-key-2026',
      }).CHECKS_CAMPAIGN_KEY,
    ).toBe('a-secret-campaign-key-2026');
  });

  it('accepts it in development and tests', () => {
    expect(loadConfig(ChecksConfig, { ...base, NODE_ENV: 'development' }).CHECKS_CAMPAIGN_KEY).toBe(
      DEV_CAMPAIGN_KEY,
    );
  });
});
