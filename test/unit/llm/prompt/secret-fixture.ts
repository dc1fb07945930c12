// Tokens are assembled at run time so this file does not itself look like a leak to other scanners.
const j = (...parts: string[]): string => parts.join('');

/** Key body lines: base64 of the right shape, not a real key. */
const KEY_BODY = Array.from({ length: 6 }, (_, i) => j('MIIEpAIBAAKCAQEA', `${i}`, 'q7Vw2LpZx9Rt4Kd8Hs3Nb6TyQw3Er5Ty7Ui9Op1As3Df5Gh7Jk9L'));

/** Each secret value of the fixture, by the kind the scanner reports. */
export const SECRETS = {
  aws: j('AKIA', 'Z5T3QW8RJ2LM4NPX'),
  github: j('ghp_', 'q7Vw2LpZx9Rt4Kd8Hs3Nb6TyQw3Er5Ty7Ui9'),
  jwt: j('eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'),
  dbPassword: j('Wq8vRt2', 'LpZx9mK'),
  assigned: j('Zx8Qp2Lk', '9Wm4Tr7Vb'),
  oldToken: j('ghp_', 'Hs3Nb6TyQw3Er5Ty7Ui9q7Vw2LpZx9Rt4Kd8'),
  bodyToken: j('glpat-', 'x1Y2z3W4v5U6t7S8r9Q0'),
  instructionsKey: j('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc'),
  inlineKey: j('MIIBOgIBAAJBAK', 'q7Vw2LpZx9Rt4Kd8Hs3Nb6Ty'),
  ...Object.fromEntries(KEY_BODY.map((line, i) => [`keyLine${i}`, line])),
} as Readonly<Record<string, string>>;

/** The file before: one secret that the change deletes. */
export const SECRETS_OLD = `export const config = {
  region: 'eu-west-1',
  token: '${SECRETS.oldToken}',
};
`;

/** The file after: a secret of every common kind, on added lines. */
export const SECRETS_NEW = `export const config = {
  region: 'eu-west-1',
  accessKeyId: '${SECRETS.aws}',
  githubToken: '${SECRETS.github}',
  session: '${SECRETS.jwt}',
  databaseUrl: 'postgres://app:${SECRETS.dbPassword}@db.internal:5432/app',
};

const password = "${SECRETS.assigned}";

export const signingKey = \`${j('-----BEGIN RSA ', 'PRIVATE KEY-----')}
${KEY_BODY.join('\n')}
${j('-----END RSA ', 'PRIVATE KEY-----')}\`;

export const inline = "${j('-----BEGIN EC ', 'PRIVATE KEY-----')}\\n${SECRETS.inlineKey}\\n${j('-----END EC ', 'PRIVATE KEY-----')}";
`;
