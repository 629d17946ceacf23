import { describe, expect, it } from 'vitest';
import { pooled } from './mailer.js';

describe('pooled', () => {
  it('reuses SMTP connections by default', () => {
    const url = new URL(pooled('smtp://user:secret@mail.example.org:587'));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      pool: 'true',
      maxConnections: '16',
      maxMessages: '100',
      connectionTimeout: '10000',
      greetingTimeout: '10000',
      socketTimeout: '20000',
    });
    expect([url.username, url.password, url.host]).toEqual(['user', 'secret', 'mail.example.org:587']);
  });

  it('keeps what the operator set in SMTP_URL', () => {
    const url = new URL(pooled('smtps://mail.example.org/?pool=false&maxConnections=2&socketTimeout=5000'));
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      pool: 'false',
      maxConnections: '2',
      maxMessages: '100',
      socketTimeout: '5000',
    });
  });
});
