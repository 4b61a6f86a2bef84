import type { Command } from 'commander';

/**
 * What every CLI command can use. The database is opened lazily so that pure
 * commands (payroll calc, invoice validate) start instantly and need no database.
 */
export type CliRuntime = {
  /** Writes one line to standard output (JSON lines commands use this). */
  out(line: string): void;
  /** Writes a human-readable note to standard error, never mixed into JSON output. */
  note(line: string): void;
};

export type CommandRegistrar = (program: Command, runtime: CliRuntime) => void;

/** Finds or creates a command group such as `invoice` so that several modules can add subcommands to it. */
export function commandGroup(program: Command, name: string, description: string): Command {
  const existing = program.commands.find((command) => command.name() === name);
  return existing ?? program.command(name).description(description);
}
