import { DEV_TOKEN_ISSUER, isRole, loadConfig, ServiceConfig, signDevToken } from '#platform';

/** `npm run -s token -- <role> [--sub ID] [--team CODE]…`: prints a local development token. */
function usage(): never {
  process.stderr.write(
    'Usage : npm run -s token -- <citizen|agent|supervisor|auditor|admin> [--sub IDENTIFIANT] [--team CODE]…\n',
  );
  process.exit(2);
}

const [role, ...rest] = process.argv.slice(2);
if (!isRole(role)) usage();
let subject = `dev-${role}`;
const teams: string[] = [];
for (let index = 0; index < rest.length; index += 2) {
  const value = rest[index + 1];
  if (!value) usage();
  if (rest[index] === '--sub') subject = value;
  else if (rest[index] === '--team') teams.push(value);
  else usage();
}
const config = loadConfig(ServiceConfig, {
  DATABASE_URL: 'postgres://unused/unused',
  NATS_URL: 'nats://unused',
  ...process.env,
});
if (process.env.NODE_ENV === 'production') {
  process.stderr.write(
    'Refusé : NODE_ENV=production. Les jetons de production viennent de FranceConnect ou du SSO.\n',
  );
  process.exit(1);
}
const token = await signDevToken({
  role,
  subject,
  teams,
  // Always the development issuer: AUTH_ISSUER names the identity provider, whose tokens are not signed here.
  issuer: DEV_TOKEN_ISSUER,
  audience: config.AUTH_AUDIENCE,
  secret: config.AUTH_SECRET,
});
process.stdout.write(`${token}\n`);
