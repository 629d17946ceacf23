import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, ROLES, type Locale, type Role } from '@demarche/shared';
import { IsEmail, IsIn, IsISO8601, IsString, Length, MaxLength, Validate } from 'class-validator';
import { IsTimeZone, Omittable } from '../core/http/validators.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../core/auth/passwords.js';

const PASSWORD_RULE = `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`;

export class LoginDto {
  @ApiProperty({ example: 'focal-point@example.org' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'must not be empty' })
  password: string;
}

export class OrganizationRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: OrganizationRefDto }) organization: OrganizationRefDto;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ example: 'America/New_York' }) timeZone: string;
}

export class SessionDto {
  @ApiProperty({ type: MeDto }) user: MeDto;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Send as X-CSRF-Token on every state-changing request made with the session cookie; null for API-token requests',
  })
  csrfToken: string | null;
}

export class CsrfDto {
  @ApiProperty() csrfToken: string;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @Omittable()
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @Omittable()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Europe/Zurich' })
  @Omittable()
  @Validate(IsTimeZone)
  timeZone?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'must not be empty' })
  currentPassword: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: `must be ${PASSWORD_RULE}` })
  newPassword: string;
}

export class PasswordResetRequestDto {
  @ApiProperty()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the e-mailed link (after #token=)' })
  @IsString()
  @Length(10, 200)
  token: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: `must be ${PASSWORD_RULE}` })
  password: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Reporting script' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the token stops working; none means until revoked' })
  @Omittable()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  expiresAt?: string;
}

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The first characters of the token, to recognize it' }) prefix: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
}

export class CreatedApiTokenDto {
  @ApiProperty({ description: 'The token itself. Shown this once; only its hash is kept.' }) token: string;
  @ApiProperty({ type: ApiTokenDto }) apiToken: ApiTokenDto;
}

export class ApiTokenPageDto {
  @ApiProperty({ type: [ApiTokenDto] }) items: ApiTokenDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
