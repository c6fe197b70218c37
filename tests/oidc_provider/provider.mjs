// A real OpenID provider for the SSO tests: oidc-provider (OpenID Certified) on 127.0.0.1, on a free port.
//
// Started by tests/oidc_provider/__init__.py; everything it needs comes from the environment:
//   OIDC_TEST_CLIENT         JSON: client_id, client_secret, redirect_uris, post_logout_redirect_uris
//   OIDC_TEST_SIGNING_KEY    JSON: the private RSA key (JWK) it signs ID tokens with, made by the test
//   OIDC_TEST_ACCOUNTS_FILE  a JSON file {sub: {login, password, claims}}, read again at every sign-in, so a test
//                            can add an account or change an e-mail address while the provider runs
// It prints one line of JSON ({"issuer": ...}) when it listens, and stops on SIGTERM or when its stdin closes.
//
// The sign-in page is our own minimal interaction (a form that checks login and password); consent is given at
// once, as an organisation's provider does for its own applications.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const client = JSON.parse(process.env.OIDC_TEST_CLIENT);
const signingKey = JSON.parse(process.env.OIDC_TEST_SIGNING_KEY);
const accountsFile = process.env.OIDC_TEST_ACCOUNTS_FILE;

const accounts = () => JSON.parse(readFileSync(accountsFile, 'utf8'));

const escape = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title, body) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:24rem;margin:2rem auto;padding:0 1rem}
label,input,button{display:block;width:100%;box-sizing:border-box;margin-bottom:.75rem}input{padding:.5rem}
button{padding:.6rem;background:#1f4e79;color:#fff;border:0}.error{color:#a00}</style></head>
<body><h1>${escape(title)}</h1>${body}</body></html>`;

function loginForm(uid, error) {
  return page('Test-identiteitsprovider', `
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login" autocomplete="off">
  <label for="login">Gebruikersnaam</label><input id="login" name="login" required autofocus>
  <label for="password">Wachtwoord</label><input id="password" name="password" type="password" required>
  <button type="submit">Inloggen bij de testprovider</button>
</form>`);
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

function send(res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

let provider;
let handle;

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (prompt.name === 'consent') {
    // Our own application: consent without asking, for exactly what was asked.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  if (req.method === 'GET' && !action) return send(res, 200, loginForm(uid));
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const found = Object.entries(accounts()).find(([, account]) => account.login === form.get('login'));
    if (!found || found[1].password !== form.get('password')) {
      return send(res, 200, loginForm(uid, 'Onbekende gebruikersnaam of verkeerd wachtwoord.'));
    }
    return provider.interactionFinished(req, res, { login: { accountId: found[0] } }, { mergeWithLastSubmission: false });
  }
  return send(res, 404, page('Niet gevonden', ''));
}

const configuration = {
  clients: [{
    ...client,
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  pkce: { required: () => true },
  jwks: { keys: [signingKey] },
  cookies: { keys: ['jeugdregio-test-provider-cookie-key'] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    // groups and the claims that try to make someone staff come with the profile, as some providers send them.
    profile: ['name', 'given_name', 'family_name', 'preferred_username', 'groups', 'is_staff', 'is_superuser', 'roles'],
  },
  async findAccount(ctx, sub) {
    const account = accounts()[sub];
    if (!account) return undefined;
    return { accountId: sub, async claims() { return { ...account.claims, sub }; } };
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = page('Uitloggen bij de testprovider', `${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Ja, uitloggen</button>
<button type="submit" form="op.logoutForm">Nee, ingelogd blijven</button>`);
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Uitgelogd bij de testprovider', '');
      },
    },
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Fout bij de testprovider', `<pre>${escape(JSON.stringify(out))}</pre>`);
  },
};

const server = createServer(async (req, res) => {
  const match = req.url.match(/^\/interaction\/([\w-]+)(?:\/(\w+))?\/?(?:\?.*)?$/);
  if (!match) return handle(req, res);
  try {
    await interaction(req, res, match[1], match[2]);
  } catch (error) {
    send(res, 400, page('Fout bij de testprovider', `<pre>${escape(error.message)}</pre>`));
  }
});

server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  provider = new Provider(issuer, configuration);
  handle = provider.callback();
  // What went wrong goes to the log the test shows when it fails (tests/oidc_provider/__init__.py: Provider.log).
  for (const event of ['end_session.error', 'grant.error', 'userinfo.error', 'server_error', 'authorization.error']) {
    provider.on(event, (ctx, error) => console.error(event, error, error?.cause ?? ''));
  }
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

// The test run holds our stdin open: when it ends, even killed, so do we (no provider left behind).
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
