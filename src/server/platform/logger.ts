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

/**
 * Errors are logged by type, first message line and stack frames only: a
 * database error's message carries the query's parameters (a comment's text,
 * an e-mail address), which must not reach the logs.
 */
function serializeError(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: String(e).split('\n')[0] };
  const cause = e.cause instanceof Error ? e.cause : undefined;
  const database = e.name === 'DrizzleQueryError' || e.message.startsWith('Failed query');
  return {
    type: e.name,
    message: database ? `database error: ${cause?.message ?? 'unknown'}` : e.message.split('\n')[0],
    stack: e.stack?.split('\n').slice(1).join('\n'),
  };
}

export const logger = pino({
  level: config().logLevel,
  base: { app: 'tryghed' },
  serializers: { err: serializeError },
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
