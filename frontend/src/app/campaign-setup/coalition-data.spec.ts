import {
  isLastLead,
  joinMode,
  joinOutcome,
  leadCount,
  losesCoordination,
  nextActive,
  offerable,
  otherRole,
  removalBlock,
  type Viewer,
} from './coalition-data';
import { AMNESTY_ID, CELS_ID, OWN_ORGANIZATION_ID, aCoalitionMember, aDraft, anInvitedOrganization } from './testing/setup-fixtures';

const OWN = aDraft().organizations[0]!;
const AMNESTY = aCoalitionMember();
const COORDINATOR: Viewer = { role: 'coordinator', organizationId: OWN_ORGANIZATION_ID };
const ADMIN: Viewer = { role: 'admin', organizationId: OWN_ORGANIZATION_ID };

describe('the coalition', () => {
  it('is brought in by an administrator directly, by anyone else through an invitation', () => {
    expect(joinMode('admin')).toBe('add');
    expect(joinMode('coordinator')).toBe('invite');
    expect(joinMode(null)).toBe('invite');
  });

  it('changes a role to the other one', () => {
    expect(otherRole('lead')).toBe('signatory');
    expect(otherRole('signatory')).toBe('lead');
  });

  it('keeps its last lead: neither removed nor made a signatory', () => {
    const campaign = aDraft({ organizations: [OWN, AMNESTY] });
    expect(leadCount(campaign)).toBe(1);
    expect(isLastLead(campaign, OWN.id)).toBe(true);
    expect(isLastLead(campaign, AMNESTY.id)).toBe(false);
    expect(removalBlock(campaign, OWN.id, ADMIN)).toBe('last_lead');

    const twoLeads = aDraft({ organizations: [OWN, { ...AMNESTY, role: 'lead' }] });
    expect(leadCount(twoLeads)).toBe(2);
    expect(isLastLead(twoLeads, OWN.id)).toBe(false);
    expect(removalBlock(twoLeads, AMNESTY_ID, COORDINATOR)).toBeNull();
  });

  it('does not let a coordinator remove their own organization (they would lose the campaign); an administrator may', () => {
    const twoLeads = aDraft({ organizations: [OWN, { ...AMNESTY, role: 'lead' }] });
    expect(removalBlock(twoLeads, OWN_ORGANIZATION_ID, COORDINATOR)).toBe('own');
    expect(removalBlock(twoLeads, OWN_ORGANIZATION_ID, ADMIN)).toBeNull();
  });

  it('asks a coordinator first before making their own lead organization a signatory', () => {
    expect(losesCoordination(OWN, COORDINATOR)).toBe(true);
    expect(losesCoordination(OWN, ADMIN)).toBe(false);
    expect(losesCoordination({ ...AMNESTY, role: 'lead' }, COORDINATOR)).toBe(false);
    expect(losesCoordination({ ...OWN, role: 'signatory' }, COORDINATOR)).toBe(false);
  });

  it('offers only organizations neither in the coalition nor invited', () => {
    const campaign = aDraft({ organizations: [OWN, AMNESTY], invitations: [anInvitedOrganization()] });
    const other = { id: '0a000000-0000-4000-8000-000000000009', name: 'Cristosal' };
    const found = [
      { id: AMNESTY_ID, name: 'Amnesty International' },
      { id: CELS_ID, name: 'Centro de Estudios Legales y Sociales' },
      other,
      { id: OWN_ORGANIZATION_ID, name: 'Centro de Derechos' },
    ];
    expect(offerable(found, campaign)).toEqual([other]);
    expect(offerable([], campaign)).toEqual([]);
  });

  it('reads what bringing an organization in did from the campaign answered: added, invited, or neither', () => {
    const added = aDraft({ organizations: [OWN, AMNESTY] });
    expect(joinOutcome(added, AMNESTY_ID)).toEqual({ kind: 'added', role: 'signatory' });
    const invited = aDraft({ invitations: [anInvitedOrganization({ role: 'lead' })] });
    expect(joinOutcome(invited, CELS_ID)).toEqual({ kind: 'invited', role: 'lead' });
    expect(joinOutcome(aDraft(), AMNESTY_ID)).toBeNull();
  });

  it('moves through the organizations found with the arrow keys, wrapping around', () => {
    expect(nextActive(-1, 3, 1)).toBe(0);
    expect(nextActive(-1, 3, -1)).toBe(2);
    expect(nextActive(0, 3, 1)).toBe(1);
    expect(nextActive(2, 3, 1)).toBe(0);
    expect(nextActive(0, 3, -1)).toBe(2);
    expect(nextActive(5, 3, 1)).toBe(0);
    expect(nextActive(0, 0, 1)).toBe(-1);
  });
});
