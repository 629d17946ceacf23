import { describe, expect, it } from 'vitest';
import { invitationMail } from './invitation-mail.js';

describe('the invitation mail', () => {
  const expiresAt = new Date('2026-12-05T14:00:00Z');

  it('writes the invitation in English and Spanish, with the link and the expiry in the zone', () => {
    const en = invitationMail('en', {
      inviterName: 'Ana',
      organizationName: 'Org <One>',
      roleLabel: 'a member',
      link: 'https://d.test/accept-invitation#token=abc',
      expiresAt,
      timeZone: 'America/New_York',
    });
    expect(en.subject).toBe('Your invitation to Demarche (Org <One>)');
    expect(en.text).toContain('https://d.test/accept-invitation#token=abc');
    expect(en.text).toContain('09:00');
    expect(en.html).toContain('Org &lt;One&gt;');
    expect(en.html).not.toContain('Org <One>');
    const es = invitationMail('es', {
      inviterName: 'Ana',
      organizationName: 'Org',
      roleLabel: 'miembro',
      link: 'https://d.test/x',
      expiresAt,
      timeZone: 'Europe/Zurich',
    });
    expect(es.subject).toBe('Invitación a Demarche (Org)');
    expect(es.text).toContain('15:00');
  });
});
