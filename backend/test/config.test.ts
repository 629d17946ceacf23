import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/core/config/config.js';

describe('configuration', () => {
  it('uses documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('localhost');
    expect(config.databaseUrl).toBe('postgres://postgres:postgres@localhost:5432/demarche');
    expect(config.redisUrl).toBe('redis://localhost:6379');
    expect(config.demoData).toBe(true);
  });

  it('names every bad variable and says what it must be', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://u:secret-pw@db/x', REDIS_URL: 'nope', DEMO_DATA: 'maybe', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'DEMO_DATA', 'LOG_LEVEL', 'PORT', 'REDIS_URL']);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT: must be a whole number');
    expect(message).toContain('DATABASE_URL: must be a URL starting with postgres:// or postgresql://');
    expect(message).toContain('DEMO_DATA: must be true or false');
    // Values are never echoed: they can hold credentials.
    expect(message).not.toContain('secret-pw');
  });

  it('refuses a port out of range and a PUBLIC_DIR without a built dashboard', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be at most 65535/);
    expect(() => loadConfig({ PUBLIC_DIR: '/nonexistent' })).toThrow(/PUBLIC_DIR: must be a folder holding the built dashboard/);
  });

  it('reads DEMO_DATA=false', () => {
    expect(loadConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
  });
});
