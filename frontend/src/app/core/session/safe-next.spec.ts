import { safeNextUrl } from './safe-next';

describe('safeNextUrl', () => {
  const origin = 'https://demarche.example.org';

  it('accepts a path of this site, with its query and fragment', () => {
    expect(safeNextUrl('/profile', origin)).toBe('/profile');
    expect(safeNextUrl('/campaigns/42?tab=demands#d-7', origin)).toBe('/campaigns/42?tab=demands#d-7');
  });

  it('refuses other origins, however they are written', () => {
    for (const next of [
      '//evil.com',
      'https://evil.com',
      'https://evil.com/profile',
      '/\\evil.com',
      '/\t/evil.com',
      '\\\\evil.com',
      'javascript:alert(1)',
      'profile',
      '',
      ' /profile',
    ]) {
      expect(safeNextUrl(next, origin), next).toBeNull();
    }
  });

  it('refuses a missing value and the sign-in page itself', () => {
    expect(safeNextUrl(null, origin)).toBeNull();
    expect(safeNextUrl(undefined, origin)).toBeNull();
    expect(safeNextUrl(['/profile'], origin)).toBeNull();
    expect(safeNextUrl('/sign-in?next=%2Fprofile', origin)).toBeNull();
  });
});
