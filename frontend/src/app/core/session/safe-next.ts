/**
 * The `next` query parameter of `/sign-in?next=…`, if it is safe to go to after signing in:
 * a path of this site. Anything else — another origin (`https://evil.com`), a scheme-relative
 * URL (`//evil.com`, `/\evil.com`, which browsers read as `//`), a `javascript:` URL, the sign-in
 * page itself — gives `null`, and the caller goes to `/` instead. An open redirect after sign-in
 * is a classic phishing aid; for human-rights defenders it is not a theoretical one.
 */
export function safeNextUrl(value: unknown, origin: string): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  let url: URL;
  try {
    // The URL parser drops tabs and newlines and turns `\` into `/`: check what it makes of it.
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin || url.pathname === '/sign-in') {
    return null;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}
