/**
 * What every command in src/server/cli shares: how a usage error ends (exit
 * 2, the message and the usage line on stderr) and how an invalid
 * configuration ends (exit 1 with the configuration's own message).
 */
import { ConfigError, loadConfig, type Config } from '../platform/config.ts';

/** Prints the message (if any) and the usage line to stderr and exits with 2. */
export function usageExit(usageLine: string, message?: string): never {
  if (message) process.stderr.write(`${message}\n\n`);
  process.stderr.write(`${usageLine}\n`);
  process.exit(2);
}

/** The configuration, or exit 1 with the reason when it is invalid. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
