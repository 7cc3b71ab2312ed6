/**
 * Built JS+CSS size (gzip) of what a browser loads for the login route and for the
 * workbench home: the entry chunk plus the lazily loaded page chunks, each with every
 * chunk it imports statically. Reads Vite's build manifest.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

const WEB = fileURLToPath(new URL('../web/', import.meta.url));

export function measureBundles() {
  const out = mkdtempSync(join(tmpdir(), 'gongfu-bundle-'));
  try {
    execFileSync(
      'npx',
      ['vite', 'build', '--manifest', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
      {
        cwd: WEB,
        stdio: 'inherit',
      },
    );
    const manifest = JSON.parse(readFileSync(join(out, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      Chunk
    >;
    const gz = (file: string) => gzipSync(readFileSync(join(out, file))).length;
    const closure = (keys: string[]) => {
      const files = new Set<string>();
      const visit = (key: string) => {
        const c = manifest[key];
        if (!c || files.has(c.file)) return;
        files.add(c.file);
        for (const css of c.css ?? []) files.add(css);
        for (const i of c.imports ?? []) visit(i);
      };
      for (const k of keys) visit(k);
      return files;
    };
    const keyOf = (part: string) => {
      const k = Object.keys(manifest).find((key) => key.includes(part));
      if (!k) throw new Error(`no chunk for ${part}`);
      return k;
    };
    const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
    const size = (keys: string[]) => {
      const files = [...closure(keys)];
      return { files: files.length, gzipKB: Math.round(files.reduce((n, f) => n + gz(f), 0) / 102.4) / 10 };
    };
    return {
      loginRoute: size([entry, keyOf('pages/login/LoginPage')]),
      workbenchHome: size([entry, keyOf('layout/AppLayout'), keyOf('pages/home/HomePage')]),
      chartingInLogin: [...closure([entry, keyOf('pages/login/LoginPage')])].some((f) => /echarts/i.test(f)),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(measureBundles(), null, 2));
