import type { Config } from '../core/config/config.js';
import type { RateLimitRule } from '../core/rate-limit/rate-limiter.js';

/** The short window: per account and address, per known device, per address. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** The slow window: per account, from devices it does not know. */
export const SIGN_IN_ACCOUNT_WINDOW_MS = 60 * 60_000;

/** One sign-in attempt, as far as the limits are concerned. */
export interface SignInAttempt {
  /** The e-mail as typed, normalized (trimmed, lower case): the account, whether or not it exists. */
  email: string;
  /** The client's address (`request.ip`; behind a proxy, with TRUST_PROXY). */
  address: string;
  /** The known device of that account the browser presented, or null (docs/adr/0016). */
  knownDeviceId: string | null;
}

/**
 * One counter an attempt is counted in. Every attempt is counted before its password is checked
 * (so parallel attempts cannot overtake the limit), then a success either `clear`s the counter
 * (its failures are forgiven: the pair, the device) or `refund`s its own hit (the failures of
 * others stay counted: the address, the account).
 */
export interface SignInCounter {
  rule: RateLimitRule;
  id: string;
  onSuccess: 'clear' | 'refund';
}

/**
 * The counters of a sign-in attempt, in the order they are checked (docs/adr/0016):
 * - the address across accounts, so one address cannot try many accounts;
 * - the account from this address, so one address cannot grind one account — and an attacker's
 *   address is refused while the member's own address is not;
 * - from a known device: that device, which the slow account limit does not bind, so nobody can
 *   lock a member out of their own browser; from any other device: the account across all
 *   addresses, slower, so a distributed attacker gets few guesses in all.
 */
export function signInCounters(limits: Config['rateLimits'], attempt: SignInAttempt): SignInCounter[] {
  return [
    {
      rule: { bucket: 'login-address', limit: limits.loginPerAddress, windowMs: SIGN_IN_WINDOW_MS },
      id: attempt.address,
      onSuccess: 'refund',
    },
    {
      rule: { bucket: 'login-account-address', limit: limits.loginPerAccountAddress, windowMs: SIGN_IN_WINDOW_MS },
      // The e-mail is free text: JSON keeps `a|b` + `c` and `a` + `b|c` apart.
      id: JSON.stringify([attempt.email, attempt.address]),
      onSuccess: 'clear',
    },
    attempt.knownDeviceId
      ? {
          rule: { bucket: 'login-device', limit: limits.loginPerAccountAddress, windowMs: SIGN_IN_WINDOW_MS },
          id: attempt.knownDeviceId,
          onSuccess: 'clear',
        }
      : {
          rule: { bucket: 'login-account', limit: limits.loginPerAccount, windowMs: SIGN_IN_ACCOUNT_WINDOW_MS },
          id: attempt.email,
          onSuccess: 'refund',
        },
  ];
}
