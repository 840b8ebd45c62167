import {
  checkChartValues,
  findNumbersInTextFields,
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The source text of a plain, untagged scalar that YAML read as a number, if it has one. */
function sourceDigits(doc: YAML.Document, path: string[]): string | undefined {
  let node = doc.getIn(path, true);
  if (YAML.isAlias(node)) node = node.resolve(doc);
  if (
    !YAML.isScalar(node) ||
    node.type !== YAML.Scalar.PLAIN ||
    node.tag !== undefined ||
    (typeof node.value !== 'number' && typeof node.value !== 'bigint') ||
    typeof node.source !== 'string'
  )
    return undefined;
  return node.source;
}

function setIn(target: Record<string, unknown>, path: string[], value: string) {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) {
    node = isRecord(node) ? node[key] : undefined;
  }
  if (isRecord(node)) node[path[path.length - 1]] = value;
}

/**
 * Reads an answers file (YAML or JSON). A text field written as unquoted digits
 * (`externalId: 012345678901`, as AWS account and external IDs often are) is parsed by YAML
 * as a number, which loses leading zeros and the exact digits of long IDs; such a field gets
 * its digits back exactly as written in the file. Only fields the model wants as text are
 * changed, and only when the file has the plain scalar's source; anything else stays a
 * number and the model refuses it with a message that says to quote it.
 */
export async function readAnswers(file: string): Promise<unknown> {
  const text = await fs.readFile(file, 'utf8');
  const doc = YAML.parseDocument(text);
  if (doc.errors.length > 0) throw doc.errors[0];
  const answers = doc.toJS();
  if (!isRecord(answers)) return answers;
  // targetPath is the CLI's own field (repoUrl is ignored); the rest is the model's.
  const paths = [['targetPath'], ...findNumbersInTextFields(answers)];
  for (const path of paths) {
    const source = sourceDigits(doc, path);
    if (source !== undefined) setIn(answers, path, source);
  }
  return answers;
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
  const answers = (await readAnswers(options.input)) as Record<
    string,
    unknown
  > | null;
  const {
    targetPath: answersTargetPath,
    repoUrl: _repoUrl,
    ...gatewayAnswers
  } = answers ?? {};
  const targetPath = options.targetPath ?? answersTargetPath;
  if (targetPath !== undefined && typeof targetPath !== 'string') {
    return {
      exitCode: 1,
      stdout: [],
      stderr: [
        `targetPath in ${options.input}: must be a relative folder, written as text`,
      ],
    };
  }
  const result = renderGatewayFiles(gatewayAnswers, targetPath);
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
