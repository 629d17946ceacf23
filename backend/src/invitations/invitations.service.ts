import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE } from '@demarche/shared';
import type { DataSource } from 'typeorm';
import { LinkInvalidError, type NewSession } from '../account/account.service.js';
import { recordAudit } from '../audit/audit.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { loadAuthUser } from '../core/auth/auth-user.js';
import { hashPassword } from '../core/auth/passwords.js';
import { newToken, tokenHash } from '../core/auth/secrets.js';
import { SessionService } from '../core/auth/session.service.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import { MailService } from '../core/mail/mail.service.js';
import { invitationMail, roleLabel } from './invitation-mail.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import type { CreateInvitationDto, InvitationDto, InvitationPageDto, InvitationPreviewDto } from './invitation.dto.js';
import { Invitation } from './invitation.entity.js';
import { inTransaction } from '../core/database/transaction.js';

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

interface InvitationRow {
  id: string;
  email: string;
  organization_id: string;
  organization_name: string;
  role: Invitation['role'];
  created_at: Date;
  expires_at: Date;
}

const toDto = (r: InvitationRow): InvitationDto => ({
  id: r.id,
  email: r.email,
  organizationId: r.organization_id,
  organizationName: r.organization_name,
  role: r.role,
  createdAt: r.created_at.toISOString(),
  expiresAt: r.expires_at.toISOString(),
});

