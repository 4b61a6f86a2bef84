import { Command } from 'commander';
import type { CliRuntime } from '../../kernel/cli';
import { commandRegistrars } from './commands';

const runtime: CliRuntime = {
  out: (line) => process.stdout.write(`${line}\n`),
  note: (line) => process.stderr.write(`${line}\n`),
};

const program = new Command('mainstay')
  .description('Mainstay — the shared operational layer for NHS organisations')
  .showHelpAfterError();

for (const register of commandRegistrars) register(program, runtime);

await program.parseAsync(process.argv);
