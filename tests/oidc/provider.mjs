// A real OpenID Connect provider (npm oidc-provider) for the single sign-on tests, on 127.0.0.1.
// Usage: node tests/oidc/provider.mjs PORT [REDIRECT_URI]. Prints "ready" once it listens.
// CLOCK_OFFSET_SECONDS shifts its clock, as a provider with a wrong clock would be: every token it
// issues is then already expired (negative offset) when engage checks it.
import Provider from 'oidc-provider';

const offset = Number(process.env.CLOCK_OFFSET_SECONDS || 0) * 1000;
if (offset) {
  const realNow = Date.now;
  Date.now = () => realNow() + offset;
}

const port = Number(process.argv[2]);
const redirect = process.argv[3] || 'http://localhost/auth/sso/callback';

// Test accounts, chosen by typing their login id on the provider's login form.
const people = {
  officer: { email: 'officer@example.org', email_verified: true },
  admin: { email: 'Admin@Example.org', email_verified: true },
  unverified: { email: 'officer@example.org', email_verified: false },
  stranger: { email: 'stranger@example.org', email_verified: true },
  noemail: {},
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    { client_id: 'engage', client_secret: 'engage-test-secret', redirect_uris: [redirect],
      grant_types: ['authorization_code'], response_types: ['code'] },
    { client_id: 'someone-else', client_secret: 'other-test-secret',
      redirect_uris: ['http://localhost/other/callback'], grant_types: ['authorization_code'],
      response_types: ['code'] },
  ],
  async findAccount(ctx, id) {
    return { accountId: id, async claims() { return { sub: id, ...(people[id] || {}) }; } };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  // As Microsoft Entra ID does, put the email in the ID token itself.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['engage-test-cookie-key'] },
  // Interactions outlive a two-hour clock offset, so a slow provider still lets people sign in.
  ttl: { Interaction: 3 * 3600, IdToken: 3600, AccessToken: 3600, Grant: 86400, Session: 86400 },
});
provider.proxy = false;
provider.listen(port, '127.0.0.1', () => console.log('ready'));