/**
 * Invitations: an admin invites anyone to any organization; a coordinator invites to their own
 * organization, as coordinator, member or observer. The invitee's single-use link creates their
 * account and signs them in.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly sessions: SessionService,
  ) {}

  private assertMayInvite(actor: AuthUser, organizationId: string, role?: string): void {
    if (actor.role === 'admin') return;
    if (actor.role !== 'coordinator') throw new ForbiddenError('Only coordinators and administrators can invite.');
    if (organizationId !== actor.organizationId) throw new ForbiddenError('Coordinators invite people to their own organization only.');
    if (role === 'admin') throw new ForbiddenError('Only administrators can invite administrators.');
  }

  async create(actor: AuthUser, dto: CreateInvitationDto): Promise<InvitationDto> {
    this.assertMayInvite(actor, dto.organizationId, dto.role);
    const email = dto.email.trim().toLowerCase();
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const { invitation, organization } = await inTransaction(this.dataSource, async (manager) => {
      const organization = await manager.findOne(Organization, { where: { id: dto.organizationId } });
      if (!organization || organization.disabledAt)
        throw new ValidationFailedError([{ field: 'organizationId', message: 'is not an active organization' }]);
      if (await manager.exists(User, { where: { email } })) {
        throw new ConflictError('email_taken', 'Someone with this e-mail address already has an account.', [
          { field: 'email', message: 'already has an account' },
        ]);
      }
      // Inviting again replaces the earlier, unused invitation.
      await manager.query(`UPDATE invitations SET revoked_at = now() WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL`, [
        email,
      ]);
      const invitation = await manager.save(
        Invitation,
        manager.create(Invitation, {
          email,
          organizationId: organization.id,
          role: dto.role,
          invitedById: actor.id,
          tokenHash: tokenHash(token),
          expiresAt,
        }),
      );
      await recordAudit(manager, {
        action: 'invitation.created',
        subjectType: 'invitation',
        subjectId: invitation.id,
        actorId: actor.id,
        after: { email, organizationId: organization.id, role: dto.role },
      });
      return { invitation, organization };
    });
    // The invitee has no account yet: write in the inviter's language and zone.
    await this.mail.send(
      email,
      invitationMail(actor.locale, {
        inviterName: actor.displayName,
        organizationName: organization.name,
        roleLabel: roleLabel(actor.locale, dto.role),
        link: this.mail.link('/accept-invitation', token),
        expiresAt,
        timeZone: actor.timeZone,
      }),
      `invitation:${invitation.id}`,
    );
    return toDto({ ...toRow(invitation), organization_name: organization.name });
  }

  /** Pending invitations (admins: all or one organization's; coordinators: their organization's). */
  async list(actor: AuthUser, query: { organizationId?: string; cursor?: string; limit?: number }): Promise<InvitationPageDto> {
    const organizationId = actor.role === 'admin' ? query.organizationId : actor.organizationId;
    if (actor.role !== 'admin') this.assertMayInvite(actor, actor.organizationId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [limit + 1];
    let where = `i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`;
    if (organizationId) {
      params.push(organizationId);
      where += ` AND i.organization_id = $${params.length}`;
    }
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      params.push(createdAt, id);
      where += ` AND (i.created_at, i.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    const rows: InvitationRow[] = await this.dataSource.query(
      `SELECT i.id, i.email, i.organization_id, o.name AS organization_name, i.role, i.created_at, i.expires_at
       FROM invitations i JOIN organizations o ON o.id = i.organization_id
       WHERE ${where} ORDER BY i.created_at DESC, i.id DESC LIMIT $1`,
      params,
    );
    return toPage(rows, limit, toDto, (r) => [r.created_at.toISOString(), r.id]);
  }

  async revoke(actor: AuthUser, id: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const invitation = await manager.findOne(Invitation, { where: { id } });
      if (!invitation || (actor.role !== 'admin' && invitation.organizationId !== actor.organizationId))
        throw new NotFoundError('invitation');
      this.assertMayInvite(actor, invitation.organizationId);
      await manager.query(`UPDATE invitations SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1`, [id]);
      await recordAudit(manager, { action: 'invitation.revoked', subjectType: 'invitation', subjectId: id, actorId: actor.id });
    });
  }

  /** What the accept page shows before the invitee sets a password. */
  async preview(token: string): Promise<InvitationPreviewDto> {
    const rows: InvitationRow[] = await this.dataSource.query(
      `SELECT i.id, i.email, i.organization_id, o.name AS organization_name, i.role, i.created_at, i.expires_at
       FROM invitations i JOIN organizations o ON o.id = i.organization_id
       WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now() AND o.disabled_at IS NULL`,
      [tokenHash(token)],
    );
    const row = rows[0];
    if (!row) throw new LinkInvalidError();
    return { email: row.email, organizationName: row.organization_name, role: row.role, expiresAt: row.expires_at.toISOString() };
  }

  /** Uses the link once: creates the account with the chosen password and signs it in. */
  async accept(
    token: string,
    displayName: string,
    password: string,
    userAgent: string | undefined,
  ): Promise<{ user: AuthUser; session: NewSession }> {
    const hash = await hashPassword(password);
    const { userId, session } = await inTransaction(this.dataSource, async (manager) => {
      const rows: { id: string; email: string; organization_id: string; role: Invitation['role'] }[] = await manager.query(
        `SELECT i.id, i.email, i.organization_id, i.role FROM invitations i JOIN organizations o ON o.id = i.organization_id
         WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now() AND o.disabled_at IS NULL
         FOR UPDATE OF i`,
        [tokenHash(token)],
      );
      const invitation = rows[0];
      if (!invitation) throw new LinkInvalidError();
      if (await manager.exists(User, { where: { email: invitation.email } })) {
        throw new ConflictError('email_taken', 'Someone with this e-mail address already has an account.');
      }
      const user = await manager.save(
        User,
        manager.create(User, {
          email: invitation.email,
          displayName: displayName.trim(),
          organizationId: invitation.organization_id,
          role: invitation.role,
          passwordHash: hash,
          passwordChangedAt: new Date(),
          lastSignInAt: new Date(),
        }),
      );
      await manager.query(`UPDATE invitations SET accepted_at = now() WHERE id = $1`, [invitation.id]);
      await recordAudit(manager, {
        action: 'invitation.accepted',
        subjectType: 'invitation',
        subjectId: invitation.id,
        actorId: user.id,
        after: { userId: user.id },
      });
      return { userId: user.id, session: await this.sessions.create(user.id, userAgent, manager) };
    });
    return { user: await loadAuthUser(this.dataSource, userId), session };
  }
}

function toRow(i: Invitation): Omit<InvitationRow, 'organization_name'> {
  return { id: i.id, email: i.email, organization_id: i.organizationId, role: i.role, created_at: i.createdAt, expires_at: i.expiresAt };
}
