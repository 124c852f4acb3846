/**
 * A tool the harness needs (nats-server, pcscd, ferretdb, ...) is not installed. The message names
 * the binary, where it was looked for, and the command that installs it, so a test that cannot
 * run fails with the reason instead of being skipped.
 */
export class MissingBinaryError extends Error {
  override readonly name = 'MissingBinaryError';
  readonly code = 'MISSING_BINARY' as const;
  readonly binary: string;

  constructor(binary: string, searched: readonly string[], hint = '') {
    super(
      `${binary} not found (looked in: ${searched.join(', ')}). ` +
        `Run \`npm run setup\` (deploy/setup.sh) to install it${hint ? `; ${hint}` : ''}.`,
    );
    this.binary = binary;
  }
}

/** A process the harness started did not become ready; carries the tail of its output. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  readonly code = 'STARTUP_FAILED' as const;

  constructor(what: string, reason: string, output: string) {
    const tail = output.trim().split('\n').slice(-20).join('\n');
    super(`${what} did not start: ${reason}${tail ? `\n--- last output ---\n${tail}` : ''}`);
  }
}
