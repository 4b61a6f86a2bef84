import { errorKindStatus, isDomainError } from '../../kernel/errors';

/**
 * Runs a command's action and turns a failure into a clear message on
 * standard error and a non-zero exit code: the code says what kind of problem
 * it was (see kernel/errors/status.ts). Stack traces only with MAINSTAY_DEBUG.
 */
export function runCommand<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (isDomainError(error)) {
        process.stderr.write(`error: ${error.message} [${error.code}]\n`);
        for (const issue of error.issues)
          process.stderr.write(`  ${issue.path}: ${issue.message} (${issue.rule})\n`);
        process.exitCode = errorKindStatus[error.kind].exitCode;
      } else {
        process.stderr.write(`error: ${(error as Error).message ?? String(error)}\n`);
        if (process.env.MAINSTAY_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
        process.exitCode = 70;
      }
    }
  };
}
