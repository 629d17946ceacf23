import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, type TestUser } from './support/accounts.js';
import { startApi, testConfig, type RunningApp } from './support/test-app.js';

// In a file of its own: Passport keeps strategies in one process-wide registry, so an API
// instance closed mid-file would leave the other with a strategy bound to a closed database.
describe('behind HTTPS', () => {
  let member: TestUser;
  let secure: RunningApp;

  beforeAll(async () => {
    member = await createUser('member');
    secure = await startApi(testConfig({ PUBLIC_URL: 'https://demarche.example.org' }));
  });
  afterAll(async () => {
    await secure.close();
  });

  it('marks the cookie Secure and __Host- behind HTTPS', async () => {
    const response = await fetch(`${secure.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: member.email, password: PASSWORD }),
    });
    const header = response.headers.getSetCookie()[0]!;
    expect(header).toMatch(/^__Host-demarche_session=/);
    expect(header).toMatch(/; Secure/i);
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
  });
});
