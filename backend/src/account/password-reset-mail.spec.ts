import { describe, expect, it } from 'vitest';
import { passwordResetMail } from './password-reset-mail.js';

describe('the password-reset mail', () => {
  const expiresAt = new Date('2026-12-05T14:00:00Z');

  it('writes the reset message in both languages', () => {
    expect(passwordResetMail('en', { link: 'l', expiresAt, timeZone: 'UTC' }).subject).toBe('Reset your Demarche password');
    expect(passwordResetMail('es', { link: 'l', expiresAt, timeZone: 'UTC' }).subject).toBe('Restablecer su contraseña de Demarche');
  });
});
