import {
  checkChartValues,
  ValuesFinding,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import YAML from 'yaml';
import { renderGatewayFiles } from '../output/gatewayFiles';
import { writeFilesAtomically } from '../output/writeFilesAtomically';

/** What a command prints and its exit code; main() does the printing. */
export type CommandResult = {
  exitCode: number;
  stdout: string[];
  stderr: string[];
};

const usage = [
  'Usage:',
  '  portkey-gateway render --input <answers.yaml|json> --out <dir> [--target-path <folder>] [--pr-body <file>]',
  '      Validates the answers (the same input as the portkey:gateway:render action) and writes',
  '      <dir>/<folder>/values.yaml and catalog-info.yaml (folder default: gateways/<namespace>/<release>).',
  '  portkey-gateway check <values.yaml>',
  "      Reviews a values file for the chart's traps and for inline secrets; exits 1 on any error.",
].join('\n');

async function readStructured(path: string): Promise<unknown> {
  const text = await fs.readFile(path, 'utf8');
  // YAML is a superset of JSON, so one parser reads both answer formats.
  return YAML.parse(text);
}

export async function renderCommand(options: {
  input?: string;
  out?: string;
  targetPath?: string;
  prBody?: string;
}): Promise<CommandResult> {
  if (!options.input || !options.out) {
    return {
      exitCode: 2,
      stdout: [],
      stderr: [`render needs --input and --out\n\n${usage}`],
    };
  }
  const answers = (await readStructured(options.input)) as Record<
    string,
    unknown
  > | null;
  const {
    targetPath: answersTargetPath,
    repoUrl: _repoUrl,
    ...gatewayAnswers
  } = answers ?? {};
  const result = renderGatewayFiles(
    gatewayAnswers,
    options.targetPath ?? (answersTargetPath as string | undefined),
  );
  if (!result.ok) {
    return {
      exitCode: 1,
      stdout: [],
      stderr:
        result.problem === 'input'
          ? [
              `Invalid Portkey gateway input in ${options.input}:`,
              result.errors,
            ]
          : [result.message],
    };
  }
  const { rendered, output } = result;
  const outDir = resolve(options.out);
  const written = await writeFilesAtomically(output.files, relativePath =>
    resolve(outDir, relativePath),
  );
  if (options.prBody)
    await fs.writeFile(options.prBody, output.pullRequest.body, 'utf8');
  return {
    exitCode: 0,
    stdout: [
      ...written.map(path => `wrote ${path}`),
      ...(options.prBody
        ? [`wrote ${resolve(options.prBody)} (pull request body)`]
        : []),
      `Secret ${rendered.plan.secretName} must hold: ${output.secretKeys.join(
        ', ',
      )}`,
      ...rendered.warnings.map(w => `warning: ${w}`),
    ],
    stderr: [],
  };
}

export async function checkCommand(file?: string): Promise<CommandResult> {
  if (!file)
    return {
      exitCode: 2,
      stdout: [],
      stderr: [`check needs a values file\n\n${usage}`],
    };
  let values: unknown;
  try {
    values = await readStructured(file);
  } catch (error) {
    return {
      exitCode: 1,
      stdout: [],
      stderr: [
        `${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`,
      ],
    };
  }
  const findings = checkChartValues(values);
  const line = (f: ValuesFinding) =>
    `${file}: ${f.severity}: ${f.path} ${f.message}`;
  const errors = findings.filter(f => f.severity === 'error');
  return {
    exitCode: errors.length > 0 ? 1 : 0,
    stdout: [
      ...findings.map(line),
      `${errors.length} error(s), ${
        findings.length - errors.length
      } warning(s)`,
    ],
    stderr: [],
  };
}

export { usage };
