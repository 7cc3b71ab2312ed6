#!/usr/bin/env node
// Before `npm test`: the browser journeys need Debian's Chromium and a CJK font. No test tool
// downloads a browser of its own. As root on Debian this installs them with apt-get (as .ci/run
// does); anywhere else it stops with the one command that would.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.GONGFU_CHROMIUM ?? '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-wqy-microhei'];
const COMMAND = `apt-get install -y ${PACKAGES.join(' ')}`;

function hasCjkFont() {
  const r = spawnSync('fc-list', [], { encoding: 'utf8' });
  return r.status === 0 && /WenQuanYi Micro Hei/i.test(r.stdout);
}

if (existsSync(CHROMIUM) && hasCjkFont()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/etc/debian_version') || process.env.GONGFU_CHROMIUM) {
  console.error(
    `Browser tests need Chromium and a CJK font: run \`sudo ${COMMAND}\` (or set GONGFU_CHROMIUM).`,
  );
  process.exit(1);
}
console.log(`== installing ${PACKAGES.join(' ')} for the browser tests`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env,
});
