import { type Config, defaultSecurity } from '../platform/config.ts';

/** A throw-away configuration for rendering the API description (no data, no secrets kept). */
export const testConfigForSpec = (): Config => ({
  production: false,
  host: '127.0.0.1',
  port: 0,
  databaseUrl: undefined,
  dataDir: '',
  masterKey: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  allowedOrigins: [],
  bodyLimitBytes: 1024 * 1024,
  security: defaultSecurity,
  demo: false,
});
