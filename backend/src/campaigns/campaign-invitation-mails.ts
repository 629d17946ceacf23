import type { CampaignRole, Locale } from '@demarche/shared';
import { mailBody, clip, PREFERENCES_FOOTER, type RenderedMail } from '../core/mail/mail-layout.js';

/** An organization invited to a campaign, and its answer. (Layout and dates: core/mail/mail-layout.ts.) */

const CAMPAIGN_ROLE_LABELS: Record<Locale, Record<CampaignRole, string>> = {
  en: { lead: 'a lead organization', signatory: 'a signatory' },
  es: { lead: 'organización coordinadora', signatory: 'firmante' },
};

/** To the coordinators of an organization: another organization invites it to join a campaign. */
export function campaignInvitationMail(
  locale: Locale,
  p: { invitedBy: string; organizationName: string; campaignTitle: string; role: CampaignRole; link: string },
): RenderedMail {
  const role = CAMPAIGN_ROLE_LABELS[locale][p.role];
  if (locale === 'es') {
    return {
      subject: `Invitación a la campaña «${clip(p.campaignTitle, 60)}»`,
      ...mailBody(
        [
          `${p.invitedBy} invita a ${p.organizationName} a unirse a la campaña «${p.campaignTitle}» como ${role}.`,
          'Hasta que la acepte, quien invita solo ve el nombre de su organización. Acepte o rechace la invitación en la página de inicio de Demarche.',
        ],
        { href: p.link, label: 'Ver la invitación' },
        PREFERENCES_FOOTER.es,
      ),
    };
  }
  return {
    subject: `Invitation to the campaign “${clip(p.campaignTitle, 60)}”`,
    ...mailBody(
      [
        `${p.invitedBy} invites ${p.organizationName} to join the campaign “${p.campaignTitle}” as ${role}.`,
        'Until you accept, the inviters see only your organization’s name. Accept or decline the invitation on your Demarche home page.',
      ],
      { href: p.link, label: 'See the invitation' },
      PREFERENCES_FOOTER.en,
    ),
  };
}

/** To the coordinator who sent an invitation: the invited organization accepted or declined it. */
export function campaignInvitationAnswerMail(
  locale: Locale,
  p: { organizationName: string; campaignTitle: string; accepted: boolean; link: string },
): RenderedMail {
  if (locale === 'es') {
    const verb = p.accepted ? 'aceptó' : 'rechazó';
    return {
      subject: `${p.organizationName} ${verb} la invitación a «${clip(p.campaignTitle, 60)}»`,
      ...mailBody(
        [
          `${p.organizationName} ${verb} su invitación a la campaña «${p.campaignTitle}».`,
          ...(p.accepted ? ['Ya forma parte de la campaña.'] : []),
        ],
        { href: p.link, label: 'Abrir la campaña' },
        PREFERENCES_FOOTER.es,
      ),
    };
  }
  const verb = p.accepted ? 'accepted' : 'declined';
  return {
    subject: `${p.organizationName} ${verb} the invitation to “${clip(p.campaignTitle, 60)}”`,
    ...mailBody(
      [
        `${p.organizationName} ${verb} your invitation to the campaign “${p.campaignTitle}”.`,
        ...(p.accepted ? ['It is now part of the campaign.'] : []),
      ],
      { href: p.link, label: 'Open the campaign' },
      PREFERENCES_FOOTER.en,
    ),
  };
}
