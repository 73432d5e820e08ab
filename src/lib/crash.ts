/**
 * The last line of defence of every command: an exception nobody expected, or a promise that can
 * never settle (a search indexer that died, say), prints one line saying what happened and where
 * to report it, and the command exits 1 — never a stack trace, never Node's exit code 13.
 * `DEVGUIDE_DEBUG=1` prints the stack as well.
 */
const REPORT = 'This is a bug in devguide: please report it with the command you ran and this line.';

function fail(error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const where = error instanceof Error ? /\n\s+at .*?\(?([^()\s]+:\d+):\d+\)?/.exec(error.stack ?? '')?.[1] : undefined;
  console.error(`\ndevguide: unexpected error: ${message.split('\n')[0]}${where ? ` (at ${where.replace(/^file:\/\//, '')})` : ''}\n  ${REPORT}`);
  if (process.env.DEVGUIDE_DEBUG && error instanceof Error) console.error(error.stack);
}

/** Installs the handlers; each command calls it first. */
export function guardCommand(): void {
  process.on('uncaughtException', (error) => {
    fail(error);
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    fail(error);
    process.exit(1);
  });
  process.on('exit', (code) => {
    // 13: the event loop emptied while a top-level await was still waiting.
    if (code === 13) {
      console.error('\ndevguide: the command stopped while waiting for work that never finished (a helper process may have crashed, for example when the disk is full).\n  Fix: check the free disk space and run the command again; if it happens again, report it.');
      process.exitCode = 1;
    }
  });
}
