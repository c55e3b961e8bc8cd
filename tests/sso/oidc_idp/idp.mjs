// A real OpenID Connect provider for Guild's SSO tests: the OpenID-Certified oidc-provider package.
// Listens on a free port and prints {"issuer": ...} on its first line of output.
// GUILD_OIDC_CONFIG (JSON): {"client_id", "client_secret", "redirect_uris": [...], "accounts": {login: claims}}
import http from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.GUILD_OIDC_CONFIG);
const server = http.createServer();

server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: config.client_id,
      client_secret: config.client_secret,
      redirect_uris: config.redirect_uris,
      post_logout_redirect_uris: config.post_logout_redirect_uris || [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }],
    // The test accounts: the login typed in the provider's own sign-in form picks one.
    async findAccount(ctx, id) {
      const claims = config.accounts[id];
      if (!claims) return undefined;
      return { accountId: id, async claims() { return { sub: id, ...claims }; } };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'department', 'job_title', 'manager_email', 'groups'],
    },
    // First-party application: consent is given once, silently.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['guild-test-only'] },
  });
  server.on('request', provider.callback());
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
