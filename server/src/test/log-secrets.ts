import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Finds personal data and credentials in a server log: citizen IDs, mobile numbers,
 * residents' one-time link tokens, file-link signatures, passwords, and any literal
 * secrets the caller knows (the tokens and passwords a test run handed out). Independent
 * of the redaction in platform/http/request-log.ts on purpose: it checks its result.
 *
 * In a test:  expect(findSecretsInLog(logText, [token, password])).toEqual([]);
 * On a file:  node --import tsx server/src/test/log-secrets.ts server.log [more.log …]
 *             (exit 1 and one line per finding, the secret itself masked)
 */

export type SecretKind =
  | 'citizen-id'
  | 'mobile'
  | 'resident-token'
  | 'signature'
  | 'password'
  | 'known-secret';

export interface LogFinding {
  kind: SecretKind;
  /** 1-based line of the log. */
  line: number;
  /** The finding with its middle masked, so the report does not repeat the leak. */
  excerpt: string;
}

const PATTERNS: [SecretKind, RegExp][] = [
  ['citizen-id', /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g],
  ['mobile', /(?<![0-9A-Za-z.])1[3-9]\d{9}(?![0-9A-Za-z])/g],
  // a resident link's token in an API path or a page path, not replaced by the logger
  ['resident-token', /\/(?:api\/resident\/[A-Za-z-]+|r\/[A-Za-z])\/(?!\[redacted\])[A-Za-z0-9_%-]{8,}/g],
  ['signature', /[?&]sig=(?!\[redacted\])[^&\s"]+/g],
  // request bodies or headers in the log: a password field or a session cookie
  ['password', /"(?:password|currentPassword|newPassword)"\s*:\s*"[^"]/gi],
  ['password', /gongfu_sid=[^;\s"[]/g],
];

const mask = (s: string) => (s.length <= 6 ? '***' : `${s.slice(0, 3)}***${s.slice(-2)}`);

/** Every finding in `text`; `known` are literal secrets to look for as well (empty strings are ignored). */
export function findSecretsInLog(text: string, known: string[] = []): LogFinding[] {
  const findings: LogFinding[] = [];
  const literals = known.filter((k) => k.length >= 6);
  text.split('\n').forEach((lineText, i) => {
    for (const [kind, re] of PATTERNS) {
      for (const m of lineText.matchAll(re)) findings.push({ kind, line: i + 1, excerpt: mask(m[0]) });
    }
    for (const k of literals) {
      if (lineText.includes(k)) findings.push({ kind: 'known-secret', line: i + 1, excerpt: mask(k) });
    }
  });
  return findings;
}

/** A readable report of the findings, one per line. */
export const describeFindings = (findings: LogFinding[]) =>
  findings.map((f) => `line ${f.line}: ${f.kind} ${f.excerpt}`).join('\n');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node --import tsx server/src/test/log-secrets.ts <log file> [...]');
    process.exit(2);
  }
  let total = 0;
  for (const file of files) {
    const findings = findSecretsInLog(readFileSync(file, 'utf8'));
    total += findings.length;
    if (findings.length > 0) console.error(`${file}:\n${describeFindings(findings)}`);
  }
  console.log(total === 0 ? 'no personal data or credentials found in the log' : `${total} finding(s)`);
  process.exit(total === 0 ? 0 : 1);
}
