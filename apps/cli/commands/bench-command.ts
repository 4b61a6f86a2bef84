import { BENCHMARKS } from '../../../bench';
import type { CommandRegistrar } from '../../../kernel/cli';
import { runCommand } from '../run-command';

/** `mainstay bench NAME --json`: one JSON line of figures per benchmark; `bench all` runs every one. */
export const registerBenchCommand: CommandRegistrar = (program, runtime) => {
  const bench = program
    .command('bench')
    .description(
      `Run a benchmark: ${[...BENCHMARKS.map((b) => b.name), 'all'].join(', ')} (PostgreSQL when DATABASE_URL is set)`,
    )
    .argument('<name>', 'benchmark name, or "all"')
    .option('--json', 'print one JSON line of figures');
  const extraOptions = new Map<string, string>();
  for (const benchmark of BENCHMARKS) {
    for (const option of benchmark.options ?? []) {
      if (!extraOptions.has(option.flags)) {
        extraOptions.set(option.flags, option.description);
        bench.option(option.flags, `${option.description} (bench ${benchmark.name})`);
      }
    }
  }
  bench.action(
    runCommand(async (name: string, options: Record<string, string | boolean | undefined>) => {
      const selected =
        name === 'all' ? BENCHMARKS : BENCHMARKS.filter((benchmark) => benchmark.name === name);
      if (selected.length === 0)
        throw new Error(
          `No benchmark "${name}": choose one of ${BENCHMARKS.map((b) => b.name).join(', ')} or all`,
        );
      for (const benchmark of selected) {
        runtime.note(`bench ${benchmark.name}: ${benchmark.description}`);
        const figures = await benchmark.run(options, runtime.note);
        runtime.out(
          options.json
            ? JSON.stringify({ bench: benchmark.name, ...figures })
            : `${benchmark.name}: ${JSON.stringify(figures, null, 2)}`,
        );
      }
    }),
  );
};
