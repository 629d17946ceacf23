import { describe, expect, it } from 'vitest';
import { campaignInvitationAnswerMail, campaignInvitationMail } from './campaign-invitation-mails.js';

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
