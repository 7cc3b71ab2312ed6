import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Programme modules reach the platform through the kit only (tests: the kit and its testing entry). */

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modulesDir = join(src, 'modules');
const platformDir = join(src, 'platform');
const KIT = join(platformDir, 'kit', 'index.ts');
const KIT_TESTING = join(platformDir, 'kit', 'testing.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Relative import and export specifiers of a source file (static and dynamic). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) found.push(m[1] as string);
  return found;
}

/** The platform files a module file imports other than those it may. */
export function boundaryBreaches(file: string, text: string): string[] {
  const allowed = file.includes(`${join('/', '__tests__')}/`) ? [KIT, KIT_TESTING] : [KIT];
  return specifiers(text)
    .map((s) => resolve(dirname(file), s))
    .filter((target) => target.startsWith(`${platformDir}/`) && !allowed.includes(target))
    .map((target) => relative(src, target));
}

describe('module boundary', () => {
  it('modules import nothing of the platform but the kit', () => {
    const breaches = sourceFiles(modulesDir).flatMap((f) =>
      boundaryBreaches(f, readFileSync(f, 'utf8')).map((t) => `${relative(src, f)} → ${t}`),
    );
    expect(breaches).toEqual([]);
  });

  it('names a file that reaches into the platform', () => {
    const file = join(modulesDir, 'example', 'example.service.ts');
    const text =
      "import { x } from '../../platform/http/errors.ts';\nimport { y } from '../../platform/kit/index.ts';\n";
    expect(boundaryBreaches(file, text)).toEqual(['platform/http/errors.ts']);
    const test = join(modulesDir, 'example', '__tests__', 'example.test.ts');
    expect(boundaryBreaches(test, "import { z } from '../../../platform/kit/testing.ts';\n")).toEqual([]);
    expect(boundaryBreaches(file, "import { z } from '../../platform/kit/testing.ts';\n")).toEqual([
      'platform/kit/testing.ts',
    ]);
  });
});
