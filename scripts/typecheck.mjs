// `npm run typecheck`: the four TypeScript projects, two at a time (the machines we run on
// have two cores; one tsc uses one), each project's errors printed together.
import { spawn } from 'node:child_process';

const projects = ['server', 'web', 'e2e', 'domain'];
const tsc = (project) =>
  new Promise((done) => {
    const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => {
      process.stdout.write(`tsc -p ${project}: ${code === 0 ? 'ok' : 'errors'}\n${out}`);
      done(code === 0);
    });
  });

const queue = [...projects];
const worker = async () => {
  let ok = true;
  for (let p = queue.shift(); p; p = queue.shift()) ok = (await tsc(p)) && ok;
  return ok;
};
const results = await Promise.all([worker(), worker()]);
process.exit(results.every(Boolean) ? 0 : 1);
