import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Pure domain rules (money, masks, ID checks) are shared with the server: `@gongfu/domain/cn/money`.
const domainSrc = new URL('../domain/src/', import.meta.url).pathname;

export default defineConfig({
  plugins: [react()],
  resolve: { alias: [{ find: /^@gongfu\/domain\//, replacement: domainSrc }] },
  server: {
    // Keep the Host header: the server refuses a write whose Origin is not its own host.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
