import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isPrivateAddress, resolveTarget, signature, webhookUrlProblem } from './webhook-target.js';
import { slackText } from './webhook-outbox.js';

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '172.16.4.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.169.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it('names what is wrong with a URL', () => {
    expect(webhookUrlProblem('https://hooks.example.org/x')).toBeNull();
    expect(webhookUrlProblem('not a url')).toBe('must be a URL');
    expect(webhookUrlProblem('ftp://example.org')).toBe('must start with https:// or http://');
    expect(webhookUrlProblem('https://user:pw@example.org')).toBe('must not hold a user name or password');
  });

  it('checks literal addresses without DNS, and lets the operator allow private ones', async () => {
    await expect(resolveTarget('http://127.0.0.1:8080/x', false)).rejects.toThrow(
      /127\.0\.0\.1, a private, loopback or link-local address/,
    );
    await expect(resolveTarget('http://[::1]/x', false)).rejects.toThrow(/::1/);
    await expect(resolveTarget('http://127.0.0.1:8080/x', true)).resolves.toMatchObject({ address: '127.0.0.1', family: 4 });
    await expect(resolveTarget('https://93.184.215.14/hook', false)).resolves.toMatchObject({ address: '93.184.215.14' });
  });

  it('signs the timestamp and the body with the secret', () => {
    const body = '{"id":"d1","event":"ping"}';
    const expected = createHmac('sha256', 'whsec_s').update(`1700000000.${body}`).digest('hex');
    expect(signature('whsec_s', 1700000000, body)).toBe(`sha256=${expected}`);
    expect(signature('whsec_s', 1700000001, body)).not.toBe(`sha256=${expected}`);
  });

  it('writes Slack-compatible text, escaping what Slack would read as markup', () => {
    expect(slackText('Reply from <OHCHR> & co', 'body', 'https://d.example/c/1', 'Open')).toBe(
      '*Reply from &lt;OHCHR&gt; &amp; co*\nbody\n<https://d.example/c/1|Open>',
    );
  });
});
