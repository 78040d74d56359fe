/**
 * Structured logs (pino, JSON lines on stdout).
 *
 * Privacy: client IP addresses and user agents are never logged. Request logs
 * carry method, path (no query string: it may hold tokens), status and time.
 * The redact list is a second line of defence for fields that must never
 * appear even if a caller passes a whole request or header object.
 */
import pino from 'pino';
import { config } from './config.ts';

export const logger = pino({
  level: config().logLevel,
  base: { app: 'tryghed' },
  redact: {
    paths: [
      'ip',
      'remoteAddress',
      'req.headers',
      'headers["x-forwarded-for"]',
      'headers["user-agent"]',
      'headers.cookie',
      'password',
      '*.password',
    ],
    remove: true,
  },
});
