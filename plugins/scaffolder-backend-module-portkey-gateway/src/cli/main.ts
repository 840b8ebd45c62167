import { parseArgs } from 'node:util';
import { checkCommand, CommandResult, renderCommand, usage } from './commands';

/** The `portkey-gateway` command line: render answers into gateway files, or check a values file. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let result: CommandResult;
  try {
    if (command === 'render') {
      const { values } = parseArgs({
        args: rest,
        options: {
          input: { type: 'string', short: 'i' },
          out: { type: 'string', short: 'o' },
          'target-path': { type: 'string' },
          'pr-body': { type: 'string' },
        },
      });
      result = await renderCommand({
        input: values.input,
        out: values.out,
        targetPath: values['target-path'],
        prBody: values['pr-body'],
      });
    } else if (command === 'check') {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true });
      result = await checkCommand(positionals[0]);
    } else {
      result = {
        exitCode: command ? 2 : 0,
        stdout: command ? [] : [usage],
        stderr: command ? [`unknown command "${command}"\n\n${usage}`] : [],
      };
    }
  } catch (error) {
    result = { exitCode: 2, stdout: [], stderr: [(error as Error).message] };
  }
  result.stdout.forEach(line => process.stdout.write(`${line}\n`));
  result.stderr.forEach(line => process.stderr.write(`${line}\n`));
  return result.exitCode;
}
