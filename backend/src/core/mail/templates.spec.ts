import { describe, expect, it } from 'vitest';
import { campaignInvitationAnswerMail, campaignInvitationMail, invitationMail, passwordResetMail } from './templates.js';

describe('mail templates', () => {
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

  it('writes the reset message in both languages', () => {
    expect(passwordResetMail('en', { link: 'l', expiresAt, timeZone: 'UTC' }).subject).toBe('Reset your Demarche password');
    expect(passwordResetMail('es', { link: 'l', expiresAt, timeZone: 'UTC' }).subject).toBe('Restablecer su contraseña de Demarche');
  });
});

describe('campaign invitation mails', () => {
  it('asks the invited organization in its language, escaping names in HTML', () => {
    const en = campaignInvitationMail('en', {
      invitedBy: 'Ana (Org <One>)',
      organizationName: 'Org Two',
      campaignTitle: 'Urgent action',
      role: 'signatory',
      link: 'https://d.test/',
    });
    expect(en.subject).toBe('Invitation to the campaign “Urgent action”');
    expect(en.text).toContain('Ana (Org <One>) invites Org Two to join the campaign “Urgent action” as a signatory.');
    expect(en.html).toContain('Org &lt;One&gt;');
    const es = campaignInvitationMail('es', {
      invitedBy: 'Ana',
      organizationName: 'Org Dos',
      campaignTitle: 'Acción urgente',
      role: 'lead',
      link: 'https://d.test/',
    });
    expect(es.text).toContain('como organización coordinadora');
    expect(
      campaignInvitationAnswerMail('es', { organizationName: 'Org Dos', campaignTitle: 'X', accepted: false, link: 'l' }).subject,
    ).toBe('Org Dos rechazó la invitación a «X»');
    expect(
      campaignInvitationAnswerMail('en', { organizationName: 'Org Two', campaignTitle: 'X', accepted: true, link: 'l' }).text,
    ).toContain('It is now part of the campaign.');
  });
});
